/**
 * k-means on paper vectors (Lloyd 1982; own typed-array implementation in run-kmeans.ts), with k-means++ seeding (Arthur & Vassilvitskii 2007),
 * a fixed seed and several restarts. Rows are
 * L2-normalised first, so Euclidean k-means on them is spherical k-means on cosine similarity (Dhillon & Modha
 * 2001). When k is 'auto' it is the candidate in `kRange` with the highest mean silhouette (Rousseeuw 1987) on a
 * fixed sample; for large N the candidates are clustered on a sample of `selectionSampleSize` rows and only the
 * chosen k runs on all rows (each candidate: best of `restarts` runs by within-cluster sum of squares). A range of
 * more than `maxCandidates` values is tried on a grid (kCandidates): every k up to 10, then steps of about 25 %,
 * always ending on the range's top — silhouette curves are flat at large k, and each candidate costs `restarts`
 * runs (measured on 10k synthetic papers: k over 2..40, 39 candidates, was 60 % of the whole theme stage).
 *
 * The final clustering is a consensus, so it does not hinge on one seed: `consensusRuns` k-means++ runs on a fixed
 * sample of at most `consensusSampleSize` rows are combined by evidence accumulation (Fred & Jain 2005, "Combining
 * multiple clusterings using evidence accumulation", IEEE TPAMI 27(6)): the co-association distance 1 − (share of
 * runs putting two rows together) is cut into k clusters by average linkage (outliers left alone by the linkage
 * do not count as clusters, see average-linkage.ts); the cut is then refined on the co-association itself (each
 * sample row moves to the cluster it shares most runs with on average, repeated until nothing moves: a Lloyd-style
 * fixed point on the evidence matrix, the local search of consensus clustering, cf. Strehl & Ghosh 2002, JMLR 3);
 * every row then goes to the nearest of those consensus centroids (one k-means assignment step). With `consensusRuns` ≤ 1 the best of `restarts`
 * runs is kept instead. Clusters are renumbered largest first; each row's strength is its cosine similarity to its
 * centroid, clamped to 0..1.
 *
 * Speed, with results unchanged bit for bit: runKmeans skips distances by Elkan's bounds, and the runs on one sample
 * (the candidates' restarts, the consensus runs) share the sample's row dot products for k-means++ (rowDots); the
 * co-association refinement updates its per-cluster sums as rows move. On the 10k synthetic arXiv corpus (LSA rows,
 * d = 100, k = 40 chosen) the themes stage's k-means work — the reference fit with k by silhouette and the two
 * stability seeds — took 11.3 s against 40.4 s before (3.6×), and in a second sitting 7.1 s of CPU against 21.6 s
 * (3.0×) (medians of 3 runs interleaved with the old code, on a busy shared 2-core machine; scratch script, not a
 * test).
 */
import { PapergraphError } from '../core/errors.ts';
import { createRandom, DEFAULT_SEED, sampleIndexes } from '../core/random.ts';
import { cutAverageLinkage } from './average-linkage.ts';
import { relabelBySize } from './relabel-by-size.ts';
import { rowDotProducts, runKmeans } from './run-kmeans.ts';
import { buildSilhouetteSample, silhouetteScore } from './silhouette.ts';
import type { DenseRows } from './truncated-svd.ts';

export interface DetectKmeansClustersOptions {
  /** Number of clusters, or 'auto' to choose by silhouette over `kRange`. Default: 'auto'. */
  k?: number | 'auto';
  /** Inclusive [min, max] of k tried when k is 'auto'. Default: [2, clamp(round(sqrt(N)), 2, 40)]. */
  kRange?: readonly [number, number] | null;
  seed?: number;
  /** A kRange wider than this is tried on a grid (see kCandidates). Default: 20. */
  maxCandidates?: number;
  /** k-means runs per k, best inertia kept. Default: 5. */
  restarts?: number;
  maxIterations?: number;
  /** Rows in the silhouette sample. Default: 2000. */
  silhouetteSampleSize?: number;
  /** Above this many rows, k is chosen on a sample of this size. Default: 2000. */
  selectionSampleSize?: number;
  /** k-means runs combined into the final consensus (≤ 1: best of `restarts`). Default: 200. */
  consensusRuns?: number;
  /** Rows in the consensus sample (co-association is S × S). Default: 2000. */
  consensusSampleSize?: number;
}

export const DETECT_KMEANS_CLUSTERS_DEFAULTS: Readonly<Required<DetectKmeansClustersOptions>> = Object.freeze({
  k: 'auto',
  kRange: null,
  maxCandidates: 20,
  seed: DEFAULT_SEED,
  restarts: 5,
  maxIterations: 100,
  silhouetteSampleSize: 2000,
  selectionSampleSize: 2000,
  consensusRuns: 200,
  consensusSampleSize: 2000,
});

export interface KmeansClusters {
  /** Cluster of each row: dense ids, largest first. */
  assignment: Int32Array;
  k: number;
  chosenBy: 'user' | 'silhouette';
  candidates: { k: number; silhouette: number }[];
  /** Unit-length centroids, k × dimensions row-major, in cluster-id order. */
  centroids: Float64Array;
  /** Cosine similarity of each row to its centroid, clamped to 0..1. */
  strength: Float64Array;
  /** Within-cluster sum of squares of the kept run. */
  inertia: number;
}

export function defaultKRange(rowCount: number): [number, number] {
  return [2, Math.max(2, Math.min(40, Math.round(Math.sqrt(rowCount)), rowCount - 1))];
}

export function detectKmeansClusters(vectors: DenseRows, options: DetectKmeansClustersOptions = {}): KmeansClusters {
  const settings = { ...DETECT_KMEANS_CLUSTERS_DEFAULTS, ...options };
  const n = vectors.rowCount;
  const rows = normalizedRows(vectors);
  if (n === 0) {
    return { assignment: new Int32Array(0), k: 0, chosenBy: settings.k === 'auto' ? 'silhouette' : 'user', candidates: [], centroids: new Float64Array(0), strength: new Float64Array(0), inertia: 0 };
  }
  const candidates: { k: number; silhouette: number }[] = [];
  let k: number;
  if (settings.k === 'auto') {
    const [low, high] = settings.kRange ?? defaultKRange(n);
    if (!Number.isInteger(low) || !Number.isInteger(high) || low < 1 || high < low) {
      throw new PapergraphError('cluster/detect-kmeans-clusters', `kRange must be two integers 1 <= min <= max, got [${low}, ${high}]`);
    }
    // Candidates run on a fixed sample when N is large; the silhouette always on a fixed sample of that.
    const selection = sampleRows(n, settings.selectionSampleSize, settings.seed);
    const d = vectors.dimensions;
    const selectedData = pickRows(rows, d, selection);
    const selectedCount = selection.length;
    const selectedVectors: DenseRows = { rowCount: selectedCount, dimensions: d, data: selectedData };
    const sample = buildSilhouetteSample(selectedVectors, settings.silhouetteSampleSize, settings.seed);
    // Every candidate's restarts run on these rows, so their dot products are computed once for all of them.
    const rowDots = rowDotProducts(selectedData, selectedCount, d);
    let bestScore = -Infinity;
    k = Math.min(low, selectedCount);
    for (const candidate of kCandidates(low, Math.min(high, selectedCount), settings.maxCandidates)) {
      const run = bestOfRestarts(selectedData, selectedCount, d, candidate, settings.restarts, settings.maxIterations, settings.seed, rowDots);
      const score = candidate < 2 ? 0 : silhouetteScore(sample, run.clusters, candidate);
      candidates.push({ k: candidate, silhouette: score });
      if (score > bestScore + 1e-12) {
        bestScore = score;
        k = candidate;
      }
    }
  } else {
    if (!Number.isInteger(settings.k) || settings.k < 1) throw new PapergraphError('cluster/detect-kmeans-clusters', `k must be a positive integer or 'auto', got ${settings.k}`);
    k = Math.min(settings.k, n);
  }
  const run =
    settings.consensusRuns > 1 && k > 1
      ? consensusKmeans(rows, n, vectors.dimensions, k, settings.consensusRuns, settings.consensusSampleSize, settings.maxIterations, settings.seed)
      : bestOfRestarts(rows, n, vectors.dimensions, k, settings.restarts, settings.maxIterations, settings.seed, null);
  const { membership, count } = relabelBySize(run.clusters);
  const d = vectors.dimensions;
  const centroids = new Float64Array(count * d);
  for (let i = 0; i < n; i++) {
    const c = membership[i] ?? 0;
    for (let a = 0; a < d; a++) centroids[c * d + a] = (centroids[c * d + a] ?? 0) + (rows[i * d + a] ?? 0);
  }
  for (let c = 0; c < count; c++) normalizeInPlace(centroids, c * d, d);
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i] ?? 0;
    let dot = 0;
    for (let a = 0; a < d; a++) dot += (rows[i * d + a] ?? 0) * (centroids[c * d + a] ?? 0);
    strength[i] = Math.min(1, Math.max(0, dot));
  }
  return { assignment: membership, k: count, chosenBy: settings.k === 'auto' ? 'silhouette' : 'user', candidates, centroids, strength, inertia: run.inertia };
}

/** The k tried in [low, high]: all of them when there are at most `maxCandidates`, else every k ≤ 10 and ~25 % steps. */
export function kCandidates(low: number, high: number, maxCandidates: number): number[] {
  if (high < low) return [];
  if (high - low + 1 <= maxCandidates) return Array.from({ length: high - low + 1 }, (_, i) => low + i);
  const out: number[] = [];
  for (let k = low; k <= high; k = k < 10 ? k + 1 : Math.max(k + 1, Math.round(k * 1.25))) out.push(k);
  const last = out[out.length - 1] ?? low;
  if (last !== high) {
    // A grid value just below the top gives way to the top itself.
    if (out.length > 1 && last >= high * 0.9) out.pop();
    out.push(high);
  }
  return out;
}

function normalizedRows(vectors: DenseRows): Float64Array {
  const d = vectors.dimensions;
  const data = Float64Array.from(vectors.data.subarray(0, vectors.rowCount * d));
  for (let i = 0; i < vectors.rowCount; i++) normalizeInPlace(data, i * d, d);
  return data;
}

function pickRows(rows: Float64Array, d: number, index: readonly number[]): Float64Array {
  const out = new Float64Array(index.length * d);
  index.forEach((i, r) => out.set(rows.subarray(i * d, i * d + d), r * d));
  return out;
}

function normalizeInPlace(data: Float64Array, start: number, length: number): void {
  let norm = 0;
  for (let a = 0; a < length; a++) norm += (data[start + a] ?? 0) ** 2;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let a = 0; a < length; a++) data[start + a] = (data[start + a] ?? 0) / norm;
}

function sampleRows(n: number, size: number, seed: number): number[] {
  return Array.from(sampleIndexes(n, size, createRandom(seed + 1)).sort());
}

/** Evidence accumulation on a sample, average-linkage cut at k, then every row to its nearest consensus centroid. */
function consensusKmeans(rows: Float64Array, n: number, d: number, k: number, runs: number, sampleSize: number, maxIterations: number, seed: number): { clusters: Int32Array; inertia: number } {
  const sampleIndex = sampleRows(n, sampleSize, seed + 2);
  const sample = pickRows(rows, d, sampleIndex);
  const s = sampleIndex.length;
  if (s <= k) return bestOfRestarts(rows, n, d, k, 1, maxIterations, seed, null);
  const random = createRandom(seed);
  const rowDots = rowDotProducts(sample, s, d);
  const together = new Float32Array(s * s);
  const members = new Int32Array(s);
  const starts = new Int32Array(k + 1);
  for (let r = 0; r < runs; r++) {
    const clusters = runKmeans(sample, s, d, k, { seed: Math.floor(random() * 2 ** 31), maxIterations, rowDots }).clusters;
    // Count pairs cluster by cluster (members bucketed by cluster, ascending), so a run costs Σ size² not S².
    starts.fill(0);
    for (let a = 0; a < s; a++) starts[clusters[a]! + 1]!++;
    for (let c = 0; c < k; c++) starts[c + 1]! += starts[c]!;
    const fill = starts.slice(0, k);
    for (let a = 0; a < s; a++) members[fill[clusters[a]!]!++] = a;
    for (let c = 0; c < k; c++) {
      for (let x = starts[c]!; x < starts[c + 1]!; x++) {
        const row = members[x]! * s;
        for (let y = x + 1; y < starts[c + 1]!; y++) together[row + members[y]!]! += 1;
      }
    }
  }
  const distances = new Float64Array(s * s);
  for (let a = 0; a < s; a++) {
    for (let b = a + 1; b < s; b++) {
      const value = 1 - together[a * s + b]! / runs;
      distances[a * s + b] = value;
      distances[b * s + a] = value;
    }
  }
  // Cut with clusters of >= 3 sample rows (when the sample allows); the k largest seed Lloyd, smaller ones dissolve.
  const minSize = s >= 6 * k ? 3 : 1;
  const labels = relabelBySize(cutAverageLinkage(distances, s, k, minSize)).membership;
  // The cut alone hinges on near-ties in the dendrogram; moving rows to their best-agreeing cluster (a fixed point
  // on the co-association itself, so on all runs at once) removes part of that seed dependence (measured on the
  // development corpus at k = 20: run-to-run ARI 0.895 without, 0.916 with; 0.929 with 200 runs).
  refineByCoassociation(together, s, k, runs, labels, 50);
  const centres = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  for (let a = 0; a < s; a++) {
    const c = labels[a] ?? 0;
    if (c >= k) continue;
    sizes[c]!++;
    for (let x = 0; x < d; x++) centres[c * d + x]! += sample[a * d + x]!;
  }
  for (let c = 0; c < k; c++) for (let x = 0; x < d; x++) centres[c * d + x] = centres[c * d + x]! / Math.max(1, sizes[c]!);
  // One assignment step to the consensus centroids. Letting Lloyd run on from here drifts away from the consensus
  // and brings back the seed dependence it removed (measured: run-to-run ARI 0.87 with Lloyd to convergence vs
  // 0.92 without, on the development corpus).
  const result = runKmeans(rows, n, d, k, { seed, maxIterations: 1, initialCentroids: centres });
  return { clusters: result.clusters, inertia: result.inertia };
}

/**
 * Moves each sample row to the cluster (among the k) with the highest mean co-association to its other members,
 * all rows at once, until nothing moves or `maxRounds`; rows in clusters beyond k join too. Each row's co-association
 * sum per cluster is kept and updated for the rows that moved (s per moved row, not s² per round); the sums are whole
 * numbers of runs, so the updated ones equal the ones summed from scratch exactly.
 */
function refineByCoassociation(together: Float32Array, s: number, k: number, runs: number, labels: Int32Array, maxRounds: number): void {
  const coassociation = (a: number, b: number): number => (a < b ? together[a * s + b]! : together[b * s + a]!);
  const sums = new Float64Array(s * k);
  for (let a = 0; a < s; a++) {
    for (let b = 0; b < s; b++) {
      const c = labels[b]!;
      if (b !== a && c < k) sums[a * k + c]! += coassociation(a, b);
    }
  }
  const sizes = new Int32Array(k);
  const next = new Int32Array(s);
  for (let round = 0; round < maxRounds; round++) {
    sizes.fill(0);
    for (let a = 0; a < s; a++) if (labels[a]! < k) sizes[labels[a]!]!++;
    let moved = false;
    for (let a = 0; a < s; a++) {
      const own = labels[a]!;
      let best = own < k ? own : 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const size = sizes[c]! - (c === own ? 1 : 0);
        if (size <= 0) continue;
        const score = sums[a * k + c]! / size / runs;
        if (score > bestScore + 1e-12 || (c === own && score >= bestScore - 1e-12)) {
          bestScore = score;
          best = c;
        }
      }
      next[a] = best;
      if (best !== own) moved = true;
    }
    for (let b = 0; b < s; b++) if (next[b] !== labels[b]) moveCoassociationSums(sums, k, s, b, labels[b]!, next[b]!, coassociation);
    labels.set(next);
    if (!moved) break;
  }
}

/** Row b moves from cluster `from` (none when ≥ k) to `to`: every other row's sums follow. */
function moveCoassociationSums(sums: Float64Array, k: number, s: number, b: number, from: number, to: number, coassociation: (a: number, b: number) => number): void {
  for (let a = 0; a < s; a++) {
    if (a === b) continue;
    const value = coassociation(a, b);
    if (from < k) sums[a * k + from]! -= value;
    sums[a * k + to]! += value;
  }
}

/**
 * Runs k-means `restarts` times with seeds drawn from `seed`; keeps the lowest within-cluster sum of squares. `rowDots`
 * are the rows' dot products when the caller has them (runKmeans' option).
 */
function bestOfRestarts(
  rows: Float64Array,
  n: number,
  d: number,
  k: number,
  restarts: number,
  maxIterations: number,
  seed: number,
  rowDots: Float64Array | null,
): { clusters: Int32Array; inertia: number } {
  if (k <= 1 || n <= 1) return { clusters: new Int32Array(n), inertia: 0 };
  const random = createRandom(seed);
  let best: { clusters: Int32Array; inertia: number } | null = null;
  for (let r = 0; r < Math.max(1, restarts); r++) {
    const runSeed = Math.floor(random() * 2 ** 31);
    const result = runKmeans(rows, n, d, Math.min(k, n), { seed: runSeed, maxIterations, ...(rowDots === null ? {} : { rowDots }) });
    if (best === null || result.inertia < best.inertia - 1e-12) best = { clusters: result.clusters, inertia: result.inertia };
  }
  return best ?? { clusters: new Int32Array(n), inertia: 0 };
}
