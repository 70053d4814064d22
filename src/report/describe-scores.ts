/**
 * What the report's two scores mean, in the words of the code that computes them, for the themes the report shows:
 * - stability (cluster/measure-stability.ts): the method re-run with other seeds; per theme, the best Jaccard overlap
 *   of its papers with any theme of a re-run, averaged over the re-runs — the cluster-wise stability of Hennig (2007);
 *   from `stableAt` (default 0.75) a theme counts as stable;
 * - strength (cluster/assign-papers-to-communities.ts, assign-papers-to-paper-communities.ts,
 *   detect-kmeans-clusters.ts): depends on the method and, for Louvain and Leiden, on the graph the communities were
 *   found in. A weakly assigned paper had no direct evidence for a theme.
 */
import type { ClusteringSummary, StabilitySummary } from '../core/result.ts';
import type { ThemeMethod } from '../core/types.ts';

export type ThemeGraphInput = NonNullable<ClusteringSummary['graphInput']>;

export const METHOD_NAMES: Readonly<Record<ThemeMethod, string>> = Object.freeze({ louvain: 'Louvain', leiden: 'Leiden', kmeans: 'k-means' });

/** One or two sentences: what a theme's stability is, or that it was not measured. */
export function describeStability(method: ThemeMethod, summary: StabilitySummary | undefined, measured: boolean): string {
  if (!measured) return 'Stability was not measured (no re-runs with other seeds).';
  const runs = summary === undefined ? 'other seeds' : `${summary.seeds.length} other ${summary.seeds.length === 1 ? 'seed' : 'seeds'} (${summary.seeds.join(', ')})`;
  const verdict = summary === undefined ? '' : ` From ${summary.stableAt} a theme counts as stable, below as fragile.`;
  return `Stability is how well a theme comes back when ${METHOD_NAMES[method]} is re-run with ${runs}: for each re-run, the best Jaccard overlap between the theme's papers and any theme of that run, averaged over the re-runs (1 = found again exactly; Hennig 2007).${verdict}`;
}

/** One or two sentences: what a paper's strength is for this method, and what "weakly assigned" means. */
export function describeStrength(method: ThemeMethod, graphInput: ThemeGraphInput): string {
  if (method === 'kmeans') {
    return "Strength (0–1) is the cosine similarity of the paper's LSA vector to the centroid of its cluster. A weakly assigned paper has an empty vector (no concept or term to place it by), so its strength is 0.";
  }
  const direct =
    graphInput === 'papers'
      ? "the share of the paper's link weight in the paper similarity graph that stays inside its theme"
      : "the share of the paper's concept weight (its concepts in the co-occurrence graph, each weighted by (1 + log count) × idf) that falls on the theme's concepts";
  const noEvidence = graphInput === 'papers' ? 'fell in a community too small to be a theme' : 'mentions no concept of any theme';
  return `Strength (0–1) is ${direct}. A weakly assigned paper ${noEvidence}: it joined the theme whose centroid its LSA vector is most similar to, and its strength is that cosine similarity.`;
}
