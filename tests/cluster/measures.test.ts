import { describe, expect, it } from 'vitest';
import { cutAverageLinkage } from '../../src/cluster/average-linkage.ts';
import { comparePartitions } from '../../src/cluster/compare-partitions.ts';
import { labelThemes } from '../../src/cluster/label-themes.ts';
import { measureStability } from '../../src/cluster/measure-stability.ts';
import { createRandom } from '../../src/core/random.ts';
import type { SparseRows } from '../../src/cluster/build-paper-vectors.ts';
import { truncatedSvd } from '../../src/cluster/truncated-svd.ts';
import type { Concept, Mention } from '../../src/core/types.ts';

describe('comparePartitions', () => {
  it('matches scikit-learn on a textbook example', () => {
    // sklearn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714, normalized_mutual_info_score = 0.8
    const agreement = comparePartitions([0, 0, 1, 1], [0, 0, 1, 2]);
    expect(agreement.ari).toBeCloseTo(0.5714285714, 8);
    expect(agreement.nmi).toBeCloseTo(0.8, 8);
    expect(agreement.purity).toBe(0.75);
  });
  it('is 1 for the same partition under other names', () => {
    expect(comparePartitions([0, 0, 1, 2], [5, 5, 9, 7])).toEqual({ ari: 1, nmi: 1, purity: 1 });
  });
});

describe('measureStability', () => {
  it('marks a theme that splits across runs as fragile', () => {
    const reference = [0, 0, 0, 0, 1, 1, 1, 1];
    const report = measureStability(reference, [[0, 0, 0, 0, 1, 1, 2, 2], [0, 0, 0, 0, 1, 1, 2, 2]]);
    expect(report.themeStability[0]).toBe(1);
    expect(report.stable).toEqual([true, false]);
    expect(report.runs).toBe(2);
  });
});

/** 400 sparse rows over 60 columns, each a random multiple of one of `rank` random sparse patterns (rank `rank`). */
function patternMatrix(rank: number, seed: number): { matrix: SparseRows; frobenius: number } {
  const random = createRandom(seed);
  const patterns = Array.from({ length: rank }, () => Array.from({ length: 60 }, () => (random() < 0.3 ? random() : 0)));
  const offsets = [0];
  const columns: number[] = [];
  const values: number[] = [];
  let frobenius = 0;
  for (let i = 0; i < 400; i++) {
    const scale = 0.5 + random();
    patterns[i % rank]!.forEach((value, c) => {
      if (value === 0) return;
      columns.push(c);
      values.push(value * scale);
      frobenius += (value * scale) ** 2;
    });
    offsets.push(columns.length);
  }
  return { matrix: { rowCount: 400, columnCount: 60, offsets: Uint32Array.from(offsets), columns: Uint32Array.from(columns), values: Float64Array.from(values) }, frobenius };
}

describe('truncatedSvd', () => {
  it('recovers the singular values of a small low-rank matrix', () => {
    // Rows: 2·e0, 1·e1 repeated → singular values sqrt(4·3)=3.4641 and sqrt(1·3)=1.7321.
    const rows = [[0, 2], [1, 1], [0, 2], [1, 1], [0, 2], [1, 1]];
    const offsets = Uint32Array.from([0, 1, 2, 3, 4, 5, 6]);
    const result = truncatedSvd({ rowCount: 6, columnCount: 2, offsets, columns: Uint32Array.from(rows.map((r) => r[0] ?? 0)), values: Float64Array.from(rows.map((r) => r[1] ?? 0)) }, { dimensions: 2 });
    expect(result.singularValues[0]).toBeCloseTo(Math.sqrt(12), 6);
    expect(result.singularValues[1]).toBeCloseTo(Math.sqrt(3), 6);
  });

  it('gives orthogonal coordinates holding all the energy of a rank-12 matrix and the top of a rank-40 one', () => {
    // [rank, dimensions]: rank 12 with 20 dimensions has dependent sketch columns (the Gram–Schmidt fallback);
    // rank 40 with 6 or 20 dimensions takes the CholeskyQR path.
    for (const [rank, dimensions] of [[12, 20], [40, 6], [40, 20]] as const) {
      const { matrix, frobenius } = patternMatrix(rank, rank);
      const { coordinates, singularValues } = truncatedSvd(matrix, { dimensions });
      const d = coordinates.dimensions;
      let energy = 0;
      for (let a = 0; a < d; a++) {
        for (let b = a; b < d; b++) {
          let dot = 0;
          for (let i = 0; i < 400; i++) dot += coordinates.data[i * d + a]! * coordinates.data[i * d + b]!;
          // Columns of U·Σ are orthogonal with squared norms σ².
          expect(Math.abs(dot - (a === b ? singularValues[a]! ** 2 : 0))).toBeLessThan(1e-6 * frobenius);
          if (a === b) energy += dot;
        }
      }
      if (rank <= dimensions) expect(energy / frobenius).toBeCloseTo(1, 6);
      else expect(energy / frobenius).toBeLessThan(0.999);
      for (let a = 1; a < d; a++) expect(singularValues[a]!).toBeLessThanOrEqual(singularValues[a - 1]! + 1e-9);
    }
  });

  it('folds every row into an SVD fitted on a sample: a rank-12 matrix keeps all its energy', () => {
    const { matrix, frobenius } = patternMatrix(12, 3);
    const whole = truncatedSvd(matrix, { dimensions: 12 });
    const folded = truncatedSvd(matrix, { dimensions: 12, sampleRows: 100 });
    expect(folded.coordinates.rowCount).toBe(400);
    let energy = 0;
    for (const value of folded.coordinates.data) energy += value * value;
    expect(energy / frobenius).toBeCloseTo(1, 6);
    // Distances between rows are those of the rows themselves, as in the SVD of the whole matrix.
    const distance = (data: Float64Array, a: number, b: number): number => {
      let sum = 0;
      for (let k = 0; k < 12; k++) sum += (data[a * 12 + k]! - data[b * 12 + k]!) ** 2;
      return sum;
    };
    for (const [a, b] of [[0, 1], [5, 17], [100, 399], [7, 19]] as const) {
      expect(distance(folded.coordinates.data, a, b)).toBeCloseTo(distance(whole.coordinates.data, a, b), 6);
    }
  });
});

describe('cutAverageLinkage', () => {
  it('cuts two obvious groups', () => {
    const points = [0, 0.1, 0.2, 5, 5.1];
    const d = new Float64Array(25);
    for (let a = 0; a < 5; a++) for (let b = 0; b < 5; b++) d[a * 5 + b] = Math.abs((points[a] ?? 0) - (points[b] ?? 0));
    const labels = Array.from(cutAverageLinkage(d, 5, 2));
    expect(labels[0]).toBe(labels[2]);
    expect(labels[3]).toBe(labels[4]);
    expect(labels[0]).not.toBe(labels[3]);
  });
});

describe('labelThemes', () => {
  const concept = (id: string, label: string): Concept => ({ id, label, type: 'method', aliases: [], labelsZh: [], parent: null, origin: 'lexicon', papers: 0, mentions: 0, firstMonth: null });
  const mention = (paperId: string, conceptId: string): Mention => ({ paperId, conceptId, count: 1, score: 1, inTitle: false, forms: [], evidence: [] });
  it('keeps head labels distinct even when two themes share their best concept', () => {
    const concepts = [concept('rm', 'reward model'), concept('rms', 'reward models'), concept('prm', 'PRM'), concept('rlhf', 'RLHF'), concept('__proto__', '__proto__')];
    const mentions = ['a', 'b', 'c', 'd'].flatMap((p) => [mention(p, 'rm'), mention(p, 'rms'), mention(p, p < 'c' ? 'prm' : 'rlhf'), mention(p, '__proto__')]);
    const labels = labelThemes({ themePapers: [['a', 'b'], ['c', 'd']], concepts, mentions });
    const heads = labels.map((label) => label.labelConcepts[0]);
    expect(new Set(heads).size).toBe(2);
    for (const label of labels) {
      expect(label.labelConcepts.length).toBeGreaterThanOrEqual(2);
      expect(label.label).not.toMatch(/reward model · reward models/);
    }
  });
});
