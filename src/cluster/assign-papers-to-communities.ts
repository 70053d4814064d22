/**
 * Gives every paper a theme from concept communities: a paper goes to the community holding the largest share of
 * its concept weight, weight = (1 + log count) · idf of the concept (so a concept in every paper does not pull all
 * papers into its community); strength is that share. A paper with no concept in any theme is not dropped into an
 * "other" bucket: it goes to the theme whose centroid (mean unit vector of its directly assigned papers, in the
 * LSA space) is most similar, with strength = that cosine clamped to 0..1, and is flagged weak. A paper with an
 * empty vector as well goes to the largest theme with strength 0, flagged weak.
 */
import { buildThemeCentroids } from './build-theme-centroids.ts';
import type { DenseRows } from './truncated-svd.ts';
import type { MentionList } from '../core/mention-list.ts';

export interface PaperAssignment {
  theme: Int32Array;
  strength: Float64Array;
  weak: Uint8Array;
}

export interface AssignPapersToCommunitiesInput {
  paperIds: readonly string[];
  mentions: MentionList;
  /** Community id of each concept that is in a theme (ids 0..themeCount-1). */
  conceptTheme: ReadonlyMap<string, number>;
  /** Concepts in the graph but in no theme still count in a paper's total weight. */
  graphConcepts: ReadonlySet<string>;
  themeCount: number;
  /** Paper vectors in paper order (unit length or zero). */
  vectors: DenseRows;
}

export function assignPapersToCommunities(input: AssignPapersToCommunitiesInput): PaperAssignment {
  const n = input.paperIds.length;
  const rowOf = new Map(input.paperIds.map((id, i) => [id, i]));
  const df = new Map<string, number>();
  const seen = new Set<string>();
  for (const mention of input.mentions) {
    const key = `${mention.paperId}\u0000${mention.conceptId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    df.set(mention.conceptId, (df.get(mention.conceptId) ?? 0) + 1);
  }
  const t = input.themeCount;
  const weights = new Float64Array(n * Math.max(1, t));
  const totals = new Float64Array(n);
  for (const mention of input.mentions) {
    const row = rowOf.get(mention.paperId);
    if (row === undefined || !input.graphConcepts.has(mention.conceptId)) continue;
    const w = (1 + Math.log(Math.max(1, mention.count))) * Math.log((1 + n) / (1 + (df.get(mention.conceptId) ?? 0)) + 1);
    totals[row] = (totals[row] ?? 0) + w;
    const theme = input.conceptTheme.get(mention.conceptId);
    if (theme !== undefined && theme < t) weights[row * t + theme] = (weights[row * t + theme] ?? 0) + w;
  }
  const theme = new Int32Array(n).fill(-1);
  const strength = new Float64Array(n);
  const weak = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestWeight = 0;
    for (let c = 0; c < t; c++) {
      const w = weights[i * t + c] ?? 0;
      if (w > bestWeight) {
        best = c;
        bestWeight = w;
      }
    }
    if (best >= 0) {
      theme[i] = best;
      strength[i] = bestWeight / (totals[i] || 1);
    }
  }
  assignBySimilarity({ theme, strength, weak }, input.vectors, t);
  return { theme, strength, weak };
}

/**
 * Fills in every paper whose theme is -1: the theme whose centroid (mean unit vector of the papers already in it)
 * is most similar, strength = that cosine clamped to 0..1, weak = 1. Mutates `assignment`.
 */
export function assignBySimilarity(assignment: PaperAssignment, vectors: DenseRows, themeCount: number): void {
  const { theme, strength, weak } = assignment;
  const n = theme.length;
  const t = themeCount;
  const d = vectors.dimensions;
  const data = vectors.data;
  const centroids = buildThemeCentroids(theme, vectors, t);
  for (let i = 0; i < n; i++) {
    if ((theme[i] ?? -1) >= 0) continue;
    weak[i] = 1;
    let best = 0;
    let bestSimilarity = -Infinity;
    for (let c = 0; c < t; c++) {
      let dot = 0;
      for (let a = 0; a < d; a++) dot += (data[i * d + a] ?? 0) * (centroids[c * d + a] ?? 0);
      if (dot > bestSimilarity + 1e-12) {
        best = c;
        bestSimilarity = dot;
      }
    }
    theme[i] = t > 0 ? best : -1;
    strength[i] = Number.isFinite(bestSimilarity) ? Math.min(1, Math.max(0, bestSimilarity)) : 0;
  }
}
