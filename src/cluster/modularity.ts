/**
 * Modularity of a partition (Newman & Girvan 2004, "Finding and evaluating community structure in networks",
 * Phys. Rev. E 69) with the resolution parameter of Reichardt & Bornholdt (2006):
 *
 *   Q = Σ_c [ L_c / m  −  γ (K_c / 2m)² ]
 *
 * where L_c is the weight inside community c, K_c the sum of strengths of its nodes and m the total edge weight.
 * Same definition as graphology-metrics' modularity for undirected weighted graphs.
 */
import type { WeightedNetwork } from './weighted-network.ts';

export function modularity(network: WeightedNetwork, membership: ArrayLike<number>, resolution = 1): number {
  const m = network.totalWeight;
  if (m === 0) return 0;
  let count = 0;
  for (let i = 0; i < network.nodeCount; i++) count = Math.max(count, (membership[i] ?? 0) + 1);
  const inside = new Float64Array(count);
  const strength = new Float64Array(count);
  for (let i = 0; i < network.nodeCount; i++) {
    const c = membership[i] ?? 0;
    strength[c] = (strength[c] ?? 0) + (network.nodeWeights[i] ?? 0);
    inside[c] = (inside[c] ?? 0) + (network.selfWeights[i] ?? 0);
    for (let e = network.offsets[i] ?? 0; e < (network.offsets[i + 1] ?? 0); e++) {
      const j = network.neighbors[e] ?? 0;
      if (j > i && membership[j] === c) inside[c] = (inside[c] ?? 0) + (network.weights[e] ?? 0);
    }
  }
  let q = 0;
  for (let c = 0; c < count; c++) {
    const share = (strength[c] ?? 0) / (2 * m);
    q += (inside[c] ?? 0) / m - resolution * share * share;
  }
  return q;
}
