/**
 * Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast unfolding of communities in
 * large networks", J. Stat. Mech. P10008) through graphology-communities-louvain, with the resolution parameter of
 * Reichardt & Bornholdt (2006) and the rng seeded from `seed`. Ids are made dense and size-ordered, and modularity
 * is recomputed by cluster/modularity.ts so every method reports it the same way. Louvain communities may be
 * internally disconnected (Traag et al. 2019); use detectLeidenCommunities when that matters.
 */
import louvain from 'graphology-communities-louvain';
import type { AbstractGraph } from 'graphology-types';
import { PapergraphError } from '../core/errors.ts';
import { createRandom, DEFAULT_SEED } from '../core/random.ts';
import type { CommunityDetection } from './community-detection.ts';
import { modularity } from './modularity.ts';
import { relabelBySize } from './relabel-by-size.ts';
import { buildWeightedNetwork, type WeightedNetwork } from './weighted-network.ts';

export interface DetectLouvainCommunitiesOptions {
  /** γ: higher gives more, smaller communities. Default: 1. */
  resolution?: number;
  /** Seed for the node order. Default: core/random DEFAULT_SEED. */
  seed?: number;
  /** Edge attribute holding the weight. Default: 'weight'. */
  weightAttribute?: string;
  /** The graph's CSR network (weighted-network.ts), when the caller has it already; used for the modularity. */
  network?: WeightedNetwork;
}

export const DETECT_LOUVAIN_COMMUNITIES_DEFAULTS: Readonly<Required<Omit<DetectLouvainCommunitiesOptions, 'network'>>> = Object.freeze({
  resolution: 1,
  seed: DEFAULT_SEED,
  weightAttribute: 'weight',
});

export function detectLouvainCommunities(graph: AbstractGraph, options: DetectLouvainCommunitiesOptions = {}): CommunityDetection {
  const settings = { ...DETECT_LOUVAIN_COMMUNITIES_DEFAULTS, ...options };
  if (!(settings.resolution > 0) || !Number.isFinite(settings.resolution)) {
    throw new PapergraphError('cluster/detect-louvain-communities', `resolution must be a positive number, got ${settings.resolution}`);
  }
  const network = options.network ?? buildWeightedNetwork(graph, settings.weightAttribute);
  const raw = new Int32Array(network.nodeCount);
  if (graph.size > 0) {
    const weightAttribute = settings.weightAttribute;
    const result = louvain.detailed(graph, {
      getEdgeWeight: (_edge, attributes) => {
        const value: unknown = attributes[weightAttribute];
        return typeof value === 'number' && Number.isFinite(value) ? value : 1;
      },
      resolution: settings.resolution,
      rng: createRandom(settings.seed),
      fastLocalMoves: true,
      randomWalk: true,
    });
    network.keys.forEach((key, i) => {
      raw[i] = result.communities[key] ?? 0;
    });
  } else {
    for (let i = 0; i < raw.length; i++) raw[i] = i;
  }
  const { membership, count } = relabelBySize(raw);
  return { keys: network.keys, membership, count, modularity: modularity(network, membership, settings.resolution), resolution: settings.resolution };
}
