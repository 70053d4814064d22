/**
 * Agreement between two partitions of the same items: the adjusted Rand index (Hubert & Arabie 1985, "Comparing
 * partitions", J. Classification 2) and normalised mutual information with the arithmetic-mean normalisation
 * (Strehl & Ghosh 2002; the default of scikit-learn's normalized_mutual_info_score), plus purity. All three are
 * computed from one contingency table; labels are any integers.
 */
export interface PartitionAgreement {
  ari: number;
  nmi: number;
  /** Share of items in the majority label of their cluster (a ∈ first partition, labels ∈ second). */
  purity: number;
}

export function comparePartitions(a: ArrayLike<number>, b: ArrayLike<number>): PartitionAgreement {
  const n = Math.min(a.length, b.length);
  if (n === 0) return { ari: 1, nmi: 1, purity: 1 };
  const table = new Map<number, Map<number, number>>();
  const rowSums = new Map<number, number>();
  const colSums = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    let row = table.get(x);
    if (!row) {
      row = new Map();
      table.set(x, row);
    }
    row.set(y, (row.get(y) ?? 0) + 1);
    rowSums.set(x, (rowSums.get(x) ?? 0) + 1);
    colSums.set(y, (colSums.get(y) ?? 0) + 1);
  }
  const pairs = (v: number): number => (v * (v - 1)) / 2;
  let sumCells = 0;
  let mutual = 0;
  let majority = 0;
  for (const [x, row] of table) {
    let rowMax = 0;
    for (const [y, count] of row) {
      sumCells += pairs(count);
      mutual += (count / n) * Math.log((count * n) / ((rowSums.get(x) ?? 1) * (colSums.get(y) ?? 1)));
      rowMax = Math.max(rowMax, count);
    }
    majority += rowMax;
  }
  let sumRows = 0;
  let entropyA = 0;
  for (const v of rowSums.values()) {
    sumRows += pairs(v);
    entropyA -= (v / n) * Math.log(v / n);
  }
  let sumCols = 0;
  let entropyB = 0;
  for (const v of colSums.values()) {
    sumCols += pairs(v);
    entropyB -= (v / n) * Math.log(v / n);
  }
  const expected = (sumRows * sumCols) / pairs(n || 1);
  const maximum = (sumRows + sumCols) / 2;
  const ari = maximum === expected ? 1 : (sumCells - expected) / (maximum - expected);
  const denominator = (entropyA + entropyB) / 2;
  const nmi = denominator === 0 ? 1 : Math.max(0, mutual) / denominator;
  return { ari, nmi, purity: majority / n };
}
