/**
 * analyzeStream(): the whole analysis of large JSONL inputs (the arXiv metadata snapshot), with memory bounded by
 * the vocabulary and the graph limits rather than by the texts; the streaming counterpart of pipeline.ts analyze().
 *
 *   JSONL files ──1–4 extractStream──▶ papers (metadata only) + concepts + compact mentions
 *               ──5 MentionTable──▶ the mentions as a table over those arrays (core/mention-list.ts): a Mention
 *                                  object exists only while a stage iterates over it, so 36M mentions of 1M papers
 *                                  stay in typed arrays (21 bytes each) instead of 3.5 GB of objects
 *               ──6 build*Graph──▶ concept co-occurrence graph (pruned: graph/build-cooccurrence-graph.ts keeps at
 *                                  most maxConcepts concepts, so its size does not grow with the corpus) and the
 *                                  paper–concept graph, limited to `maxGraphPapers` papers (see below)
 *               ──7 detectThemesAsync──▶ themes + each paper's theme, the clustering runs spread over worker threads
 *               ──8 assign*──▶ metrics, theme colours and layout on both graphs
 *
 * The paper–concept graph in memory: every paper while there are at most `maxGraphPapers` (default 2000) of them;
 * above that, the `maxGraphPapers` papers with the largest total mention score on the concept graph's concepts
 * (ties: first read first), with the concept graph's concepts and the mentions between them. Metrics and layout of
 * a graph of millions of nodes would take hours and its picture would be unreadable; the complete table of
 * mentions stays in `mentions`.
 *
 * Papers keep their metadata only (no abstract): k-means term features come from titles in this mode.
 */
import Graph from 'graphology';
import type { Issue } from '../core/issues.ts';
import type { AnalysisResult } from '../core/result.ts';
import type { Concept, Mention, Paper } from '../core/types.ts';
import { PapergraphError } from '../core/errors.ts';
import { resolveAnalyzeOptions, type AnalyzeOptions } from '../pipeline.ts';
import { buildPaperConceptGraph } from '../graph/build-paper-concept-graph.ts';
import { buildCooccurrenceGraph } from '../graph/build-cooccurrence-graph.ts';
import { assignMetrics } from '../graph/assign-metrics.ts';
import { assignLayout } from '../graph/assign-layout.ts';
import { assignThemes } from '../graph/assign-themes.ts';
import { detectThemesAsync } from '../cluster/detect-themes.ts';
import { createThreadThemeRunner } from '../io/theme-worker.ts';
import { extractStream, type ExtractStreamOptions, type StreamInput } from './extract-stream.ts';
import type { MentionList } from '../core/mention-list.ts';
import { toMentionTable } from './accumulate-chunks.ts';

export const ANALYZE_STREAM_STAGES = ['sample', 'vocabulary', 'extract', 'aggregate', 'graph', 'themes', 'metrics', 'layout'] as const;
export type AnalyzeStreamStage = (typeof ANALYZE_STREAM_STAGES)[number];

export interface AnalyzeStreamOptions extends Omit<AnalyzeOptions, 'cwd' | 'repair'>, Omit<ExtractStreamOptions, 'onStage' | 'concepts'> {
  /** Papers in the in-memory paper–concept graph, at most. Default: 2000. */
  maxGraphPapers?: number;
  onStage?: (stage: AnalyzeStreamStage) => void;
}

export const ANALYZE_STREAM_DEFAULTS = Object.freeze({ maxGraphPapers: 2000 });

export async function analyzeStream(inputs: readonly StreamInput[], options: AnalyzeStreamOptions = {}): Promise<AnalysisResult> {
  if (inputs.length === 0) throw new PapergraphError('stream', 'no input given: name a .jsonl or .jsonl.gz file');
  const settings = { ...resolveAnalyzeOptions(options), maxGraphPapers: options.maxGraphPapers ?? ANALYZE_STREAM_DEFAULTS.maxGraphPapers };
  if (!Number.isInteger(settings.maxGraphPapers) || settings.maxGraphPapers < 0) {
    throw new PapergraphError('stream', `maxGraphPapers must be a whole number ≥ 0, got ${settings.maxGraphPapers}`);
  }

  // 1–4. Streaming extraction.
  const { onStage, concepts: conceptOptions, ...rest } = options;
  const extracted = await extractStream(inputs, {
    ...rest,
    ...(conceptOptions ? { concepts: conceptOptions } : {}),
    ...(onStage ? { onStage } : {}),
  });
  const { papers, concepts } = extracted;
  const issues: Issue[] = [...extracted.issues];

  // 5. Mentions as a table over the compact arrays.
  const mentions = toMentionTable(extracted);

  // 6. Graphs.
  onStage?.('graph');
  const conceptGraph = buildCooccurrenceGraph(papers, concepts, mentions, {
    normalization: settings.normalization,
    minPapers: settings.minPapers,
    maxConcepts: settings.maxConcepts,
  });
  const paperConceptGraph =
    papers.length <= settings.maxGraphPapers ? buildPaperConceptGraph(papers, concepts, mentions) : limitedPaperConceptGraph(papers, concepts, mentions, conceptGraph, settings.maxGraphPapers);

  // 7. Themes.
  onStage?.('themes');
  // Its independent clustering runs go to worker threads (io/theme-worker.ts); the themes are the same with any number.
  const themeRunner = createThreadThemeRunner({ ...(options.workers !== undefined ? { workers: options.workers } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  const detected = await detectThemesAsync({ papers, concepts, mentions, conceptGraph }, themeRunner.run, {
    seed: settings.seed,
    k: settings.k,
    resolution: settings.resolution,
    graphInput: settings.graphInput,
  }).finally(() => themeRunner.close());
  issues.push(...detected.issues);

  // 8. Metrics, theme colours and layout on both graphs.
  onStage?.('metrics');
  for (const graph of [conceptGraph, paperConceptGraph]) {
    assignMetrics(graph);
    assignThemes(graph, detected.themes, detected.paperThemes);
  }
  onStage?.('layout');
  for (const graph of [conceptGraph, paperConceptGraph]) assignLayout(graph, { seed: settings.seed });

  return {
    inputs: extracted.perFile.map((file) => ({ path: file.path, format: 'jsonl', papers: file.papers, title: '' })),
    papersRead: extracted.papersRead,
    papers,
    concepts,
    mentions,
    paperConceptGraph,
    conceptGraph,
    themes: detected.themes,
    paperThemes: detected.paperThemes,
    clustering: detected.clustering,
    repairs: { files: 0, spans: 0, charactersRecovered: 0, uncertain: 0 },
    issues,
    parameters: {
      seed: settings.seed,
      repair: false,
      k: settings.k,
      resolution: settings.resolution,
      normalization: settings.normalization,
      minPapers: settings.minPapers,
      maxConcepts: settings.maxConcepts,
      graphInput: settings.graphInput,
      streaming: true,
      maxGraphPapers: settings.maxGraphPapers,
      filterCategories: (options.filter?.categories ?? []).join(' '),
      filterFrom: options.filter?.from ?? '',
      filterTo: options.filter?.to ?? '',
      vocabularySample: extracted.vocabulary.documents,
    },
  };
}

/** The paper–concept graph on the concept graph's concepts and the `limit` papers most about them. */
function limitedPaperConceptGraph(papers: readonly Paper[], concepts: readonly Concept[], mentions: MentionList, conceptGraph: Graph, limit: number): ReturnType<typeof buildPaperConceptGraph> {
  const keptConcepts = new Set(conceptGraph.nodes());
  // Summed over each run of a paper's mentions (in the same order as one addition per mention), so the Map of a
  // million papers is read and written once per run, not once per mention.
  const weight = new Map<string, number>();
  let runPaper: string | null = null;
  let runWeight = 0;
  for (const mention of mentions) {
    if (mention.paperId !== runPaper) {
      if (runPaper !== null) weight.set(runPaper, runWeight);
      runPaper = mention.paperId;
      runWeight = weight.get(runPaper) ?? 0;
    }
    if (keptConcepts.has(mention.conceptId)) runWeight += mention.score;
  }
  if (runPaper !== null) weight.set(runPaper, runWeight);
  const order = papers.map((paper, index) => ({ paper, index, weight: weight.get(paper.id) ?? 0 }));
  order.sort((a, b) => b.weight - a.weight || a.index - b.index);
  const chosen = order.slice(0, limit).sort((a, b) => a.index - b.index).map((entry) => entry.paper);
  const chosenIds = new Set(chosen.map((paper) => paper.id));
  return buildPaperConceptGraph(
    chosen,
    concepts.filter((concept) => keptConcepts.has(concept.id)),
    chosenMentions(mentions, chosenIds, keptConcepts),
  );
}

function chosenMentions(mentions: MentionList, papers: ReadonlySet<string>, concepts: ReadonlySet<string>): Mention[] {
  const chosen: Mention[] = [];
  let runPaper: string | null = null;
  let runChosen = false;
  for (const mention of mentions) {
    if (mention.paperId !== runPaper) {
      runPaper = mention.paperId;
      runChosen = papers.has(runPaper);
    }
    if (runChosen && concepts.has(mention.conceptId)) chosen.push(mention);
  }
  return chosen;
}
