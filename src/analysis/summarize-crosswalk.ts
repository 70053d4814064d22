/**
 * The crosswalk of graph themes × k-means clusters (clustering.crosswalk, cluster/crosswalk-themes.ts) as a full
 * grid ready to draw: rows are the graph themes in id order (largest first); columns are the k-means clusters
 * ordered by the graph theme they overlap most (highest Jaccard, ties: the larger cluster, then the lower id) and,
 * among clusters matching the same theme, by that overlap — so that agreeing themes line up on the diagonal.
 * Every row × column pair is a cell; pairs without shared papers have 0 papers and 0 overlap.
 */
import type { CrosswalkCell, ThemeCrosswalk } from '../core/result.ts';
import { themeDisplayLabel } from './theme-display-label.ts';

export interface CrosswalkTheme {
  id: number;
  /** themeDisplayLabel of the theme ("2. policy entropy · exploration"). */
  label: string;
  papers: number;
}

/** A crosswalk cell (core/result.ts); in the grid every pair has one, with 0 papers where none are shared. */
export type CrosswalkGridCell = CrosswalkCell;

export interface CrosswalkSummary {
  rowMethod: ThemeCrosswalk['rowMethod'];
  columnMethod: ThemeCrosswalk['columnMethod'];
  /** Themes with papers, in drawing order. */
  rows: CrosswalkTheme[];
  columns: CrosswalkTheme[];
  /** rows.length × columns.length cells, row by row in drawing order. */
  cells: CrosswalkGridCell[];
  ari: number;
  nmi: number;
}

export function summarizeCrosswalk(crosswalk: ThemeCrosswalk): CrosswalkSummary {
  const display = (theme: { id: number; label: string; papers: number }): CrosswalkTheme => ({ id: theme.id, label: themeDisplayLabel(theme.id, theme.label), papers: theme.papers });
  const rows = crosswalk.rows.filter((row) => row.papers > 0).map(display);
  const rowRank = new Map(rows.map((row, index) => [row.id, index]));
  const cellOf = new Map(crosswalk.cells.map((cell) => [`${cell.row},${cell.column}`, cell]));

  const best = new Map<number, { rank: number; jaccard: number }>();
  for (const cell of crosswalk.cells) {
    const rank = rowRank.get(cell.row);
    if (rank === undefined) continue;
    const seen = best.get(cell.column);
    if (seen === undefined || cell.jaccard > seen.jaccard || (cell.jaccard === seen.jaccard && rank < seen.rank)) best.set(cell.column, { rank, jaccard: cell.jaccard });
  }
  const columns = crosswalk.columns
    .filter((column) => column.papers > 0)
    .sort((a, b) => {
      const x = best.get(a.id) ?? { rank: Infinity, jaccard: 0 };
      const y = best.get(b.id) ?? { rank: Infinity, jaccard: 0 };
      return x.rank - y.rank || y.jaccard - x.jaccard || b.papers - a.papers || a.id - b.id;
    })
    .map(display);

  const cells: CrosswalkGridCell[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const cell = cellOf.get(`${row.id},${column.id}`);
      cells.push({ row: row.id, column: column.id, papers: cell?.papers ?? 0, jaccard: cell?.jaccard ?? 0, shareOfRow: cell?.shareOfRow ?? 0, shareOfColumn: cell?.shareOfColumn ?? 0 });
    }
  }
  return { rowMethod: crosswalk.rowMethod, columnMethod: crosswalk.columnMethod, rows, columns, cells, ari: crosswalk.ari, nmi: crosswalk.nmi };
}
