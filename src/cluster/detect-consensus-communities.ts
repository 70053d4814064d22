/**
 * Consensus clustering of a graph (Lancichinetti & Fortunato 2012, "Consensus clustering in complex networks",
 * Sci. Rep. 2:336): Louvain or Leiden is run `runs` times with seeds drawn from `seed`; the graph is re-weighted so
 * each edge carries the share of runs that put its two ends together (edges below `threshold` dropped); the
 * detector runs again on that consensus graph, until all runs agree or `maxRounds` is reached. The answer hardly
 * depends on the seed any more, which is what makes themes reproducible. Modularity is reported on the original
 * graph at `resolution`.
 */
import Graph from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { createRandom, DEFAULT_SEED } from '../core/random.ts';
import type { CommunityDetection } from './community-detection.ts';
import { detectLeidenCommunities } from './detect-leiden-communities.ts';
import { detectLouvainCommunities } from './detect-louvain-communities.ts';
import { modularity } from './modularity.ts';
import { toPortableGraph } from './portable-graph.ts';
import { relabelBySize } from './relabel-by-size.ts';
import { buildWeightedNetwork, weightedNetworkFromEdges, type WeightedNetwork } from './weighted-network.ts';

export interface DetectConsensusCommunitiesOptions {
  method?: 'louvain' | 'leiden';
  resolution?: number;
  seed?: number;
  /** Detector runs per round (≤ 1: a single plain run). Default: 10. */
  runs?: number;
  /** Rounds of re-weighting at most. Default: 5. */
  maxRounds?: number;
  /** Consensus edges below this share are dropped. Default: 0.5 (ends together in at least half the runs). */
  threshold?: number;
  /** Leiden: iterations of the whole algorithm at most (detect-leiden-communities.ts). Default: 10. */
  leidenIterations?: number;
}

export const DETECT_CONSENSUS_COMMUNITIES_DEFAULTS: Readonly<Required<DetectConsensusCommunitiesOptions>> = Object.freeze({
  method: 'leiden',
  resolution: 1,
  seed: DEFAULT_SEED,
  runs: 10,
  maxRounds: 5,
  threshold: 0.5,
  leidenIterations: 10,
});

export function detectConsensusCommunities(graph: AbstractGraph, options: DetectConsensusCommunitiesOptions = {}): CommunityDetection {
  const settings = { ...DETECT_CONSENSUS_COMMUNITIES_DEFAULTS, ...options };
  const original = buildWeightedNetwork(graph);
  const random = createRandom(settings.seed);
  const nextSeed = (): number => Math.floor(random() * 2 ** 31);
  const detect = (g: AbstractGraph | null, network: WeightedNetwork, seed: number, resolution: number): CommunityDetection =>
    detectWith(settings.method, g, network, seed, resolution, settings.leidenIterations);
  if (settings.runs <= 1 || graph.size === 0) return detect(graph, original, settings.seed, settings.resolution);
  // Rounds work on an edge list in the graph's edge order (so the consensus graph given to Louvain lists its edges
  // as graphology would) and on CSR networks; a graphology graph is only built for Louvain, once per round.
  const keys = original.keys;
  let edges = graphEdges(graph);
  let currentGraph: AbstractGraph | null = graph;
  let current = original;
  let resolution = settings.resolution;
  let result: CommunityDetection | null = null;
  for (let round = 0; round < settings.maxRounds; round++) {
    if (currentGraph === null && settings.method === 'louvain') currentGraph = graphOf(keys, edges);
    const partitions = Array.from({ length: settings.runs }, () => detect(currentGraph, current, nextSeed(), resolution));
    const first = partitions[0];
    if (first === undefined) break;
    result = first;
    if (partitions.every((p) => samePartition(p.membership, first.membership))) break;
    edges = consensusEdges(edges, keys.length, partitions, settings.threshold);
    current = weightedNetworkFromEdges(keys, edges);
    currentGraph = null;
    // On the consensus graph, communities are already dense: the resolution has done its work in round one.
    resolution = 1;
  }
  if (result === null) return detect(graph, original, settings.seed, settings.resolution);
  const { membership, count } = relabelBySize(result.membership);
  return { keys, membership, count, modularity: modularity(original, membership, settings.resolution), resolution: settings.resolution };
}

function detectWith(method: 'louvain' | 'leiden', graph: AbstractGraph | null, network: WeightedNetwork, seed: number, resolution: number, leidenIterations: number): CommunityDetection {
  if (method === 'leiden') return detectLeidenCommunities(network, { seed, resolution, maxIterations: leidenIterations });
  if (graph === null) throw new Error('detectConsensusCommunities: Louvain needs the graphology graph');
  return detectLouvainCommunities(graph, { seed, resolution, network });
}

type Edge = [number, number, number];

/** The graph's edges as [source index, target index, weight], in graphology's edge order (portable-graph.ts). */
function graphEdges(graph: AbstractGraph): Edge[] {
  const { sources, targets, weights } = toPortableGraph(graph);
  return Array.from(sources, (source, e): Edge => [source, targets[e]!, weights[e]!]);
}

/**
 * Each edge re-weighted by the share of runs that put its ends together; edges below `threshold` dropped, except
 * that each node keeps at least its strongest consensus edge, so no node is cut loose by the threshold.
 */
function consensusEdges(edges: readonly Edge[], nodeCount: number, partitions: readonly CommunityDetection[], threshold: number): Edge[] {
  const kept: Edge[] = [];
  const degree = new Uint32Array(nodeCount);
  // Strongest sub-threshold edge per node, in the order nodes first got one.
  const strongest = new Map<number, Edge>();
  const memberships = partitions.map((p) => p.membership);
  for (const [source, target] of edges) {
    let together = 0;
    for (const membership of memberships) if (membership[source] === membership[target]) together++;
    const share = together / memberships.length;
    if (share >= threshold) {
      kept.push([source, target, share]);
      degree[source]!++;
      degree[target]!++;
    } else if (share > 0) {
      for (const end of [source, target]) if ((strongest.get(end)?.[2] ?? 0) < share) strongest.set(end, [source, target, share]);
    }
  }
  const added = new Set<number>();
  for (const [node, [source, target, share]] of strongest) {
    const pair = source < target ? source * nodeCount + target : target * nodeCount + source;
    if (degree[node] === 0 && !added.has(pair)) {
      kept.push([source, target, share]);
      degree[source]!++;
      degree[target]!++;
      added.add(pair);
    }
  }
  return kept;
}

function graphOf(keys: readonly string[], edges: readonly Edge[]): AbstractGraph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const key of keys) graph.addNode(key);
  for (const [source, target, weight] of edges) graph.addEdge(keys[source], keys[target], { weight });
  return graph;
}

function samePartition(a: Int32Array, b: Int32Array): boolean {
  // Both are size-ordered dense labellings; equal partitions with equal sizes may still differ by tie order, so map.
  const map = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    const seen = map.get(x);
    if (seen === undefined) map.set(x, y);
    else if (seen !== y) return false;
  }
  return new Set(map.values()).size === map.size;
}
