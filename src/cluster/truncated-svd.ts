/**
 * Latent semantic analysis (Deerwester et al. 1990) by a randomized truncated SVD (Halko, Martinsson & Tropp 2011,
 * "Finding structure with randomness", SIAM Review 53(2), Algorithms 4.4 + 5.1): a Gaussian sketch of the sparse
 * rows, a few power iterations with re-orthonormalisation, then an exact SVD of the small projected matrix via the
 * Jacobi eigen-decomposition of B Bᵀ. Returns the row coordinates U Σ (N × d, row-major) — each paper's position in
 * the latent space — and the singular values. Cost is O(nnz · l · (q+1) + N · l²) with l = d + oversampling, so it
 * runs on 100k papers without ever forming N × V.
 *
 * With `sampleRows` below N the SVD is fitted on that many seeded sampled rows and every row is then folded in
 * (Deerwester et al. 1990; Berry, Dumais & O'Brien 1995): the right singular vectors V = X_sᵀ U_s Σ⁻¹ of the sample
 * give each row's coordinates as x V, which for a sampled row is its own U Σ row. The cost then no longer grows with
 * N beyond one sparse product (measured at 100k synthetic papers: 41 s of CPU for the whole matrix).
 */
import { createRandom, DEFAULT_SEED, sampleIndexes, type RandomSource } from '../core/random.ts';
import type { SparseRows } from './build-paper-vectors.ts';

export interface DenseRows {
  rowCount: number;
  dimensions: number;
  /** Row-major values, rowCount × dimensions. */
  data: Float64Array;
}

export interface TruncatedSvdOptions {
  /** Number of latent dimensions d (capped by the matrix rank bound min(N, V)). Default: 100. */
  dimensions?: number;
  /** Extra sketch columns. Default: 10. */
  oversampling?: number;
  /** Power iterations. Default: 4. */
  powerIterations?: number;
  /** Fit on at most this many sampled rows and fold the others in (see the header). Default: Infinity (all rows). */
  sampleRows?: number;
  seed?: number;
}

export const TRUNCATED_SVD_DEFAULTS: Readonly<Required<TruncatedSvdOptions>> = Object.freeze({
  dimensions: 100,
  oversampling: 10,
  powerIterations: 4,
  sampleRows: Infinity,
  seed: DEFAULT_SEED,
});

export function truncatedSvd(matrix: SparseRows, options: TruncatedSvdOptions = {}): { coordinates: DenseRows; singularValues: Float64Array } {
  const settings = { ...TRUNCATED_SVD_DEFAULTS, ...options };
  if (settings.sampleRows < matrix.rowCount && settings.sampleRows >= 1) return foldedSvd(matrix, settings);
  const n = matrix.rowCount;
  const v = matrix.columnCount;
  const d = Math.max(1, Math.min(settings.dimensions, n, v));
  if (n === 0 || v === 0) return { coordinates: { rowCount: n, dimensions: 0, data: new Float64Array(0) }, singularValues: new Float64Array(0) };
  const l = Math.min(d + settings.oversampling, n, v);
  const random = createRandom(settings.seed);
  // 1. Ω (V × l) Gaussian; Y = X Ω.
  const omega = new Float64Array(v * l);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(random);
  let y = multiplySparseDense(matrix, omega, l);
  orthonormalizeColumns(y, n, l);
  // 2. Power iterations: Y = X (Xᵀ Y), re-orthonormalised each half step.
  for (let q = 0; q < settings.powerIterations; q++) {
    const z = multiplySparseTransposeDense(matrix, y, l);
    orthonormalizeColumns(z, v, l);
    y = multiplySparseDense(matrix, z, l);
    orthonormalizeColumns(y, n, l);
  }
  // 3. B = Qᵀ X (l × V); eigen-decompose B Bᵀ = W Λ Wᵀ; U Σ = Q W Σ, and Σ = sqrt(Λ).
  const bt = multiplySparseTransposeDense(matrix, y, l); // V × l, i.e. Bᵀ
  const gram = new Float64Array(l * l);
  for (let r = 0; r < v; r++) {
    const base = r * l;
    for (let a = 0; a < l; a++) {
      const x = bt[base + a] ?? 0;
      if (x === 0) continue;
      for (let b = a; b < l; b++) gram[a * l + b] = (gram[a * l + b] ?? 0) + x * (bt[base + b] ?? 0);
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) gram[a * l + b] = gram[b * l + a] ?? 0;
  const { values, vectors } = jacobiEigen(gram, l);
  const order = Array.from({ length: l }, (_, i) => i).sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
  const singularValues = new Float64Array(d);
  for (let k = 0; k < d; k++) singularValues[k] = Math.sqrt(Math.max(0, values[order[k] ?? 0] ?? 0));
  // Q W gives U; scaled by Σ.
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      const column = order[k] ?? 0;
      let sum = 0;
      for (let a = 0; a < l; a++) sum += (y[i * l + a] ?? 0) * (vectors[a * l + column] ?? 0);
      data[i * d + k] = sum * (singularValues[k] ?? 0);
    }
  }
  return { coordinates: { rowCount: n, dimensions: d, data }, singularValues };
}

/** SVD on `sampleRows` seeded sampled rows; all rows folded in through the sample's right singular vectors. */
function foldedSvd(matrix: SparseRows, settings: Required<TruncatedSvdOptions>): { coordinates: DenseRows; singularValues: Float64Array } {
  const n = matrix.rowCount;
  const rows = sampleIndexes(n, Math.floor(settings.sampleRows), createRandom(settings.seed + 1)).sort();
  const sample = pickSparseRows(matrix, rows);
  const fitted = truncatedSvd(sample, { ...settings, sampleRows: Infinity });
  const d = fitted.coordinates.dimensions;
  // V (columns × d) = X_sᵀ (U_s Σ) Σ⁻²; a zero singular value leaves its direction empty.
  const right = multiplySparseTransposeDense(sample, fitted.coordinates.data, d);
  for (let k = 0; k < d; k++) {
    const sigma = fitted.singularValues[k]!;
    const scale = sigma > 1e-12 ? 1 / (sigma * sigma) : 0;
    for (let c = 0; c < matrix.columnCount; c++) right[c * d + k]! *= scale;
  }
  // Coordinates x V of every row: U Σ for the sampled ones.
  return { coordinates: { rowCount: n, dimensions: d, data: multiplySparseDense(matrix, right, d) }, singularValues: fitted.singularValues };
}

function pickSparseRows(matrix: SparseRows, rows: Uint32Array): SparseRows {
  const offsets = new Uint32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) offsets[r + 1] = offsets[r]! + (matrix.offsets[rows[r]! + 1]! - matrix.offsets[rows[r]!]!);
  const columns = new Uint32Array(offsets[rows.length]!);
  const values = new Float64Array(offsets[rows.length]!);
  for (let r = 0; r < rows.length; r++) {
    const from = matrix.offsets[rows[r]!]!;
    const to = matrix.offsets[rows[r]! + 1]!;
    columns.set(matrix.columns.subarray(from, to), offsets[r]!);
    values.set(matrix.values.subarray(from, to), offsets[r]!);
  }
  return { rowCount: rows.length, columnCount: matrix.columnCount, offsets, columns, values };
}

function gaussian(random: RandomSource): number {
  const u = Math.max(random(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** X (N × V sparse) · D (V × l dense) → N × l. */
function multiplySparseDense(x: SparseRows, dense: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.rowCount * l);
  const { offsets, columns, values } = x;
  for (let i = 0; i < x.rowCount; i++) {
    const row = i * l;
    for (let e = offsets[i]!, end = offsets[i + 1]!; e < end; e++) {
      const column = columns[e]! * l;
      const value = values[e]!;
      for (let a = 0; a < l; a++) out[row + a]! += value * dense[column + a]!;
    }
  }
  return out;
}

/** Xᵀ (V × N) · D (N × l dense) → V × l. */
function multiplySparseTransposeDense(x: SparseRows, dense: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.columnCount * l);
  const { offsets, columns, values } = x;
  for (let i = 0; i < x.rowCount; i++) {
    const row = i * l;
    for (let e = offsets[i]!, end = offsets[i + 1]!; e < end; e++) {
      const column = columns[e]! * l;
      const value = values[e]!;
      for (let a = 0; a < l; a++) out[column + a]! += value * dense[row + a]!;
    }
  }
  return out;
}

/**
 * Orthonormalises the l columns of a rows × l row-major matrix in place. CholeskyQR2 (Fukaya, Nakatsukasa et al.
 * 2014: G = MᵀM = RᵀR, M ← M R⁻¹, done twice) reads the matrix row by row, which the row-major layout makes several
 * times faster than Gram–Schmidt's column sweeps at large N; it needs a well-conditioned M, so when a Cholesky
 * pivot is not clearly positive (dependent or nearly dependent columns) it falls back to modified Gram–Schmidt.
 */
function orthonormalizeColumns(m: Float64Array, rows: number, l: number): void {
  const copy = Float64Array.from(m);
  if (choleskyQrPass(m, rows, l) && choleskyQrPass(m, rows, l)) return;
  m.set(copy);
  gramSchmidt(m, rows, l);
}

/** One M ← M R⁻¹ with MᵀM = RᵀR; false (and m partly changed) when the Gram matrix is not safely positive definite. */
function choleskyQrPass(m: Float64Array, rows: number, l: number): boolean {
  const gram = new Float64Array(l * l);
  for (let r = 0; r < rows; r++) {
    const base = r * l;
    for (let a = 0; a < l; a++) {
      const x = m[base + a]!;
      if (x === 0) continue;
      const row = a * l;
      for (let b = a; b < l; b++) gram[row + b]! += x * m[base + b]!;
    }
  }
  const upper = new Float64Array(l * l);
  for (let i = 0; i < l; i++) {
    let pivot = gram[i * l + i]!;
    for (let k = 0; k < i; k++) pivot -= upper[k * l + i]! ** 2;
    if (!(pivot > 1e-10 * Math.max(gram[i * l + i]!, 1e-300))) return false;
    const diagonal = Math.sqrt(pivot);
    upper[i * l + i] = diagonal;
    for (let j = i + 1; j < l; j++) {
      let value = gram[i * l + j]!;
      for (let k = 0; k < i; k++) value -= upper[k * l + i]! * upper[k * l + j]!;
      upper[i * l + j] = value / diagonal;
    }
  }
  // Each row x: solve q R = x for q (forward substitution over the upper-triangular R).
  for (let r = 0; r < rows; r++) {
    const base = r * l;
    for (let j = 0; j < l; j++) {
      let value = m[base + j]!;
      for (let k = 0; k < j; k++) value -= m[base + k]! * upper[k * l + j]!;
      m[base + j] = value / upper[j * l + j]!;
    }
  }
  return true;
}

/** Modified Gram–Schmidt on the l columns of a rows × l row-major matrix, in place; dependent columns become 0. */
function gramSchmidt(m: Float64Array, rows: number, l: number): void {
  for (let a = 0; a < l; a++) {
    for (let b = 0; b < a; b++) {
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += (m[r * l + a] ?? 0) * (m[r * l + b] ?? 0);
      if (dot === 0) continue;
      for (let r = 0; r < rows; r++) m[r * l + a] = (m[r * l + a] ?? 0) - dot * (m[r * l + b] ?? 0);
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += (m[r * l + a] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    for (let r = 0; r < rows; r++) m[r * l + a] = norm > 1e-12 ? (m[r * l + a] ?? 0) / norm : 0;
  }
}

/** Cyclic Jacobi eigen-decomposition of a symmetric l × l matrix (Golub & Van Loan §8.5); vectors are columns. */
function jacobiEigen(input: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const vectors = new Float64Array(l * l);
  for (let i = 0; i < l; i++) vectors[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += (a[p * l + q] ?? 0) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q] ?? 0;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * l + p] ?? 0;
        const aqq = a[q * l + q] ?? 0;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p] ?? 0;
          const akq = a[k * l + q] ?? 0;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k] ?? 0;
          const aqk = a[q * l + k] ?? 0;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = vectors[k * l + p] ?? 0;
          const vkq = vectors[k * l + q] ?? 0;
          vectors[k * l + p] = c * vkp - s * vkq;
          vectors[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i] ?? 0;
  return { values, vectors };
}
