/**
 * Sparse TF-IDF vectors of papers over concepts and terms (Salton & Buckley 1988, "Term-weighting approaches in
 * automatic text retrieval"), in CSR form so memory grows with the number of non-zeros, never with N × V:
 *
 *   tf = 1 + log(count) (sublinear), idf = log((1 + N) / (1 + df)) + 1 (smoothed, as scikit-learn),
 *   concept features are scaled by `conceptWeight`, features in fewer than `minPapers` papers or in more than
 *   `maxShare` of them are dropped, at most `maxFeatures` are kept (highest document frequency first, concepts and
 *   terms alike; this bounds the LSA's cost on large corpora), and each row is L2-normalised (an all-zero row stays
 *   zero).
 *
 * Feature keys are `c:<conceptId>` and `t:<term>`.
 */
import { PapergraphError } from '../core/errors.ts';
import type { Mention, Paper } from '../core/types.ts';
import { paperTerms } from './paper-terms.ts';
import type { MentionList } from '../core/mention-list.ts';

export interface SparseRows {
  rowCount: number;
  columnCount: number;
  offsets: Uint32Array;
  columns: Uint32Array;
  values: Float64Array;
}

export interface PaperVectors extends SparseRows {
  /** Paper ids in row order (the input order). */
  paperIds: string[];
  /** Feature keys in column order. */
  features: string[];
}

export interface BuildPaperVectorsOptions {
  /** Weight of concept features relative to terms (0 leaves concepts out). Default: 1. */
  conceptWeight?: number;
  /** Weight of term features (0 leaves terms out). Default: 1. */
  termWeight?: number;
  /** Features in fewer papers are dropped. Default: 2. */
  minPapers?: number;
  /** Features in more than this share of papers are dropped. Default: 0.5. */
  maxShare?: number;
  /** How many times the title's words count. Default: 2. */
  titleWeight?: number;
  /** At most this many features, by document frequency. Default: 20000. */
  maxFeatures?: number;
}

export const BUILD_PAPER_VECTORS_DEFAULTS: Readonly<Required<BuildPaperVectorsOptions>> = Object.freeze({
  conceptWeight: 1,
  termWeight: 1,
  minPapers: 2,
  maxShare: 0.5,
  titleWeight: 2,
  maxFeatures: 20000,
});

export function buildPaperVectors(papers: readonly Paper[], mentions: MentionList, options: BuildPaperVectorsOptions = {}): PaperVectors {
  const settings = { ...BUILD_PAPER_VECTORS_DEFAULTS, ...options };
  if (settings.conceptWeight < 0 || settings.termWeight < 0 || settings.conceptWeight + settings.termWeight === 0) {
    throw new PapergraphError('cluster/build-paper-vectors', 'conceptWeight and termWeight must be >= 0 and not both 0');
  }
  const n = papers.length;
  const rowOf = new Map(papers.map((paper, i) => [paper.id, i]));
  // 1. Raw counts per paper, keyed by feature string.
  const raw: Map<string, number>[] = papers.map(() => new Map());
  if (settings.conceptWeight > 0) {
    for (const mention of mentions) {
      const row = rowOf.get(mention.paperId);
      if (row === undefined) continue;
      const counts = raw[row];
      if (counts) counts.set(`c:${mention.conceptId}`, (counts.get(`c:${mention.conceptId}`) ?? 0) + Math.max(1, mention.count));
    }
  }
  if (settings.termWeight > 0) {
    papers.forEach((paper, i) => {
      const counts = raw[i];
      if (!counts) return;
      for (const [term, count] of paperTerms(paper, settings.titleWeight)) counts.set(`t:${term}`, count);
    });
  }
  // 2. Document frequencies and the kept vocabulary, sorted so column order does not depend on input order.
  const df = new Map<string, number>();
  for (const counts of raw) for (const key of counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const maxPapers = Math.max(settings.minPapers, Math.floor(settings.maxShare * n));
  const features = [...df.entries()]
    .filter(([, count]) => count >= settings.minPapers && count <= maxPapers)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, settings.maxFeatures)
    .map(([key]) => key)
    .sort();
  const column = new Map(features.map((key, i) => [key, i]));
  const idf = features.map((key) => Math.log((1 + n) / (1 + (df.get(key) ?? 0))) + 1);
  // 3. Rows.
  const offsets = new Uint32Array(n + 1);
  const columnsList: number[] = [];
  const valuesList: number[] = [];
  for (let i = 0; i < n; i++) {
    const entries: [number, number][] = [];
    for (const [key, count] of raw[i] ?? []) {
      const c = column.get(key);
      if (c === undefined) continue;
      const scale = key.startsWith('c:') ? settings.conceptWeight : settings.termWeight;
      entries.push([c, (1 + Math.log(count)) * (idf[c] ?? 1) * scale]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, v] of entries) norm += v * v;
    norm = Math.sqrt(norm);
    for (const [c, v] of entries) {
      columnsList.push(c);
      valuesList.push(norm > 0 ? v / norm : 0);
    }
    offsets[i + 1] = columnsList.length;
  }
  return {
    rowCount: n,
    columnCount: features.length,
    offsets,
    columns: Uint32Array.from(columnsList),
    values: Float64Array.from(valuesList),
    paperIds: papers.map((paper) => paper.id),
    features,
  };
}
