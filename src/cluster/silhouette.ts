/**
 * Mean silhouette width (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and validation of
 * cluster analysis", J. Comput. Appl. Math. 20) under cosine distance, over a fixed sample of rows so it costs
 * O(S²) per clustering whatever N is. The sample's pairwise distances are computed once (`buildSilhouetteSample`)
 * and reused for every candidate k. A row alone in its cluster scores 0, as in the original definition.
 */
import { createRandom, DEFAULT_SEED, sampleIndexes } from '../core/random.ts';
import type { DenseRows } from './truncated-svd.ts';

export interface SilhouetteSample {
  /** Row indices of the sample, ascending. */
  rows: Uint32Array;
  /** Cosine distances between sampled rows, S × S row-major (Float32 to halve memory). */
  distances: Float32Array;
}

/** Picks min(size, N) rows deterministically (all rows when N ≤ size) and their pairwise cosine distances. */
export function buildSilhouetteSample(vectors: DenseRows, size = 2000, seed = DEFAULT_SEED): SilhouetteSample {
  const n = vectors.rowCount;
  const d = vectors.dimensions;
  const rows = sampleIndexes(n, size, createRandom(seed)).sort();
  const s = rows.length;
  const norms = new Float64Array(s);
  for (let a = 0; a < s; a++) {
    const base = (rows[a] ?? 0) * d;
    let sum = 0;
    for (let k = 0; k < d; k++) sum += (vectors.data[base + k] ?? 0) ** 2;
    norms[a] = Math.sqrt(sum) || 1;
  }
  const distances = new Float32Array(s * s);
  for (let a = 0; a < s; a++) {
    const baseA = (rows[a] ?? 0) * d;
    for (let b = a + 1; b < s; b++) {
      const baseB = (rows[b] ?? 0) * d;
      let dot = 0;
      for (let k = 0; k < d; k++) dot += (vectors.data[baseA + k] ?? 0) * (vectors.data[baseB + k] ?? 0);
      const distance = Math.max(0, 1 - dot / ((norms[a] ?? 1) * (norms[b] ?? 1)));
      distances[a * s + b] = distance;
      distances[b * s + a] = distance;
    }
  }
  return { rows, distances };
}

/** Mean silhouette of the sampled rows under `assignment` (indexed by row over all N rows). */
export function silhouetteScore(sample: SilhouetteSample, assignment: ArrayLike<number>, k: number): number {
  const s = sample.rows.length;
  if (s < 2 || k < 2) return 0;
  const labels = Int32Array.from(sample.rows, (row) => assignment[row] ?? 0);
  const clusterSizes = new Float64Array(k);
  for (const c of labels) clusterSizes[c] = (clusterSizes[c] ?? 0) + 1;
  const sums = new Float64Array(k);
  let total = 0;
  for (let a = 0; a < s; a++) {
    sums.fill(0);
    for (let b = 0; b < s; b++) if (b !== a) sums[labels[b] ?? 0] = (sums[labels[b] ?? 0] ?? 0) + (sample.distances[a * s + b] ?? 0);
    const own = labels[a] ?? 0;
    const ownSize = (clusterSizes[own] ?? 0) - 1;
    if (ownSize <= 0) continue;
    const within = (sums[own] ?? 0) / ownSize;
    let nearest = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || (clusterSizes[c] ?? 0) === 0) continue;
      nearest = Math.min(nearest, (sums[c] ?? 0) / (clusterSizes[c] ?? 1));
    }
    if (!Number.isFinite(nearest)) continue;
    const spread = Math.max(within, nearest);
    total += spread > 0 ? (nearest - within) / spread : 0;
  }
  return total / s;
}
