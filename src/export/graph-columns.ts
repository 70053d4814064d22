/**
 * The node and edge columns every export declares, in one order, with their types — so GEXF, GraphML and the CSV
 * tables describe a graph the same way. Keys are the attribute keys of graph/attributes.ts; a column that does not
 * apply to a node kind (a paper's `conceptType`) is left empty/absent for that node.
 *
 * The node label and the edge weight are not columns: every format has a native place for them (GEXF `label` and
 * `weight`, GraphML `label`/`weight` keys, CSV `Label`/`Weight`), and readers (Gephi, networkx) treat a column named
 * `label` or `weight` as a clash with those.
 */
import type { GraphKind } from '../graph/attributes.ts';

export const COLUMN_TYPES = ['string', 'integer', 'double', 'boolean', 'anyURI'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface Column {
  key: string;
  type: ColumnType;
  /** Node kinds that carry this column. */
  kinds: readonly ('paper' | 'concept')[];
  /** Short description (GraphML `desc`, docs). */
  description: string;
}

const BOTH = ['paper', 'concept'] as const;
const CONCEPT = ['concept'] as const;
const PAPER = ['paper'] as const;

const CONCEPT_COLUMNS: readonly Column[] = [
  { key: 'kind', type: 'string', kinds: BOTH, description: 'node kind: paper or concept' },
  { key: 'conceptType', type: 'string', kinds: CONCEPT, description: 'concept type (method, phenomenon, ...)' },
  { key: 'aliases', type: 'string', kinds: CONCEPT, description: 'other surface forms, separated by " | "' },
  { key: 'labelZh', type: 'string', kinds: CONCEPT, description: 'Chinese labels, separated by " | "' },
  { key: 'papers', type: 'integer', kinds: CONCEPT, description: 'number of papers mentioning the concept' },
  { key: 'mentions', type: 'integer', kinds: CONCEPT, description: 'total mentions across papers' },
  { key: 'firstMonth', type: 'string', kinds: CONCEPT, description: 'month (YYYY-MM) of the earliest paper mentioning it' },
];

const PAPER_COLUMNS: readonly Column[] = [
  { key: 'title', type: 'string', kinds: PAPER, description: 'paper title' },
  { key: 'month', type: 'string', kinds: PAPER, description: 'publication month (YYYY-MM)' },
  { key: 'arxivId', type: 'string', kinds: PAPER, description: 'arXiv id without version' },
  { key: 'paperUrl', type: 'anyURI', kinds: PAPER, description: 'link to the paper' },
  { key: 'codeUrl', type: 'anyURI', kinds: PAPER, description: 'link to code or project page' },
];

const THEME_AND_METRIC_COLUMNS: readonly Column[] = [
  { key: 'theme', type: 'integer', kinds: BOTH, description: 'graph community (Louvain) theme id, -1 for none' },
  { key: 'themeLabel', type: 'string', kinds: BOTH, description: 'graph community (Louvain) theme label' },
  { key: 'kmeansTheme', type: 'integer', kinds: BOTH, description: 'k-means theme id, -1 for none' },
  { key: 'kmeansThemeLabel', type: 'string', kinds: BOTH, description: 'k-means theme label' },
  { key: 'weightedDegree', type: 'double', kinds: BOTH, description: 'sum of edge weights' },
  { key: 'betweenness', type: 'double', kinds: BOTH, description: 'normalised betweenness, edge length 1/weight' },
  { key: 'pagerank', type: 'double', kinds: BOTH, description: 'weighted PageRank' },
  { key: 'themeStrength', type: 'double', kinds: PAPER, description: "strength (0-1) of the paper's graph community theme" },
  { key: 'themeWeak', type: 'boolean', kinds: PAPER, description: 'graph community theme assigned by similarity, without direct evidence' },
  { key: 'themeStability', type: 'double', kinds: BOTH, description: 'stability (0-1, mean best Jaccard across seeds) of the graph community theme' },
  { key: 'themeStable', type: 'boolean', kinds: BOTH, description: 'graph community theme is stable (stability at or above stableAt, 0.75 by default)' },
  { key: 'kmeansThemeStrength', type: 'double', kinds: PAPER, description: "strength (0-1) of the paper's k-means theme (cosine to the centroid)" },
  { key: 'kmeansThemeWeak', type: 'boolean', kinds: PAPER, description: 'k-means theme assigned by similarity, without direct evidence' },
  { key: 'kmeansThemeStability', type: 'double', kinds: BOTH, description: 'stability (0-1, mean best Jaccard across seeds) of the k-means theme' },
  { key: 'kmeansThemeStable', type: 'boolean', kinds: BOTH, description: 'k-means theme is stable (stability at or above stableAt, 0.75 by default)' },
];

export const EDGE_COLUMNS: readonly Column[] = [
  { key: 'count', type: 'integer', kinds: BOTH, description: 'raw count behind the weight (papers or mentions)' },
  { key: 'firstMonth', type: 'string', kinds: BOTH, description: 'first month (YYYY-MM) the link was seen' },
];

/** Node columns of a graph of the given kind, in export order. */
export function nodeColumns(kind: GraphKind): readonly Column[] {
  return kind === 'paper-concept' ? [...CONCEPT_COLUMNS, ...PAPER_COLUMNS, ...THEME_AND_METRIC_COLUMNS] : [...CONCEPT_COLUMNS, ...THEME_AND_METRIC_COLUMNS];
}

/** The value of a column for a node or edge, or null when it has none (wrong kind, missing, empty URL, not finite). */
export function columnValue(column: Column, attributes: Readonly<Record<string, unknown>>): string | number | boolean | null {
  const kind = attributes['kind'];
  if ((kind === 'paper' || kind === 'concept') && !column.kinds.includes(kind)) return null;
  const value = attributes[column.key];
  switch (column.type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? value : null;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'anyURI':
      return typeof value === 'string' && value !== '' ? value : null;
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
  }
}
