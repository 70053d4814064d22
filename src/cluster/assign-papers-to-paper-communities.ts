/**
 * Paper themes from communities of the paper similarity graph: a paper in a community of at least `minPapers`
 * papers takes that community, with strength = the share of its similarity-edge weight that stays inside it; papers
 * of smaller communities (isolated or nearly) are assigned by similarity to theme centroids and flagged weak.
 * The graph comes as its row index (build-paper-adjacency.ts), so this runs over typed arrays, once per detector run.
 */
import { assignBySimilarity, type PaperAssignment } from './assign-papers-to-communities.ts';
import type { PaperAdjacency } from './build-paper-adjacency.ts';
import type { CommunityDetection } from './community-detection.ts';
import type { DenseRows } from './truncated-svd.ts';

export function assignPapersToPaperCommunities(
  paperIds: readonly string[],
  adjacency: PaperAdjacency,
  detection: CommunityDetection,
  minPapers: number,
  vectors: DenseRows,
): { assignment: PaperAssignment; themeCount: number } {
  const n = paperIds.length;
  const community = new Int32Array(n).fill(-1);
  detection.keys.forEach((key, i) => {
    const row = adjacency.rowOf.get(key);
    if (row !== undefined) community[row] = detection.membership[i] ?? 0;
  });
  const sizes = new Array<number>(detection.count).fill(0);
  for (const c of detection.membership) sizes[c] = (sizes[c] ?? 0) + 1;
  const themeCount = sizes.filter((size) => size >= minPapers).length || Math.min(1, detection.count);
  const theme = new Int32Array(n).fill(-1);
  const strength = new Float64Array(n);
  const weak = new Uint8Array(n);
  const { offsets, neighbors, weights } = adjacency;
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    if (c < 0 || c >= themeCount) continue;
    theme[i] = c;
    let inside = 0;
    let total = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const w = weights[e]!;
      total += w;
      const j = neighbors[e]!;
      if (j >= 0 && community[j] === c) inside += w;
    }
    strength[i] = total > 0 ? inside / total : 0;
  }
  const assignment = { theme, strength, weak };
  assignBySimilarity(assignment, vectors, themeCount);
  return { assignment, themeCount };
}
