/**
 * `papergraph concepts [inputs...]`: the concept table of the given lists (default `data/`), or with `--per-paper`
 * every paper's ranked concepts. `--json` prints JSON and nothing else on stdout; `-o FILE` writes it to a file
 * instead (`.csv` gives the table as CSV). Problems in the inputs go to stderr as a count with the first few.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliExit, type CliContext } from '../context.ts';
import { extractConcepts } from '../../concepts/extract-concepts.ts';
import { loadPapers } from '../../pipeline.ts';
import { readConceptOptions } from '../concept-options.ts';
import { isConceptType, CONCEPT_TYPES, type Concept, type Mention, type Paper } from '../../core/types.ts';
import type { Issue } from '../../core/issues.ts';
import type { MentionList } from '../../core/mention-list.ts';

interface ConceptsCommandOptions {
  top: string;
  type?: string;
  lexicon?: string;
  thesaurus?: string;
  perPaper?: boolean;
  json?: boolean;
  output?: string;
  repair: boolean;
}

export function registerConceptsCommand(program: Command, context: CliContext): void {
  program
    .command('concepts')
    .description('list the concepts found in paper lists (canonical label, type, papers, aliases, Chinese labels)')
    .argument('[inputs...]', 'paper list files or folders', ['data/'])
    .option('--top <n>', 'show the n concepts in most papers (0 = all)', '50')
    .option('--type <type>', `only concepts of this type (${CONCEPT_TYPES.join(', ')})`)
    .option('--lexicon <file>', 'a JSON lexicon that extends or overrides the shipped one')
    .option('--thesaurus <file>', 'a VOSviewer thesaurus file (label<TAB>replace by; empty replacement drops the term)')
    .option('--per-paper', "every paper's ranked concepts instead of the concept table")
    .option('--json', 'print JSON (nothing else goes to stdout)')
    .option('-o, --output <file>', 'write to this file instead of stdout (.csv: the concept table as CSV)')
    .option('--no-repair', 'do not repair damaged encodings')
    .action(async (inputs: string[], options: ConceptsCommandOptions) => {
      await runConcepts(inputs, options, context);
    });
}

async function runConcepts(inputs: readonly string[], options: ConceptsCommandOptions, context: CliContext): Promise<void> {
  const top = Number(options.top);
  if (!Number.isInteger(top) || top < 0) throw new CliExit(2, `error: --top must be a whole number ≥ 0, got "${options.top}"`);
  if (options.type !== undefined && !isConceptType(options.type)) {
    throw new CliExit(2, `error: --type must be one of ${CONCEPT_TYPES.join(', ')}, got "${options.type}"`);
  }
  const loaded = await loadPapers(inputs, { cwd: context.cwd, repair: options.repair });
  const { papers } = loaded;
  const conceptFiles = await readConceptOptions(options, context.cwd);
  const issues: Issue[] = [...conceptFiles.issues, ...loaded.issues];
  const result = extractConcepts(papers, conceptFiles.concepts);
  issues.push(...result.issues);

  const byId = new Map(result.concepts.map((concept) => [concept.id, concept] as const));
  const keep = (concept: Concept | undefined): concept is Concept => concept !== undefined && (options.type === undefined || concept.type === options.type);
  let text: string;
  if (options.perPaper) {
    const rows = perPaperRows(papers, result.mentions, byId, keep, top);
    text = options.json || !options.output?.endsWith('.csv') ? (options.json ? `${JSON.stringify(rows, null, 2)}\n` : perPaperText(rows)) : perPaperText(rows);
  } else {
    const concepts = result.concepts.filter(keep).slice(0, top === 0 ? undefined : top);
    if (options.output?.toLowerCase().endsWith('.csv')) text = conceptsCsv(concepts);
    else text = options.json ? `${JSON.stringify(concepts, null, 2)}\n` : conceptsTable(concepts, papers.length);
  }
  if (options.output !== undefined) {
    await writeFile(resolve(context.cwd, options.output), text, 'utf8');
    context.stderr(`wrote ${options.output}\n`);
  } else {
    context.stdout(text);
  }
  reportIssues(issues, context);
}

interface PerPaperRow {
  paper_id: string;
  title: string;
  concepts: { id: string; label: string; type: string; score: number; forms: string[] }[];
}

function perPaperRows(papers: readonly Paper[], mentions: MentionList, byId: ReadonlyMap<string, Concept>, keep: (concept: Concept | undefined) => concept is Concept, top: number): PerPaperRow[] {
  const byPaper = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const list = byPaper.get(mention.paperId);
    if (list) list.push(mention);
    else byPaper.set(mention.paperId, [mention]);
  }
  return papers.map((paper) => {
    const ranked = (byPaper.get(paper.id) ?? []).filter((mention) => keep(byId.get(mention.conceptId)));
    const limited = top === 0 ? ranked : ranked.slice(0, top);
    return {
      paper_id: paper.id,
      title: paper.title,
      concepts: limited.map((mention) => {
        const concept = byId.get(mention.conceptId)!;
        return { id: concept.id, label: concept.label, type: concept.type, score: mention.score, forms: mention.forms };
      }),
    };
  });
}

function perPaperText(rows: readonly PerPaperRow[]): string {
  return rows
    .map((row) => `${row.paper_id}  ${row.title}\n${row.concepts.map((concept) => `  ${concept.score.toFixed(2).padStart(6)}  ${concept.label} (${concept.type})`).join('\n')}\n`)
    .join('\n');
}

function conceptsTable(concepts: readonly Concept[], paperCount: number): string {
  const lines = [`${concepts.length} concepts from ${paperCount} papers`, ''];
  const header = ['#', 'concept', 'type', 'papers', 'mentions', 'since', 'aliases', '中文'];
  const rows = concepts.map((concept, index) => [
    String(index + 1),
    concept.label,
    concept.type,
    String(concept.papers),
    String(concept.mentions),
    concept.firstMonth ?? '',
    truncate(concept.aliases.join('; '), 60),
    concept.labelsZh.join('; '),
  ]);
  const widths = header.map((cell, column) => Math.min(60, Math.max(cell.length, ...rows.map((row) => row[column]!.length))));
  const format = (row: readonly string[]): string => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  lines.push(format(header), ...rows.map(format));
  return `${lines.join('\n')}\n`;
}

function conceptsCsv(concepts: readonly Concept[]): string {
  const header = ['id', 'label', 'type', 'papers', 'mentions', 'first_month', 'aliases', 'labels_zh', 'parent', 'origin'];
  const rows = concepts.map((concept) => [concept.id, concept.label, concept.type, String(concept.papers), String(concept.mentions), concept.firstMonth ?? '', concept.aliases.join('; '), concept.labelsZh.join('; '), concept.parent ?? '', concept.origin]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function reportIssues(issues: readonly Issue[], context: CliContext): void {
  const notable = issues.filter((entry) => entry.severity !== 'info');
  if (notable.length === 0) return;
  context.stderr(`${notable.length} problem${notable.length === 1 ? '' : 's'} in the inputs:\n`);
  for (const entry of notable.slice(0, 5)) {
    context.stderr(`  ${entry.severity}: ${entry.file ?? ''}${entry.line !== undefined ? `:${entry.line}` : ''} ${entry.message}\n`);
  }
  if (notable.length > 5) context.stderr(`  … and ${notable.length - 5} more\n`);
}
