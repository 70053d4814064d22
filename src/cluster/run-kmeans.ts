/**
 * One k-means run on a dense row-major `Float64Array` (n rows × d columns): greedy k-means++ seeding (Arthur &
 * Vassilvitskii 2007, "k-means++: the advantages of careful seeding", SODA; 2 + ⌊ln k⌋ candidates per centre as
 * in scikit-learn and ml-kmeans) from a seeded generator, then Lloyd
 * iterations (Lloyd 1982, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2)) until no row changes
 * cluster or `maxIterations` is reached. Squared distances use ‖x‖² − 2x·c + ‖c‖² with the norms precomputed; a
 * cluster that empties keeps its previous centroid (so k stays fixed and the run stays deterministic). Ties go to
 * the lower cluster id. The same data, k and seed always give the same result.
 */
import { createRandom } from '../core/random.ts';

export interface RunKmeansOptions {
  seed: number;
  maxIterations: number;
  /** Starting centroids (k × d row-major) instead of k-means++. */
  initialCentroids?: Float64Array;
}

export interface KmeansRun {
  clusters: Int32Array;
  /** k × d row-major means of the final clusters. */
  centroids: Float64Array;
  /** Within-cluster sum of squares against `centroids`. */
  inertia: number;
  iterations: number;
}

export function runKmeans(data: Float64Array, n: number, d: number, k: number, options: RunKmeansOptions): KmeansRun {
  const rowNorms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = i * d, end = a + d; a < end; a++) s += data[a]! * data[a]!;
    rowNorms[i] = s;
  }
  const centroids = options.initialCentroids ? Float64Array.from(options.initialCentroids) : seedPlusPlus(data, n, d, k, rowNorms, options.seed);
  const clusters = new Int32Array(n).fill(-1);
  let iterations = 0;
  for (; iterations < Math.max(1, options.maxIterations); iterations++) {
    const changed = assignNearest(data, n, d, k, rowNorms, centroids, clusters);
    if (!changed && iterations > 0) break;
    updateMeans(data, n, d, k, clusters, centroids);
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = clusters[i]!;
    for (let a = 0; a < d; a++) {
      const diff = data[i * d + a]! - centroids[c * d + a]!;
      inertia += diff * diff;
    }
  }
  return { clusters, centroids, inertia, iterations };
}

/** Each row to its nearest centroid; returns whether any row changed cluster. */
export function assignNearest(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  rowNorms: Float64Array,
  centroids: Float64Array,
  clusters: Int32Array,
): boolean {
  const centroidNorms = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let a = c * d, end = a + d; a < end; a++) s += centroids[a]! * centroids[a]!;
    centroidNorms[c] = s;
  }
  let changed = false;
  for (let i = 0; i < n; i++) {
    const offset = i * d;
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const base = c * d;
      let dot = 0;
      for (let a = 0; a < d; a++) dot += data[offset + a]! * centroids[base + a]!;
      const distance = rowNorms[i]! - 2 * dot + centroidNorms[c]!;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    if (clusters[i] !== best) {
      clusters[i] = best;
      changed = true;
    }
  }
  return changed;
}

function updateMeans(data: Float64Array, n: number, d: number, k: number, clusters: Int32Array, centroids: Float64Array): void {
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = clusters[i]!;
    sizes[c]!++;
    const base = c * d;
    const offset = i * d;
    for (let a = 0; a < d; a++) sums[base + a]! += data[offset + a]!;
  }
  for (let c = 0; c < k; c++) {
    const size = sizes[c]!;
    if (size === 0) continue;
    for (let a = c * d, end = a + d; a < end; a++) centroids[a] = sums[a]! / size;
  }
}

/** Greedy k-means++: each new centre is the best of 2 + ⌊ln k⌋ D²-sampled candidates by resulting potential. */
function seedPlusPlus(data: Float64Array, n: number, d: number, k: number, rowNorms: Float64Array, seed: number): Float64Array {
  const random = createRandom(seed);
  const trials = 2 + Math.floor(Math.log(k));
  const centroids = new Float64Array(k * d);
  const nearest = new Float64Array(n);
  const candidate = new Float64Array(n);
  const bestCandidate = new Float64Array(n);
  const first = Math.min(n - 1, Math.floor(random() * n));
  centroids.set(data.subarray(first * d, first * d + d), 0);
  let potential = distancesTo(data, n, d, rowNorms, first, nearest, null);
  for (let c = 1; c < k; c++) {
    let bestRow = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      let row: number;
      if (potential <= 0) {
        // Fewer distinct rows than k: any row will do, the duplicate centroid just stays empty.
        row = Math.min(n - 1, Math.floor(random() * n));
      } else {
        let target = random() * potential;
        row = n - 1;
        for (let i = 0; i < n; i++) {
          target -= nearest[i]!;
          if (target < 0) {
            row = i;
            break;
          }
        }
      }
      const total = distancesTo(data, n, d, rowNorms, row, candidate, nearest);
      if (total < bestPotential) {
        bestPotential = total;
        bestRow = row;
        bestCandidate.set(candidate);
      }
    }
    centroids.set(data.subarray(bestRow * d, bestRow * d + d), c * d);
    nearest.set(bestCandidate);
    potential = bestPotential;
  }
  return centroids;
}

/** out[i] = min(previous[i], ‖x_i − x_centre‖²) (or just the distance without `previous`); returns Σ out. */
function distancesTo(data: Float64Array, n: number, d: number, rowNorms: Float64Array, centre: number, out: Float64Array, previous: Float64Array | null): number {
  const base = centre * d;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let dot = 0;
    const offset = i * d;
    for (let a = 0; a < d; a++) dot += data[offset + a]! * data[base + a]!;
    let distance = Math.max(0, rowNorms[i]! - 2 * dot + rowNorms[centre]!);
    if (previous !== null && previous[i]! < distance) distance = previous[i]!;
    out[i] = distance;
    total += distance;
  }
  return total;
}
