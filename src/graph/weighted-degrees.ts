/**
 * Weighted degree (node strength, Barrat et al. 2004, "The architecture of complex weighted networks", PNAS 101(11)):
 * the sum of the `weight` of a node's edges. Used for metrics and for node sizes.
 */
import type { AbstractGraph } from 'graphology-types';

/** Weighted degree of every node, in graph node order. Missing or non-finite weights count as 0. */
export function weightedDegrees(graph: AbstractGraph): Map<string, number> {
  const degrees = new Map<string, number>();
  graph.forEachNode((node) => degrees.set(node, 0));
  graph.forEachEdge((_edge, attributes, source, target) => {
    const raw: unknown = attributes['weight'];
    const weight = typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
    degrees.set(source, (degrees.get(source) ?? 0) + weight);
    if (target !== source) degrees.set(target, (degrees.get(target) ?? 0) + weight);
  });
  return degrees;
}
