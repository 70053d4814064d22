/**
 * GEXF for Gephi, Gephi Lite and networkx, written by us (graphology-gexf 0.13 declares the viz namespace of GEXF
 * 1.2 as `http:///www.gexf.net/1.1draft/viz`, so namespace-aware readers drop every colour, size and position).
 *
 * Follows the GEXF 1.3 and 1.2draft specifications (gexf.net; schemas in tests/schemas) with the namespaces Gephi
 * itself writes:
 *   1.3      `http://gexf.net/1.3`          + viz `http://gexf.net/1.3/viz`          version="1.3"
 *   1.2draft `http://www.gexf.net/1.2draft` + viz `http://www.gexf.net/1.2draft/viz` version="1.2"
 *
 * 1. prepare: columns from export/graph-columns.ts, every label and value cleaned (export/sanitize-text.ts; removals
 *    become issues), months turned into dates; this is the only pass that reads the graph;
 * 2. write: header, `<attributes>` (declared and typed; ids = titles = attribute keys, so graphology-gexf, networkx
 *    and Gephi all name them the same), nodes with attvalues and `viz:color`/`viz:size`/`viz:position`, edges with
 *    weight and attvalues; yielded in chunks of `chunkSize` elements so io can stream a large graph to disk.
 *
 * Time: with `dynamic` (default) the graph is `mode="dynamic" timeformat="date"` and each node or edge with a month
 * starts then (`start="2025-08-01"`, open end), so Gephi's timeline replays how concepts and links appeared. Nothing
 * depends on the clock: `lastmodifieddate` is written only when given, so the same graph gives the same bytes.
 */
import type { AbstractGraph } from 'graphology-types';
import { PapergraphError } from '../core/errors.ts';
import type { Issue } from '../core/issues.ts';
import { graphKindOf } from '../graph/attributes.ts';
import { hexToRgb } from './hex-to-rgb.ts';
import { columnValue, EDGE_COLUMNS, nodeColumns, type Column } from './graph-columns.ts';
import { createTextSanitizer, escapeXmlAttribute, escapeXmlText, formatNumber } from './sanitize-text.ts';

export const GEXF_VERSIONS = ['1.3', '1.2draft'] as const;
export type GexfVersion = (typeof GEXF_VERSIONS)[number];

export const GEXF_NAMESPACES: Readonly<Record<GexfVersion, { gexf: string; viz: string; version: string; schema: string }>> = Object.freeze({
  '1.3': { gexf: 'http://gexf.net/1.3', viz: 'http://gexf.net/1.3/viz', version: '1.3', schema: 'http://gexf.net/1.3/gexf.xsd' },
  '1.2draft': { gexf: 'http://www.gexf.net/1.2draft', viz: 'http://www.gexf.net/1.2draft/viz', version: '1.2', schema: 'http://www.gexf.net/1.2draft/gexf.xsd' },
});

export interface ToGexfOptions {
  /** Default: '1.3'. */
  version?: GexfVersion;
  /** Dynamic graph with a start date per node and edge. Default: true. */
  dynamic?: boolean;
  /** Written as the meta description. Default: ''. */
  title?: string;
  /** Default: 'papergraph'. */
  creator?: string;
  /** `YYYY-MM-DD` for meta `lastmodifieddate`; omitted when null. Default: null. */
  lastModifiedDate?: string | null;
  /** Significant digits of non-integer numbers. Default: 8. */
  digits?: number;
  /** Nodes or edges per chunk of toGexfChunks. Default: 500. */
  chunkSize?: number;
}

export const TO_GEXF_DEFAULTS: Readonly<Required<ToGexfOptions>> = Object.freeze({
  version: '1.3',
  dynamic: true,
  title: '',
  creator: 'papergraph',
  lastModifiedDate: null,
  digits: 8,
  chunkSize: 500,
});

export interface GexfResult {
  xml: string;
  issues: Issue[];
}

export interface GexfChunks {
  /** The document in order; join them for the whole file. May be iterated once. */
  chunks: Iterable<string>;
  issues: Issue[];
}

export function toGexf(graph: AbstractGraph, options: ToGexfOptions = {}): GexfResult {
  const { chunks, issues } = toGexfChunks(graph, options);
  return { xml: [...chunks].join(''), issues };
}

export function toGexfChunks(graph: AbstractGraph, options: ToGexfOptions = {}): GexfChunks {
  const settings = resolveOptions(options);
  const prepared = prepare(graph, settings);
  return { chunks: write(prepared, settings), issues: prepared.issues };
}

interface PreparedElement {
  id: string;
  label: string | null;
  start: string | null;
  values: [string, string][];
  source?: string;
  target?: string;
  weight?: string;
  color?: { r: number; g: number; b: number };
  size?: string;
  x?: string;
  y?: string;
}

interface Prepared {
  nodeColumns: readonly Column[];
  nodes: PreparedElement[];
  edges: PreparedElement[];
  issues: Issue[];
  undirected: boolean;
  title: string;
  creator: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthStart(month: unknown): string | null {
  return typeof month === 'string' && MONTH.test(month) ? `${month}-01` : null;
}

function prepare(graph: AbstractGraph, settings: Required<ToGexfOptions>): Prepared {
  if (graph.type === 'mixed') throw new PapergraphError('export/to-gexf', 'mixed graphs are not supported: papergraph graphs are undirected');
  const sanitizer = createTextSanitizer(`GEXF ${settings.version}`);
  const columns = nodeColumns(graphKindOf(graph));
  const digits = settings.digits;
  const valueText = (column: Column, value: string | number | boolean, where: () => string): string =>
    typeof value === 'number' ? (column.type === 'integer' ? String(value) : formatNumber(value, digits)) : typeof value === 'boolean' ? String(value) : sanitizer.clean(value, where);

  const nodes: PreparedElement[] = [];
  graph.forEachNode((node, attributes) => {
    const id = sanitizer.clean(node, () => `id of node ${JSON.stringify(node)}`);
    const values: [string, string][] = [];
    for (const column of columns) {
      const value = columnValue(column, attributes);
      if (value !== null) values.push([column.key, valueText(column, value, () => `${column.key} of node ${JSON.stringify(node)}`)]);
    }
    const rawLabel = attributes['label'];
    nodes.push({
      id,
      label: typeof rawLabel === 'string' ? sanitizer.clean(rawLabel, () => `label of node ${JSON.stringify(node)}`) : null,
      start: settings.dynamic ? monthStart(attributes['kind'] === 'paper' ? attributes['month'] : attributes['firstMonth']) : null,
      values,
      color: hexToRgb(attributes['color']),
      size: formatNumber(Math.max(0, finiteOr(attributes['size'], 1)), digits),
      x: formatNumber(finiteOr(attributes['x'], 0), digits),
      y: formatNumber(finiteOr(attributes['y'], 0), digits),
    });
  });

  const edges: PreparedElement[] = [];
  let index = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const values: [string, string][] = [];
    for (const column of EDGE_COLUMNS) {
      const value = columnValue(column, attributes);
      if (value !== null) values.push([column.key, valueText(column, value, () => `${column.key} of edge ${JSON.stringify(source)}–${JSON.stringify(target)}`)]);
    }
    const weight = attributes['weight'];
    edges.push({
      id: String(index++),
      label: null,
      start: settings.dynamic ? monthStart(attributes['firstMonth']) : null,
      values,
      source: sanitizer.clean(source, () => `source of an edge`),
      target: sanitizer.clean(target, () => `target of an edge`),
      ...(typeof weight === 'number' && Number.isFinite(weight) ? { weight: formatNumber(weight, digits) } : {}),
    });
  });
  const title = sanitizer.clean(settings.title, () => 'title');
  const creator = sanitizer.clean(settings.creator, () => 'creator');
  return { nodeColumns: columns, nodes, edges, issues: sanitizer.issues, undirected: graph.type === 'undirected', title, creator };
}

function* write(prepared: Prepared, settings: Required<ToGexfOptions>): Generator<string> {
  const ns = GEXF_NAMESPACES[settings.version];
  const attribute = escapeXmlAttribute;
  let head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  head += `<gexf xmlns="${ns.gexf}" xmlns:viz="${ns.viz}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns.gexf} ${ns.schema}" version="${ns.version}">\n`;
  head += `  <meta${settings.lastModifiedDate !== null ? ` lastmodifieddate="${attribute(settings.lastModifiedDate)}"` : ''}>\n`;
  head += `    <creator>${escapeXmlText(prepared.creator)}</creator>\n`;
  if (prepared.title !== '') head += `    <description>${escapeXmlText(prepared.title)}</description>\n`;
  head += '  </meta>\n';
  const time = settings.dynamic ? ` timeformat="date"${settings.version === '1.3' ? ' timerepresentation="interval"' : ''}` : '';
  head += `  <graph mode="${settings.dynamic ? 'dynamic' : 'static'}" defaultedgetype="${prepared.undirected ? 'undirected' : 'directed'}"${time}>\n`;
  head += declare('node', prepared.nodeColumns);
  head += declare('edge', EDGE_COLUMNS);
  head += `    <nodes count="${prepared.nodes.length}">\n`;
  yield head;

  let chunk = '';
  let inChunk = 0;
  for (const node of prepared.nodes) {
    chunk += `      <node id="${attribute(node.id)}"${node.label !== null ? ` label="${attribute(node.label)}"` : ''}${node.start !== null ? ` start="${node.start}"` : ''}>\n`;
    chunk += attvalues(node.values, '        ');
    const color = node.color ?? { r: 153, g: 153, b: 153 };
    chunk += `        <viz:color r="${color.r}" g="${color.g}" b="${color.b}"/>\n`;
    chunk += `        <viz:size value="${node.size ?? '1'}"/>\n`;
    chunk += `        <viz:position x="${node.x ?? '0'}" y="${node.y ?? '0'}" z="0"/>\n`;
    chunk += '      </node>\n';
    if (++inChunk >= settings.chunkSize) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  chunk += `    </nodes>\n    <edges count="${prepared.edges.length}">\n`;
  for (const edge of prepared.edges) {
    const open = `      <edge id="${edge.id}" source="${attribute(edge.source ?? '')}" target="${attribute(edge.target ?? '')}"${edge.weight !== undefined ? ` weight="${edge.weight}"` : ''}${edge.start !== null ? ` start="${edge.start}"` : ''}`;
    chunk += edge.values.length === 0 ? `${open}/>\n` : `${open}>\n${attvalues(edge.values, '        ')}      </edge>\n`;
    if (++inChunk >= settings.chunkSize) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  chunk += '    </edges>\n  </graph>\n</gexf>\n';
  yield chunk;
}

function declare(kind: 'node' | 'edge', columns: readonly Column[]): string {
  let text = `    <attributes class="${kind}" mode="static">\n`;
  for (const column of columns) text += `      <attribute id="${column.key}" title="${column.key}" type="${column.type}"/>\n`;
  return `${text}    </attributes>\n`;
}

function attvalues(values: readonly [string, string][], indent: string): string {
  if (values.length === 0) return '';
  let text = `${indent}<attvalues>\n`;
  for (const [key, value] of values) text += `${indent}  <attvalue for="${key}" value="${escapeXmlAttribute(value)}"/>\n`;
  return `${text}${indent}</attvalues>\n`;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function resolveOptions(options: ToGexfOptions): Required<ToGexfOptions> {
  const settings = { ...TO_GEXF_DEFAULTS, ...options };
  const problems: string[] = [];
  if (!(GEXF_VERSIONS as readonly string[]).includes(settings.version)) problems.push(`version must be one of ${GEXF_VERSIONS.join(', ')}, got "${String(settings.version)}"`);
  if (settings.lastModifiedDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(settings.lastModifiedDate)) problems.push(`lastModifiedDate must be YYYY-MM-DD, got "${settings.lastModifiedDate}"`);
  if (!Number.isInteger(settings.digits) || settings.digits < 1 || settings.digits > 17) problems.push(`digits must be an integer from 1 to 17, got ${settings.digits}`);
  if (!Number.isInteger(settings.chunkSize) || settings.chunkSize < 1) problems.push(`chunkSize must be a positive integer, got ${settings.chunkSize}`);
  if (problems.length > 0) throw new PapergraphError('export/to-gexf', problems.join('; '));
  return settings;
}
