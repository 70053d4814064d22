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
 * Work budget, so the stage scales (issue 8). Repeated runs are 'auto' by default and shrink with the corpus, because
 * their cost is linear in the number of runs and each run's cost grows with N:
 *   - above `LARGE_CORPUS` (5000) papers: graph consensus 25 → 5 runs, k-means consensus 200 → 20 runs, stability
 *     4 → 2 extra seeds, single runs for the resolution comparison, LSA with 2 power iterations instead of 4;
 *   - above `LSA_SAMPLE_ROWS` (20 000) papers: LSA fitted on that many sampled papers, the others folded in;
 *   - above `HUGE_CORPUS` (50 000) papers: graph clustering in single seeded runs (no consensus) and Leiden stopped
 *     after 2 iterations instead of 10.
 * k-means always chooses k on at most 2000 sampled rows, over a grid when the range is wide (detect-kmeans-clusters.ts).
 * Measured on synthetic arXiv corpora: at 100k papers one Louvain run took 3 s of CPU, a 5-run consensus 100 s, one
 * Leiden run to convergence 10 s; the whole stage takes 52 s at 10k and 155 s at 100k papers (`npm run bench`, medians of
 * 3), where the kNN graph is the largest part.
 */
import type { AbstractGraph } from 'graphology-types';
import { PapergraphError } from '../core/errors.ts';
import { issue, type Issue } from '../core/issues.ts';
import { DEFAULT_SEED } from '../core/random.ts';
import type { ClusteringSummary, ResolutionAgreement, StabilitySummary, ThemeCrosswalk } from '../core/result.ts';
import type { Concept, Mention, Paper, PaperTheme, Theme, ThemeMethod } from '../core/types.ts';
import { assignPapersToCommunities, type PaperAssignment } from './assign-papers-to-communities.ts';
import { assignPapersToPaperCommunities } from './assign-papers-to-paper-communities.ts';
import { buildPaperSimilarityGraph } from './build-paper-similarity-graph.ts';
import { buildPaperVectors } from './build-paper-vectors.ts';
import type { CommunityDetection } from './community-detection.ts';
import { comparePartitions } from './compare-partitions.ts';
import { crosswalkThemes } from './crosswalk-themes.ts';
import { detectConsensusCommunities } from './detect-consensus-communities.ts';
import { detectKmeansClusters } from './detect-kmeans-clusters.ts';
import { labelThemes } from './label-themes.ts';
import { measureStability, type StabilityReport } from './measure-stability.ts';
import { truncatedSvd, type DenseRows } from './truncated-svd.ts';
import { buildWeightedNetwork } from './weighted-network.ts';
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

export function detectThemes(input: DetectThemesInput, options: DetectThemesOptions = {}): DetectThemesResult {
  const settings = resolveOptions(options, input.papers.length);
  const issues: Issue[] = [];
  const papers = input.papers;
  const paperIds = papers.map((paper) => paper.id);

  // 1. Paper vectors: sparse TF-IDF → LSA → unit rows.
  const vectors = buildPaperVectors(papers, input.mentions, { conceptWeight: settings.conceptWeight, termWeight: settings.termWeight });
  const dimensions = settings.dimensions === 'auto' ? Math.max(10, Math.min(100, Math.round(Math.sqrt(papers.length)))) : settings.dimensions;
  const powerIterations = papers.length > LARGE_CORPUS ? 2 : 4;
  const lsa = normalizeRows(truncatedSvd(vectors, { dimensions, seed: settings.seed, powerIterations, sampleRows: LSA_SAMPLE_ROWS }).coordinates);

  // 2. Graph communities and paper assignment, for both graph methods.
  const conceptNetworkKeys = new Set(buildWeightedNetwork(input.conceptGraph).keys);
  const huge = papers.length > HUGE_CORPUS;
  const paperGraph = settings.graphInput === 'papers' ? buildPaperSimilarityGraph(paperIds, lsa, { neighbors: settings.neighbors, seed: settings.seed }) : null;
  const conceptPapers = new Map(input.concepts.map((concept) => [concept.id, concept.papers]));
  const runGraph = (method: GraphMethod, seed: number, resolution = settings.resolution, runs = settings.graphConsensusRuns): GraphRun => {
    const graph = paperGraph ?? input.conceptGraph;
    const detection = detectConsensusCommunities(graph, { method, seed, resolution, runs, leidenIterations: huge ? 2 : 10 });
    if (paperGraph !== null) {
      const { assignment, themeCount } = assignPapersToPaperCommunities(paperIds, paperGraph, detection, settings.minThemePapers, lsa);
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
  const themes: Theme[] = [];
  const paperThemes: PaperTheme[] = [];
  const summaries = new Map<GraphMethod, ClusteringSummary['louvain']>();
  const weaklyAssigned = { louvain: 0, leiden: 0, kmeans: 0 };
  for (const method of GRAPH_METHODS) {
    const reference = runGraph(method, settings.seed);
    const { detection, themeCount, assignment, members } = reference;
    if (themeCount === 0) {
      issues.push(issue('no-graph-themes', 'warning', `${method}: the ${settings.graphInput} graph is empty, so there are no ${method} themes; k-means themes are still given`));
      summaries.set(method, { modularity: 0, resolution: settings.resolution, communities: 0 });
      continue;
    }
    const seeds = stabilitySeeds(settings.seed, settings.stabilityRuns);
    const report = measureStability(
      assignment.theme,
      seeds.map((seed) => runGraph(method, seed).assignment.theme),
      settings.stableAt,
    );
    const themePapers = groupPapers(paperIds, assignment.theme, themeCount);
    const labels = labelThemes(
      { themePapers, concepts: input.concepts, mentions: input.mentions, ...(members === null ? {} : { candidates: members }) },
      { maxLabels: settings.maxLabels },
    );
    // Paper-graph themes also partition the concept graph's concepts: each goes to the theme holding most of the
    // papers that mention it, listed after the theme's best-scoring concepts, so every concept node gets a theme.
    const conceptMembers = members ?? conceptsByMajority(themeCount, paperIds, assignment.theme, input.mentions, conceptNetworkKeys, labels, conceptPapers);
    for (let t = 0; t < themeCount; t++) {
      const label = labels[t];
      const concepts = conceptMembers[t] ?? [];
      const size = members === null ? (themePapers[t] ?? []).length : concepts.length;
      themes.push(makeTheme(method, t, label, concepts, themePapers[t] ?? [], size, report, settings.stabilityRuns, assignment));
    }
    weaklyAssigned[method] = pushPaperThemes(paperThemes, method, paperIds, assignment);
    const resolutions: ResolutionAgreement[] = settings.resolutionFactors.map((factor) => {
      const resolution = settings.resolution * factor;
      const other = runGraph(method, settings.seed, resolution, settings.resolutionRuns);
      const agreement = comparePartitions(assignment.theme, other.assignment.theme);
      return { resolution, communities: other.themeCount, ari: agreement.ari, nmi: agreement.nmi };
    });
    summaries.set(method, {
      modularity: detection.modularity,
      resolution: settings.resolution,
      communities: detection.count,
      ...stabilitySummary(report, seeds, settings.stabilityRuns),
      ...(resolutions.length > 0 ? { resolutions } : {}),
    });
  }

  // 3. k-means on the LSA rows.
  const kmeansOptions = { restarts: settings.restarts, consensusRuns: settings.kmeansConsensusRuns };
  const kmeans = detectKmeansClusters(lsa, { k: settings.k, kRange: settings.kRange, seed: settings.seed, ...kmeansOptions });
  const kmeansAssignment: PaperAssignment = {
    theme: kmeans.assignment,
    strength: kmeans.strength,
    weak: Uint8Array.from(paperIds, (_, i) => (rowIsZero(lsa, i) ? 1 : 0)),
  };
  const kSeeds = stabilitySeeds(settings.seed, settings.stabilityRuns);
  const kReport = measureStability(
    kmeans.assignment,
    kSeeds.map((seed) => detectKmeansClusters(lsa, { k: kmeans.k, seed, ...kmeansOptions }).assignment),
    settings.stableAt,
  );
  const kThemePapers = groupPapers(paperIds, kmeans.assignment, kmeans.k);
  const kLabels = labelThemes({ themePapers: kThemePapers, concepts: input.concepts, mentions: input.mentions }, { maxLabels: settings.maxLabels });
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

  // 4. Crosswalk and summary.
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
      ...stabilitySummary(kReport, kSeeds, settings.stabilityRuns),
    },
    graphMethod: settings.graphMethod,
    graphInput: settings.graphInput,
    weaklyAssigned,
    crosswalk,
  };
  return { themes, paperThemes, clustering, crosswalk, issues };
}

const THEME_ORDER: readonly ThemeMethod[] = ['louvain', 'leiden', 'kmeans'];

interface GraphRun {
  detection: CommunityDetection;
  themeCount: number;
  assignment: PaperAssignment;
  /** Concept members per theme (concept graph), or null (paper graph). */
  members: string[][] | null;
}

type ResolvedOptions = Omit<Required<DetectThemesOptions>, 'graphConsensusRuns' | 'kmeansConsensusRuns' | 'stabilityRuns' | 'resolutionRuns'> & {
  graphConsensusRuns: number;
  resolutionRuns: number;
  kmeansConsensusRuns: number;
  stabilityRuns: number;
};

function resolveOptions(options: DetectThemesOptions, paperCount: number): ResolvedOptions {
  const large = paperCount > LARGE_CORPUS;
  const given = { ...DETECT_THEMES_DEFAULTS, ...options };
  const graphConsensusRuns = given.graphConsensusRuns === 'auto' ? (paperCount > HUGE_CORPUS ? 1 : large ? 5 : 25) : given.graphConsensusRuns;
  const settings: ResolvedOptions = {
    ...given,
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

function conceptsByMajority(
  themeCount: number,
  paperIds: readonly string[],
  theme: ArrayLike<number>,
  mentions: MentionList,
  graphConcepts: ReadonlySet<string>,
  labels: readonly { topConcepts: string[] }[],
  conceptPapers: ReadonlyMap<string, number>,
): string[][] {
  const themeOf = new Map(paperIds.map((id, i) => [id, theme[i] ?? -1]));
  const votes = new Map<string, Map<number, number>>();
  for (const mention of mentions) {
    if (!graphConcepts.has(mention.conceptId)) continue;
    const t = themeOf.get(mention.paperId) ?? -1;
    if (t < 0) continue;
    let counts = votes.get(mention.conceptId);
    if (!counts) {
      counts = new Map();
      votes.set(mention.conceptId, counts);
    }
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const members: string[][] = Array.from({ length: themeCount }, () => []);
  for (const [conceptId, counts] of votes) {
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) members[best[0]]?.push(conceptId);
  }
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

function normalizeRows(rows: DenseRows): DenseRows {
  const data = Float64Array.from(rows.data);
  const d = rows.dimensions;
  for (let i = 0; i < rows.rowCount; i++) {
    let norm = 0;
    for (let a = 0; a < d; a++) norm += (data[i * d + a] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let a = 0; a < d; a++) data[i * d + a] = (data[i * d + a] ?? 0) / norm;
  }
  return { rowCount: rows.rowCount, dimensions: d, data };
}
