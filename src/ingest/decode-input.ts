/**
 * Turns an input file's bytes into text of a known format, repairing damaged encodings on the way.
 *
 * Formats: `paper-list` (the Markdown of arXiv survey tools; any other text file is tried as one). Text is
 * decoded as UTF-8 (a BOM is dropped); with `repair`, mojibake (UTF-8 read through a Windows code page) is
 * repaired by repairEncoding and what was repaired is returned.
 */
import type { Issue } from '../core/issues.ts';
import { repairEncoding } from './repair-encoding.ts';

export const INPUT_FORMATS = ['paper-list'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface DecodeInputOptions {
  /** Repair mojibake. Default: true. */
  repair?: boolean;
}

export interface DecodedInput {
  path: string;
  format: InputFormat;
  text: string;
  repair: { spans: number; charactersRecovered: number; uncertain: number } | null;
  issues: Issue[];
}

export function decodeInput(file: { path: string; bytes: Uint8Array }, options: DecodeInputOptions = {}): DecodedInput {
  const raw = new TextDecoder('utf-8').decode(file.bytes);
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (options.repair === false) return { path: file.path, format: 'paper-list', text, repair: null, issues: [] };
  const repaired = repairEncoding(text, { file: file.path });
  return {
    path: file.path,
    format: 'paper-list',
    text: repaired.text,
    repair: { spans: repaired.stats.spans, charactersRecovered: repaired.stats.charactersRecovered, uncertain: repaired.stats.uncertain },
    issues: repaired.issues,
  };
}

