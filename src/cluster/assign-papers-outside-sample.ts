/**
 * Themes fitted on a sample of the papers (detect-themes.ts, `sampleRows`) extended to every paper. Sampled papers
 * keep their theme, strength and weak flag. Every other paper goes to the theme whose centroid is most similar
 * (cosine of unit LSA rows; ties to the lower id): the nearest-centroid step of k-means, and for graph themes the
 * rule already used for their weakly assigned papers. It costs themes × dimensions per paper, so a million papers
 * take seconds; a nearest-neighbour search over the sample would cost about 30 times more.
 *
 * Strength means for these papers what it means for sampled ones:
 *   - { kind: 'cosine' } (k-means): the cosine similarity to the centroid, clamped to 0..1 (detect-kmeans-clusters.ts);
 *   - { kind: 'share', temperature } (graph themes): a sampled paper's strength is the share of its similarity-edge
 *     weight inside its theme; here it is the softmax share of the chosen theme among the centroid similarities at a
 *     temperature fitted on the sample so that both agree on average (fit-share-temperature.ts).
 * A paper is weak only for what would make a sampled paper weak: no direct evidence, i.e. an all-zero LSA row (no
 * concept or term of it survived); it goes to theme 0 with strength 0. Being outside the sample is not weakness.
 */
import type { PaperAssignment } from './assign-papers-to-communities.ts';
import type { DenseRows } from './truncated-svd.ts';

export type OutsideSampleStrength = { kind: 'cosine' } | { kind: 'share'; temperature: number };

/**
 * `sample` holds ascending row numbers of `vectors` (unit or zero rows of every paper); `fitted` is the assignment of
 * those rows, in sample order; `centroids` are unit, themeCount × dimensions.
 */
export function assignPapersOutsideSample(
  vectors: DenseRows,
  sample: Uint32Array,
  fitted: PaperAssignment,
  centroids: Float64Array,
  themeCount: number,
  strengthRule: OutsideSampleStrength,
): PaperAssignment {
  const n = vectors.rowCount;
  const d = vectors.dimensions;
  const data = vectors.data;
  const t = themeCount;
  const theme = new Int32Array(n);
  const strength = new Float64Array(n);
  const weak = new Uint8Array(n);
  const similarity = new Float64Array(t);
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (next < sample.length && sample[next] === i) {
      theme[i] = fitted.theme[next]!;
      strength[i] = fitted.strength[next]!;
      weak[i] = fitted.weak[next]!;
      next++;
      continue;
    }
    let zero = true;
    for (let a = i * d, end = a + d; a < end; a++) if (data[a] !== 0) zero = false;
    if (zero || t === 0) {
      theme[i] = t > 0 ? 0 : -1;
      weak[i] = 1;
      continue;
    }
    similarities(data, i * d, centroids, t, d, similarity);
    let best = 0;
    let bestSimilarity = -Infinity;
    for (let c = 0; c < t; c++) {
      if (similarity[c]! > bestSimilarity + 1e-12) {
        best = c;
        bestSimilarity = similarity[c]!;
      }
    }
    theme[i] = best;
    if (strengthRule.kind === 'cosine') strength[i] = Math.min(1, Math.max(0, bestSimilarity));
    else {
      let denominator = 0;
      for (let c = 0; c < t; c++) denominator += Math.exp((similarity[c]! - bestSimilarity) / strengthRule.temperature);
      strength[i] = 1 / denominator;
    }
  }
  return { theme, strength, weak };
}

/**
 * out[c] = the dot product of the row at `offset` with centroid c. Four centroids share one sweep of the row (each
 * read of the row feeds four sums), and each sum still adds its products in dimension order, so every value is
 * exactly the plain loop's: about twice as fast at a million papers.
 */
function similarities(data: Float64Array, offset: number, centroids: Float64Array, t: number, d: number, out: Float64Array): void {
  let c = 0;
  for (; c + 3 < t; c += 4) {
    const b0 = c * d;
    const b1 = b0 + d;
    const b2 = b1 + d;
    const b3 = b2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let a = 0; a < d; a++) {
      const x = data[offset + a]!;
      s0 += x * centroids[b0 + a]!;
      s1 += x * centroids[b1 + a]!;
      s2 += x * centroids[b2 + a]!;
      s3 += x * centroids[b3 + a]!;
    }
    out[c] = s0;
    out[c + 1] = s1;
    out[c + 2] = s2;
    out[c + 3] = s3;
  }
  for (; c < t; c++) {
    let dot = 0;
    for (let a = 0; a < d; a++) dot += data[offset + a]! * centroids[c * d + a]!;
    out[c] = dot;
  }
}
