/**
 * How much a clustering depends on its seed: the method is re-run with other seeds and each run is compared with
 * the reference partition by the adjusted Rand index and NMI (cluster/compare-partitions.ts). Per theme, stability
 * is the mean over runs of the best Jaccard overlap between the theme's members and any cluster of that run — the
 * cluster-wise stability of Hennig (2007, "Cluster-wise assessment of cluster stability", Comput. Stat. Data Anal.
 * 52), who reads a mean Jaccard below 0.5 as a dissolved cluster and from 0.75 as a stable one; `stableAt` is that
 * threshold (default 0.75). Runs may vary anything the caller's `run` closes over (seed, resolution).
 */
import { comparePartitions } from './compare-partitions.ts';

export interface StabilityReport {
  /** Number of runs compared with the reference. */
  runs: number;
  /** Mean and minimum ARI / NMI between the reference and each run. */
  meanAri: number;
  minAri: number;
  meanNmi: number;
  /** Per reference cluster id: mean best Jaccard over runs (0..1). */
  themeStability: number[];
  /** Per reference cluster id: stability >= stableAt. */
  stable: boolean[];
  stableAt: number;
}

export function measureStability(reference: ArrayLike<number>, runs: readonly ArrayLike<number>[], stableAt = 0.75): StabilityReport {
  const n = reference.length;
  let count = 0;
  for (let i = 0; i < n; i++) count = Math.max(count, (reference[i] ?? 0) + 1);
  const sizes = new Array<number>(count).fill(0);
  for (let i = 0; i < n; i++) sizes[reference[i] ?? 0] = (sizes[reference[i] ?? 0] ?? 0) + 1;
  const totals = new Array<number>(count).fill(0);
  let sumAri = 0;
  let minAri = runs.length > 0 ? Infinity : 1;
  let sumNmi = 0;
  for (const run of runs) {
    const agreement = comparePartitions(reference, run);
    sumAri += agreement.ari;
    sumNmi += agreement.nmi;
    minAri = Math.min(minAri, agreement.ari);
    // Overlaps between reference clusters and run clusters.
    const overlap = new Map<number, number>();
    const runSizes = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const r = run[i] ?? 0;
      runSizes.set(r, (runSizes.get(r) ?? 0) + 1);
      const key = (reference[i] ?? 0) * (n + 1) + r;
      overlap.set(key, (overlap.get(key) ?? 0) + 1);
    }
    const best = new Array<number>(count).fill(0);
    for (const [key, shared] of overlap) {
      const c = Math.floor(key / (n + 1));
      const r = key % (n + 1);
      const jaccard = shared / ((sizes[c] ?? 0) + (runSizes.get(r) ?? 0) - shared);
      best[c] = Math.max(best[c] ?? 0, jaccard);
    }
    for (let c = 0; c < count; c++) totals[c] = (totals[c] ?? 0) + (best[c] ?? 0);
  }
  const themeStability = totals.map((total) => (runs.length > 0 ? total / runs.length : 1));
  return {
    runs: runs.length,
    meanAri: runs.length > 0 ? sumAri / runs.length : 1,
    minAri,
    meanNmi: runs.length > 0 ? sumNmi / runs.length : 1,
    themeStability,
    stable: themeStability.map((value) => value >= stableAt),
    stableAt,
  };
}
