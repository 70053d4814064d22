/**
 * Centrality of every node, written as node attributes (`weightedDegree`, `betweenness`, `pagerank`; see
 * graph/attributes.ts METRIC_KEYS):
 *
 * 1. weighted degree: the sum of the node's edge weights (node strength, Barrat et al. 2004);
 * 2. betweenness: Brandes' algorithm (2001, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2)),
 *    WEIGHTED: edge weights are similarities (co-occurrence, salience), so an edge's length is 1 / weight, following
 *    Newman (2001, "Scientific collaboration networks II", Phys. Rev. E 64) and Opsahl et al. (2010, "Node
 *    centrality in weighted networks", Social Networks 32) with alpha = 1; shortest paths by Dijkstra; normalised as
 *    graphology-metrics does. Computed by graph/weighted-betweenness.ts, which equals graphology-metrics'
 *    betweenness exactly up to `maxBetweennessSources` nodes (tested) and above that estimates it from a seeded
 *    sample of sources (Brandes & Pich 2007), so a 20,000-node graph takes seconds instead of many minutes;
 * 3. PageRank (Brin & Page 1998) from graphology-metrics, weighted by edge weight, damping 0.85.
 *
 * Mutates its argument (the `assign*` convention); everything else in the graph is left as it was.
 */
import type { AbstractGraph } from 'graphology-types';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { PapergraphError } from '../core/errors.ts';
import { weightedBetweenness } from './weighted-betweenness.ts';
import { weightedDegrees } from './weighted-degrees.ts';
import { DEFAULT_SEED } from '../core/random.ts';

export interface AssignMetricsOptions {
  /** PageRank damping factor. Default: 0.85. */
  alpha?: number;
  /** PageRank power iterations before giving up. Default: 1000. */
  maxIterations?: number;
  /** Betweenness is exact up to this many nodes and sampled from this many sources above. Default: 500. */
  maxBetweennessSources?: number;
  /** Seed of the betweenness source sample. Default: core/random DEFAULT_SEED. */
  seed?: number;
  /** Largest edge length used for edges of weight 0 or less (they are "very long", not shortcuts). Default: 1e9. */
  maxEdgeLength?: number;
}

export const ASSIGN_METRICS_DEFAULTS: Readonly<Required<AssignMetricsOptions>> = Object.freeze({
  alpha: 0.85,
  maxIterations: 1000,
  maxBetweennessSources: 500,
  seed: DEFAULT_SEED,
  maxEdgeLength: 1e9,
});

/** Length of an edge for shortest paths: the inverse of its weight. */
export function edgeLength(weight: unknown, maxEdgeLength: number = ASSIGN_METRICS_DEFAULTS.maxEdgeLength): number {
  return typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? Math.min(1 / weight, maxEdgeLength) : maxEdgeLength;
}

export function assignMetrics(graph: AbstractGraph, options: AssignMetricsOptions = {}): void {
  const settings = { ...ASSIGN_METRICS_DEFAULTS, ...options };
  if (!(settings.alpha > 0 && settings.alpha < 1)) {
    throw new PapergraphError('graph/assign-metrics', `alpha must be between 0 and 1 (exclusive), got ${settings.alpha}`);
  }
  if (!Number.isInteger(settings.maxBetweennessSources) || settings.maxBetweennessSources < 1) {
    throw new PapergraphError('graph/assign-metrics', `maxBetweennessSources must be a positive integer, got ${settings.maxBetweennessSources}`);
  }
  if (graph.multi) throw new PapergraphError('graph/assign-metrics', 'multi graphs are not supported: merge parallel edges first');
  // pagerank.assign writes through graphology's node index, never through a plain object keyed by node (a node
  // called "__proto__" would corrupt such an object).
  if (graph.order > 0) {
    try {
      pagerank.assign(graph, {
        nodePagerankAttribute: 'pagerank',
        getEdgeWeight: (_edge, attributes) => positiveWeight(attributes['weight']),
        alpha: settings.alpha,
        maxIterations: settings.maxIterations,
      });
    } catch (error) {
      throw new PapergraphError('graph/assign-metrics', `PageRank did not converge in ${settings.maxIterations} iterations: raise maxIterations`, { cause: error });
    }
  }
  const betweenness = weightedBetweenness(graph, {
    edgeLength: (attributes) => edgeLength(attributes['weight'], settings.maxEdgeLength),
    maxSources: settings.maxBetweennessSources,
    seed: settings.seed,
  });
  const degrees = weightedDegrees(graph);
  let position = 0;
  graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, weightedDegree: degrees.get(node) ?? 0, betweenness: betweenness[position++] ?? 0 }));
}

function positiveWeight(weight: unknown): number {
  return typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? weight : 0;
}
