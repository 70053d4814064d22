/**
 * What one extraction chunk gives back to the main thread (from a worker or inline): the papers kept from a run of
 * JSONL lines, as columns, and their mentions as typed arrays (vocabulary term indexes, counts, scores, in-title
 * flags) in CSR form — compact to transfer between threads and to keep for millions of papers.
 */
import type { Issue } from '../core/issues.ts';

/**
 * A run of JSONL lines: their UTF-8 bytes joined by `\n` (JSON lines hold no raw newline), undecoded so that the
 * reading thread only copies bytes and the buffer moves to the worker without a copy, with their 1-based line numbers.
 */
export interface LineChunk {
  file: string;
  bytes: Uint8Array;
  lineNumbers: Int32Array;
}

export interface CompactChunk {
  /** Kept papers, in line order. */
  ids: string[];
  /** arXiv version, -1 when unknown. */
  versions: Int32Array;
  titles: string[];
  /** `YYYY-MM`, '' when unknown. */
  months: string[];
  paperUrls: string[];
  /** Space-separated categories. */
  categories: string[];
  lines: Int32Array;
  /** Mentions of paper p are at [mentionOffsets[p], mentionOffsets[p + 1]), most salient first. */
  mentionOffsets: Int32Array;
  /** Index into vocabulary.terms. */
  mentionTerms: Int32Array;
  mentionCounts: Int32Array;
  mentionScores: Float64Array;
  mentionInTitle: Uint8Array;
  /** Surface forms per term, summed over this chunk's papers: [term index, form, papers]. */
  forms: [number, string, number][];
  /** Chinese labels met: [term index, label]. */
  labelsZh: [number, string][];
  /** Lines read, including bad and filtered ones. */
  linesRead: number;
  /** Records dropped by the category/month filter. */
  filtered: number;
  issues: Issue[];
}

export function compactChunkTransfer(chunk: CompactChunk): ArrayBuffer[] {
  return [chunk.versions, chunk.lines, chunk.mentionOffsets, chunk.mentionTerms, chunk.mentionCounts, chunk.mentionScores, chunk.mentionInTitle].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
