/**
 * The independent clustering runs of detectThemes, as plain data, so they can run anywhere: one after another on
 * the calling thread, or spread over worker threads (io/theme-worker.ts) when the caller gives detectThemesAsync a
 * runner. A run is a consensus community detection (Louvain or Leiden at one seed and resolution) on the themes
 * graph, or a k-means clustering of the fitted LSA rows; each depends only on the run's own options and on the
 * shared `ThemeRunData`, and each derives all its randomness from its seed, so the results are the same wherever
 * and in whatever order the runs execute.
 *
 * To cross a thread the graph travels as a `PortableGraph`: node keys in graph order and the edges with their
 * weights in graphology's edge order, rebuilt by `fromPortableGraph` with the same insertion order — the order
 * Louvain's node and neighbour loops follow — so a rebuilt graph gives the same communities as the original.
 */
import Graph from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { CommunityDetection } from './community-detection.ts';
import { detectConsensusCommunities } from './detect-consensus-communities.ts';
import { detectKmeansClusters, type DetectKmeansClustersOptions, type KmeansClusters } from './detect-kmeans-clusters.ts';
import type { GraphMethod } from './detect-themes.ts';
import type { DenseRows } from './truncated-svd.ts';

export type ThemeRun =
  | { kind: 'communities'; method: GraphMethod; seed: number; resolution: number; runs: number; leidenIterations: number }
  | { kind: 'kmeans'; options: DetectKmeansClustersOptions };

/** A community detection without its keys (the graph's node keys, which the caller has). */
export type ThemeRunResult = { kind: 'communities'; detection: Omit<CommunityDetection, 'keys'> } | { kind: 'kmeans'; clusters: KmeansClusters };

/** What every run reads: the graph communities are found in, and the rows k-means clusters. */
export interface ThemeRunData {
  graph: AbstractGraph;
  rows: DenseRows;
}

/** Runs the clustering runs of one detectThemes call and gives their results in the order of `runs`. */
export type ThemeRunner = (data: ThemeRunData, runs: readonly ThemeRun[]) => Promise<ThemeRunResult[]>;

export function executeThemeRun(run: ThemeRun, data: ThemeRunData): ThemeRunResult {
  if (run.kind === 'kmeans') return { kind: 'kmeans', clusters: detectKmeansClusters(data.rows, run.options) };
  const { keys: _keys, ...detection } = detectConsensusCommunities(data.graph, {
    method: run.method,
    seed: run.seed,
    resolution: run.resolution,
    runs: run.runs,
    leidenIterations: run.leidenIterations,
  });
  return { kind: 'communities', detection };
}

/** The buffers of a result, to move rather than copy across threads. */
export function themeRunTransfer(result: ThemeRunResult): ArrayBuffer[] {
  const arrays = result.kind === 'communities' ? [result.detection.membership] : [result.clusters.assignment, result.clusters.centroids, result.clusters.strength];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

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
