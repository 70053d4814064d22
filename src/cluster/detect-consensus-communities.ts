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
import { relabelBySize } from './relabel-by-size.ts';
import { buildWeightedNetwork } from './weighted-network.ts';

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
}

export const DETECT_CONSENSUS_COMMUNITIES_DEFAULTS: Readonly<Required<DetectConsensusCommunitiesOptions>> = Object.freeze({
  method: 'leiden',
  resolution: 1,
  seed: DEFAULT_SEED,
  runs: 10,
  maxRounds: 5,
  threshold: 0.5,
});

export function detectConsensusCommunities(graph: AbstractGraph, options: DetectConsensusCommunitiesOptions = {}): CommunityDetection {
  const settings = { ...DETECT_CONSENSUS_COMMUNITIES_DEFAULTS, ...options };
  const original = buildWeightedNetwork(graph);
  const detect = (g: AbstractGraph, seed: number, resolution: number): CommunityDetection =>
    settings.method === 'louvain' ? detectLouvainCommunities(g, { seed, resolution }) : detectLeidenCommunities(g, { seed, resolution });
  const random = createRandom(settings.seed);
  const nextSeed = (): number => Math.floor(random() * 2 ** 31);
  if (settings.runs <= 1 || graph.size === 0) return detect(graph, settings.seed, settings.resolution);
  let current: AbstractGraph = graph;
  let resolution = settings.resolution;
  let result: CommunityDetection | null = null;
  for (let round = 0; round < settings.maxRounds; round++) {
    const partitions = Array.from({ length: settings.runs }, () => detect(current, nextSeed(), resolution));
    const first = partitions[0];
    if (first === undefined) break;
    result = first;
    const index = new Map(first.keys.map((key, i) => [key, i]));
    const agree = partitions.every((p) => samePartition(p.membership, first.membership));
    if (agree) break;
    const consensus = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    current.forEachNode((node) => consensus.addNode(node));
    // Each node keeps at least its strongest consensus edge, so no node is cut loose by the threshold.
    const strongest = new Map<string, [string, string, number]>();
    current.forEachEdge((_edge, _attributes, source, target) => {
      const i = index.get(source) ?? 0;
      const j = index.get(target) ?? 0;
      let together = 0;
      for (const p of partitions) if (p.membership[i] === p.membership[j]) together++;
      const share = together / partitions.length;
      if (share >= settings.threshold) consensus.addEdge(source, target, { weight: share });
      else if (share > 0) {
        for (const end of [source, target]) if ((strongest.get(end)?.[2] ?? 0) < share) strongest.set(end, [source, target, share]);
      }
    });
    for (const [node, [source, target, share]] of strongest) {
      if (consensus.degree(node) === 0 && !consensus.hasEdge(source, target)) consensus.addEdge(source, target, { weight: share });
    }
    current = consensus;
    // On the consensus graph, communities are already dense: the resolution has done its work in round one.
    resolution = 1;
  }
  if (result === null) return detect(graph, settings.seed, settings.resolution);
  const position = new Map(result.keys.map((key, i) => [key, i]));
  const raw = Int32Array.from(original.keys, (key) => result?.membership[position.get(key) ?? 0] ?? 0);
  const { membership, count } = relabelBySize(raw);
  return { keys: original.keys, membership, count, modularity: modularity(original, membership, settings.resolution), resolution: settings.resolution };
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
