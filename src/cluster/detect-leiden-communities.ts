/**
 * Leiden community detection (Traag, Waltman & van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
 * communities", Scientific Reports 9:5233), maximising modularity with a resolution parameter γ (Reichardt &
 * Bornholdt 2006). Follows the structure of the CWTS networkanalysis library (the Java original behind VOSviewer and
 * of networkanalysis-ts):
 *
 *   1. fast local moving: nodes visited from a queue (random order), each moved to the neighbouring community (or
 *      an empty one) with the largest gain  w(v,C) − γ k_v K_C / 2m; neighbours of a moved node are re-queued;
 *   2. refinement: inside each community, nodes start as singletons; a well-connected singleton joins a
 *      well-connected sub-community with probability ∝ exp(gain / θ) among non-negative gains (θ = randomness);
 *   3. aggregation on the refined partition, the aggregate's start partition being the unrefined one; repeat 1–3
 *      on the aggregate until nothing moves; map back.
 *
 * Iterations are repeated until modularity stops increasing. Each community in the result is connected (the
 * refinement only ever merges a node into a sub-community it has an edge to, and a final check splits any
 * community that is not — in a correct run that check finds nothing). Randomness comes from `seed` only.
 */
import type { AbstractGraph } from 'graphology-types';
import { PapergraphError } from '../core/errors.ts';
import { createRandom, DEFAULT_SEED, type RandomSource } from '../core/random.ts';
import type { CommunityDetection } from './community-detection.ts';
import { modularity } from './modularity.ts';
import { relabelBySize } from './relabel-by-size.ts';
import { aggregateNetwork, buildWeightedNetwork, type WeightedNetwork } from './weighted-network.ts';

export interface DetectLeidenCommunitiesOptions {
  /** γ: higher gives more, smaller communities. Default: 1. */
  resolution?: number;
  /** Seed for node orders and the refinement's random choices. Default: core/random DEFAULT_SEED. */
  seed?: number;
  /** θ of the refinement step. Default: 0.01 (as in the paper and CWTS). */
  randomness?: number;
  /** At most this many Leiden iterations (each one is moving + refinement + aggregation to the end). Default: 10. */
  maxIterations?: number;
  /** Edge attribute holding the weight when a graph is given. Default: 'weight'. */
  weightAttribute?: string;
}

export const DETECT_LEIDEN_COMMUNITIES_DEFAULTS: Readonly<Required<DetectLeidenCommunitiesOptions>> = Object.freeze({
  resolution: 1,
  seed: DEFAULT_SEED,
  randomness: 0.01,
  maxIterations: 10,
  weightAttribute: 'weight',
});

export function detectLeidenCommunities(input: AbstractGraph | WeightedNetwork, options: DetectLeidenCommunitiesOptions = {}): CommunityDetection {
  const settings = { ...DETECT_LEIDEN_COMMUNITIES_DEFAULTS, ...options };
  if (!(settings.resolution > 0) || !Number.isFinite(settings.resolution)) {
    throw new PapergraphError('cluster/detect-leiden-communities', `resolution must be a positive number, got ${settings.resolution}`);
  }
  if (!(settings.randomness > 0)) throw new PapergraphError('cluster/detect-leiden-communities', `randomness must be > 0, got ${settings.randomness}`);
  const network = isWeightedNetwork(input) ? input : buildWeightedNetwork(input, settings.weightAttribute);
  const random = createRandom(settings.seed);
  const n = network.nodeCount;
  let membership: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) membership[i] = i;
  if (network.totalWeight > 0) {
    const gamma = settings.resolution / (2 * network.totalWeight);
    let best = modularity(network, membership, settings.resolution);
    for (let iteration = 0; iteration < settings.maxIterations; iteration++) {
      const next = Int32Array.from(membership);
      const changed = runIteration(network, next, gamma, settings.randomness, random);
      const dense = relabelBySize(next).membership;
      const quality = modularity(network, dense, settings.resolution);
      if (!changed || quality <= best + 1e-12) {
        if (quality > best) membership = dense;
        break;
      }
      membership = dense;
      best = quality;
    }
  }
  const connected = splitDisconnected(network, membership);
  const { membership: ordered, count } = relabelBySize(connected);
  return { keys: network.keys, membership: ordered, count, modularity: modularity(network, ordered, settings.resolution), resolution: settings.resolution };
}

function isWeightedNetwork(input: AbstractGraph | WeightedNetwork): input is WeightedNetwork {
  return (input as WeightedNetwork).offsets instanceof Uint32Array;
}

/** One Leiden iteration on `network`, improving `membership` in place (ids need not be dense). */
function runIteration(network: WeightedNetwork, membership: Int32Array, gamma: number, theta: number, random: RandomSource): boolean {
  const n = network.nodeCount;
  compact(membership);
  let changed = moveNodesFast(network, membership, gamma, random);
  const count = compact(membership);
  if (count === n) return changed;
  const refined = refinePartition(network, membership, gamma, theta, random);
  const refinedCount = compact(refined);
  let reduced: WeightedNetwork;
  let reducedMembership: Int32Array;
  let coarse: Int32Array;
  if (refinedCount < n) {
    reduced = aggregateNetwork(network, refined, refinedCount);
    reducedMembership = new Int32Array(refinedCount);
    for (let i = 0; i < n; i++) reducedMembership[refined[i] ?? 0] = membership[i] ?? 0;
    coarse = refined;
  } else {
    reduced = aggregateNetwork(network, membership, count);
    reducedMembership = new Int32Array(count);
    for (let c = 0; c < count; c++) reducedMembership[c] = c;
    coarse = Int32Array.from(membership);
  }
  changed = runIteration(reduced, reducedMembership, gamma, theta, random) || changed;
  for (let i = 0; i < n; i++) membership[i] = reducedMembership[coarse[i] ?? 0] ?? 0;
  return changed;
}

/** Renumbers community ids to 0..count-1 in order of first appearance; returns count. */
function compact(membership: Int32Array): number {
  const map = new Map<number, number>();
  for (let i = 0; i < membership.length; i++) {
    const c = membership[i] ?? 0;
    let id = map.get(c);
    if (id === undefined) {
      id = map.size;
      map.set(c, id);
    }
    membership[i] = id;
  }
  return map.size;
}

function shuffledNodes(n: number, random: RandomSource): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order;
}

/** Step 1: queue-based local moving (Traag et al. 2019, Algorithm A.2 MoveNodesFast). Membership ids must be dense < n. */
function moveNodesFast(network: WeightedNetwork, membership: Int32Array, gamma: number, random: RandomSource): boolean {
  const n = network.nodeCount;
  const { offsets, neighbors, weights, nodeWeights } = network;
  const clusterWeights = new Float64Array(n);
  const clusterSizes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i] ?? 0;
    clusterWeights[c] = (clusterWeights[c] ?? 0) + (nodeWeights[i] ?? 0);
    clusterSizes[c] = (clusterSizes[c] ?? 0) + 1;
  }
  const unused: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (clusterSizes[c] === 0) unused.push(c);
  const queue = shuffledNodes(n, random);
  const inQueue = new Uint8Array(n).fill(1);
  let head = 0;
  let queued = n;
  const edgeWeightTo = new Float64Array(n);
  const touched: number[] = [];
  let changed = false;
  while (queued > 0) {
    const j = queue[head] ?? 0;
    head = (head + 1) % n;
    queued--;
    inQueue[j] = 0;
    const current = membership[j] ?? 0;
    const kj = nodeWeights[j] ?? 0;
    clusterWeights[current] = (clusterWeights[current] ?? 0) - kj;
    clusterSizes[current] = (clusterSizes[current] ?? 0) - 1;
    if (clusterSizes[current] === 0) unused.push(current);
    touched.length = 0;
    for (let e = offsets[j] ?? 0; e < (offsets[j + 1] ?? 0); e++) {
      const c = membership[neighbors[e] ?? 0] ?? 0;
      if (edgeWeightTo[c] === 0) touched.push(c);
      edgeWeightTo[c] = (edgeWeightTo[c] ?? 0) + (weights[e] ?? 0);
    }
    let best = current;
    let bestGain = (edgeWeightTo[current] ?? 0) - kj * (clusterWeights[current] ?? 0) * gamma;
    const empty = unused[unused.length - 1] ?? current;
    if (0 > bestGain) {
      best = empty;
      bestGain = 0;
    }
    for (const c of touched) {
      const gain = (edgeWeightTo[c] ?? 0) - kj * (clusterWeights[c] ?? 0) * gamma;
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    for (const c of touched) edgeWeightTo[c] = 0;
    membership[j] = best;
    clusterWeights[best] = (clusterWeights[best] ?? 0) + kj;
    clusterSizes[best] = (clusterSizes[best] ?? 0) + 1;
    if (best === unused[unused.length - 1] && clusterSizes[best] === 1) unused.pop();
    if (best !== current) {
      changed = true;
      for (let e = offsets[j] ?? 0; e < (offsets[j + 1] ?? 0); e++) {
        const l = neighbors[e] ?? 0;
        if (inQueue[l] === 0 && membership[l] !== best) {
          queue[(head + queued) % n] = l;
          queued++;
          inQueue[l] = 1;
        }
      }
    }
  }
  return changed;
}

/** Step 2: the refinement (Traag et al. 2019, Algorithm A.2 RefinePartition / MergeNodesSubset). Returns the refined membership. */
function refinePartition(network: WeightedNetwork, membership: Int32Array, gamma: number, theta: number, random: RandomSource): Int32Array {
  const n = network.nodeCount;
  const { offsets, neighbors, weights, nodeWeights } = network;
  const refined = new Int32Array(n);
  for (let i = 0; i < n; i++) refined[i] = i;
  const communityWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) communityWeights[membership[i] ?? 0] = (communityWeights[membership[i] ?? 0] ?? 0) + (nodeWeights[i] ?? 0);
  // Per refined cluster: weight, edge weight to the rest of its parent community, and whether it has grown.
  const clusterWeights = Float64Array.from(nodeWeights);
  const external = new Float64Array(n);
  const nodeExternal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let w = 0;
    for (let e = offsets[i] ?? 0; e < (offsets[i + 1] ?? 0); e++) if (membership[neighbors[e] ?? 0] === membership[i]) w += weights[e] ?? 0;
    nodeExternal[i] = w;
    external[i] = w;
  }
  const nonSingleton = new Uint8Array(n);
  const edgeWeightTo = new Float64Array(n);
  const touched: number[] = [];
  const candidates: number[] = [];
  const gains: number[] = [];
  const order = shuffledNodes(n, random);
  for (let position = 0; position < n; position++) {
    const j = order[position] ?? 0;
    const own = refined[j] ?? 0;
    const parentWeight = communityWeights[membership[j] ?? 0] ?? 0;
    const kj = nodeWeights[j] ?? 0;
    if (nonSingleton[own] === 1) continue;
    if ((external[own] ?? 0) < (clusterWeights[own] ?? 0) * (parentWeight - (clusterWeights[own] ?? 0)) * gamma) continue;
    clusterWeights[own] = 0;
    external[own] = 0;
    touched.length = 0;
    for (let e = offsets[j] ?? 0; e < (offsets[j + 1] ?? 0); e++) {
      const l = neighbors[e] ?? 0;
      if (membership[l] !== membership[j]) continue;
      const c = refined[l] ?? 0;
      if (edgeWeightTo[c] === 0) touched.push(c);
      edgeWeightTo[c] = (edgeWeightTo[c] ?? 0) + (weights[e] ?? 0);
    }
    candidates.length = 0;
    gains.length = 0;
    candidates.push(own);
    gains.push(0);
    let maxGain = 0;
    let best = own;
    for (const c of touched) {
      const cw = clusterWeights[c] ?? 0;
      if ((external[c] ?? 0) < cw * (parentWeight - cw) * gamma) continue;
      const gain = (edgeWeightTo[c] ?? 0) - kj * cw * gamma;
      if (gain > maxGain) {
        maxGain = gain;
        best = c;
      }
      if (gain >= 0) {
        candidates.push(c);
        gains.push(gain);
      }
    }
    let chosen = best;
    if (candidates.length > 1) {
      let total = 0;
      const cumulative: number[] = [];
      for (const gain of gains) {
        total += Math.exp((gain - maxGain) / theta);
        cumulative.push(total);
      }
      const r = random() * total;
      let k = 0;
      while (k < cumulative.length - 1 && (cumulative[k] ?? 0) <= r) k++;
      chosen = candidates[k] ?? best;
    }
    clusterWeights[chosen] = (clusterWeights[chosen] ?? 0) + kj;
    external[chosen] = (external[chosen] ?? 0) + (nodeExternal[j] ?? 0) - 2 * (edgeWeightTo[chosen] ?? 0);
    if (chosen !== own) {
      refined[j] = chosen;
      nonSingleton[chosen] = 1;
    }
    for (const c of touched) edgeWeightTo[c] = 0;
  }
  return refined;
}

/** Splits each community into its connected components (a no-op on a correct Leiden result; isolated nodes stay alone). */
function splitDisconnected(network: WeightedNetwork, membership: Int32Array): Int32Array {
  const n = network.nodeCount;
  const out = new Int32Array(n).fill(-1);
  let next = 0;
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    if (out[s] !== -1) continue;
    out[s] = next;
    stack.push(s);
    while (stack.length > 0) {
      const i = stack.pop() ?? 0;
      for (let e = network.offsets[i] ?? 0; e < (network.offsets[i + 1] ?? 0); e++) {
        const l = network.neighbors[e] ?? 0;
        if (out[l] === -1 && membership[l] === membership[s] && (network.weights[e] ?? 0) > 0) {
          out[l] = next;
          stack.push(l);
        }
      }
    }
    next++;
  }
  return out;
}
