import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import type { AbstractGraph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core/random.ts';
import { edgeLength } from '../../src/graph/assign-metrics.ts';
import { weightedBetweenness } from '../../src/graph/weighted-betweenness.ts';
import { fixtureConceptGraph, fixturePaperConceptGraph } from '../fixtures/graph/build-fixture-graphs.ts';

/** graphology-metrics' betweenness (an independent implementation) with the same edge lengths, in node order. */
function reference(graph: AbstractGraph, length: (attributes: Record<string, unknown>) => number): number[] {
  const values = betweennessCentrality(graph, { getEdgeWeight: (_edge, attributes) => length(attributes), normalized: true });
  return graph.mapNodes((node) => values[node] ?? 0);
}

function randomGraph(nodes: number, edges: number, seed: number, type: 'undirected' | 'directed' = 'undirected', integerWeights = false): Graph {
  const random = createRandom(seed);
  const graph = new Graph({ type });
  for (let i = 0; i < nodes; i++) graph.addNode(`n${i}`);
  while (graph.size < edges) {
    const a = Math.floor(random() * nodes);
    const b = Math.floor(random() * nodes);
    if (a !== b) graph.mergeEdge(`n${a}`, `n${b}`, { weight: integerWeights ? 1 + Math.floor(random() * 3) : 0.1 + random() });
  }
  return graph;
}

const byWeight = (attributes: Record<string, unknown>) => edgeLength(attributes['weight']);

describe('weightedBetweenness', () => {
  it.each([
    ['the paper–concept fixture', () => fixturePaperConceptGraph()],
    ['the co-occurrence fixture', () => fixtureConceptGraph()],
    ['a random weighted graph', () => randomGraph(60, 150, 1)],
    ['a random graph with many tied paths', () => randomGraph(60, 150, 2, 'undirected', true)],
    ['a directed random graph', () => randomGraph(40, 120, 3, 'directed', true)],
  ])('equals graphology-metrics exactly on %s', (_name, build) => {
    const graph = build();
    const ours = [...weightedBetweenness(graph, { edgeLength: byWeight })];
    const theirs = reference(graph, byWeight);
    ours.forEach((value, i) => expect(value).toBeCloseTo(theirs[i] ?? NaN, 12));
  });

  it('estimates from a seeded sample of sources on large graphs, the same for the same seed', () => {
    const graph = randomGraph(300, 900, 4);
    const exact = [...weightedBetweenness(graph, { edgeLength: byWeight })];
    const a = [...weightedBetweenness(graph, { edgeLength: byWeight, maxSources: 100, seed: 5 })];
    const b = [...weightedBetweenness(graph, { edgeLength: byWeight, maxSources: 100, seed: 5 })];
    expect(a).toEqual(b);
    const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
    // The estimator is unbiased: the totals agree closely, and the most central node stays near the top.
    expect(total(a) / total(exact)).toBeGreaterThan(0.8);
    expect(total(a) / total(exact)).toBeLessThan(1.2);
    const top = exact.indexOf(Math.max(...exact));
    const rank = [...a].sort((x, y) => y - x).indexOf(a[top] ?? 0);
    expect(rank).toBeLessThan(10);
  });

  it('gives zeros on graphs of fewer than three nodes', () => {
    const graph = new Graph({ type: 'undirected' });
    graph.addNode('a');
    graph.addNode('b');
    graph.addEdge('a', 'b', { weight: 1 });
    expect([...weightedBetweenness(graph)]).toEqual([0, 0]);
  });
});
