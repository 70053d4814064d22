/**
 * The temperature τ that turns centroid similarities into a graph-theme strength for papers outside the sample
 * (assign-papers-outside-sample.ts). A sampled paper's graph strength is the share of its similarity-edge weight
 * that stays inside its theme; a paper outside the sample has no edges, only its cosine s_t to each theme centroid,
 * and the softmax share of its nearest theme, exp(s_best / τ) / Σ_t exp(s_t / τ), plays that part: near 1 when one
 * theme is much closer than the others, near 1 / themes when all are alike. τ is chosen so the two agree where both
 * exist: over the sample's papers with direct evidence (assigned by the graph, not weak), the mean softmax share of
 * their nearest centroid equals their mean edge share. The share falls as τ grows, so τ is found by bisection on
 * log τ within [MIN_TEMPERATURE, MAX_TEMPERATURE]; deterministic, and about 24 · papers · themes exponentials.
 */
import type { PaperAssignment } from './assign-papers-to-communities.ts';
import type { DenseRows } from './truncated-svd.ts';

/** Bounds of τ (cosines lie in −1..1: 1e-4 makes any gap decisive, 10 makes every theme alike). */
export const MIN_TEMPERATURE = 1e-4;
export const MAX_TEMPERATURE = 10;
const BISECTIONS = 24;

export function fitShareTemperature(vectors: DenseRows, assignment: PaperAssignment, centroids: Float64Array, themeCount: number): number {
  const t = themeCount;
  const d = vectors.dimensions;
  const data = vectors.data;
  // Per counted paper: s_t − max_u s_u (≤ 0) for every theme, so the share is 1 / Σ_t exp(gap_t / τ).
  const gaps: number[] = [];
  let target = 0;
  let count = 0;
  const similarity = new Float64Array(t);
  for (let i = 0; i < assignment.theme.length; i++) {
    if (assignment.theme[i]! < 0 || assignment.weak[i] === 1) continue;
    let max = -Infinity;
    for (let c = 0; c < t; c++) {
      let dot = 0;
      for (let a = 0; a < d; a++) dot += data[i * d + a]! * centroids[c * d + a]!;
      similarity[c] = dot;
      if (dot > max) max = dot;
    }
    for (let c = 0; c < t; c++) gaps.push(similarity[c]! - max);
    target += assignment.strength[i]!;
    count++;
  }
  if (count === 0 || t <= 1) return 1;
  target /= count;
  const gapArray = Float64Array.from(gaps);
  const meanShare = (temperature: number): number => {
    let sum = 0;
    for (let p = 0; p < count; p++) {
      let denominator = 0;
      for (let c = p * t, end = c + t; c < end; c++) denominator += Math.exp(gapArray[c]! / temperature);
      sum += 1 / denominator;
    }
    return sum / count;
  };
  let low = MIN_TEMPERATURE;
  let high = MAX_TEMPERATURE;
  if (meanShare(low) <= target) return low;
  if (meanShare(high) >= target) return high;
  for (let step = 0; step < BISECTIONS; step++) {
    const middle = Math.sqrt(low * high);
    if (meanShare(middle) > target) low = middle;
    else high = middle;
  }
  return Math.sqrt(low * high);
}
