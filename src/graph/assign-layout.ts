/**
 * Node positions and sizes, ready for Gephi, Gephi Lite and VOSviewer:
 *
 * 1. seeded initial positions: each node, in graph order, gets a point drawn uniformly in a square of side
 *    2·sqrt(n)·spread from core/random.ts, so the same seed gives the same start;
 * 2. sizes from weighted degree: `minSize + (maxSize - minSize) · sqrt(strength / maxStrength)` (area grows with
 *    strength), written before the layouts because noverlap reads them;
 * 3. ForceAtlas2 (Jacomy et al. 2014, "ForceAtlas2, a continuous graph layout algorithm for handy network
 *    visualization designed for the Gephi software", PLoS ONE 9(6)) from graphology-layout-forceatlas2, settings
 *    inferred from the graph's order (`inferSettings`: strong gravity, scaling 10, Barnes–Hut above 2,000 nodes),
 *    edge weights honoured (edgeWeightInfluence 1);
 * 4. noverlap (Gephi's "Noverlap" by Mathieu Jacomy) from graphology-layout-noverlap, to pull apart overlapping
 *    nodes using their sizes;
 * 5. coordinates rounded to `precision` decimals so exports are byte-stable across platforms.
 *
 * Deterministic for a seed: the only randomness is step 1. Mutates its argument (the `assign*` convention):
 * writes `x`, `y` and `size` of every node.
 */
import type { AbstractGraph } from 'graphology-types';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { PapergraphError } from '../core/errors.ts';
import { createRandom, DEFAULT_SEED } from '../core/random.ts';
import { weightedDegrees } from './weighted-degrees.ts';

export interface AssignLayoutOptions {
  /** Seed of the initial positions. Default: core/random DEFAULT_SEED (42). */
  seed?: number;
  /**
   * ForceAtlas2 iterations, or 'auto': 300 up to 1,000 nodes, then fewer in proportion to the order (at least 50),
   * so a 20,000-node graph is laid out in seconds. Default: 'auto'.
   */
  iterations?: number | 'auto';
  /** noverlap iterations (it stops earlier once nothing overlaps), or 'auto': 100, scaled down like `iterations` (at least 10). Default: 'auto'. */
  noverlapIterations?: number | 'auto';
  /** Size of the weakest node. Default: 4. */
  minSize?: number;
  /** Size of the strongest node. Default: 24. */
  maxSize?: number;
  /** Scale of the initial square. Default: 10. */
  spread?: number;
  /** Decimals kept in x and y. Default: 3. */
  precision?: number;
}

export const ASSIGN_LAYOUT_DEFAULTS: Readonly<Required<AssignLayoutOptions>> = Object.freeze({
  seed: DEFAULT_SEED,
  iterations: 'auto',
  noverlapIterations: 'auto',
  minSize: 4,
  maxSize: 24,
  spread: 10,
  precision: 3,
});

export function assignLayout(graph: AbstractGraph, options: AssignLayoutOptions = {}): void {
  const settings = { ...ASSIGN_LAYOUT_DEFAULTS, ...options };
  assertOptions(settings);
  if (graph.order === 0) return;
  const iterations = settings.iterations === 'auto' ? autoIterations(graph.order, 300, 50) : settings.iterations;
  const noverlapIterations = settings.noverlapIterations === 'auto' ? autoIterations(graph.order, 100, 10) : settings.noverlapIterations;

  // 1. Seeded initial positions.
  const random = createRandom(settings.seed);
  const side = Math.sqrt(graph.order) * settings.spread;
  // 2. Sizes from weighted degree.
  const degrees = weightedDegrees(graph);
  let strongest = 0;
  for (const value of degrees.values()) if (value > strongest) strongest = value;
  graph.updateEachNodeAttributes((node, attributes) => {
    const strength = Math.max(0, degrees.get(node) ?? 0);
    const share = strongest > 0 ? Math.sqrt(strength / strongest) : 0;
    return {
      ...attributes,
      x: (random() * 2 - 1) * side,
      y: (random() * 2 - 1) * side,
      size: round(settings.minSize + (settings.maxSize - settings.minSize) * share, 3),
    };
  });

  // 3. ForceAtlas2, weighted, settings inferred from the graph.
  if (graph.size > 0 && iterations > 0) {
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: (_edge, attributes) => {
        const weight: unknown = attributes['weight'];
        return typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? weight : 0;
      },
      settings: { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 1 },
    });
  }

  // 4. noverlap, using the sizes.
  if (noverlapIterations > 0) {
    noverlap.assign(graph, { maxIterations: noverlapIterations, settings: { margin: 1, ratio: 1.1 } });
  }

  // 5. Rounded coordinates.
  graph.updateEachNodeAttributes((_node, attributes) => ({
    ...attributes,
    x: round(Number(attributes['x']), settings.precision),
    y: round(Number(attributes['y']), settings.precision),
  }));
}

/** `full` iterations up to 1,000 nodes, then full·1000/order, never fewer than `least`. */
export function autoIterations(order: number, full: number, least: number): number {
  return order <= 1000 ? full : Math.max(least, Math.round((full * 1000) / order));
}

function round(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function assertOptions(settings: Required<AssignLayoutOptions>): void {
  const problems: string[] = [];
  if (!Number.isInteger(settings.seed)) problems.push(`seed must be an integer, got ${settings.seed}`);
  for (const name of ['iterations', 'noverlapIterations'] as const) {
    const value = settings[name];
    if (value !== 'auto' && (!Number.isInteger(value) || value < 0)) problems.push(`${name} must be a non-negative integer or 'auto', got ${String(value)}`);
  }
  if (!(settings.minSize > 0 && settings.maxSize >= settings.minSize)) problems.push(`need 0 < minSize <= maxSize, got ${settings.minSize} and ${settings.maxSize}`);
  if (!(settings.spread > 0)) problems.push(`spread must be positive, got ${settings.spread}`);
  if (!Number.isInteger(settings.precision) || settings.precision < 0 || settings.precision > 10) problems.push(`precision must be an integer from 0 to 10, got ${settings.precision}`);
  if (problems.length > 0) throw new PapergraphError('graph/assign-layout', problems.join('; '));
}
