import { describe, expect, it } from 'vitest';
import { comparePartitions } from '../../src/cluster/compare-partitions.ts';
import { detectKmeansClusters, kCandidates } from '../../src/cluster/detect-kmeans-clusters.ts';
import { plantedPoints } from './planted.ts';

describe('detectKmeansClusters', () => {
  it('chooses k by silhouette on a planted partition and recovers it', () => {
    for (const groups of [3, 5, 7]) {
      const { data, truth } = plantedPoints(groups, 30, 12, 0.25, groups);
      const result = detectKmeansClusters({ rowCount: truth.length, dimensions: 12, data }, { kRange: [2, 10], consensusRuns: 10 });
      expect(result.k).toBe(groups);
      expect(result.chosenBy).toBe('silhouette');
      expect(result.candidates.map((candidate) => candidate.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(comparePartitions(result.assignment, truth).ari).toBeGreaterThan(0.95);
    }
  });

  it('tries a wide k range on a grid that keeps every small k, the top of the range, and a planted k of 13', () => {
    expect(kCandidates(2, 20, 20)).toEqual(Array.from({ length: 19 }, (_, i) => i + 2));
    const grid = kCandidates(2, 40, 20);
    expect(grid).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 16, 20, 25, 31, 40]);
    expect(kCandidates(5, 200, 20).at(-1)).toBe(200);
    const { data, truth } = plantedPoints(13, 20, 16, 0.2, 13);
    const result = detectKmeansClusters({ rowCount: truth.length, dimensions: 16, data }, { kRange: [2, 40], maxCandidates: 20, consensusRuns: 10 });
    expect(result.candidates.map((candidate) => candidate.k)).toEqual(grid);
    expect(result.k).toBe(13);
  });

  it('gives identical clusters for the same seed and numbers them largest first', () => {
    const { data, truth } = plantedPoints(4, 25, 8, 0.6, 9);
    const rows = { rowCount: truth.length, dimensions: 8, data };
    const a = detectKmeansClusters(rows, { k: 4 });
    const b = detectKmeansClusters(rows, { k: 4 });
    expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
    const sizes = [0, 0, 0, 0];
    for (const c of a.assignment) sizes[c] = (sizes[c] ?? 0) + 1;
    expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
    for (const s of a.strength) expect(s).toBeGreaterThanOrEqual(0);
  });

  it('gives nearly the same consensus clusters for different seeds on overlapping planted groups', () => {
    const { data, truth } = plantedPoints(6, 30, 10, 0.9, 21);
    const rows = { rowCount: truth.length, dimensions: 10, data };
    const reference = detectKmeansClusters(rows, { k: 6, seed: 42, consensusRuns: 50 }).assignment;
    for (const seed of [43, 44, 45]) {
      const other = detectKmeansClusters(rows, { k: 6, seed, consensusRuns: 50 }).assignment;
      expect(comparePartitions(reference, other).ari).toBeGreaterThan(0.9);
    }
  });

  it('rejects a bad k', () => {
    expect(() => detectKmeansClusters({ rowCount: 2, dimensions: 1, data: Float64Array.from([1, 2]) }, { k: 0 })).toThrow(/^papergraph\/cluster\/detect-kmeans-clusters/);
  });
});
