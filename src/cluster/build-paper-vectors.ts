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
import type { Paper } from '../core/types.ts';
import { paperTerms } from './paper-terms.ts';
import type { MentionList } from '../core/mention-list.ts';
import type { PaperConcepts } from './paper-concepts.ts';

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
  /** The mentions as integers (paper-concepts.ts), built with these papers' ids: concept features are read from it, not from `mentions`. */
  paperConcepts?: PaperConcepts;
}

export const BUILD_PAPER_VECTORS_DEFAULTS: Readonly<Required<Omit<BuildPaperVectorsOptions, 'paperConcepts'>>> = Object.freeze({
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
  // 1. Raw counts per paper over interned feature numbers (a feature's key string is made once, not per mention:
  //    1M papers have 36M mentions), as (row, feature, count) triples in typed arrays.
  const keys: string[] = [];
  const conceptFeature = new Map<string, number>();
  const termFeature = new Map<string, number>();
  const intern = (table: Map<string, number>, name: string, prefix: string): number => {
    let feature = table.get(name);
    if (feature === undefined) {
      feature = keys.length;
      table.set(name, feature);
      keys.push(`${prefix}${name}`);
    }
    return feature;
  };
  const triples = new Triples(mentions.length + 16 * n);
  const table = options.paperConcepts;
  if (settings.conceptWeight > 0 && table !== undefined) {
    // Each concept number's feature, interned when first met.
    const featureOf = new Int32Array(table.conceptIds.length).fill(-1);
    for (let row = 0; row < Math.min(n, table.rowCount); row++) {
      for (let e = table.offsets[row]!, end = table.offsets[row + 1]!; e < end; e++) {
        const c = table.concepts[e]!;
        let feature = featureOf[c]!;
        if (feature < 0) feature = featureOf[c] = intern(conceptFeature, table.conceptIds[c]!, 'c:');
        triples.push(row, feature, Math.max(1, table.counts[e]!));
      }
    }
  } else if (settings.conceptWeight > 0) {
    const rowOf = new Map(papers.map((paper, i) => [paper.id, i]));
    let lastPaper: string | null = null;
    let row: number | undefined;
    for (const mention of mentions) {
      if (mention.paperId !== lastPaper) {
        lastPaper = mention.paperId;
        row = rowOf.get(lastPaper);
      }
      if (row === undefined) continue;
      triples.push(row, intern(conceptFeature, mention.conceptId, 'c:'), Math.max(1, mention.count));
    }
  }
  if (settings.termWeight > 0) {
    papers.forEach((paper, i) => {
      for (const [term, count] of paperTerms(paper, settings.titleWeight)) triples.push(i, intern(termFeature, term, 't:'), count);
    });
  }
  // Rows in CSR, each row's features sorted and a feature met twice in a paper summed.
  const raw = triples.toRows(n);
  // 2. Document frequencies and the kept vocabulary, sorted so column order does not depend on input order.
  const df = new Int32Array(keys.length);
  for (const feature of raw.features) df[feature] = (df[feature] ?? 0) + 1;
  const maxPapers = Math.max(settings.minPapers, Math.floor(settings.maxShare * n));
  const kept = keys
    .map((key, feature) => ({ key, feature, df: df[feature] ?? 0 }))
    .filter((entry) => entry.df >= settings.minPapers && entry.df <= maxPapers)
    .sort((a, b) => b.df - a.df || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, settings.maxFeatures)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const features = kept.map((entry) => entry.key);
  const columnOf = new Int32Array(keys.length).fill(-1);
  kept.forEach((entry, column) => (columnOf[entry.feature] = column));
  const idf = kept.map((entry) => Math.log((1 + n) / (1 + entry.df)) + 1);
  const scaleOf = kept.map((entry) => (entry.key.startsWith('c:') ? settings.conceptWeight : settings.termWeight));
  // 3. Rows: sublinear tf × idf × weight, L2-normalised, columns ascending.
  const offsets = new Uint32Array(n + 1);
  const columns = new Uint32Array(raw.features.length);
  const values = new Float64Array(raw.features.length);
  let at = 0;
  for (let i = 0; i < n; i++) {
    // The row's kept features go straight into the output, then are put in column order in place (insertion sort:
    // rows are short, and a column appears once per row).
    const start = at;
    for (let k = raw.offsets[i] ?? 0; k < (raw.offsets[i + 1] ?? 0); k++) {
      const c = columnOf[raw.features[k] ?? 0] ?? -1;
      if (c < 0) continue;
      const value = (1 + Math.log(raw.counts[k] ?? 1)) * (idf[c] ?? 1) * (scaleOf[c] ?? 1);
      let j = at++;
      while (j > start && columns[j - 1]! > c) {
        columns[j] = columns[j - 1]!;
        values[j] = values[j - 1]!;
        j--;
      }
      columns[j] = c;
      values[j] = value;
    }
    let norm = 0;
    for (let j = start; j < at; j++) norm += values[j]! * values[j]!;
    norm = Math.sqrt(norm);
    for (let j = start; j < at; j++) values[j] = norm > 0 ? values[j]! / norm : 0;
    offsets[i + 1] = at;
  }
  return {
    rowCount: n,
    columnCount: features.length,
    offsets,
    // Views, not copies: at 1M papers a copy of these columns would add some 600 MB to the peak.
    columns: columns.subarray(0, at),
    values: values.subarray(0, at),
    paperIds: papers.map((paper) => paper.id),
    features,
  };
}

/** (row, feature, count) triples appended in growable typed arrays, then grouped into rows. */
class Triples {
  private rows: Int32Array;
  private features: Int32Array;
  private counts: Float64Array;
  private size = 0;

  /** `capacity`: the expected number of triples, so the arrays seldom grow. */
  constructor(capacity: number) {
    const initial = Math.max(1 << 16, capacity);
    this.rows = new Int32Array(initial);
    this.features = new Int32Array(initial);
    this.counts = new Float64Array(initial);
  }

  push(row: number, feature: number, count: number): void {
    if (this.size === this.rows.length) {
      const capacity = Math.ceil(this.size * 1.5);
      this.rows = grown(this.rows, new Int32Array(capacity));
      this.features = grown(this.features, new Int32Array(capacity));
      this.counts = grown(this.counts, new Float64Array(capacity));
    }
    this.rows[this.size] = row;
    this.features[this.size] = feature;
    this.counts[this.size] = count;
    this.size++;
  }

  /**
   * CSR over `rowCount` rows; within a row features ascending, a repeated feature's counts summed. Empties the
   * triples as it goes (row numbers once grouped, the rest at the end), so they and the rows never both stay.
   */
  toRows(rowCount: number): { offsets: Int32Array; features: Int32Array; counts: Float64Array } {
    const starts = new Int32Array(rowCount + 1);
    for (let k = 0; k < this.size; k++) {
      const next = (this.rows[k] ?? 0) + 1;
      starts[next] = (starts[next] ?? 0) + 1;
    }
    for (let r = 0; r < rowCount; r++) starts[r + 1] = (starts[r + 1] ?? 0) + (starts[r] ?? 0);
    const fill = starts.slice(0, rowCount);
    const byRow = new Int32Array(this.size);
    for (let k = 0; k < this.size; k++) {
      const row = this.rows[k] ?? 0;
      const position = fill[row] ?? 0;
      byRow[position] = k;
      fill[row] = position + 1;
    }
    this.rows = new Int32Array(0);
    const offsets = new Int32Array(rowCount + 1);
    const features = new Int32Array(this.size);
    const counts = new Float64Array(this.size);
    let at = 0;
    for (let r = 0; r < rowCount; r++) {
      // The row's triples are in push order; a stable insertion sort by feature keeps that order within a feature.
      const from = starts[r] ?? 0;
      const to = starts[r + 1] ?? 0;
      for (let a = from + 1; a < to; a++) {
        const k = byRow[a]!;
        const feature = this.features[k]!;
        let b = a;
        while (b > from && this.features[byRow[b - 1]!]! > feature) {
          byRow[b] = byRow[b - 1]!;
          b--;
        }
        byRow[b] = k;
      }
      for (let a = from; a < to; a++) {
        const k = byRow[a]!;
        const feature = this.features[k] ?? 0;
        if (at > (offsets[r] ?? 0) && features[at - 1] === feature) counts[at - 1] = (counts[at - 1] ?? 0) + (this.counts[k] ?? 0);
        else {
          features[at] = feature;
          counts[at] = this.counts[k] ?? 0;
          at++;
        }
      }
      offsets[r + 1] = at;
    }
    this.features = new Int32Array(0);
    this.counts = new Float64Array(0);
    this.size = 0;
    return { offsets, features: features.subarray(0, at), counts: counts.subarray(0, at) };
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
