/**
 * The crosswalk between two views of the same corpus: for each pair (theme of method A, theme of method B) the
 * papers they share, their Jaccard overlap and the share of each side, plus the ARI and NMI of the two paper
 * partitions. Built from PaperTheme rows, so any two methods can be compared; papers missing on either side are
 * left out.
 */
import type { CrosswalkCell, ThemeCrosswalk } from '../core/result.ts';
import type { PaperTheme, Theme, ThemeMethod } from '../core/types.ts';
import { comparePartitions } from './compare-partitions.ts';

export function crosswalkThemes(themes: readonly Theme[], paperThemes: readonly PaperTheme[], rowMethod: ThemeMethod, columnMethod: ThemeMethod): ThemeCrosswalk {
  const rowOf = new Map<string, number>();
  const columnOf = new Map<string, number>();
  for (const row of paperThemes) {
    if (row.method === rowMethod) rowOf.set(row.paperId, row.themeId);
    if (row.method === columnMethod) columnOf.set(row.paperId, row.themeId);
  }
  const a: number[] = [];
  const b: number[] = [];
  const cells = new Map<string, number>();
  const rowSizes = new Map<number, number>();
  const columnSizes = new Map<number, number>();
  for (const [paperId, row] of rowOf) {
    const column = columnOf.get(paperId);
    if (column === undefined) continue;
    a.push(row);
    b.push(column);
    rowSizes.set(row, (rowSizes.get(row) ?? 0) + 1);
    columnSizes.set(column, (columnSizes.get(column) ?? 0) + 1);
    cells.set(`${row},${column}`, (cells.get(`${row},${column}`) ?? 0) + 1);
  }
  const list: CrosswalkCell[] = [];
  for (const [key, papers] of cells) {
    const [row = 0, column = 0] = key.split(',').map(Number);
    const rowSize = rowSizes.get(row) ?? 0;
    const columnSize = columnSizes.get(column) ?? 0;
    list.push({ row, column, papers, jaccard: papers / (rowSize + columnSize - papers), shareOfRow: papers / rowSize, shareOfColumn: papers / columnSize });
  }
  list.sort((x, y) => x.row - y.row || x.column - y.column);
  const describe = (method: ThemeMethod, sizes: Map<number, number>) =>
    themes
      .filter((theme) => theme.method === method)
      .sort((x, y) => x.id - y.id)
      .map((theme) => ({ id: theme.id, label: theme.label, papers: sizes.get(theme.id) ?? 0 }));
  const agreement = comparePartitions(a, b);
  return { rowMethod, columnMethod, rows: describe(rowMethod, rowSizes), columns: describe(columnMethod, columnSizes), cells: list, ari: agreement.ari, nmi: agreement.nmi };
}
