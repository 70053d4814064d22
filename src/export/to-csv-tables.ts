/**
 * Node and edge tables for Gephi's spreadsheet import (Data Laboratory → Import Spreadsheet), also readable by
 * pandas, R and spreadsheets.
 *
 * Nodes: `Id,Label`, the typed columns of export/graph-columns.ts, then `x,y,size,color`. Edges: `Source,Target,
 * Type,Id,Weight`, then the edge columns. Gephi recognises `Id`/`Label` and `Source`/`Target`/`Type`/`Weight` by
 * name; the others become attribute columns.
 *
 * Quoting follows RFC 4180 (Shafranovich 2005): CRLF line ends, a field is quoted when it holds a comma, a double
 * quote, CR or LF, and quotes inside are doubled. With `guardFormulas` (default), a text cell that starts with `=`,
 * `+`, `-`, `@`, tab or CR (OWASP "CSV Injection") is prefixed with `'` so spreadsheets do not run it as a formula;
 * numeric cells are never changed. Text is cleaned as in every export (export/sanitize-text.ts). No BOM unless asked
 * for (Gephi would read it into the first column's name).
 */
import type { AbstractGraph } from 'graphology-types';
import type { Issue } from '../core/issues.ts';
import { graphKindOf } from '../graph/attributes.ts';
import { columnValue, EDGE_COLUMNS, nodeColumns } from './graph-columns.ts';
import { createTextSanitizer, formatNumber } from './sanitize-text.ts';

export interface ToCsvTablesOptions {
  /** Prefix text cells that spreadsheets would run as formulas with `'`. Default: true. */
  guardFormulas?: boolean;
  /** Start each table with a UTF-8 byte order mark (for Excel). Default: false. */
  bom?: boolean;
  /** Significant digits of non-integer numbers. Default: 8. */
  digits?: number;
}

export const TO_CSV_TABLES_DEFAULTS: Readonly<Required<ToCsvTablesOptions>> = Object.freeze({ guardFormulas: true, bom: false, digits: 8 });

export interface CsvTablesResult {
  nodes: string;
  edges: string;
  issues: Issue[];
}

type Cell = string | number | boolean | null;

export function toCsvTables(graph: AbstractGraph, options: ToCsvTablesOptions = {}): CsvTablesResult {
  const settings = { ...TO_CSV_TABLES_DEFAULTS, ...options };
  const sanitizer = createTextSanitizer('CSV');
  const columns = nodeColumns(graphKindOf(graph));
  const text = (value: string): string => (settings.guardFormulas && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const cell = (value: Cell): string =>
    value === null ? '' : typeof value === 'number' ? formatNumber(value, settings.digits) : typeof value === 'boolean' ? String(value) : quote(text(value));

  const nodeRows: string[] = [['Id', 'Label', ...columns.map((column) => column.key), 'x', 'y', 'size', 'color'].join(',')];
  graph.forEachNode((node, attributes) => {
    const where = (field: string) => () => `${field} of node ${JSON.stringify(node)}`;
    const label = attributes['label'];
    const cells: Cell[] = [sanitizer.clean(node, where('id')), typeof label === 'string' ? sanitizer.clean(label, where('label')) : null];
    for (const column of columns) {
      const value = columnValue(column, attributes);
      cells.push(typeof value === 'string' ? sanitizer.clean(value, where(column.key)) : value);
    }
    cells.push(finite(attributes['x']), finite(attributes['y']), finite(attributes['size']), typeof attributes['color'] === 'string' ? attributes['color'] : null);
    nodeRows.push(cells.map(cell).join(','));
  });

  const type = graph.type === 'directed' ? 'Directed' : 'Undirected';
  const edgeRows: string[] = [['Source', 'Target', 'Type', 'Id', 'Weight', ...EDGE_COLUMNS.map((column) => column.key)].join(',')];
  let index = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const where = (field: string) => () => `${field} of edge ${JSON.stringify(source)}–${JSON.stringify(target)}`;
    const cells: Cell[] = [sanitizer.clean(source, where('source')), sanitizer.clean(target, where('target')), type, index++, finite(attributes['weight'])];
    for (const column of EDGE_COLUMNS) {
      const value = columnValue(column, attributes);
      cells.push(typeof value === 'string' ? sanitizer.clean(value, where(column.key)) : value);
    }
    edgeRows.push(cells.map(cell).join(','));
  });

  const bom = settings.bom ? '\uFEFF' : '';
  return { nodes: `${bom}${nodeRows.join('\r\n')}\r\n`, edges: `${bom}${edgeRows.join('\r\n')}\r\n`, issues: sanitizer.issues };
}

/** RFC 4180 field: quoted when it holds a comma, a quote, CR or LF; inner quotes doubled. */
export function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
