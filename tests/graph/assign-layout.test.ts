import { describe, expect, it } from 'vitest';
import { assignLayout } from '../../src/graph/assign-layout.ts';
import { buildPaperConceptGraph } from '../../src/graph/build-paper-concept-graph.ts';
import { concepts, mentions, papers } from '../fixtures/graph/hostile-corpus.ts';

function positions(seed: number): string {
  const graph = buildPaperConceptGraph(papers, concepts, mentions);
  assignLayout(graph, { seed, iterations: 60 });
  return JSON.stringify(graph.mapNodes((node, attributes) => [node, attributes.x, attributes.y, attributes.size]));
}

describe('assignLayout', () => {
  it('gives identical positions for the same seed and different ones for another seed', () => {
    expect(positions(3)).toBe(positions(3));
    expect(positions(3)).not.toBe(positions(4));
  });

  it('writes finite positions and sizes growing with weighted degree', () => {
    const graph = buildPaperConceptGraph(papers, concepts, mentions);
    assignLayout(graph, { seed: 1, iterations: 30 });
    graph.forEachNode((_node, attributes) => {
      expect(Number.isFinite(attributes.x) && Number.isFinite(attributes.y)).toBe(true);
      expect(attributes.size).toBeGreaterThanOrEqual(4);
      expect(attributes.size).toBeLessThanOrEqual(24);
    });
    // GRPO (3 papers, strongest) is larger than the bell concept (one weak mention).
    expect(graph.getNodeAttribute('concept:grpo', 'size')).toBeGreaterThan(graph.getNodeAttribute('concept:bell', 'size'));
  });

  it('rejects bad options with the module path', () => {
    const graph = buildPaperConceptGraph(papers, concepts, mentions);
    expect(() => assignLayout(graph, { iterations: -1 })).toThrow(/^papergraph\/graph\/assign-layout: iterations/);
  });
});
