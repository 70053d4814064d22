/**
 * A compact, read-only weighted undirected network in CSR form (offsets + neighbours + weights), the index every
 * community algorithm here loops over. Each undirected edge is stored in both directions; self-loops (which only
 * appear in aggregated networks) are kept apart in `selfWeights`. `nodeWeights[i]` is the strength of node i
 * (sum of its edge weights, self-loops counted twice), and `totalWeight` is half the sum of strengths (2m = twice
 * it), so modularity and its gains are computed the same way on the original and on aggregated networks.
 */
import type { AbstractGraph } from 'graphology-types';
import { PapergraphError } from '../core/errors.ts';

export interface WeightedNetwork {
  nodeCount: number;
  /** Node keys in index order (graph order for networks built from a graph). */
  keys: string[];
  /** `offsets[i]..offsets[i+1]` index `neighbors` and `weights` for node i. */
  offsets: Uint32Array;
  neighbors: Uint32Array;
  weights: Float64Array;
  /** Weight of the self-loop of node i (0 in input graphs; internal weight of a community after aggregation). */
  selfWeights: Float64Array;
  /** Strength of node i: sum of incident edge weights plus twice its self-loop. */
  nodeWeights: Float64Array;
  /** m: sum of all edge weights, each undirected edge (and self-loop) once. */
  totalWeight: number;
}

/** Builds the CSR index from an undirected graphology graph, reading weights from `weightAttribute` (default 1). */
export function buildWeightedNetwork(graph: AbstractGraph, weightAttribute = 'weight'): WeightedNetwork {
  if (graph.type === 'directed') {
    throw new PapergraphError('cluster/weighted-network', 'expected an undirected graph: build the concept graph with graph/build-cooccurrence-graph.ts');
  }
  const keys = graph.nodes();
  const index = new Map(keys.map((key, position) => [key, position]));
  const edges: [number, number, number][] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    const raw: unknown = attributes[weightAttribute];
    const weight = typeof raw === 'number' && Number.isFinite(raw) ? raw : 1;
    if (weight < 0) throw new PapergraphError('cluster/weighted-network', `edge ${source}—${target} has negative weight ${weight}; community detection needs weights >= 0`);
    edges.push([index.get(source) ?? 0, index.get(target) ?? 0, weight]);
  });
  return weightedNetworkFromEdges(keys, edges);
}

/** Builds the CSR index from an edge list over `keys.length` nodes; parallel edges are summed. */
export function weightedNetworkFromEdges(keys: readonly string[], edges: readonly (readonly [number, number, number])[]): WeightedNetwork {
  const n = keys.length;
  const selfWeights = new Float64Array(n);
  const degree = new Uint32Array(n);
  for (const [i, j, w] of edges) {
    if (w === 0) continue;
    if (i === j) selfWeights[i] = (selfWeights[i] ?? 0) + w;
    else {
      degree[i] = (degree[i] ?? 0) + 1;
      degree[j] = (degree[j] ?? 0) + 1;
    }
  }
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] ?? 0) + (degree[i] ?? 0);
  const cursor = offsets.slice(0, n);
  const total = offsets[n] ?? 0;
  const neighbors = new Uint32Array(total);
  const weights = new Float64Array(total);
  for (const [i, j, w] of edges) {
    if (w === 0 || i === j) continue;
    const a = cursor[i] ?? 0;
    neighbors[a] = j;
    weights[a] = w;
    cursor[i] = a + 1;
    const b = cursor[j] ?? 0;
    neighbors[b] = i;
    weights[b] = w;
    cursor[j] = b + 1;
  }
  const nodeWeights = new Float64Array(n);
  let twiceTotal = 0;
  for (let i = 0; i < n; i++) {
    let strength = 2 * (selfWeights[i] ?? 0);
    for (let e = offsets[i] ?? 0; e < (offsets[i + 1] ?? 0); e++) strength += weights[e] ?? 0;
    nodeWeights[i] = strength;
    twiceTotal += strength;
  }
  return { nodeCount: n, keys: [...keys], offsets, neighbors, weights, selfWeights, nodeWeights, totalWeight: twiceTotal / 2 };
}

/**
 * Collapses each community into one node: edges between communities are summed, edges inside a community become
 * its self-loop. `membership` must hold dense ids 0..count-1.
 */
export function aggregateNetwork(network: WeightedNetwork, membership: Int32Array, count: number): WeightedNetwork {
  const pairs = new Map<number, number>();
  const selfWeights = new Float64Array(count);
  for (let i = 0; i < network.nodeCount; i++) {
    const ci = membership[i] ?? 0;
    selfWeights[ci] = (selfWeights[ci] ?? 0) + (network.selfWeights[i] ?? 0);
    for (let e = network.offsets[i] ?? 0; e < (network.offsets[i + 1] ?? 0); e++) {
      const j = network.neighbors[e] ?? 0;
      if (j < i) continue;
      const cj = membership[j] ?? 0;
      const w = network.weights[e] ?? 0;
      if (ci === cj) selfWeights[ci] = (selfWeights[ci] ?? 0) + w;
      else {
        const key = ci < cj ? ci * count + cj : cj * count + ci;
        pairs.set(key, (pairs.get(key) ?? 0) + w);
      }
    }
  }
  const edges: [number, number, number][] = [];
  for (const [key, w] of pairs) edges.push([Math.floor(key / count), key % count, w]);
  for (let c = 0; c < count; c++) if ((selfWeights[c] ?? 0) > 0) edges.push([c, c, selfWeights[c] ?? 0]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return weightedNetworkFromEdges(
    Array.from({ length: count }, (_, c) => String(c)),
    edges,
  );
}
