/**
 * Paper themes from communities of the paper similarity graph: a paper in a community of at least `minPapers`
 * papers takes that community, with strength = the share of its similarity-edge weight that stays inside it; papers
 * of smaller communities (isolated or nearly) are assigned by similarity to theme centroids and flagged weak.
 */
import type { AbstractGraph } from 'graphology-types';
import { assignBySimilarity, type PaperAssignment } from './assign-papers-to-communities.ts';
import type { CommunityDetection } from './community-detection.ts';
import type { DenseRows } from './truncated-svd.ts';

export function assignPapersToPaperCommunities(
  paperIds: readonly string[],
  graph: AbstractGraph,
  detection: CommunityDetection,
  minPapers: number,
  vectors: DenseRows,
): { assignment: PaperAssignment; themeCount: number } {
  const n = paperIds.length;
  const communityOf = new Map(detection.keys.map((key, i) => [key, detection.membership[i] ?? 0]));
  const sizes = new Array<number>(detection.count).fill(0);
  for (const c of detection.membership) sizes[c] = (sizes[c] ?? 0) + 1;
  const themeCount = sizes.filter((size) => size >= minPapers).length || Math.min(1, detection.count);
  const theme = new Int32Array(n).fill(-1);
  const strength = new Float64Array(n);
  const weak = new Uint8Array(n);
  paperIds.forEach((id, i) => {
    const c = communityOf.get(id) ?? -1;
    if (c < 0 || c >= themeCount) return;
    theme[i] = c;
    let inside = 0;
    let total = 0;
    if (graph.hasNode(id)) {
      graph.forEachEdge(id, (_edge, attributes, source, target) => {
        const w = typeof attributes.weight === 'number' ? attributes.weight : 1;
        total += w;
        if (communityOf.get(source === id ? target : source) === c) inside += w;
      });
    }
    strength[i] = total > 0 ? inside / total : 0;
  });
  const assignment = { theme, strength, weak };
  assignBySimilarity(assignment, vectors, themeCount);
  return { assignment, themeCount };
}
