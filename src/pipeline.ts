/**
 * analyze(): the whole flow from paper lists to an AnalysisResult, one call per step.
 *
 *   inputs ──1 readInputs──▶ files ──2 decodeInput (+ repairEncoding)──▶ texts ──3 parse*──▶ papers per file
 *          ──4 mergePapers──▶ papers ──5 extractConcepts──▶ concepts + mentions
 *          ──6 build*Graph──▶ paper–concept graph, concept co-occurrence graph
 *          ──7 detectThemes──▶ themes (Louvain/Leiden communities, k-means clusters) + each paper's theme
 *          ──8 assign*──▶ metrics, theme colours and layout written onto both graphs
 *
 * Charts, exports and the report are built from the result by buildOutputFiles() (outputs.ts); only io/ writes them.
 * Every step is deterministic for a given seed.
 */
import { DEFAULT_SEED } from './core/random.ts';
import { PapergraphError } from './core/errors.ts';
import type { Issue } from './core/issues.ts';
import type { AnalysisResult, InputSummary, RepairSummary } from './core/result.ts';
import type { Paper } from './core/types.ts';
import { decodeInput, type DecodedInput } from './ingest/decode-input.ts';
import { mergePapers } from './ingest/merge-papers.ts';
import { parseInput } from './ingest/parse-input.ts';
import { extractConcepts, type ExtractConceptsOptions } from './concepts/extract-concepts.ts';
import { buildPaperConceptGraph } from './graph/build-paper-concept-graph.ts';
import { buildCooccurrenceGraph, type CooccurrenceNormalization } from './graph/build-cooccurrence-graph.ts';
import { assignMetrics } from './graph/assign-metrics.ts';
import { assignLayout } from './graph/assign-layout.ts';
import { assignThemes } from './graph/assign-themes.ts';
import { detectThemes, type GraphInput } from './cluster/detect-themes.ts';
import { readInputs, type InputFile } from './io/read-inputs.ts';

export interface AnalyzeOptions {
  /** Seed for every random choice (layout, Louvain, k-means). Default: 42. */
  seed?: number;
  /** Repair damaged encodings on ingest. Default: true. */
  repair?: boolean;
  /** Number of k-means clusters, or 'auto' to choose by silhouette. Default: 'auto'. */
  k?: number | 'auto';
  /** Louvain/Leiden resolution. Default: 1. */
  resolution?: number;
  /** Graph the communities are found in: 'papers' (papers linked to their most similar papers) or 'concepts'
   * (the concept co-occurrence graph). Default: 'papers', which agrees better with how lists group papers. */
  graphInput?: GraphInput;
  /** Co-occurrence edge weight. Default: 'association'. */
  normalization?: CooccurrenceNormalization;
  /** Concepts in fewer papers stay out of the concept graph. Default: 2. */
  minPapers?: number;
  /** At most this many concepts in the concept graph. Default: 500. */
  maxConcepts?: number;
  /** Passed to extractConcepts (user lexicon, thesaurus, …). */
  concepts?: ExtractConceptsOptions;
  /** Working directory for relative input paths. Default: process.cwd(). */
  cwd?: string;
}

export const ANALYZE_DEFAULTS = Object.freeze({
  seed: DEFAULT_SEED,
  repair: true,
  k: 'auto' as number | 'auto',
  resolution: 1,
  graphInput: 'papers' as GraphInput,
  normalization: 'association' as CooccurrenceNormalization,
  minPapers: 2,
  maxConcepts: 500,
});

export interface LoadPapersResult {
  inputs: InputSummary[];
  papers: Paper[];
  papersRead: number;
  repairs: RepairSummary;
  issues: Issue[];
}

/** Steps 1–4: read the input files, decode and repair them, parse them, merge the papers. */
export async function loadPapers(inputs: readonly string[], options: Pick<AnalyzeOptions, 'repair' | 'cwd'> = {}): Promise<LoadPapersResult> {
  const { files, skipped } = await readInputs(inputs, options.cwd ?? process.cwd());
  const issues: Issue[] = skipped.map((file) => ({ code: 'skipped-file', severity: 'warning', message: `skipped: ${file.reason}`, file: file.path }));
  const parsed = parseFiles(files, options.repair ?? ANALYZE_DEFAULTS.repair);
  return { ...parsed, issues: [...issues, ...parsed.issues] };
}

/** Steps 2–4 on files already in memory. */
export function parseFiles(files: readonly InputFile[], repair: boolean): LoadPapersResult {
  const issues: Issue[] = [];
  const inputs: InputSummary[] = [];
  const all: Paper[] = [];
  const repairs: RepairSummary = { files: 0, spans: 0, charactersRecovered: 0, uncertain: 0 };
  for (const file of files) {
    const decoded: DecodedInput = decodeInput(file, { repair });
    issues.push(...decoded.issues);
    if (decoded.repair && decoded.repair.spans > 0) {
      repairs.files++;
      repairs.spans += decoded.repair.spans;
      repairs.charactersRecovered += decoded.repair.charactersRecovered;
      repairs.uncertain += decoded.repair.uncertain;
    }
    const parsed = parseInput(decoded);
    issues.push(...parsed.issues);
    all.push(...parsed.papers);
    inputs.push({ path: file.path, format: decoded.format, papers: parsed.papers.length, title: parsed.listTitle });
  }
  const merged = mergePapers(all);
  issues.push(...merged.issues);
  return { inputs, papers: merged.papers, papersRead: merged.read, repairs, issues };
}

/** The whole analysis of the given files and folders. */
export async function analyze(inputs: readonly string[], options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const loaded = await loadPapers(inputs, options);
  return analyzePapers(loaded, options);
}

/** Steps 5–8 on papers already loaded. */
export function analyzePapers(loaded: LoadPapersResult, options: AnalyzeOptions = {}): AnalysisResult {
  const settings = resolveAnalyzeOptions(options);
  const issues: Issue[] = [...loaded.issues];
  const { papers } = loaded;

  // 5. Concepts and their mentions in each paper.
  const extracted = extractConcepts(papers, options.concepts ?? {});
  issues.push(...extracted.issues);
  const { concepts, mentions } = extracted;

  // 6. Both graphs.
  const paperConceptGraph = buildPaperConceptGraph(papers, concepts, mentions);
  const conceptGraph = buildCooccurrenceGraph(papers, concepts, mentions, {
    normalization: settings.normalization,
    minPapers: settings.minPapers,
    maxConcepts: settings.maxConcepts,
  });

  // 7. Themes.
  const detected = detectThemes({ papers, concepts, mentions, conceptGraph }, { seed: settings.seed, k: settings.k, resolution: settings.resolution, graphInput: settings.graphInput });
  issues.push(...detected.issues);

  // 8. Metrics, theme colours and layout on both graphs.
  for (const graph of [conceptGraph, paperConceptGraph]) {
    assignMetrics(graph);
    assignThemes(graph, detected.themes, detected.paperThemes);
    assignLayout(graph, { seed: settings.seed });
  }

  return {
    inputs: loaded.inputs,
    papersRead: loaded.papersRead,
    papers,
    concepts,
    mentions,
    paperConceptGraph,
    conceptGraph,
    themes: detected.themes,
    paperThemes: detected.paperThemes,
    clustering: detected.clustering,
    repairs: loaded.repairs,
    issues,
    parameters: {
      seed: settings.seed,
      repair: settings.repair,
      k: settings.k,
      resolution: settings.resolution,
      graphInput: settings.graphInput,
      normalization: settings.normalization,
      minPapers: settings.minPapers,
      maxConcepts: settings.maxConcepts,
    },
  };
}

/** The options in force, defaults filled in and checked once; shared by analyze() and the streaming route. */
export function resolveAnalyzeOptions(options: AnalyzeOptions): typeof ANALYZE_DEFAULTS {
  const settings = { ...ANALYZE_DEFAULTS };
  for (const key of Object.keys(settings) as (keyof typeof ANALYZE_DEFAULTS)[]) {
    const value = options[key];
    if (value !== undefined) (settings as Record<string, unknown>)[key] = value;
  }
  if (!Number.isInteger(settings.seed)) throw new PapergraphError('pipeline', `seed must be an integer, got ${settings.seed}`);
  if (settings.k !== 'auto' && (!Number.isInteger(settings.k) || settings.k < 1)) throw new PapergraphError('pipeline', `k must be a positive integer or "auto", got ${settings.k}`);
  if (settings.graphInput !== 'papers' && settings.graphInput !== 'concepts') throw new PapergraphError('pipeline', `graphInput must be "papers" or "concepts", got "${String(settings.graphInput)}"`);
  if (!(settings.resolution > 0)) throw new PapergraphError('pipeline', `resolution must be a positive number, got ${settings.resolution}`);
  return Object.freeze(settings);
}
