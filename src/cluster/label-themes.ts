/**
 * Theme labels from class-based TF-IDF over concepts (c-TF-IDF, Grootendorst 2022, "BERTopic: neural topic
 * modeling with a class-based TF-IDF procedure", arXiv:2203.05794), computed on paper counts so a concept repeated
 * in one abstract does not dominate:
 *
 *   score(c, t) = (df_t(c) / |t|) · log(1 + (N / T) / df(c))
 *
 * with df_t(c) the papers of theme t mentioning c, |t| its papers, df(c) the papers mentioning c anywhere, N papers
 * and T themes. Concepts seen in a single paper of a theme only count for themes of one or two papers.
 * Candidates may be restricted per theme (graph communities label themselves with their own concepts).
 *
 * Curated concepts read better than discovered phrases, so the score is multiplied by an origin prior: 1 for
 * lexicon concepts, 0.9 for acronyms defined in the corpus, 0.75 for discovered terms.
 *
 * Labels use each concept's canonical label; a concept whose label contains, or is contained in, a label already
 * chosen for the theme is skipped (no "reward model · reward models"). Head labels are distinct across themes:
 * themes are labelled largest first and a theme's head is its best concept not already a head elsewhere. A label
 * joins `minLabels`..`maxLabels` concepts with " · "; a theme with no usable concept is labelled "Theme <id>".
 */
import type { Concept, ConceptOrigin } from '../core/types.ts';
import type { MentionList } from '../core/mention-list.ts';
import { themeOfRows, type PaperConcepts } from './paper-concepts.ts';

export interface LabelThemesInput {
  /** Paper ids of each theme, in theme-id order (largest first). */
  themePapers: readonly (readonly string[])[];
  concepts: readonly Concept[];
  mentions: MentionList;
  /** Optional per-theme candidate concept ids (a graph community's own concepts). */
  candidates?: readonly (readonly string[])[];
  /** The mentions as integers (paper-concepts.ts), built from the same `concepts`: counted from it, not from `mentions`. */
  paperConcepts?: PaperConcepts;
}

export interface LabelThemesOptions {
  minLabels?: number;
  maxLabels?: number;
  /** Concepts ranked per theme and returned as its characteristic concepts. Default: 10. */
  topConcepts?: number;
  separator?: string;
}

export const LABEL_THEMES_DEFAULTS: Readonly<Required<LabelThemesOptions>> = Object.freeze({
  minLabels: 2,
  maxLabels: 3,
  topConcepts: 10,
  separator: ' · ',
});

const ORIGIN_PRIOR: Readonly<Record<ConceptOrigin, number>> = Object.freeze({ lexicon: 1, acronym: 0.9, discovered: 0.75 });

export interface ThemeLabel {
  label: string;
  /** Concept ids in the label, head first. */
  labelConcepts: string[];
  /** Best concept ids by score (the label's first). */
  topConcepts: string[];
}

export function labelThemes(input: LabelThemesInput, options: LabelThemesOptions = {}): ThemeLabel[] {
  const settings = { ...LABEL_THEMES_DEFAULTS, ...options };
  const labelOf = new Map(input.concepts.map((concept) => [concept.id, concept.label]));
  const prior = new Map(input.concepts.map((concept) => [concept.id, ORIGIN_PRIOR[concept.origin]]));
  const themeCount = input.themePapers.length;
  // 1. Papers per concept overall and per theme (binary per paper), over concept numbers.
  const conceptIndex = new Map(input.concepts.map((concept, i) => [concept.id, i]));
  const counted =
    input.paperConcepts === undefined
      ? countConceptPapers(input.mentions, conceptIndex, themeOfPapers(input.themePapers), themeCount)
      : countRowConcepts(input.paperConcepts, themeOfRows(input.paperConcepts, input.themePapers), input.concepts.length, themeCount);
  const conceptIds = input.concepts.map((concept) => concept.id);
  // Papers mentioning a concept, or undefined for none (as a Map of counts would say).
  const dfOf = (conceptId: string): number | undefined => {
    const c = conceptIndex.get(conceptId);
    const count = c === undefined ? 0 : (counted.df[c] ?? 0);
    return count > 0 ? count : undefined;
  };
  const dfTheme = counted.dfTheme.map((counts) => new Map([...counts].map(([c, count]) => [conceptIds[c] ?? '', count])));
  const paperCount = Math.max(1, counted.paperCount);
  const average = paperCount / Math.max(1, themeCount);
  // 2. Ranked candidates per theme.
  const ranked = input.themePapers.map((papers, t) => {
    const size = Math.max(1, papers.length);
    const allowed = input.candidates?.[t];
    const pool = allowed ? new Set(allowed) : null;
    const scored: [string, number][] = [];
    const counts = dfTheme[t] ?? new Map<string, number>();
    const minCount = size <= 2 ? 1 : 2;
    for (const [conceptId, count] of counts) {
      if (pool && !pool.has(conceptId)) continue;
      if (count < minCount) continue;
      scored.push([conceptId, (count / size) * Math.log(1 + average / (dfOf(conceptId) ?? 1)) * (prior.get(conceptId) ?? 1)]);
    }
    // Graph communities: their own concepts with no paper in the theme still rank (by overall papers), after the rest.
    if (pool) {
      const present = new Set(scored.map(([id]) => id));
      for (const conceptId of pool) if (!present.has(conceptId)) scored.push([conceptId, -1 / (1 + (dfOf(conceptId) ?? 0))]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return scored.map(([id]) => id);
  });
  // 3. Labels, largest theme first, heads distinct.
  const heads = new Set<string>();
  const usedHeadText = new Set<string>();
  return ranked.map((list, t) => {
    const chosen: string[] = [];
    const texts: string[] = [];
    const head = list.find((id) => !heads.has(id) && !usedHeadText.has((labelOf.get(id) ?? id).toLowerCase()));
    if (head !== undefined) {
      heads.add(head);
      usedHeadText.add((labelOf.get(head) ?? head).toLowerCase());
      chosen.push(head);
      texts.push((labelOf.get(head) ?? head).toLowerCase());
    }
    for (const id of list) {
      if (chosen.length >= settings.maxLabels || chosen.length === 0) break;
      if (chosen.includes(id)) continue;
      const text = (labelOf.get(id) ?? id).toLowerCase();
      if (texts.some((other) => other.includes(text) || text.includes(other))) continue;
      chosen.push(id);
      texts.push(text);
    }
    const label = chosen.length > 0 ? chosen.map((id) => labelOf.get(id) ?? id).join(settings.separator) : `Theme ${t}`;
    return { label, labelConcepts: chosen, topConcepts: list.slice(0, Math.max(settings.topConcepts, chosen.length)) };
  });
}

interface ConceptPaperCounts {
  /** Papers mentioning each concept (by index in the input concepts). */
  df: Uint32Array;
  /** Per theme: concept index → papers of the theme mentioning it (order does not matter: ranking breaks ties by id). */
  dfTheme: Map<number, number>[];
  /** Distinct papers among the mentions. */
  paperCount: number;
}

function themeOfPapers(themePapers: readonly (readonly string[])[]): Map<string, number> {
  const themeOf = new Map<string, number>();
  themePapers.forEach((papers, t) => {
    for (const id of papers) themeOf.set(id, t);
  });
  return themeOf;
}

/** The counts of countConceptPapers from the integer table: each (row, concept) pair once, marked by row. */
function countRowConcepts(table: PaperConcepts, themeOfRow: Int32Array, conceptCount: number, themeCount: number): ConceptPaperCounts {
  const df = new Uint32Array(conceptCount);
  const perTheme = new Uint32Array(themeCount * conceptCount);
  const stamp = new Int32Array(conceptCount).fill(-1);
  for (let row = 0; row < table.rowCount; row++) {
    const t = themeOfRow[row]!;
    for (let e = table.offsets[row]!, end = table.offsets[row + 1]!; e < end; e++) {
      const c = table.concepts[e]!;
      if (c >= conceptCount || stamp[c] === row) continue;
      stamp[c] = row;
      df[c]!++;
      if (t >= 0) perTheme[t * conceptCount + c]!++;
    }
  }
  const dfTheme = Array.from({ length: themeCount }, (_, t) => {
    const counts = new Map<number, number>();
    for (let c = 0; c < conceptCount; c++) if (perTheme[t * conceptCount + c]! > 0) counts.set(c, perTheme[t * conceptCount + c]!);
    return counts;
  });
  return { df, dfTheme, paperCount: table.mentionedPapers };
}

/**
 * Counts each (paper, concept) pair once, in one pass over the mentions with one Map lookup per mention (the
 * concept's number) and one per run of a paper's mentions (a Map of strings per pair was the slow part at 100k
 * papers). A paper's mentions come in a row when they come from the pipeline, so a pair is first recognised as
 * seen by stamping the concept with the paper's number; that is only right when no paper comes back after another,
 * so if one does, the mentions are counted again with a set of concept numbers per paper, right for any order.
 */
function countConceptPapers(
  mentions: Iterable<{ paperId: string; conceptId: string }>,
  conceptIndex: ReadonlyMap<string, number>,
  themeOf: ReadonlyMap<string, number>,
  themeCount: number,
): ConceptPaperCounts {
  // Counting with sets never gives up.
  return countPass(mentions, conceptIndex, themeOf, themeCount, true) ?? countPass(mentions, conceptIndex, themeOf, themeCount, false)!;
}

/** One counting pass (see countConceptPapers); with `inRuns`, null as soon as a paper comes back. */
function countPass(
  mentions: Iterable<{ paperId: string; conceptId: string }>,
  conceptIndex: ReadonlyMap<string, number>,
  themeOf: ReadonlyMap<string, number>,
  themeCount: number,
  inRuns: boolean,
): ConceptPaperCounts | null {
  let conceptCount = 0;
  for (const c of conceptIndex.values()) conceptCount = Math.max(conceptCount, c + 1);
  const df = new Uint32Array(conceptCount);
  const dfTheme = Array.from({ length: themeCount }, () => new Map<number, number>());
  const stamp = new Int32Array(inRuns ? df.length : 0).fill(-1);
  const papers = new Map<string, Set<number> | null>();
  let lastPaper: string | null = null;
  let serial = -1;
  let concepts: Set<number> | null = null;
  let counts: Map<number, number> | undefined;
  for (const mention of mentions) {
    if (mention.paperId !== lastPaper) {
      lastPaper = mention.paperId;
      const seen = papers.get(lastPaper);
      if (seen === undefined) {
        concepts = inRuns ? null : new Set();
        papers.set(lastPaper, concepts);
        serial++;
      } else if (inRuns) return null;
      else concepts = seen;
      const t = themeOf.get(lastPaper);
      counts = t === undefined ? undefined : dfTheme[t];
    }
    const concept = conceptIndex.get(mention.conceptId);
    if (concept === undefined) continue;
    if (concepts === null) {
      if (stamp[concept] === serial) continue;
      stamp[concept] = serial;
    } else {
      if (concepts.has(concept)) continue;
      concepts.add(concept);
    }
    df[concept]!++;
    if (counts !== undefined) counts.set(concept, (counts.get(concept) ?? 0) + 1);
  }
  return { df, dfTheme, paperCount: papers.size };
}
