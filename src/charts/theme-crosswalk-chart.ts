/**
 * Crosswalk heat map: graph themes (Louvain or Leiden, clustering.graphMethod) as rows against k-means clusters as
 * columns, columns ordered by their best-matching graph theme so agreeing themes line up on the diagonal
 * (analysis/summarize-crosswalk.ts). Cell colour is the Jaccard overlap of the two paper sets (shared papers over
 * papers in either, 0–1), the number written in a cell is its shared papers; empty pairs are light grey. The
 * subtitle gives the agreement of the two partitions (ARI, NMI). Without a crosswalk the chart is empty and says so.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { summarizeCrosswalk } from '../analysis/summarize-crosswalk.ts';
import { chartBase } from './chart-config.ts';

/** Axis labels longer than this many characters end in an ellipsis (the tooltip has the whole label). */
const LABEL_CHARS = 30;

const METHOD_NAMES: Readonly<Record<'louvain' | 'leiden' | 'kmeans', string>> = { louvain: 'Louvain', leiden: 'Leiden', kmeans: 'k-means' };

export function themeCrosswalkChart(result: Pick<AnalysisResult, 'clustering'>): TopLevelSpec {
  const crosswalk = result.clustering.crosswalk;
  const summary = crosswalk === undefined ? null : summarizeCrosswalk(crosswalk);
  const rowName = summary === null ? 'graph' : METHOD_NAMES[summary.rowMethod];
  const columnName = summary === null ? 'k-means' : METHOD_NAMES[summary.columnMethod];
  const rowLabel = new Map((summary?.rows ?? []).map((row) => [row.id, shortLabel(row.label)]));
  const columnLabel = new Map((summary?.columns ?? []).map((column) => [column.id, shortLabel(column.label)]));
  const fullRow = new Map((summary?.rows ?? []).map((row) => [row.id, row.label]));
  const fullColumn = new Map((summary?.columns ?? []).map((column) => [column.id, column.label]));
  const values = (summary?.cells ?? []).map((cell) => ({
    row: rowLabel.get(cell.row) ?? '',
    column: columnLabel.get(cell.column) ?? '',
    rowTheme: fullRow.get(cell.row) ?? '',
    columnTheme: fullColumn.get(cell.column) ?? '',
    papers: cell.papers,
    papersText: compactCount(cell.papers),
    jaccard: cell.jaccard,
    shareOfRow: cell.shareOfRow,
    shareOfColumn: cell.shareOfColumn,
  }));
  const rows = (summary?.rows ?? []).map((row) => rowLabel.get(row.id) ?? '');
  const columns = (summary?.columns ?? []).map((column) => columnLabel.get(column.id) ?? '');
  const subtitle =
    summary === null
      ? 'No crosswalk in this result: graph themes and k-means clusters were not both computed'
      : `Papers shared by each ${rowName} theme (rows) and k-means cluster (columns), clusters ordered by their best-matching theme; colour: Jaccard overlap, shared papers over papers in either. Agreement of the two partitions: ARI ${summary.ari.toFixed(2)}, NMI ${summary.nmi.toFixed(2)}`;
  return {
    ...chartBase(`${rowName} themes and ${columnName} clusters`, subtitle),
    width: { step: 30 },
    height: { step: 30 },
    data: { values },
    encoding: {
      x: { field: 'column', type: 'nominal', sort: columns, scale: { domain: columns }, title: `${columnName} clusters`, axis: { labelAngle: -40, labelLimit: 0, orient: 'bottom', titlePadding: 8 } },
      y: { field: 'row', type: 'nominal', sort: rows, scale: { domain: rows }, title: `${rowName} themes`, axis: { labelLimit: 0, titlePadding: 16 } },
      tooltip: [
        { field: 'rowTheme', title: `${rowName} theme` },
        { field: 'columnTheme', title: `${columnName} cluster` },
        { field: 'papers', title: 'Shared papers', type: 'quantitative' },
        { field: 'jaccard', title: 'Jaccard overlap', type: 'quantitative', format: '.2f' },
        { field: 'shareOfRow', title: `Share of the ${rowName} theme`, type: 'quantitative', format: '.0%' },
        { field: 'shareOfColumn', title: `Share of the ${columnName} cluster`, type: 'quantitative', format: '.0%' },
      ],
    },
    layer: [
      { mark: { type: 'rect', stroke: 'white', strokeWidth: 1, color: '#f2f2f2' } },
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        transform: [{ filter: 'datum.papers > 0' }],
        encoding: {
          color: { field: 'jaccard', type: 'quantitative', title: ['Jaccard', 'overlap'], scale: { scheme: 'blues', domain: [0, 1] }, legend: { format: '.1f' } },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        transform: [{ filter: 'datum.papers > 0' }],
        encoding: {
          text: { field: 'papersText', type: 'nominal' },
          color: { condition: { test: 'datum.jaccard > 0.5', value: 'white' }, value: '#222222' },
        },
      },
    ],
  };
}

/** A label cut to LABEL_CHARS characters, at a word boundary when one is near, with an ellipsis. */
function shortLabel(label: string): string {
  const characters = [...label];
  if (characters.length <= LABEL_CHARS) return label;
  const cut = characters.slice(0, LABEL_CHARS - 1).join('');
  const space = cut.search(/\s\S*$/);
  return `${(space >= LABEL_CHARS * 0.6 ? cut.slice(0, space) : cut).replace(/[\s·,;:]+$/, '')}…`;
}

/** A count short enough for a 30-pixel cell: 1234, then 12k, 1.2M. */
function compactCount(papers: number): string {
  if (papers < 10_000) return String(papers);
  if (papers < 1_000_000) return `${Math.round(papers / 1000)}k`;
  return `${(papers / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}
