/**
 * A graph's nodes and weighted edges as typed arrays, which structured cloning copies cheaply: node keys in graph
 * order and the edges with their `weight` in graphology's edge order. `fromPortableGraph` rebuilds it with the same
 * insertion order — the order Louvain's node and neighbour loops follow — so a rebuilt graph gives the same
 * communities as the original (theme runs on worker threads, theme-runs.ts). Consensus clustering reads its edge
 * list from it too (detect-consensus-communities.ts).
 */
import Graph from 'graphology';
import type { AbstractGraph } from 'graphology-types';

/** A graph's nodes and weighted edges as arrays that structured cloning copies cheaply. */
export interface PortableGraph {
  keys: string[];
  /** Edge e joins keys[sources[e]] and keys[targets[e]] with weights[e], in the graph's edge order. */
  sources: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
}

/** The graph's keys and its edges' `weight` attributes (1 when missing or not a finite number). */
export function toPortableGraph(graph: AbstractGraph): PortableGraph {
  const keys = graph.nodes();
  const index = new Map(keys.map((key, i) => [key, i]));
  const sources = new Uint32Array(graph.size);
  const targets = new Uint32Array(graph.size);
  const weights = new Float64Array(graph.size);
  let e = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const raw: unknown = attributes['weight'];
    sources[e] = index.get(source) ?? 0;
    targets[e] = index.get(target) ?? 0;
    weights[e] = typeof raw === 'number' && Number.isFinite(raw) ? raw : 1;
    e++;
  });
  return { keys, sources, targets, weights };
}

/** An undirected simple graph with the portable graph's nodes and edges, added in their order. */
export function fromPortableGraph(portable: PortableGraph): AbstractGraph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const key of portable.keys) graph.addNode(key);
  for (let e = 0; e < portable.sources.length; e++) {
    graph.addEdge(portable.keys[portable.sources[e]!], portable.keys[portable.targets[e]!], { weight: portable.weights[e]! });
  }
  return graph;
}
