/**
 * Graph attribute keys and node-key helpers, defined once for every stage that reads or writes graphs.
 *
 * Paper–concept graph: nodes `paper:<paperId>` (kind "paper") and `concept:<conceptId>` (kind "concept"),
 * undirected edges paper—concept with the mention's score as weight and its count.
 * Concept co-occurrence graph: nodes are concept ids, undirected edges weighted by co-occurrence.
 */
export const NODE_KINDS = ['paper', 'concept'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export function paperNodeKey(paperId: string): string {
  return `paper:${paperId}`;
}
export function conceptNodeKey(conceptId: string): string {
  return `concept:${conceptId}`;
}

/** Attributes of a concept node (both graphs). */
export interface ConceptNodeAttributes {
  kind: 'concept';
  label: string;
  conceptType: string;
  aliases: string;
  labelZh: string;
  papers: number;
  mentions: number;
  firstMonth: string;
  /** Louvain theme id and label; -1 and '' before clustering. */
  theme: number;
  themeLabel: string;
  kmeansTheme: number;
  kmeansThemeLabel: string;
  weightedDegree: number;
  betweenness: number;
  pagerank: number;
  x: number;
  y: number;
  size: number;
  color: string;
}

/** Attributes of a paper node (paper–concept graph). */
export interface PaperNodeAttributes {
  kind: 'paper';
  label: string;
  title: string;
  month: string;
  arxivId: string;
  paperUrl: string;
  codeUrl: string;
  theme: number;
  themeLabel: string;
  kmeansTheme: number;
  kmeansThemeLabel: string;
  x: number;
  y: number;
  size: number;
  color: string;
}

export type NodeAttributes = ConceptNodeAttributes | PaperNodeAttributes;

/** Attributes of every edge: `weight` is what algorithms use; `count` is the raw count behind it. */
export interface EdgeAttributes {
  weight: number;
  count: number;
  /** First month both ends were seen together ('' when unknown). */
  firstMonth: string;
}
