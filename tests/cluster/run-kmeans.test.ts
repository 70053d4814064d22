import { describe, expect, it } from 'vitest';
import { comparePartitions } from '../../src/cluster/compare-partitions.ts';
import { rowDotProducts, runKmeans, type KmeansRun } from '../../src/cluster/run-kmeans.ts';
import { createRandom } from '../../src/core/random.ts';
import { plantedPoints } from './planted.ts';

describe('runKmeans', () => {
  it('recovers well separated planted groups', () => {
    const { data, truth } = plantedPoints(5, 30, 10, 0.2, 3);
    const run = runKmeans(data, truth.length, 10, 5, { seed: 1, maxIterations: 100 });
    expect(comparePartitions(run.clusters, truth).ari).toBeGreaterThan(0.95);
  });

  it('gives byte-identical results for the same seed and does not mutate its input', () => {
    const { data, truth } = plantedPoints(4, 25, 8, 0.6, 9);
    const copy = Float64Array.from(data);
    const a = runKmeans(data, truth.length, 8, 4, { seed: 7, maxIterations: 50 });
    const b = runKmeans(data, truth.length, 8, 4, { seed: 7, maxIterations: 50 });
    expect(Array.from(a.clusters)).toEqual(Array.from(b.clusters));
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
    expect(Array.from(data)).toEqual(Array.from(copy));
  });

  it('reports the within-cluster sum of squares of its own centroids, which are the cluster means', () => {
    const { data, truth } = plantedPoints(3, 20, 6, 0.5, 4);
    const n = truth.length;
    const d = 6;
    const run = runKmeans(data, n, d, 3, { seed: 2, maxIterations: 100 });
    let inertia = 0;
    for (let c = 0; c < 3; c++) {
      const rows = [...Array(n).keys()].filter((i) => run.clusters[i] === c);
      for (let a = 0; a < d; a++) {
        const mean = rows.reduce((sum, i) => sum + (data[i * d + a] ?? 0), 0) / rows.length;
        expect(run.centroids[c * d + a]).toBeCloseTo(mean, 10);
        for (const i of rows) inertia += ((data[i * d + a] ?? 0) - mean) ** 2;
      }
    }
    expect(run.inertia).toBeCloseTo(inertia, 9);
  });

  it('keeps k fixed when there are fewer distinct rows than k', () => {
    const data = Float64Array.from([1, 0, 1, 0, 0, 1, 0, 1]);
    const run = runKmeans(data, 4, 2, 3, { seed: 5, maxIterations: 10 });
    expect(run.centroids.length).toBe(6);
    expect(comparePartitions(run.clusters, [0, 0, 1, 1]).ari).toBe(1);
  });

  it('skips distances without changing anything: same clusters, centroids, inertia and iterations as computing all of them, with or without shared row dots', () => {
    const cases: { name: string; data: Float64Array; d: number; ks: number[] }[] = [];
    for (const seed of [1, 2, 3]) {
      const { data } = plantedPoints(6, 40, 20, 1.2, seed);
      cases.push({ name: `unit rows, seed ${seed}`, data: unitRows(data, 20), d: 20, ks: [2, 5, 6, 9, 17] });
    }
    cases.push({ name: 'raw rows at scale 1000', data: plantedPoints(4, 30, 8, 0.8, 5).data.map((x) => x * 1000), d: 8, ks: [3, 4, 7] });
    const distinct = plantedPoints(4, 2, 5, 0.3, 6).data;
    cases.push({ name: 'each row three times', data: Float64Array.from([...distinct, ...distinct, ...distinct]), d: 5, ks: [2, 7, 8, 10, 23, 24] });
    cases.push({ name: 'integer grid (exact ties)', data: Float64Array.from({ length: 50 }, (_, t) => (t % 2 === 0 ? Math.floor(t / 2) % 5 : Math.floor(t / 10))), d: 2, ks: [2, 3, 4, 5, 12, 25] });
    for (const { name, data, d, ks } of cases) {
      const n = data.length / d;
      const rowDots = rowDotProducts(data, n, d);
      for (const k of ks) {
        // Starting centroids that are not rows: centroid c is the mean of rows c and c + 1.
        const initialCentroids = Float64Array.from({ length: k * d }, (_, t) => {
          const [c, a] = [Math.floor(t / d), t % d];
          return (data[(c % n) * d + a]! + data[((c + 1) % n) * d + a]!) / 2;
        });
        for (const seed of [1, 7, 42]) {
          for (const maxIterations of [1, 2, 100]) {
            const expected = plainKmeans(data, n, d, k, seed, maxIterations);
            expectSameRun(runKmeans(data, n, d, k, { seed, maxIterations }), expected, `${name}, k ${k}, seed ${seed}, ${maxIterations} iterations`);
            expectSameRun(runKmeans(data, n, d, k, { seed, maxIterations, rowDots }), expected, `${name}, k ${k}, seed ${seed}, ${maxIterations} iterations, row dots`);
          }
        }
        const expected = plainKmeans(data, n, d, k, 1, 100, initialCentroids);
        expectSameRun(runKmeans(data, n, d, k, { seed: 1, maxIterations: 100, initialCentroids, rowDots }), expected, `${name}, k ${k}, initial centroids`);
      }
    }
  });
});

function expectSameRun(run: KmeansRun, expected: ReturnType<typeof plainKmeans>, label: string): void {
  expect(Array.from(run.clusters), label).toEqual(expected.clusters);
  expect(Array.from(run.centroids), label).toEqual(expected.centroids);
  expect(run.inertia, label).toBe(expected.inertia);
  expect(run.iterations, label).toBe(expected.iterations);
}

function unitRows(data: Float64Array, d: number): Float64Array {
  const out = Float64Array.from(data);
  for (let i = 0; i < out.length; i += d) {
    const norm = Math.hypot(...out.subarray(i, i + d));
    for (let a = i; a < i + d; a++) out[a] = out[a]! / norm;
  }
  return out;
}

/**
 * The reference: greedy k-means++ and Lloyd written plainly, every distance computed, in the same floating-point
 * operations and order (‖x‖² − 2x·c + ‖c‖², ties to the lower id), so runKmeans must match it bit for bit.
 * k-means++ is skipped when `initialCentroids` are given.
 */
function plainKmeans(data: Float64Array, n: number, d: number, k: number, seed: number, maxIterations: number, initialCentroids?: Float64Array): { clusters: number[]; centroids: number[]; inertia: number; iterations: number } {
  const dot = (a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number): number => {
    let sum = 0;
    for (let t = 0; t < d; t++) sum += a[i * d + t]! * b[j * d + t]!;
    return sum;
  };
  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
  const rowNorms = Array.from({ length: n }, (_, i) => dot(data, i, data, i));
  const distancesTo = (row: number): number[] => rowNorms.map((norm, i) => Math.max(0, norm - 2 * dot(data, i, data, row) + rowNorms[row]!));

  const random = createRandom(seed);
  const centres = [Math.min(n - 1, Math.floor(random() * n))];
  let nearest = distancesTo(centres[0]!);
  while (initialCentroids === undefined && centres.length < k) {
    const potential = sum(nearest);
    let best: { row: number; total: number; distances: number[] } | null = null;
    for (let t = 0; t < 2 + Math.floor(Math.log(k)); t++) {
      let row = n - 1;
      if (potential <= 0) {
        row = Math.min(n - 1, Math.floor(random() * n));
      } else {
        let target = random() * potential;
        for (let i = 0; i < n; i++) {
          target -= nearest[i]!;
          if (target < 0) {
            row = i;
            break;
          }
        }
      }
      const distances = distancesTo(row).map((distance, i) => Math.min(nearest[i]!, distance));
      const total = sum(distances);
      if (best === null || total < best.total) best = { row, total, distances };
    }
    centres.push(best!.row);
    nearest = best!.distances;
  }

  const centroids = initialCentroids === undefined ? centres.flatMap((row) => Array.from(data.subarray(row * d, row * d + d))) : Array.from(initialCentroids);
  let clusters: number[] = new Array<number>(n).fill(-1);
  let iterations = 0;
  for (; iterations < Math.max(1, maxIterations); iterations++) {
    const centroidNorms = Array.from({ length: k }, (_, c) => dot(centroids, c, centroids, c));
    const next = rowNorms.map((norm, i) => {
      let bestCluster = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c++) {
        const distance = norm - 2 * dot(data, i, centroids, c) + centroidNorms[c]!;
        if (distance < bestDistance) [bestCluster, bestDistance] = [c, distance];
      }
      return bestCluster;
    });
    const changed = next.some((c, i) => c !== clusters[i]);
    clusters = next;
    if (!changed && iterations > 0) break;
    for (let c = 0; c < k; c++) {
      const members = clusters.flatMap((own, i) => (own === c ? [i] : []));
      if (members.length === 0) continue;
      for (let a = 0; a < d; a++) centroids[c * d + a] = sum(members.map((i) => data[i * d + a]!)) / members.length;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      const diff = data[i * d + a]! - centroids[clusters[i]! * d + a]!;
      inertia += diff * diff;
    }
  }
  return { clusters, centroids, inertia, iterations };
}
