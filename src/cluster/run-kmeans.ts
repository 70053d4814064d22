/**
 * One k-means run on a dense row-major `Float64Array` (n rows × d columns): greedy k-means++ seeding (Arthur &
 * Vassilvitskii 2007, "k-means++: the advantages of careful seeding", SODA; 2 + ⌊ln k⌋ candidates per centre as
 * in scikit-learn and ml-kmeans) from a seeded generator, then Lloyd
 * iterations (Lloyd 1982, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2)) until no row changes
 * cluster or `maxIterations` is reached. Squared distances use ‖x‖² − 2x·c + ‖c‖² with the norms precomputed; a
 * cluster that empties keeps its previous centroid (so k stays fixed and the run stays deterministic). Ties go to
 * the lower cluster id. The same data, k and seed always give the same result.
 *
 * Both loops skip distances that cannot change the outcome, by the triangle inequality, and give bit for bit the
 * result of computing every distance:
 *   - Lloyd keeps Hamerly's bounds per row (Hamerly 2010, "Making k-means even faster", SIAM SDM): an upper bound on
 *     the distance to its own centroid, a lower bound on the distance to any other, both moved by how far the
 *     centroids moved, plus half the gap from each centroid to its nearest other one. A row whose bounds prove its
 *     centroid nearest keeps it without computing a distance; any other row is scanned exactly as without bounds.
 *   - seeding keeps each row's nearest centre; a candidate at distance ≥ 2·(row to that centre) from it cannot
 *     bring the row closer (Elkan 2003, "Using the triangle inequality to accelerate k-means", ICML, lemma 1), so
 *     per candidate only its distances to the centres chosen so far are needed for such rows.
 * A skip is taken only when the bounds leave a margin larger than the rounding error of the computed squared
 * distances (see `roundingError`), so the computed comparison the skip stands for would have come out the same way.
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

/**
 * Per row, in distance (not squared) units: `upper` ≥ the distance to its own centroid, `lower` ≤ the distance to
 * every other centroid. Both are kept on the safe side of rounding (widened by `roundingWidening`).
 */
interface HamerlyBounds {
  upper: Float64Array;
  lower: Float64Array;
}

export function runKmeans(data: Float64Array, n: number, d: number, k: number, options: RunKmeansOptions): KmeansRun {
  const rowNorms = squaredNorms(data, n, d);
  const centroids = options.initialCentroids ? Float64Array.from(options.initialCentroids) : seedPlusPlus(data, n, d, k, rowNorms, options.seed);
  const clusters = new Int32Array(n).fill(-1);
  const bounds: HamerlyBounds = { upper: new Float64Array(n), lower: new Float64Array(n) };
  const previous = new Float64Array(k * d);
  let iterations = 0;
  for (; iterations < Math.max(1, options.maxIterations); iterations++) {
    const changed = assignNearest(data, n, d, k, rowNorms, centroids, clusters, bounds);
    if (!changed && iterations > 0) break;
    previous.set(centroids);
    updateMeans(data, n, d, k, clusters, centroids);
    assignMovedBounds(previous, centroids, k, d, clusters, bounds);
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

/**
 * Each row to its nearest centroid; returns whether any row changed cluster. Rows not yet assigned (cluster −1)
 * are scanned; the others first try their bounds (see the header).
 */
function assignNearest(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  rowNorms: Float64Array,
  centroids: Float64Array,
  clusters: Int32Array,
  bounds: HamerlyBounds,
): boolean {
  const centroidNorms = squaredNorms(centroids, k, d);
  const spacing = nearestOtherCentroid(centroids, k, d);
  const largestNorm = centroidNorms.reduce((max, value) => Math.max(max, value), 0);
  const { upper, lower } = bounds;
  const widening = roundingWidening(d);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const own = clusters[i]!;
    const error = roundingError(d, rowNorms[i]! + largestNorm);
    const margin = 2 * Math.sqrt(error);
    if (own >= 0) {
      if (Math.max(lower[i]!, spacing[own]! - upper[i]!) - upper[i]! > margin) continue;
      upper[i] = Math.sqrt(Math.max(0, squaredDistance(data, i, d, rowNorms, centroids, own, centroidNorms) + error)) * (1 + widening);
      if (Math.max(lower[i]!, spacing[own]! - upper[i]!) - upper[i]! > margin) continue;
    }
    let best = 0;
    let bestDistance = Infinity;
    let secondDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const distance = squaredDistance(data, i, d, rowNorms, centroids, c, centroidNorms);
      if (distance < bestDistance) {
        secondDistance = bestDistance;
        bestDistance = distance;
        best = c;
      } else if (distance < secondDistance) {
        secondDistance = distance;
      }
    }
    upper[i] = Math.sqrt(Math.max(0, bestDistance + error)) * (1 + widening);
    lower[i] = Math.sqrt(Math.max(0, secondDistance - error)) * (1 - widening);
    if (own !== best) {
      clusters[i] = best;
      changed = true;
    }
  }
  return changed;
}

/** ‖x_i‖² − 2x_i·c + ‖c‖², the one formula every assignment compares (so a bound-checked skip matches a scan). */
function squaredDistance(data: Float64Array, i: number, d: number, rowNorms: Float64Array, centroids: Float64Array, c: number, centroidNorms: Float64Array): number {
  const offset = i * d;
  const base = c * d;
  let dot = 0;
  for (let a = 0; a < d; a++) dot += data[offset + a]! * centroids[base + a]!;
  return rowNorms[i]! - 2 * dot + centroidNorms[c]!;
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

/** Loosens each row's bounds by how far the centroids moved: its own (upper) and the farthest-moving other (lower). */
function assignMovedBounds(previous: Float64Array, centroids: Float64Array, k: number, d: number, clusters: Int32Array, bounds: HamerlyBounds): void {
  const widening = roundingWidening(d);
  const moved = new Float64Array(k);
  let farthest = 0;
  let secondFarthest = 0;
  for (let c = 0; c < k; c++) {
    moved[c] = Math.sqrt(squaredGap(previous, c, centroids, c, d)) * (1 + widening);
    if (moved[c]! > moved[farthest]!) farthest = c;
  }
  for (let c = 0; c < k; c++) if (c !== farthest && moved[c]! > secondFarthest) secondFarthest = moved[c]!;
  const { upper, lower } = bounds;
  for (let i = 0; i < clusters.length; i++) {
    const own = clusters[i]!;
    upper[i] = (upper[i]! + moved[own]!) * (1 + widening);
    lower[i] = Math.max(0, lower[i]! * (1 - widening) - (own === farthest ? secondFarthest : moved[farthest]!));
  }
}

/** For each centroid, a lower bound on its distance to the nearest other centroid (Infinity when k = 1). */
function nearestOtherCentroid(centroids: Float64Array, k: number, d: number): Float64Array {
  const widening = roundingWidening(d);
  const nearest = new Float64Array(k).fill(Infinity);
  for (let c = 0; c < k; c++) {
    for (let other = c + 1; other < k; other++) {
      const gap = Math.sqrt(squaredGap(centroids, c, centroids, other, d)) * (1 - widening);
      if (gap < nearest[c]!) nearest[c] = gap;
      if (gap < nearest[other]!) nearest[other] = gap;
    }
  }
  return nearest;
}

/** Σ (a_x − b_y)² over the d columns of row x of `a` and row y of `b`, by differences (a relative error only). */
function squaredGap(a: Float64Array, x: number, b: Float64Array, y: number, d: number): number {
  let sum = 0;
  for (let t = 0; t < d; t++) {
    const diff = a[x * d + t]! - b[y * d + t]!;
    sum += diff * diff;
  }
  return sum;
}

/**
 * A bound, with a factor 4 to spare, on how far a computed ‖x‖² − 2x·c + ‖c‖² in d dimensions can be from the
 * exact squared distance, given ‖x‖² + ‖c‖² (Higham 2002, "Accuracy and stability of numerical algorithms", §3.1:
 * a d-term dot product errs by at most ≈ d·2⁻⁵³·‖x‖‖c‖), plus d units of underflow.
 */
function roundingError(d: number, squaredNormSum: number): number {
  return (d + 4) * 2 ** -50 * squaredNormSum + (d + 4) * Number.MIN_VALUE;
}

/** Relative widening that keeps a distance computed by differences (or a bound moved by one) on the safe side. */
function roundingWidening(d: number): number {
  return (d + 4) * 2 ** -50;
}

function squaredNorms(rows: Float64Array, n: number, d: number): Float64Array {
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = i * d, end = a + d; a < end; a++) s += rows[a]! * rows[a]!;
    norms[i] = s;
  }
  return norms;
}

/**
 * Greedy k-means++: each new centre is the best of 2 + ⌊ln k⌋ D²-sampled candidates by resulting potential. Each row
 * keeps the squared distance to its nearest centre (as computed when that centre was a candidate) and which centre
 * that is; a candidate only computes the rows it might bring closer (see the header).
 */
function seedPlusPlus(data: Float64Array, n: number, d: number, k: number, rowNorms: Float64Array, seed: number): Float64Array {
  const random = createRandom(seed);
  const trials = 2 + Math.floor(Math.log(k));
  const centroids = new Float64Array(k * d);
  const centreRows = new Int32Array(k);
  const nearest: NearestCentres = { distance: new Float64Array(n), centre: new Int32Array(n) };
  const candidate: NearestCentres = { distance: new Float64Array(n), centre: new Int32Array(n) };
  const bestCandidate: NearestCentres = { distance: new Float64Array(n), centre: new Int32Array(n) };
  const reach = new Float64Array(n);
  const largestNorm = rowNorms.reduce((max, value) => Math.max(max, value), 0);
  const first = Math.min(n - 1, Math.floor(random() * n));
  centroids.set(data.subarray(first * d, first * d + d), 0);
  centreRows[0] = first;
  let potential = distancesTo(data, n, d, rowNorms, first, nearest.distance);
  assignReach(reach, nearest.distance, d, rowNorms, largestNorm);
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
          target -= nearest.distance[i]!;
          if (target < 0) {
            row = i;
            break;
          }
        }
      }
      const total = candidateDistances(data, n, d, rowNorms, row, c, centreRows, nearest, reach, candidate);
      if (total < bestPotential) {
        bestPotential = total;
        bestRow = row;
        bestCandidate.distance.set(candidate.distance);
        bestCandidate.centre.set(candidate.centre);
      }
    }
    centroids.set(data.subarray(bestRow * d, bestRow * d + d), c * d);
    centreRows[c] = bestRow;
    nearest.distance.set(bestCandidate.distance);
    nearest.centre.set(bestCandidate.centre);
    assignReach(reach, nearest.distance, d, rowNorms, largestNorm);
    potential = bestPotential;
  }
  return centroids;
}

/** Per row during seeding: the computed squared distance to its nearest centre, and that centre's index. */
interface NearestCentres {
  distance: Float64Array;
  centre: Int32Array;
}

/**
 * reach[i] = 2u + 2√e, with u ≥ the exact distance from row i to its nearest centre and e the rounding error of a
 * computed squared distance: a candidate at least reach[i] from that centre is, exactly, at least u + 2√e from the
 * row, so the exact squared distances differ by at least 4e and the computed ones (each within e) cannot tie or swap.
 */
function assignReach(reach: Float64Array, nearestDistance: Float64Array, d: number, rowNorms: Float64Array, largestNorm: number): void {
  const widening = roundingWidening(d);
  for (let i = 0; i < reach.length; i++) {
    const error = roundingError(d, rowNorms[i]! + largestNorm);
    const upper = Math.sqrt(nearestDistance[i]! + error) * (1 + widening);
    reach[i] = 2 * upper + 2 * Math.sqrt(error);
  }
}

/**
 * out = for each row, the smaller of its current nearest distance and its squared distance to candidate row `row`
 * (which would be centre `c`), with the centre it comes from; returns Σ out. A row whose nearest centre is at least
 * its reach from the candidate keeps its values without computing the distance; the others compute it as
 * `distancesTo` does, the candidate winning ties as a plain minimum over all rows would.
 */
function candidateDistances(
  data: Float64Array,
  n: number,
  d: number,
  rowNorms: Float64Array,
  row: number,
  c: number,
  centreRows: Int32Array,
  nearest: NearestCentres,
  reach: Float64Array,
  out: NearestCentres,
): number {
  const shrink = 1 - roundingWidening(d);
  const apart = new Float64Array(c);
  for (let j = 0; j < c; j++) apart[j] = Math.sqrt(squaredGap(data, row, data, centreRows[j]!, d)) * shrink;
  const base = row * d;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const current = nearest.distance[i]!;
    let distance = current;
    let centre = nearest.centre[i]!;
    if (apart[centre]! < reach[i]!) {
      let dot = 0;
      const offset = i * d;
      for (let a = 0; a < d; a++) dot += data[offset + a]! * data[base + a]!;
      const computed = Math.max(0, rowNorms[i]! - 2 * dot + rowNorms[row]!);
      if (!(current < computed)) {
        distance = computed;
        centre = c;
      }
    }
    out.distance[i] = distance;
    out.centre[i] = centre;
    total += distance;
  }
  return total;
}

/** out[i] = ‖x_i − x_centre‖², computed as max(0, ‖x_i‖² − 2x_i·x_centre + ‖x_centre‖²); returns Σ out. */
function distancesTo(data: Float64Array, n: number, d: number, rowNorms: Float64Array, centre: number, out: Float64Array): number {
  const base = centre * d;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let dot = 0;
    const offset = i * d;
    for (let a = 0; a < d; a++) dot += data[offset + a]! * data[base + a]!;
    const distance = Math.max(0, rowNorms[i]! - 2 * dot + rowNorms[centre]!);
    out[i] = distance;
    total += distance;
  }
  return total;
}
