import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { assignMetrics, edgeLength } from '../../src/graph/assign-metrics.ts';
import { fixturePaperConceptGraph } from '../fixtures/graph/build-fixture-graphs.ts';

function path(): Graph {
  // a —1— b —1— c, plus a—c with weight 0.1 (long): every shortest a→c path goes through b.
  const graph = new Graph({ type: 'undirected' });
  for (const key of ['a', 'b', 'c']) graph.addNode(key, {});
  graph.addEdge('a', 'b', { weight: 1 });
  graph.addEdge('b', 'c', { weight: 1 });
  graph.addEdge('a', 'c', { weight: 0.1 });
  return graph;
}

describe('assignMetrics', () => {
  it('writes weighted degree as the sum of edge weights', () => {
    const graph = path();
    assignMetrics(graph);
    expect(graph.getNodeAttribute('a', 'weightedDegree')).toBeCloseTo(1.1);
    expect(graph.getNodeAttribute('b', 'weightedDegree')).toBeCloseTo(2);
  });

  it('computes weighted betweenness with 1/weight as edge length', () => {
    const graph = path();
    assignMetrics(graph);
    // a→c: length 2 through b beats length 10 direct, so b lies on the only shortest path: normalised 1.
    expect(graph.getNodeAttribute('b', 'betweenness')).toBeCloseTo(1);
    expect(graph.getNodeAttribute('a', 'betweenness')).toBe(0);
    expect(edgeLength(0)).toBe(1e9);
    expect(edgeLength(4)).toBe(0.25);
  });

  it('writes a PageRank that sums to 1', () => {
    const graph = path();
    assignMetrics(graph);
    const total = graph.reduceNodes((sum, _node, attributes) => sum + Number(attributes['pagerank']), 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it('handles trap node keys and an empty graph', () => {
    const graph = fixturePaperConceptGraph();
    expect(graph.getNodeAttribute('concept:__proto__', 'pagerank')).toBeGreaterThan(0);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const empty = new Graph({ type: 'undirected' });
    expect(() => assignMetrics(empty)).not.toThrow();
  });
});
