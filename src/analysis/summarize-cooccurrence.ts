/**
 * The co-occurrence matrix of the top concepts of the concept graph, ordered by theme (largest theme first) and,
 * within a theme, by papers, so that blocks on the diagonal show the themes. Cells are papers mentioning both
 * concepts (the graph edge's `count`) and their association strength, observed over expected co-occurrences
 * s_ij = c_ij · N / (c_i · c_j) (van Eck & Waltman 2009), which keeps ubiquitous concepts from dominating; pairs
 * that never co-occur are left out.
 */
import type { AnalysisResult } from '../core/result.ts';
import type { ConceptNodeAttributes, EdgeAttributes } from '../graph/attributes.ts';
import { uniqueDisplayLabels } from './concept-display-label.ts';
import { primaryThemes } from './primary-themes.ts';
import { compareText } from './select-top-concepts.ts';

export interface SummarizeCooccurrenceOptions {
  /** Concepts in the matrix. Default: 25. */
  topConcepts?: number;
}

export const SUMMARIZE_COOCCURRENCE_DEFAULTS: Readonly<Required<SummarizeCooccurrenceOptions>> = Object.freeze({ topConcepts: 25 });

export interface CooccurrenceCell {
  a: string;
  b: string;
  count: number;
  /** Association strength: 1 is as often as chance predicts. */
  association: number;
}

export interface CooccurrenceSummary {
  /** Display labels in matrix order. */
  order: string[];
  /** Theme id of each concept in `order`. */
  themes: number[];
  cells: CooccurrenceCell[];
}

export function summarizeCooccurrence(result: Pick<AnalysisResult, 'papers' | 'concepts' | 'conceptGraph' | 'themes' | 'paperThemes'>, options: SummarizeCooccurrenceOptions = {}): CooccurrenceSummary {
  const settings = { ...SUMMARIZE_COOCCURRENCE_DEFAULTS, ...options };
  const graph = result.conceptGraph;
  const { conceptTheme } = primaryThemes(result);
  const byId = new Map(result.concepts.map((concept) => [concept.id, concept]));
  const nodes = graph
    .mapNodes((node, attributes) => ({ id: node, attributes: attributes as ConceptNodeAttributes }))
    .sort((a, b) => b.attributes.papers - a.attributes.papers || b.attributes.mentions - a.attributes.mentions || compareText(a.id, b.id))
    .slice(0, settings.topConcepts);
  const themeRank = (id: string): number => {
    const theme = conceptTheme.get(id) ?? -1;
    return theme === -1 ? Number.MAX_SAFE_INTEGER : theme;
  };
  nodes.sort((a, b) => themeRank(a.id) - themeRank(b.id) || b.attributes.papers - a.attributes.papers || compareText(a.id, b.id));
  const labels = uniqueDisplayLabels(nodes.map((node) => ({ id: node.id, label: byId.get(node.id)?.label ?? node.attributes.label, labelsZh: byId.get(node.id)?.labelsZh ?? [] })));
  const kept = new Set(nodes.map((node) => node.id));
  const cells: CooccurrenceCell[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (!kept.has(source) || !kept.has(target)) return;
    const { count } = attributes as EdgeAttributes;
    const a = labels.get(source) ?? source;
    const b = labels.get(target) ?? target;
    const ci = (graph.getNodeAttribute(source, 'papers') as number) || 1;
    const cj = (graph.getNodeAttribute(target, 'papers') as number) || 1;
    const association = Math.round(((count * result.papers.length) / (ci * cj)) * 1000) / 1000;
    cells.push({ a, b, count, association }, { a: b, b: a, count, association });
  });
  cells.sort((x, y) => compareText(x.a, y.a) || compareText(x.b, y.b));
  return { order: nodes.map((node) => labels.get(node.id) ?? node.id), themes: nodes.map((node) => conceptTheme.get(node.id) ?? -1), cells };
}
