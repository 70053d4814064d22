/**
 * Themes of a corpus, seen two ways and compared:
 *
 *   1. vectors    sparse TF-IDF of papers over concepts and terms → LSA (randomized truncated SVD) → unit rows
 *   2. graph      Louvain and Leiden communities (consensus of `graphConsensusRuns` seeded runs) at `resolution` on
 *                 `graphInput`: 'papers' — the paper similarity graph (k nearest neighbours in the LSA space,
 *                 build-paper-similarity-graph.ts), communities of ≥ `minThemePapers` papers are themes; or
 *                 'concepts' — the concept co-occurrence graph, communities of ≥ `minThemeConcepts` concepts are
 *                 themes and papers join the one holding most of their concept weight. Either way every paper gets
 *                 a theme: without direct evidence it is assigned by similarity and flagged weak
 *   3. k-means    consensus spherical k-means on the LSA rows, k by silhouette over `kRange` or given
 *   4. labels     c-TF-IDF over concepts, distinct heads per method (label-themes.ts)
 *   5. stability  each method re-run with `stabilityRuns` other seeds; ARI/NMI vs the reference and per-theme
 *                 Jaccard stability (measure-stability.ts); themes marked stable or fragile. Graph methods are
 *                 also re-run at resolution × `resolutionFactors`, and the agreement with the chosen one reported
 *   6. crosswalk  `graphMethod` themes × k-means clusters over papers (crosswalk-themes.ts)
 *
 * Deterministic for the same input and options: all randomness derives from `seed`.
 *
 * Parallel runs. The repeated clusterings — each graph method's reference, stability-seed and resolution runs, and
 * the k-means reference and stability runs — are independent of each other, so they are planned as data
 * (theme-runs.ts) and handed out in two batches (see themeSteps). detectThemes runs them one after another here;
 * detectThemesAsync gives them to a runner, which the streaming pipeline backs with worker threads
 * (io/theme-worker.ts). Every run derives its randomness from its own seed, so both give the same result.
 *
 * Sampled fit, so the stage stays bounded at huge N. Above `sampleRows` papers (default `THEME_SAMPLE_ROWS`) the
 * clusterings are fitted on a seeded sample of that many papers (core/random sampleIndexes with the LSA's generator,
 * so with equal sizes it is the LSA's own sample; rows kept in corpus order): the paper similarity graph, Louvain
 * and Leiden with their consensus, stability and resolution re-runs, and k-means with its choice of k, consensus
 * and stability runs. Every other paper is then assigned to the theme whose centroid (in the LSA space) is most
 * similar — for k-means its nearest centroid, the sampled initialisation of issue 8 — with a strength that means
 * what it means in the sample (assign-papers-outside-sample.ts), and themes are renumbered by their size over all
 * papers. Labels and concept membership are computed from every paper's theme; stability (the reference against the
 * other seeds, per-theme Jaccard), the resolution comparison, and the graph summary (modularity, communities) are
 * measured on the sample. The sample is reported in an info issue ('themes-sampled'). At or below `sampleRows` papers nothing is sampled and the results are those of the full fit.
 * The 'concepts' graph input is not sampled (its graph is the bounded concept graph; papers join by their mentions).
 *
 * Work budget, so the stage scales (issue 8). Repeated runs are 'auto' by default and shrink with the number of papers
 * the clusterings are fitted on (N, or the sample), because their cost is linear in the number of runs and each
 * run's cost grows with that number:
 *   - above `LARGE_CORPUS` (5000) papers: graph consensus 25 → 5 runs, k-means consensus 200 → 20 runs, stability
 *     4 → 2 extra seeds, single runs for the resolution comparison, LSA with 2 power iterations instead of 4;
 *   - above `LSA_SAMPLE_ROWS` (20 000) papers: LSA fitted on that many sampled papers, the others folded in;
 *   - above `HUGE_CORPUS` (50 000) papers: graph clustering in single seeded runs (no consensus) and Leiden stopped
 *     after 2 iterations instead of 10.
 * k-means always chooses k on at most 2000 sampled rows, over a grid when the range is wide (detect-kmeans-clusters.ts).
 * Measured on synthetic arXiv corpora (`npm run bench`, 2 cores): before the sampled fit the stage took 52 s at 10k
 * and 155 s at 100k papers; with it, 100k took 134 s of CPU against 274 s for the full fit. With the clustering runs
 * on two worker threads, k-means bounded by Elkan's inequalities (run-kmeans.ts) and the mentions read once as
 * integers (paper-concepts.ts), the stage took about 24 s at 10k, 53 s at 100k and 117 s at 1M papers (it was 50,
 * 96 and 284 s in the bench before these three changes). Stopping the threads after each batch and making the
 * integer table twice (to hold less memory while the threads run) cost some 10 s at 1M; the latest bench, on a
 * slower sitting, gave 23, 55–60 and 161–166 s. At 100k most of what remains is the fit on the sample (graph
 * consensus runs, the sample's kNN graph, the LSA); at 1M the per-paper steps (TF-IDF rows, LSA fold-in,
 * assignment to centroids), which grow linearly with N.
 */
import type { AbstractGraph } from 'graphology-types';
import { PapergraphError } from '../core/errors.ts';
import { issue, type Issue } from '../core/issues.ts';
import { createRandom, DEFAULT_SEED, sampleIndexes } from '../core/random.ts';
import type { ClusteringSummary, ResolutionAgreement, StabilitySummary, ThemeCrosswalk } from '../core/result.ts';
import type { Concept, Paper, PaperTheme, Theme, ThemeMethod } from '../core/types.ts';
import { assignPapersToCommunities, type PaperAssignment } from './assign-papers-to-communities.ts';
import { assignPapersOutsideSample, type OutsideSampleStrength } from './assign-papers-outside-sample.ts';
import { assignPapersToPaperCommunities } from './assign-papers-to-paper-communities.ts';
import { buildPaperAdjacency } from './build-paper-adjacency.ts';
import { buildPaperSimilarityGraph } from './build-paper-similarity-graph.ts';
import { buildPaperVectors } from './build-paper-vectors.ts';
import { buildThemeCentroids } from './build-theme-centroids.ts';
import type { CommunityDetection } from './community-detection.ts';
import { comparePartitions } from './compare-partitions.ts';
import { crosswalkThemes } from './crosswalk-themes.ts';
import { defaultKRange, type KmeansClusters } from './detect-kmeans-clusters.ts';
import { fitShareTemperature } from './fit-share-temperature.ts';
import { labelThemes } from './label-themes.ts';
import { buildPaperConcepts, type PaperConcepts } from './paper-concepts.ts';
import { measureStability, type StabilityReport } from './measure-stability.ts';
import { relabelBySize } from './relabel-by-size.ts';
import { truncatedSvd, type DenseRows } from './truncated-svd.ts';
import { buildWeightedNetwork } from './weighted-network.ts';
import { executeThemeRun, type ThemeRun, type ThemeRunData, type ThemeRunner, type ThemeRunResult } from './theme-runs.ts';
import type { MentionList } from '../core/mention-list.ts';

export const GRAPH_METHODS = ['louvain', 'leiden'] as const;
export type GraphMethod = (typeof GRAPH_METHODS)[number];
export const GRAPH_INPUTS = ['papers', 'concepts'] as const;
export type GraphInput = (typeof GRAPH_INPUTS)[number];

export interface DetectThemesInput {
  papers: readonly Paper[];
  concepts: readonly Concept[];
  mentions: MentionList;
  /** The concept co-occurrence graph (graph/build-cooccurrence-graph.ts); node keys are concept ids. */
  conceptGraph: AbstractGraph;
}

export interface DetectThemesOptions {
  /** Seed of every random choice. Default: core/random DEFAULT_SEED. */
  seed?: number;
  /** Resolution γ of Louvain and Leiden. Default: 1. */
  resolution?: number;
  /** Graph method crosswalked with k-means. Default: 'louvain', the method whose themes colour the graphs and lead the report. */
  graphMethod?: GraphMethod;
  /** Graph the communities are found in: paper similarity (kNN) or concept co-occurrence. Default: 'papers'. */
  graphInput?: GraphInput;
  /** Neighbours per paper in the paper similarity graph. Default: 10. */
  neighbors?: number;
  /** Seeded runs combined per graph clustering (≤ 1: one plain run). Default: 'auto' = 25, or 5 for a large corpus. */
  graphConsensusRuns?: number | 'auto';
  /** Number of k-means clusters, or 'auto' (silhouette over kRange). Default: 'auto'. */
  k?: number | 'auto';
  /** Inclusive range of k tried when k is 'auto'. Default: [2, clamp(round(sqrt(N)), 2, 40)]. */
  kRange?: readonly [number, number] | null;
  /** k-means restarts per candidate k. Default: 5. */
  restarts?: number;
  /** k-means runs combined into the final consensus (≤ 1: best of restarts). Default: 'auto' = 200, or 20 for a large corpus. */
  kmeansConsensusRuns?: number | 'auto';
  /** LSA dimensions, or 'auto' = clamp(round(sqrt(N)), 10, 100). Default: 'auto'. */
  dimensions?: number | 'auto';
  /** Weight of concept features against term features in paper vectors. Default: 1 and 1. */
  conceptWeight?: number;
  termWeight?: number;
  /** Concept-graph communities with fewer concepts are not themes. Default: 2. */
  minThemeConcepts?: number;
  /** Paper-graph communities with fewer papers are not themes (their papers are assigned by similarity). Default: 3. */
  minThemePapers?: number;
  /** Extra seeds run per method to measure stability (0 turns it off). Default: 'auto' = 4, or 2 for a large corpus. */
  stabilityRuns?: number | 'auto';
  /** Graph methods are re-run at resolution × each factor to report how much themes depend on it. Default: [0.5, 2]. */
  resolutionFactors?: readonly number[];
  /** Seeded runs combined per resolution re-run (≤ 1: one plain run). Default: 'auto' = graphConsensusRuns, or 1 for a large corpus. */
  resolutionRuns?: number | 'auto';
  /** Mean Jaccard from which a theme counts as stable (Hennig 2007). Default: 0.75. */
  stableAt?: number;
  /** Concepts in a label, at most. Default: 3. */
  maxLabels?: number;
  /** Above this many papers the clusterings are fitted on a sample of this size (see the header); Infinity never samples. Default: 'auto' = THEME_SAMPLE_ROWS. */
  sampleRows?: number | 'auto';
}

export const DETECT_THEMES_DEFAULTS: Readonly<Required<DetectThemesOptions>> = Object.freeze({
  seed: DEFAULT_SEED,
  resolution: 1,
  graphMethod: 'louvain',
  graphInput: 'papers',
  neighbors: 10,
  graphConsensusRuns: 'auto',
  k: 'auto',
  kRange: null,
  restarts: 5,
  kmeansConsensusRuns: 'auto',
  dimensions: 'auto',
  conceptWeight: 1,
  termWeight: 1,
  minThemeConcepts: 2,
  minThemePapers: 3,
  stabilityRuns: 'auto',
  resolutionFactors: Object.freeze([0.5, 2]),
  resolutionRuns: 'auto',
  stableAt: 0.75,
  maxLabels: 3,
  sampleRows: 'auto',
});

export interface DetectThemesResult {
  themes: Theme[];
  paperThemes: PaperTheme[];
  clustering: ClusteringSummary;
  /** Graph themes (graphMethod) × k-means clusters; also in clustering.crosswalk. */
  crosswalk: ThemeCrosswalk;
  issues: Issue[];
}

const MODULE = 'cluster/detect-themes';

/** Above this many papers the 'auto' run counts shrink (see the header). */
export const LARGE_CORPUS = 5000;
/** LSA is fitted on at most this many sampled papers; the others are folded in (truncated-svd.ts). */
export const LSA_SAMPLE_ROWS = 20_000;
/** Above this many papers graph clustering runs without consensus (see the header). */
export const HUGE_CORPUS = 50_000;
/**
 * Papers the clusterings are fitted on, at most; the others are assigned to the fitted themes (see the header).
 * Equal to LSA_SAMPLE_ROWS, so the same papers fit both. Measured on the 100k synthetic arXiv corpus against the full
 * fit (adjusted Rand index of the themes over all papers): a 20 000 sample gives 0.74 for Louvain and Leiden and 0.61
 * for k-means, a 10 000 sample 0.68–0.69 and 0.72, for 28 s less CPU; k-means moves as much between two seeds of the
 * full fit (ARI 0.64), the graph methods less (0.93–0.95), so the larger sample, which the graph methods need.
 */
export const THEME_SAMPLE_ROWS = 20_000;

export function detectThemes(input: DetectThemesInput, options: DetectThemesOptions = {}): DetectThemesResult {
  const steps = themeSteps(input, resolveOptions(options, input.papers.length));
  let step = steps.next();
  while (!step.done) {
    const { data, runs } = step.value;
    step = steps.next(runs.map((run) => executeThemeRun(run, data)));
  }
  return step.value;
}

/**
 * detectThemes with its independent clustering runs (theme-runs.ts) handed to `runner`, which may spread them over
 * threads (io/theme-worker.ts); everything else runs here. The result is the same as detectThemes'.
 */
export async function detectThemesAsync(input: DetectThemesInput, runner: ThemeRunner, options: DetectThemesOptions = {}): Promise<DetectThemesResult> {
  const steps = themeSteps(input, resolveOptions(options, input.papers.length));
  let step = steps.next();
  while (!step.done) {
    const { data, runs } = step.value;
    step = steps.next(await runner(data, runs));
  }
  return step.value;
}

/** Clustering runs detectThemes needs before it can go on, all independent of each other. */
interface ThemeStep {
  data: ThemeRunData;
  runs: ThemeRun[];
}

/**
 * The themes, computed in steps: each `yield` hands out a batch of independent clustering runs and receives their
 * results in the same order. Batch 1 is the k-means reference (with its choice of k) and every graph run — the
 * reference, stability seeds and resolution re-runs of both methods; batch 2 the k-means stability runs, which
 * need the chosen k.
 */
function* themeSteps(input: DetectThemesInput, settings: ResolvedOptions): Generator<ThemeStep, DetectThemesResult, ThemeRunResult[]> {
  const issues: Issue[] = [];
  const papers = input.papers;
  const paperIds = papers.map((paper) => paper.id);

  // 1. Paper vectors: sparse TF-IDF → LSA → unit rows.
  const lsa = paperLsa(input, paperIds, settings);

  // 2. The papers the clusterings are fitted on: all of them, or a seeded sample in corpus order (see the header).
  const sample = papers.length > settings.sampleRows ? sampleIndexes(papers.length, settings.sampleRows, createRandom(settings.seed + 1)).sort() : null;
  const fitIds = sample === null ? paperIds : Array.from(sample, (i) => paperIds[i]!);
  const fitRows = sample === null ? lsa : pickDenseRows(lsa, sample);
  if (sample !== null) {
    issues.push(
      issue(
        'themes-sampled',
        'info',
        `${settings.graphInput === 'papers' ? 'themes were' : 'k-means clusters were'} fitted on a seeded sample of ${sample.length} of ${papers.length} papers (sampleRows${settings.graphInput === 'papers' ? '' : '; concept-graph themes use every paper'}); the other papers were assigned to the nearest theme centroid (not weak), and stability was measured on the sample`,
      ),
    );
  }

  // 3. The clustering runs, all at once: graph communities of both methods (reference, stability seeds,
  // resolutions) and the k-means reference with its choice of k (k's range follows the whole corpus when sampled).
  const conceptNetworkKeys = new Set(buildWeightedNetwork(input.conceptGraph).keys);
  const huge = Math.min(papers.length, settings.sampleRows) > HUGE_CORPUS;
  const paperGraph = settings.graphInput === 'papers' ? buildPaperSimilarityGraph(fitIds, fitRows, { neighbors: settings.neighbors, seed: settings.seed }) : null;
  const adjacency = paperGraph === null ? null : buildPaperAdjacency(fitIds, paperGraph);
  const graphSample = paperGraph === null ? null : sample;
  const data: ThemeRunData = { graph: paperGraph ?? input.conceptGraph, rows: fitRows };
  const graphKeys = data.graph.nodes();
  const seeds = stabilitySeeds(settings.seed, settings.stabilityRuns);
  const communities = (method: GraphMethod, seed: number, resolution = settings.resolution, runs = settings.graphConsensusRuns): ThemeRun => ({
    kind: 'communities',
    method,
    seed,
    resolution,
    runs,
    leidenIterations: huge ? 2 : 10,
  });
  const graphRuns = GRAPH_METHODS.map((method) => ({
    reference: communities(method, settings.seed),
    stability: seeds.map((seed) => communities(method, seed)),
    resolutions: settings.resolutionFactors.map((factor) => communities(method, settings.seed, settings.resolution * factor, settings.resolutionRuns)),
  }));
  const kmeansOptions = { restarts: settings.restarts, consensusRuns: settings.kmeansConsensusRuns };
  const kRange = sample === null ? settings.kRange : (settings.kRange ?? defaultKRange(papers.length));
  const kmeansReference: ThemeRun = { kind: 'kmeans', options: { k: settings.k, kRange, seed: settings.seed, ...kmeansOptions } };
  // The k-means reference goes first: it is the longest run, and its stability runs wait for it.
  const batch = [kmeansReference, ...graphRuns.flatMap((planned) => [planned.reference, ...planned.stability, ...planned.resolutions])];
  const results = new Map<ThemeRun, ThemeRunResult>();
  (yield { data, runs: batch }).forEach((result, i) => results.set(batch[i]!, result));
  // The mentions as integers, for the labels and the concept votes. paperLsa made this table for the vectors and let
  // it go, and it is made again only now: at 1M papers it is some 290 MB, which the clustering runs' threads need.
  const paperConcepts = buildPaperConcepts(paperIds, input.concepts, input.mentions);
  const detectionOf = (run: ThemeRun): CommunityDetection => {
    const result = results.get(run);
    if (result?.kind !== 'communities') throw new PapergraphError(MODULE, 'a community run gave no communities (theme runner bug)');
    return { keys: graphKeys, ...result.detection };
  };
  const conceptPapers = new Map(input.concepts.map((concept) => [concept.id, concept.papers]));
  const assignRun = (run: ThemeRun): GraphRun => {
    const detection = detectionOf(run);
    if (adjacency !== null) {
      const { assignment, themeCount } = assignPapersToPaperCommunities(fitIds, adjacency, detection, settings.minThemePapers, fitRows);
      return { detection, themeCount, assignment, members: null };
    }
    const sizes = new Array<number>(detection.count).fill(0);
    for (const c of detection.membership) sizes[c] = (sizes[c] ?? 0) + 1;
    let themeCount = sizes.filter((size) => size >= settings.minThemeConcepts).length;
    if (themeCount === 0 && detection.count > 0) themeCount = 1;
    const conceptTheme = new Map<string, number>();
    const members: string[][] = Array.from({ length: themeCount }, () => []);
    detection.keys.forEach((key, i) => {
      const c = detection.membership[i] ?? 0;
      if (c < themeCount) {
        conceptTheme.set(key, c);
        members[c]?.push(key);
      }
    });
    for (const list of members) list.sort((a, b) => (conceptPapers.get(b) ?? 0) - (conceptPapers.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    const assignment = assignPapersToCommunities({ paperIds, mentions: input.mentions, conceptTheme, graphConcepts: conceptNetworkKeys, themeCount, vectors: lsa });
    return { detection, themeCount, assignment, members };
  };

  // 4. Graph themes: paper assignment, stability, labels and resolutions, for both graph methods.
  const themes: Theme[] = [];
  const paperThemes: PaperTheme[] = [];
  const summaries = new Map<GraphMethod, ClusteringSummary['louvain']>();
  const weaklyAssigned = { louvain: 0, leiden: 0, kmeans: 0 };
  GRAPH_METHODS.forEach((method, m) => {
    const planned = graphRuns[m]!;
    const reference = assignRun(planned.reference);
    const { detection, themeCount, members } = reference;
    if (themeCount === 0) {
      issues.push(issue('no-graph-themes', 'warning', `${method}: the ${settings.graphInput} graph is empty, so there are no ${method} themes; k-means themes are still given`));
      summaries.set(method, { modularity: 0, resolution: settings.resolution, communities: 0 });
      return;
    }
    // Sampled papers' themes (in `fittedTheme`, renumbered alike) are what the stability and resolution runs compare.
    const { assignment, fittedTheme } =
      graphSample === null
        ? { assignment: reference.assignment, fittedTheme: reference.assignment.theme }
        : extendSampledFit(lsa, graphSample, reference.assignment, themeCount, shareRule(fitRows, reference.assignment, themeCount));
    const report = measureStability(
      fittedTheme,
      planned.stability.map((run) => assignRun(run).assignment.theme),
      settings.stableAt,
    );
    const themePapers = groupPapers(paperIds, assignment.theme, themeCount);
    const labels = labelThemes(
      { themePapers, concepts: input.concepts, mentions: input.mentions, paperConcepts, ...(members === null ? {} : { candidates: members }) },
      { maxLabels: settings.maxLabels },
    );
    // Paper-graph themes also partition the concept graph's concepts: each goes to the theme holding most of the
    // papers that mention it, listed after the theme's best-scoring concepts, so every concept node gets a theme.
    const conceptMembers = members ?? conceptsByMajority(themeCount, paperIds, assignment.theme, paperConcepts, conceptNetworkKeys, labels, conceptPapers);
    for (let t = 0; t < themeCount; t++) {
      const label = labels[t];
      const concepts = conceptMembers[t] ?? [];
      const size = members === null ? (themePapers[t] ?? []).length : concepts.length;
      themes.push(makeTheme(method, t, label, concepts, themePapers[t] ?? [], size, report, settings.stabilityRuns, assignment));
    }
    weaklyAssigned[method] = pushPaperThemes(paperThemes, method, paperIds, assignment);
    const resolutions: ResolutionAgreement[] = planned.resolutions.map((run) => {
      const other = assignRun(run);
      const agreement = comparePartitions(fittedTheme, other.assignment.theme);
      return { resolution: other.detection.resolution, communities: other.themeCount, ari: agreement.ari, nmi: agreement.nmi };
    });
    summaries.set(method, {
      modularity: detection.modularity,
      resolution: settings.resolution,
      communities: detection.count,
      ...stabilitySummary(report, seeds, settings.stabilityRuns),
      ...(resolutions.length > 0 ? { resolutions } : {}),
    });
  });

  // 5. k-means: its stability runs at the chosen k, then assignment and labels.
  const kmeans = kmeansOf(results.get(kmeansReference));
  const kStability: ThemeRun[] = seeds.map((seed) => ({ kind: 'kmeans', options: { k: kmeans.k, seed, ...kmeansOptions } }));
  const kStabilityResults = kStability.length === 0 ? [] : yield { data, runs: kStability };
  const kFitted: PaperAssignment = {
    theme: kmeans.assignment,
    strength: kmeans.strength,
    weak: Uint8Array.from(fitIds, (_, i) => (rowIsZero(fitRows, i) ? 1 : 0)),
  };
  const { assignment: kmeansAssignment, fittedTheme: kFittedTheme } =
    sample === null ? { assignment: kFitted, fittedTheme: kmeans.assignment } : extendSampledFit(lsa, sample, kFitted, kmeans.k, { centroids: kmeans.centroids, strength: { kind: 'cosine' } });
  const kReport = measureStability(
    kFittedTheme,
    kStabilityResults.map((result) => kmeansOf(result).assignment),
    settings.stableAt,
  );
  const kThemePapers = groupPapers(paperIds, kmeansAssignment.theme, kmeans.k);
  const kLabels = labelThemes({ themePapers: kThemePapers, concepts: input.concepts, mentions: input.mentions, paperConcepts }, { maxLabels: settings.maxLabels });
  for (let t = 0; t < kmeans.k; t++) {
    const label = kLabels[t];
    themes.push(makeTheme('kmeans', t, label, label?.topConcepts ?? [], kThemePapers[t] ?? [], (kThemePapers[t] ?? []).length, kReport, settings.stabilityRuns, kmeansAssignment));
  }
  weaklyAssigned.kmeans = pushPaperThemes(paperThemes, 'kmeans', paperIds, kmeansAssignment);
  for (const method of THEME_ORDER) {
    if (weaklyAssigned[method] > 0) {
      issues.push(issue('weak-theme-assignment', 'info', `${method}: ${weaklyAssigned[method]} of ${papers.length} papers had no direct evidence for a theme and were assigned by similarity (weak: true)`));
    }
  }

  // 6. Crosswalk and summary.
  const crosswalk = crosswalkThemes(themes, paperThemes, settings.graphMethod, 'kmeans');
  const louvain = summaries.get('louvain') ?? { modularity: 0, resolution: settings.resolution, communities: 0 };
  const leiden = summaries.get('leiden') ?? { modularity: 0, resolution: settings.resolution, communities: 0 };
  const clustering: ClusteringSummary = {
    louvain,
    leiden,
    kmeans: {
      k: kmeans.k,
      chosenBy: kmeans.chosenBy,
      candidates: kmeans.candidates,
      dimensions: lsa.dimensions,
      ...stabilitySummary(kReport, seeds, settings.stabilityRuns),
    },
    graphMethod: settings.graphMethod,
    graphInput: settings.graphInput,
    weaklyAssigned,
    crosswalk,
  };
  return { themes, paperThemes, clustering, crosswalk, issues };
}

/**
 * The papers' unit LSA rows. A function of its own so the sparse TF-IDF rows and the mentions' integer table are
 * garbage once it returns: a suspended generator (themeSteps) keeps its locals alive, and at 1M papers those take
 * some 600 and 290 MB.
 */
function paperLsa(input: DetectThemesInput, paperIds: readonly string[], settings: ResolvedOptions): DenseRows {
  const papers = input.papers;
  const paperConcepts = buildPaperConcepts(paperIds, input.concepts, input.mentions);
  const vectors = buildPaperVectors(papers, input.mentions, { conceptWeight: settings.conceptWeight, termWeight: settings.termWeight, paperConcepts });
  const dimensions = settings.dimensions === 'auto' ? Math.max(10, Math.min(100, Math.round(Math.sqrt(papers.length)))) : settings.dimensions;
  const powerIterations = papers.length > LARGE_CORPUS ? 2 : 4;
  return assignUnitLength(truncatedSvd(vectors, { dimensions, seed: settings.seed, powerIterations, sampleRows: LSA_SAMPLE_ROWS }).coordinates);
}

function kmeansOf(result: ThemeRunResult | undefined): KmeansClusters {
  if (result?.kind !== 'kmeans') throw new PapergraphError(MODULE, 'a k-means run gave no clusters (theme runner bug)');
  return result.clusters;
}

const THEME_ORDER: readonly ThemeMethod[] = ['louvain', 'leiden', 'kmeans'];

interface GraphRun {
  detection: CommunityDetection;
  themeCount: number;
  assignment: PaperAssignment;
  /** Concept members per theme (concept graph), or null (paper graph). */
  members: string[][] | null;
}

type ResolvedOptions = Omit<Required<DetectThemesOptions>, 'graphConsensusRuns' | 'kmeansConsensusRuns' | 'stabilityRuns' | 'resolutionRuns' | 'sampleRows'> & {
  sampleRows: number;
  graphConsensusRuns: number;
  resolutionRuns: number;
  kmeansConsensusRuns: number;
  stabilityRuns: number;
};

function resolveOptions(options: DetectThemesOptions, paperCount: number): ResolvedOptions {
  const given = { ...DETECT_THEMES_DEFAULTS, ...options };
  const sampleRows = given.sampleRows === 'auto' ? THEME_SAMPLE_ROWS : given.sampleRows;
  if (!(Number.isInteger(sampleRows) && sampleRows >= 1) && sampleRows !== Infinity) {
    throw new PapergraphError(MODULE, `sampleRows must be a positive integer, Infinity or 'auto', got ${sampleRows}`);
  }
  // Budgets follow the number of papers the clusterings are fitted on.
  const fitted = Math.min(paperCount, sampleRows);
  const large = fitted > LARGE_CORPUS;
  const graphConsensusRuns = given.graphConsensusRuns === 'auto' ? (fitted > HUGE_CORPUS ? 1 : large ? 5 : 25) : given.graphConsensusRuns;
  const settings: ResolvedOptions = {
    ...given,
    sampleRows,
    graphConsensusRuns,
    resolutionRuns: given.resolutionRuns === 'auto' ? (large ? 1 : graphConsensusRuns) : given.resolutionRuns,
    kmeansConsensusRuns: given.kmeansConsensusRuns === 'auto' ? (large ? 20 : 200) : given.kmeansConsensusRuns,
    stabilityRuns: given.stabilityRuns === 'auto' ? (large ? 2 : 4) : given.stabilityRuns,
  };
  if (!(GRAPH_METHODS as readonly string[]).includes(settings.graphMethod)) {
    throw new PapergraphError(MODULE, `unknown graphMethod "${settings.graphMethod}": use one of ${GRAPH_METHODS.join(', ')}`);
  }
  if (!(GRAPH_INPUTS as readonly string[]).includes(settings.graphInput)) {
    throw new PapergraphError(MODULE, `unknown graphInput "${settings.graphInput}": use one of ${GRAPH_INPUTS.join(', ')}`);
  }
  if (settings.dimensions !== 'auto' && (!Number.isInteger(settings.dimensions) || settings.dimensions < 1)) {
    throw new PapergraphError(MODULE, `dimensions must be a positive integer or 'auto', got ${settings.dimensions}`);
  }
  if (settings.resolutionFactors.some((factor) => !(factor > 0) || !Number.isFinite(factor))) {
    throw new PapergraphError(MODULE, `resolutionFactors must be positive numbers, got [${settings.resolutionFactors.join(', ')}]`);
  }
  if (!Number.isInteger(settings.stabilityRuns) || settings.stabilityRuns < 0) {
    throw new PapergraphError(MODULE, `stabilityRuns must be an integer >= 0, got ${settings.stabilityRuns}`);
  }
  if (!Number.isInteger(settings.minThemeConcepts) || settings.minThemeConcepts < 1) {
    throw new PapergraphError(MODULE, `minThemeConcepts must be an integer >= 1, got ${settings.minThemeConcepts}`);
  }
  return settings;
}

/** The seeds of the stability runs: the next `runs` integers after the reference seed. */
export function stabilitySeeds(seed: number, runs: number): number[] {
  return Array.from({ length: runs }, (_, r) => seed + r + 1);
}

function stabilitySummary(report: StabilityReport, seeds: number[], runs: number): { stability?: StabilitySummary } {
  if (runs === 0) return {};
  const stableThemes = report.stable.filter(Boolean).length;
  return {
    stability: {
      seeds,
      meanAri: report.meanAri,
      minAri: report.minAri,
      meanNmi: report.meanNmi,
      stableThemes,
      fragileThemes: report.stable.length - stableThemes,
      stableAt: report.stableAt,
    },
  };
}

function makeTheme(
  method: ThemeMethod,
  id: number,
  label: { label: string; topConcepts: string[] } | undefined,
  concepts: string[],
  papers: string[],
  size: number,
  report: StabilityReport,
  runs: number,
  assignment: PaperAssignment,
): Theme {
  const stability = runs > 0 ? (report.themeStability[id] ?? 0) : null;
  let weakPapers = 0;
  for (let i = 0; i < assignment.theme.length; i++) if (assignment.theme[i] === id && assignment.weak[i] === 1) weakPapers++;
  return {
    method,
    id,
    label: label?.label ?? `Theme ${id}`,
    topConcepts: label?.topConcepts ?? [],
    concepts,
    papers,
    size,
    stability,
    ...(stability === null ? {} : { stable: stability >= report.stableAt }),
    weakPapers,
  };
}

/**
 * Each concept of the concept graph goes to the theme holding most of the papers that mention it (ties: the lower
 * theme), listed after the theme's label concepts, then by papers and id. Votes are counted from the integer
 * mention table (paper-concepts.ts) into a concepts × themes table of integers.
 */
function conceptsByMajority(
  themeCount: number,
  paperIds: readonly string[],
  theme: ArrayLike<number>,
  paperConcepts: PaperConcepts,
  graphConcepts: ReadonlySet<string>,
  labels: readonly { topConcepts: string[] }[],
  conceptPapers: ReadonlyMap<string, number>,
): string[][] {
  const conceptIds = [...graphConcepts];
  const graphIndex = new Map(conceptIds.map((id, i) => [id, i]));
  // Concept number → graph concept number, or -1.
  const toGraph = Int32Array.from(paperConcepts.conceptIds, (id) => graphIndex.get(id) ?? -1);
  const votes = new Uint32Array(conceptIds.length * themeCount);
  for (let row = 0; row < paperConcepts.rowCount; row++) {
    const t = row < paperIds.length ? (theme[row] ?? -1) : -1;
    if (t < 0) continue;
    for (let e = paperConcepts.offsets[row]!, end = paperConcepts.offsets[row + 1]!; e < end; e++) {
      const c = toGraph[paperConcepts.concepts[e]!]!;
      if (c >= 0) votes[c * themeCount + t]!++;
    }
  }
  const members: string[][] = Array.from({ length: themeCount }, () => []);
  conceptIds.forEach((conceptId, c) => {
    let best = -1;
    for (let t = 0; t < themeCount; t++) if (votes[c * themeCount + t]! > (best < 0 ? 0 : votes[c * themeCount + best]!)) best = t;
    if (best >= 0) members[best]?.push(conceptId);
  });
  return members.map((list, t) => {
    const rank = new Map((labels[t]?.topConcepts ?? []).map((id, i) => [id, i]));
    return list.sort(
      (a, b) =>
        (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (conceptPapers.get(b) ?? 0) - (conceptPapers.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
    );
  });
}

function groupPapers(paperIds: readonly string[], theme: ArrayLike<number>, count: number): string[][] {
  const groups: string[][] = Array.from({ length: count }, () => []);
  paperIds.forEach((id, i) => {
    const t = theme[i] ?? -1;
    if (t >= 0) groups[t]?.push(id);
  });
  return groups;
}

function pushPaperThemes(out: PaperTheme[], method: ThemeMethod, paperIds: readonly string[], assignment: PaperAssignment): number {
  let weak = 0;
  paperIds.forEach((paperId, i) => {
    const themeId = assignment.theme[i] ?? -1;
    if (themeId < 0) return;
    const isWeak = assignment.weak[i] === 1;
    if (isWeak) weak++;
    out.push({ paperId, method, themeId, strength: round(assignment.strength[i] ?? 0), weak: isWeak });
  });
  return weak;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function rowIsZero(rows: DenseRows, i: number): boolean {
  for (let a = 0; a < rows.dimensions; a++) if ((rows.data[i * rows.dimensions + a] ?? 0) !== 0) return false;
  return true;
}

/** Scales every non-zero row to unit length, in place (the LSA coordinates are fresh, so no copy is needed). */
function assignUnitLength(rows: DenseRows): DenseRows {
  const data = rows.data;
  const d = rows.dimensions;
  for (let i = 0; i < rows.rowCount; i++) {
    let norm = 0;
    for (let a = 0; a < d; a++) norm += (data[i * d + a] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let a = 0; a < d; a++) data[i * d + a] = (data[i * d + a] ?? 0) / norm;
  }
  return rows;
}

function pickDenseRows(rows: DenseRows, index: Uint32Array): DenseRows {
  const d = rows.dimensions;
  const data = new Float64Array(index.length * d);
  index.forEach((i, r) => data.set(rows.data.subarray(i * d, i * d + d), r * d));
  return { rowCount: index.length, dimensions: d, data };
}

/** How papers outside the sample get a theme: the theme centroids and the meaning of strength. */
interface SampledFitRule {
  centroids: Float64Array;
  strength: OutsideSampleStrength;
}

/**
 * Graph themes: centroids of the sample's papers with direct evidence (as for weak papers), and the strength as a
 * share of similarity at the temperature fitted on the sample (fit-share-temperature.ts).
 */
function shareRule(fitRows: DenseRows, fitted: PaperAssignment, themeCount: number): SampledFitRule {
  const centroids = buildThemeCentroids(fitted.theme, fitRows, themeCount, fitted.weak);
  return { centroids, strength: { kind: 'share', temperature: fitShareTemperature(fitRows, fitted, centroids, themeCount) } };
}

/**
 * A sampled fit extended to every paper (assign-papers-outside-sample.ts), its themes renumbered by their size over
 * all papers (largest first, ties to the theme whose first paper comes first); `fittedTheme` is the sample's
 * assignment under the same numbers, for the comparisons made on the sample.
 */
function extendSampledFit(lsa: DenseRows, sample: Uint32Array, fitted: PaperAssignment, themeCount: number, rule: SampledFitRule): { assignment: PaperAssignment; fittedTheme: Int32Array } {
  const all = assignPapersOutsideSample(lsa, sample, fitted, rule.centroids, themeCount, rule.strength);
  const renumbered = relabelBySize(all.theme).membership;
  const newId = new Int32Array(themeCount);
  for (let i = 0; i < renumbered.length; i++) newId[all.theme[i]!] = renumbered[i]!;
  return { assignment: { ...all, theme: renumbered }, fittedTheme: fitted.theme.map((c) => newId[c]!) };
}
