/**
 * Parses a decoded input with the parser for its format.
 */
import type { Issue } from '../core/issues.ts';
import type { Paper } from '../core/types.ts';
import type { DecodedInput } from './decode-input.ts';
import { parsePaperList } from './parse-paper-list.ts';

export interface ParseInputResult {
  papers: Paper[];
  issues: Issue[];
  listTitle: string;
}

export function parseInput(input: DecodedInput): ParseInputResult {
  switch (input.format) {
    case 'paper-list':
      return parsePaperList(input.text, { file: input.path });
  }
}
