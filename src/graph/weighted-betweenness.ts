/**
 * Weighted betweenness centrality, exact or estimated from a seeded sample of sources.
 *
 * Brandes (2001, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2)): one Dijkstra per source,
 * then dependencies accumulated in reverse order of settlement. Edge length is given per edge (papergraph uses
 * 1 / weight, see assign-metrics.ts). Above `maxSources` nodes, the sources are a uniform sample of that size drawn
 * with core/random.ts and the sums are scaled by n / k — the estimator of Brandes & Pich (2007, "Centrality
 * estimation in large networks", Int. J. Bifurcation and Chaos 17(7)), unbiased for every node.
 *
 * Built on a compact index: CSR offsets and neighbours in Int32Array, lengths in Float64Array, a binary heap over
 * integers; predecessors are not stored but found again during accumulation (v precedes w when
 * dist[v] + length(v, w) === dist[w], the very sum that set dist[w]). Values are normalised as graphology-metrics
 * does (divided by (n-1)(n-2), pairs counted from both ends in undirected graphs), so the exact mode equals
 * `graphology-metrics/centrality/betweenness` with the same lengths — the test checks that.
 */
import type { AbstractGraph } from 'graphology-types';
import { createRandom, sampleIndexes } from '../core/random.ts';

export interface WeightedBetweennessOptions {
  /** Length of an edge from its attributes. Default: 1 for every edge. */
  edgeLength?: (attributes: Record<string, unknown>) => number;
  /** Exact below or at this many nodes; otherwise this many sampled sources. Default: 1000. */
  maxSources?: number;
  /** Seed of the source sample. Default: core/random DEFAULT_SEED. */
  seed?: number;
}

/** Betweenness of every node, in graph node order (graph.nodes()). */
export function weightedBetweenness(graph: AbstractGraph, options: WeightedBetweennessOptions = {}): Float64Array {
  const maxSources = options.maxSources ?? 1000;
  const lengthOf = options.edgeLength ?? (() => 1);
  const n = graph.order;
  const result = new Float64Array(n);
  if (n < 3) return result;

  // 1. CSR index: both directions of every undirected edge (directed edges one way).
  const index = new Map<string, number>();
  graph.forEachNode((node) => index.set(node, index.size));
  const degree = new Int32Array(n + 1);
  const ends: [number, number, number, boolean][] = [];
  graph.forEachEdge((_edge, attributes, source, target, _sa, _ta, undirected) => {
    const s = index.get(source) ?? 0;
    const t = index.get(target) ?? 0;
    if (s === t) return;
    const length = lengthOf(attributes);
    ends.push([s, t, length, undirected]);
    degree[s + 1] = (degree[s + 1] ?? 0) + 1;
    if (undirected) degree[t + 1] = (degree[t + 1] ?? 0) + 1;
  });
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] ?? 0) + (degree[i + 1] ?? 0);
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n] ?? 0);
  const lengths = new Float64Array(offsets[n] ?? 0);
  for (const [s, t, length, undirected] of ends) {
    const a = fill[s]!++;
    neighbours[a] = t;
    lengths[a] = length;
    if (undirected) {
      const b = fill[t]!++;
      neighbours[b] = s;
      lengths[b] = length;
    }
  }
  // In-neighbours for the accumulation of directed graphs; undirected graphs reuse the same index.
  const directed = ends.some((end) => !end[3]);
  const reverse = directed ? reverseIndex(n, offsets, neighbours, lengths) : { offsets, neighbours, lengths };

  // 2. Sources: all, or a seeded uniform sample.
  const sources = sampleIndexes(n, maxSources, createRandom(options.seed));

  // 3. One Dijkstra + accumulation per source.
  const dist = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const settled = new Uint8Array(n);
  const order = new Int32Array(n);
  const heap = new MinHeap((offsets[n] ?? 0) + n);
  for (const s of sources) {
    dist.fill(Infinity);
    sigma.fill(0);
    delta.fill(0);
    settled.fill(0);
    dist[s] = 0;
    sigma[s] = 1;
    heap.clear();
    heap.push(0, s);
    let count = 0;
    while (heap.size > 0) {
      const u = heap.popNode();
      if (settled[u]) continue;
      settled[u] = 1;
      order[count++] = u;
      const du = dist[u]!;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const v = neighbours[e]!;
        if (settled[v]) continue;
        const candidate = du + lengths[e]!;
        if (candidate < dist[v]!) {
          dist[v] = candidate;
          sigma[v] = sigma[u]!;
          heap.push(candidate, v);
        } else if (candidate === dist[v]) {
          sigma[v] = sigma[v]! + sigma[u]!;
        }
      }
    }
    for (let i = count - 1; i > 0; i--) {
      const w = order[i]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (let e = reverse.offsets[w]!; e < reverse.offsets[w + 1]!; e++) {
        const v = reverse.neighbours[e]!;
        if (dist[v]! + reverse.lengths[e]! === dist[w]) delta[v] = delta[v]! + sigma[v]! * coefficient;
      }
      result[w] = result[w]! + delta[w]!;
    }
  }

  // 4. Scale a sample up to all sources, then normalise as graphology-metrics does.
  const scale = (n / sources.length) / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) result[i] = result[i]! * scale;
  return result;
}

function reverseIndex(n: number, offsets: Int32Array, neighbours: Int32Array, lengths: Float64Array) {
  const count = new Int32Array(n + 1);
  for (let e = 0; e < neighbours.length; e++) count[neighbours[e]! + 1]!++;
  const reverseOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) reverseOffsets[i + 1] = reverseOffsets[i]! + count[i + 1]!;
  const fill = reverseOffsets.slice(0, n);
  const reverseNeighbours = new Int32Array(neighbours.length);
  const reverseLengths = new Float64Array(neighbours.length);
  for (let u = 0; u < n; u++) {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = neighbours[e]!;
      const slot = fill[v]!++;
      reverseNeighbours[slot] = u;
      reverseLengths[slot] = lengths[e]!;
    }
  }
  return { offsets: reverseOffsets, neighbours: reverseNeighbours, lengths: reverseLengths };
}

/** Binary min-heap of (priority, node) over typed arrays; ties broken by node index so runs are reproducible. */
class MinHeap {
  private priorities: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.priorities = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(priority: number, node: number): void {
    if (this.size === this.nodes.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(priority, node, this.priorities[parent]!, this.nodes[parent]!)) break;
      this.priorities[i] = this.priorities[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.priorities[i] = priority;
    this.nodes[i] = node;
  }

  popNode(): number {
    const top = this.nodes[0]!;
    const last = --this.size;
    const priority = this.priorities[last]!;
    const node = this.nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.less(this.priorities[child + 1]!, this.nodes[child + 1]!, this.priorities[child]!, this.nodes[child]!)) child++;
      if (!this.less(this.priorities[child]!, this.nodes[child]!, priority, node)) break;
      this.priorities[i] = this.priorities[child]!;
      this.nodes[i] = this.nodes[child]!;
      i = child;
    }
    this.priorities[i] = priority;
    this.nodes[i] = node;
    return top;
  }

  private less(p1: number, n1: number, p2: number, n2: number): boolean {
    return p1 < p2 || (p1 === p2 && n1 < n2);
  }

  private grow(): void {
    const priorities = new Float64Array(this.priorities.length * 2);
    priorities.set(this.priorities);
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    this.priorities = priorities;
    this.nodes = nodes;
  }
}
