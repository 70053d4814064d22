/**
 * Theme centroids in the LSA space: the normalised sum (so the direction of the mean) of the unit vectors of the
 * papers in each theme, k × dimensions row-major. Papers with theme -1, or flagged in `skip`, do not count; a theme
 * with no counted paper keeps a zero centroid (similarity 0 to everything). Rows are summed in row order, so the
 * same assignment always gives bit-identical centroids.
 */
import type { DenseRows } from './truncated-svd.ts';

export function buildThemeCentroids(theme: ArrayLike<number>, vectors: DenseRows, themeCount: number, skip: ArrayLike<number> | null = null): Float64Array {
  const n = theme.length;
  const d = vectors.dimensions;
  const data = vectors.data;
  const centroids = new Float64Array(Math.max(1, themeCount) * d);
  for (let i = 0; i < n; i++) {
    const c = theme[i] ?? -1;
    if (c < 0 || (skip !== null && skip[i] === 1)) continue;
    for (let a = 0; a < d; a++) centroids[c * d + a] = (centroids[c * d + a] ?? 0) + (data[i * d + a] ?? 0);
  }
  for (let c = 0; c < themeCount; c++) {
    let norm = 0;
    for (let a = 0; a < d; a++) norm += (centroids[c * d + a] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let a = 0; a < d; a++) centroids[c * d + a] = (centroids[c * d + a] ?? 0) / norm;
  }
  return centroids;
}
