/**
 * CSV as RFC 4180 describes it: comma-separated, CRLF-free (LF line ends), fields quoted when they hold a comma,
 * quote or line break, quotes doubled. Cells that a spreadsheet would run as a formula (starting with =, +, -, @)
 * are left as they are: these files are data for scripts, and a leading apostrophe would change the value.
 */
import { PIECE_LENGTH } from './piece-length.ts';

export type CsvValue = string | number | boolean | null;

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * The same text as toCsv, in pieces of about `pieceLength` characters, for tables too large to hold as one string
 * (the mentions of a million papers): rows are read as they are needed and never all kept.
 */
export function* toCsvPieces(columns: readonly string[], rows: Iterable<readonly CsvValue[]>, pieceLength = PIECE_LENGTH): Generator<string> {
  let piece = `${columns.map(csvField).join(',')}\n`;
  for (const row of rows) {
    piece += `${row.map(csvField).join(',')}\n`;
    if (piece.length >= pieceLength) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? formatNumber(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Numbers rounded to 6 significant decimals so outputs are stable across platforms. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 1e6) / 1e6);
}
