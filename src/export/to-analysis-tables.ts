/**
 * The analysis tables with their documented, stable columns (README, "Outputs"): papers, concepts, mentions,
 * themes and paper themes as CSV, and papers as JSON.
 */
import type { AnalysisResult } from '../core/result.ts';
import { csvField, formatNumber, toCsv, toCsvPieces, type CsvValue } from './csv.ts';
import { cacheGridNumbers } from './cache-grid-numbers.ts';
import { PIECE_LENGTH } from './piece-length.ts';
import { jsonArrayPieces } from './json-pieces.ts';

export const PAPERS_COLUMNS = ['id', 'version', 'title', 'month', 'paper_url', 'code_url', 'sources', 'abstract', 'note_title'] as const;
export const CONCEPTS_COLUMNS = ['id', 'label', 'type', 'aliases', 'labels_zh', 'parent', 'origin', 'papers', 'mentions', 'first_month', 'louvain_theme', 'kmeans_theme'] as const;
export const MENTIONS_COLUMNS = ['paper_id', 'concept_id', 'count', 'score', 'in_title', 'forms'] as const;
export const THEMES_COLUMNS = ['method', 'theme_id', 'label', 'size', 'papers', 'top_concepts', 'stability'] as const;
export const PAPER_THEMES_COLUMNS = ['paper_id', 'method', 'theme_id', 'strength', 'weak'] as const;

const LIST_SEPARATOR = ' | ';

export function toPapersCsv(result: Pick<AnalysisResult, 'papers'>): string {
  return [...toPapersCsvPieces(result)].join('');
}

/** papers.csv in pieces (export/csv.ts toCsvPieces), as the CLI writes it: a million papers never make one string. */
export function* toPapersCsvPieces(result: Pick<AnalysisResult, 'papers'>): Generator<string> {
  yield* toCsvPieces(
    PAPERS_COLUMNS,
    mapped(result.papers, (paper) => [
      paper.id,
      paper.version,
      paper.title,
      paper.month,
      paper.paperUrl,
      paper.codeUrl,
      paper.sources.map((source) => `${source.file}:${source.line}`).join(LIST_SEPARATOR),
      paper.abstract,
      noteTitle(paper.notes),
    ]),
  );
}

export function toConceptsCsv(result: AnalysisResult): string {
  const themeOf = conceptThemes(result);
  return toCsv(
    CONCEPTS_COLUMNS,
    result.concepts.map((concept) => [
      concept.id,
      concept.label,
      concept.type,
      concept.aliases.join(LIST_SEPARATOR),
      concept.labelsZh.join(LIST_SEPARATOR),
      concept.parent,
      concept.origin,
      concept.papers,
      concept.mentions,
      concept.firstMonth,
      themeOf.get(`louvain:${concept.id}`) ?? null,
      themeOf.get(`kmeans:${concept.id}`) ?? null,
    ]),
  );
}

export function toMentionsCsv(result: Pick<AnalysisResult, 'mentions'>): string {
  return [...toMentionsCsvPieces(result)].join('');
}

/** mentions.csv in pieces (export/csv.ts toCsvPieces): what the CLI writes, so 36M mentions never make one string. */
export function* toMentionsCsvPieces(result: Pick<AnalysisResult, 'mentions'>): Generator<string> {
  // The same text as toCsvPieces over rows of [paperId, conceptId, count, score, inTitle, forms], written field by
  // field: at a million papers this table has 36M rows. Ids are escaped once each (mentions come grouped by paper),
  // counts and scores are formatted once per distinct value.
  const number = cacheGridNumbers(formatNumber);
  const conceptFields = new Map<string, string>();
  let piece = `${MENTIONS_COLUMNS.map(csvField).join(',')}\n`;
  let paperId: string | null = null;
  let paperField = '';
  for (const mention of result.mentions) {
    if (mention.paperId !== paperId) {
      paperId = mention.paperId;
      paperField = csvField(paperId);
    }
    let conceptField = conceptFields.get(mention.conceptId);
    if (conceptField === undefined) {
      conceptField = csvField(mention.conceptId);
      conceptFields.set(mention.conceptId, conceptField);
    }
    const forms = mention.forms.length === 0 ? '' : csvField(mention.forms.join(LIST_SEPARATOR));
    piece += `${paperField},${conceptField},${number(mention.count)},${number(mention.score)},${mention.inTitle ? 'true' : 'false'},${forms}\n`;
    if (piece.length >= PIECE_LENGTH) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

export function toThemesCsv(result: AnalysisResult): string {
  const labels = new Map(result.concepts.map((concept) => [concept.id, concept.label]));
  return toCsv(
    THEMES_COLUMNS,
    result.themes.map((theme) => [
      theme.method,
      theme.id,
      theme.label,
      theme.size,
      theme.papers.length,
      theme.topConcepts.map((id) => labels.get(id) ?? id).join(LIST_SEPARATOR),
      theme.stability,
    ]),
  );
}

export function toPaperThemesCsv(result: Pick<AnalysisResult, 'paperThemes'>): string {
  return [...toPaperThemesCsvPieces(result)].join('');
}

/** paper_themes.csv in pieces, as the CLI writes it. */
export function toPaperThemesCsvPieces(result: Pick<AnalysisResult, 'paperThemes'>): Generator<string> {
  return toCsvPieces(
    PAPER_THEMES_COLUMNS,
    mapped(result.paperThemes, (entry) => [entry.paperId, entry.method, entry.themeId, entry.strength, entry.weak]),
  );
}

/** Papers with every field, as pretty-printed JSON. */
export function toPapersJson(result: Pick<AnalysisResult, 'papers'>): string {
  return [...toPapersJsonPieces(result)].join('');
}

/** papers.json in pieces (export/json-pieces.ts), the same text as JSON.stringify(papers, null, 2). */
export function* toPapersJsonPieces(result: Pick<AnalysisResult, 'papers'>): Generator<string> {
  yield* jsonArrayPieces(result.papers);
  yield '\n';
}

function* mapped<T>(items: Iterable<T>, row: (item: T) => CsvValue[]): Generator<CsvValue[]> {
  for (const item of items) yield row(item);
}

/** The title of the Chinese note (`🌟 论文解读 | …`), or ''. */
export function noteTitle(notes: readonly { heading: string }[]): string {
  const heading = notes.find((note) => note.heading.includes('论文解读'))?.heading ?? '';
  const bar = heading.indexOf('|');
  return bar === -1 ? heading.replace(/^[^\p{L}\p{N}]+/u, '').trim() : heading.slice(bar + 1).trim();
}

function conceptThemes(result: AnalysisResult): Map<string, number> {
  const map = new Map<string, number>();
  for (const theme of result.themes) {
    const method = theme.method === 'kmeans' ? 'kmeans' : 'louvain';
    for (const conceptId of theme.concepts) {
      const key = `${method}:${conceptId}`;
      if (!map.has(key)) map.set(key, theme.id);
    }
  }
  return map;
}
