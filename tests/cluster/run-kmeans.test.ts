import { describe, expect, it } from 'vitest';
import { comparePartitions } from '../../src/cluster/compare-partitions.ts';
import { runKmeans } from '../../src/cluster/run-kmeans.ts';
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
});
