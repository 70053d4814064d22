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
  /** Stability of the concept's graph and k-means theme (graph/assign-themes.ts); null when none or not measured. */
  themeStability?: number | null;
  themeStable?: boolean | null;
  kmeansThemeStability?: number | null;
  kmeansThemeStable?: boolean | null;
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
  /** The paper's PaperTheme strength and weak flag, and its theme's stability, per method (graph/assign-themes.ts);
   * null when the paper has no theme of that method or stability was not measured. */
  themeStrength?: number | null;
  themeWeak?: boolean | null;
  themeStability?: number | null;
  themeStable?: boolean | null;
  kmeansThemeStrength?: number | null;
  kmeansThemeWeak?: boolean | null;
  kmeansThemeStability?: number | null;
  kmeansThemeStable?: boolean | null;
  weightedDegree: number;
  betweenness: number;
  pagerank: number;
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

/** Which of the two graphs a graph is; builders set it as the graph attribute `graphKind`. */
export const GRAPH_KINDS = ['paper-concept', 'cooccurrence'] as const;
export type GraphKind = (typeof GRAPH_KINDS)[number];

export interface GraphAttributes {
  graphKind: GraphKind;
}

/** Attributes written by graph/assign-metrics.ts, in the order exports list them. */
export const METRIC_KEYS = ['weightedDegree', 'betweenness', 'pagerank'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** The kind of a graph: its `graphKind` attribute, else inferred from its node keys (paper–concept keys are prefixed). */
export function graphKindOf(graph: { getAttribute(name: string): unknown; someNode(test: (key: string) => boolean): boolean }): GraphKind {
  const declared = graph.getAttribute('graphKind');
  if (declared === 'paper-concept' || declared === 'cooccurrence') return declared;
  return graph.someNode((key) => key.startsWith('paper:')) ? 'paper-concept' : 'cooccurrence';
}

/** The concept id behind a concept node key of a graph of the given kind. */
export function conceptIdOfNode(kind: GraphKind, key: string): string {
  return kind === 'paper-concept' && key.startsWith('concept:') ? key.slice('concept:'.length) : key;
}

/** The paper id behind a paper node key (`paper:<id>`). */
export function paperIdOfNode(key: string): string {
  return key.startsWith('paper:') ? key.slice('paper:'.length) : key;
}
