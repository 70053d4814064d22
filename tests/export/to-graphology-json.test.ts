import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { toGraphologyJson } from '../../src/export/to-graphology-json.ts';
import { fixtureConceptGraph, fixturePaperConceptGraph } from '../fixtures/graph/build-fixture-graphs.ts';

describe('toGraphologyJson', () => {
  it('imports back into graphology with the same nodes, edges and attributes', () => {
    const graph = fixturePaperConceptGraph();
    const back = Graph.from(JSON.parse(toGraphologyJson(graph).json));
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(back.getNodeAttributes('concept:__proto__')).toEqual(graph.getNodeAttributes('concept:__proto__'));
    expect(back.getNodeAttribute('concept:bell', 'label')).toBe('bellconcept');
    graph.forEachEdge((_edge, attributes, source, target) => expect(back.getEdgeAttributes(back.edge(source, target))).toEqual(attributes));
  });

  it('is byte-identical across builds (stable edge keys, sorted object keys)', () => {
    const a = toGraphologyJson(fixtureConceptGraph()).json;
    const b = toGraphologyJson(fixtureConceptGraph()).json;
    expect(a).toBe(b);
    expect(a).not.toContain('geid_');
    const node = (JSON.parse(a) as { nodes: { attributes: Record<string, unknown> }[] }).nodes[0]?.attributes ?? {};
    expect(Object.keys(node)).toEqual(Object.keys(node).sort());
  });
});
