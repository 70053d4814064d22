/**
 * graphology's own serialisation (`graph.export()`, graphology.github.io/serialization), importable with
 * `Graph.from(json)` / `graph.import(json)` — by sigma.js and Gephi Lite among others.
 *
 * Made stable: object keys sorted at every level (attributes too), nodes and edges in graph order, and edges keyed
 * `e0`, `e1`, … in that order, since graphology's generated edge keys (`geid_<random>_<n>`) differ between runs.
 * Edges added with an explicit key keep it. Text is cleaned as in every export (export/sanitize-text.ts), so the JSON
 * carries the same labels as the GEXF.
 */
import type { AbstractGraph } from 'graphology-types';
import type { Issue } from '../core/issues.ts';
import { createTextSanitizer } from './sanitize-text.ts';

export interface ToGraphologyJsonOptions {
  /** Indentation of the JSON text; 0 for one line. Default: 2. */
  indent?: number;
}

export const TO_GRAPHOLOGY_JSON_DEFAULTS: Readonly<Required<ToGraphologyJsonOptions>> = Object.freeze({ indent: 2 });

export interface GraphologyJsonResult {
  json: string;
  issues: Issue[];
}

export function toGraphologyJson(graph: AbstractGraph, options: ToGraphologyJsonOptions = {}): GraphologyJsonResult {
  const settings = { ...TO_GRAPHOLOGY_JSON_DEFAULTS, ...options };
  const sanitizer = createTextSanitizer('graphology JSON');
  const serialized = graph.export();
  const clean = (value: unknown, where: string): unknown => {
    if (typeof value === 'string') return sanitizer.clean(value, () => where);
    if (Array.isArray(value)) return value.map((item) => clean(item, where));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(value).sort()) out[key] = clean((value as Record<string, unknown>)[key], `${key} of ${where}`);
      return out;
    }
    return value;
  };
  const document = {
    attributes: clean(serialized.attributes ?? {}, 'graph attributes'),
    edges: serialized.edges.map((edge, index) => ({
      key: edge.key === undefined || edge.key.startsWith('geid_') ? `e${index}` : clean(edge.key, 'an edge key'),
      source: clean(edge.source, 'an edge source'),
      target: clean(edge.target, 'an edge target'),
      ...(edge.attributes ? { attributes: clean(edge.attributes, `edge ${JSON.stringify(edge.source)}–${JSON.stringify(edge.target)}`) } : {}),
      ...(edge.undirected ? { undirected: true } : {}),
    })),
    nodes: serialized.nodes.map((node) => ({
      key: clean(node.key, 'a node key'),
      ...(node.attributes ? { attributes: clean(node.attributes, `node ${JSON.stringify(node.key)}`) } : {}),
    })),
    options: clean(serialized.options, 'graph options'),
  };
  return { json: `${JSON.stringify(document, null, settings.indent)}\n`, issues: sanitizer.issues };
}
