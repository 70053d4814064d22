/**
 * Co-occurrence counting in typed arrays: the inner loop of the concept graph, bounded by the number of concepts
 * kept, not by the number of papers.
 *
 * Input: each paper's concepts as integer ids in [0, n) in CSR form (`offsets` of length papers + 1, `concepts`),
 * and each paper's month as a rank (0 = unknown; higher = later). Binary counting (a concept counts once per paper,
 * duplicates in a paper's list are ignored). Papers with no concept are not counted in `papers`.
 * Output: per concept the number of papers, per pair i < j the number of papers and the earliest month rank; pairs
 * are held in a dense upper-triangular table when n is small enough (`denseLimit`), else in hashed maps keyed
 * i·n + j. `forEachPair` visits pairs in (i, j) order, so graphs built from it are the same for the same input.
 */
export interface CooccurrenceCounts {
  n: number;
  /** Papers with at least one of the n concepts. */
  papers: number;
  /** Papers per concept. */
  occurrences: Float64Array;
  /** Visits every pair with a count > 0 in (i, j) order. */
  forEachPair(visit: (i: number, j: number, count: number, firstMonthRank: number) => void): void;
}

export interface CountCooccurrencesOptions {
  /** Largest n counted in a dense n×n table (2 × 4 bytes per cell). Default: 4096. */
  denseLimit?: number;
}

export function countCooccurrences(n: number, offsets: Int32Array, concepts: Int32Array, monthRanks: Int32Array, options: CountCooccurrencesOptions = {}): CooccurrenceCounts {
  const denseLimit = options.denseLimit ?? 4096;
  const occurrences = new Float64Array(n);
  const papersCount = offsets.length - 1;
  const seen = new Int32Array(n).fill(-1);
  const unique = new Int32Array(n);
  let papers = 0;
  const dense = n <= denseLimit;
  const counts = dense ? new Int32Array(n * n) : null;
  const firsts = dense ? new Int32Array(n * n) : null;
  const countMap = dense ? null : new Map<number, number>();
  const firstMap = dense ? null : new Map<number, number>();

  for (let p = 0; p < papersCount; p++) {
    const start = offsets[p] ?? 0;
    const end = offsets[p + 1] ?? start;
    let size = 0;
    for (let k = start; k < end; k++) {
      const c = concepts[k] ?? -1;
      if (c < 0 || c >= n || seen[c] === p) continue;
      seen[c] = p;
      unique[size++] = c;
    }
    if (size === 0) continue;
    papers++;
    const list = unique.subarray(0, size).sort();
    const month = monthRanks[p] ?? 0;
    for (let a = 0; a < size; a++) {
      const i = list[a] ?? 0;
      occurrences[i] = (occurrences[i] ?? 0) + 1;
      const row = i * n;
      for (let b = a + 1; b < size; b++) {
        const key = row + (list[b] ?? 0);
        if (counts !== null && firsts !== null) {
          counts[key] = (counts[key] ?? 0) + 1;
          const first = firsts[key] ?? 0;
          if (month !== 0 && (first === 0 || month < first)) firsts[key] = month;
        } else if (countMap !== null && firstMap !== null) {
          countMap.set(key, (countMap.get(key) ?? 0) + 1);
          const first = firstMap.get(key) ?? 0;
          if (month !== 0 && (first === 0 || month < first)) firstMap.set(key, month);
        }
      }
    }
  }

  return {
    n,
    papers,
    occurrences,
    forEachPair(visit) {
      if (counts !== null && firsts !== null) {
        for (let i = 0; i < n; i++) {
          const row = i * n;
          for (let j = i + 1; j < n; j++) {
            const count = counts[row + j] ?? 0;
            if (count > 0) visit(i, j, count, firsts[row + j] ?? 0);
          }
        }
      } else if (countMap !== null && firstMap !== null) {
        const keys = Float64Array.from(countMap.keys()).sort();
        for (const key of keys) visit(Math.floor(key / n), key % n, countMap.get(key) ?? 0, firstMap.get(key) ?? 0);
      }
    },
  };
}

/** Ranks of month strings (`''`/null → 0, else 1 + position in sorted order), with the table to map back. */
export function rankMonths(months: readonly (string | null)[]): { ranks: Int32Array; labels: string[] } {
  const labels = [...new Set(months.filter((month): month is string => month !== null && month !== ''))].sort();
  const rank = new Map(labels.map((label, index) => [label, index + 1]));
  const ranks = new Int32Array(months.length);
  for (let p = 0; p < months.length; p++) {
    const month = months[p];
    ranks[p] = month === null || month === undefined || month === '' ? 0 : (rank.get(month) ?? 0);
  }
  return { ranks, labels: ['', ...labels] };
}
