/**
 * GraphML (Brandes et al., "GraphML Progress Report", Graph Drawing 2001; graphml.graphdrawing.org) for networkx,
 * Gephi, Cytoscape and yEd, written by us (no graphology-graphml writer is installed).
 *
 * 1. `<key>` declarations: `label`, then the typed columns of export/graph-columns.ts (GraphML types: `int`,
 *    `double`, `boolean`, `string`; anyURI as string), then the visual keys Gephi's GraphML importer maps to node properties —
 *    `x`, `y`, `size` (double) and `r`, `g`, `b` (int) — plus `color` as `#RRGGBB` for other tools; edges: `weight`
 *    (double), `count` (int), `firstMonth`. Key ids equal attribute names except the edge `firstMonth`, whose id is
 *    `edgeFirstMonth` because GraphML key ids are unique across nodes and edges.
 * 2. nodes in graph order with their `<data>`; values a node does not have are left out;
 * 3. edges numbered `e0`, `e1`, … in graph order (graphology's generated keys are not stable across runs).
 *
 * Text is cleaned as in every export (export/sanitize-text.ts); removals come back as issues. Deterministic.
 */
import type { AbstractGraph } from 'graphology-types';
import { PapergraphError } from '../core/errors.ts';
import type { Issue } from '../core/issues.ts';
import { NO_THEME_COLOR } from '../core/palette.ts';
import { graphKindOf } from '../graph/attributes.ts';
import { hexToRgb, isHexColor } from './hex-to-rgb.ts';
import { columnValue, EDGE_COLUMNS, nodeColumns, type Column, type ColumnType } from './graph-columns.ts';
import { createTextSanitizer, escapeXmlAttribute, escapeXmlText, formatNumber } from './sanitize-text.ts';

export interface ToGraphmlOptions {
  /** Significant digits of non-integer numbers. Default: 8. */
  digits?: number;
}

export const TO_GRAPHML_DEFAULTS: Readonly<Required<ToGraphmlOptions>> = Object.freeze({ digits: 8 });

export interface GraphmlResult {
  xml: string;
  issues: Issue[];
}

const GRAPHML_TYPES: Readonly<Record<ColumnType, string>> = Object.freeze({ string: 'string', anyURI: 'string', integer: 'int', double: 'double', boolean: 'boolean' });

export function toGraphml(graph: AbstractGraph, options: ToGraphmlOptions = {}): GraphmlResult {
  const settings = { ...TO_GRAPHML_DEFAULTS, ...options };
  if (!Number.isInteger(settings.digits) || settings.digits < 1 || settings.digits > 17) {
    throw new PapergraphError('export/to-graphml', `digits must be an integer from 1 to 17, got ${settings.digits}`);
  }
  if (graph.type === 'mixed') throw new PapergraphError('export/to-graphml', 'mixed graphs are not supported: papergraph graphs are undirected');
  const sanitizer = createTextSanitizer('GraphML');
  const columns = nodeColumns(graphKindOf(graph));
  const number = (value: number, type: ColumnType) => (type === 'integer' ? String(value) : formatNumber(value, settings.digits));
  const attribute = escapeXmlAttribute;

  // 1. Keys.
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
  ];
  for (const column of columns) lines.push(`  <key id="${column.key}" for="node" attr.name="${column.key}" attr.type="${GRAPHML_TYPES[column.type]}"/>`);
  for (const [key, type] of VISUAL_KEYS) lines.push(`  <key id="${key}" for="node" attr.name="${key}" attr.type="${type}"/>`);
  lines.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  for (const column of EDGE_COLUMNS) lines.push(`  <key id="${edgeKeyId(column)}" for="edge" attr.name="${column.key}" attr.type="${GRAPHML_TYPES[column.type]}"/>`);
  lines.push(`  <graph id="G" edgedefault="${graph.type === 'directed' ? 'directed' : 'undirected'}">`);

  // 2. Nodes.
  graph.forEachNode((node, attributes) => {
    const where = (field: string) => () => `${field} of node ${JSON.stringify(node)}`;
    lines.push(`    <node id="${attribute(sanitizer.clean(node, where('id')))}">`);
    const label = attributes['label'];
    if (typeof label === 'string') lines.push(data('label', sanitizer.clean(label, where('label'))));
    for (const column of columns) {
      const value = columnValue(column, attributes);
      if (value === null) continue;
      lines.push(data(column.key, typeof value === 'number' ? number(value, column.type) : typeof value === 'boolean' ? String(value) : sanitizer.clean(value, where(column.key))));
    }
    const color = isHexColor(attributes['color']) ? attributes['color'].toUpperCase() : NO_THEME_COLOR;
    const rgb = hexToRgb(color);
    lines.push(data('x', formatNumber(finiteOr(attributes['x'], 0), settings.digits)));
    lines.push(data('y', formatNumber(finiteOr(attributes['y'], 0), settings.digits)));
    lines.push(data('size', formatNumber(finiteOr(attributes['size'], 1), settings.digits)));
    lines.push(data('r', String(rgb.r)), data('g', String(rgb.g)), data('b', String(rgb.b)), data('color', color));
    lines.push('    </node>');
  });

  // 3. Edges.
  let index = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const where = (field: string) => () => `${field} of edge ${JSON.stringify(source)}–${JSON.stringify(target)}`;
    lines.push(`    <edge id="e${index++}" source="${attribute(sanitizer.clean(source, where('source')))}" target="${attribute(sanitizer.clean(target, where('target')))}">`);
    const weight = attributes['weight'];
    if (typeof weight === 'number' && Number.isFinite(weight)) lines.push(data('weight', formatNumber(weight, settings.digits)));
    for (const column of EDGE_COLUMNS) {
      const value = columnValue(column, attributes);
      if (value === null) continue;
      lines.push(data(edgeKeyId(column), typeof value === 'number' ? number(value, column.type) : typeof value === 'boolean' ? String(value) : sanitizer.clean(value, where(column.key))));
    }
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return { xml: lines.join('\n'), issues: sanitizer.issues };
}

const VISUAL_KEYS: readonly (readonly [string, string])[] = [
  ['x', 'double'],
  ['y', 'double'],
  ['size', 'double'],
  ['r', 'int'],
  ['g', 'int'],
  ['b', 'int'],
  ['color', 'string'],
];

function edgeKeyId(column: Column): string {
  return column.key === 'firstMonth' ? 'edgeFirstMonth' : column.key;
}

function data(key: string, value: string): string {
  return `      <data key="${key}">${escapeXmlText(value)}</data>`;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
