/**
 * One phrase saying what the themes are, for chart subtitles and the report: k-means clusters of papers, or
 * Louvain/Leiden communities of papers (paper similarity graph) or of concepts (co-occurrence graph). Which graph
 * the communities came from is read off Theme.size, which counts papers for paper communities and concepts for
 * concept communities.
 */
import type { Theme, ThemeMethod } from '../core/types.ts';

const METHOD_NAMES: Readonly<Record<'louvain' | 'leiden', string>> = { louvain: 'Louvain', leiden: 'Leiden' };

export function describeThemes(themes: readonly Theme[], method: ThemeMethod): string {
  if (method === 'kmeans') return 'k-means clusters of papers';
  const name = METHOD_NAMES[method];
  return themesGraphInput(themes, method) === 'papers'
    ? `${name} communities of similar papers, each named by its most characteristic concepts`
    : `${name} communities of the concept co-occurrence graph`;
}

/** The graph a graph method's communities were found in, read off Theme.size (papers or concepts). */
export function themesGraphInput(themes: readonly Theme[], method: ThemeMethod): 'papers' | 'concepts' {
  const own = themes.filter((theme) => theme.method === method);
  const ofPapers = own.length > 0 && own.every((theme) => theme.size === theme.papers.length) && own.some((theme) => theme.size !== theme.concepts.length);
  return ofPapers ? 'papers' : 'concepts';
}
