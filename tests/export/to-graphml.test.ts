import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toGraphml } from '../../src/export/to-graphml.ts';
import { fixtureConceptGraph, fixturePaperConceptGraph } from '../fixtures/graph/build-fixture-graphs.ts';
import { python, run, withTempFiles } from '../helpers/real-readers.ts';

const NETWORKX_READ = `
import json, sys, networkx as nx
G = nx.read_graphml(sys.argv[1])
print(json.dumps({'directed': G.is_directed(), 'nodes': {n: d for n, d in G.nodes(data=True)},
  'edges': [[u, v, d] for u, v, d in G.edges(data=True)]}, ensure_ascii=False))
`;

describe.each([
  ['paper–concept', fixturePaperConceptGraph],
  ['concept co-occurrence', fixtureConceptGraph],
])('GraphML of the %s graph', (_name, build) => {
  const graph = build();
  const { xml, issues } = toGraphml(graph);

  it('is well-formed XML for xmllint', () => {
    const result = withTempFiles({ 'graph.graphml': xml }, (dir) => run('xmllint', ['--noout', join(dir, 'graph.graphml')], 'libxml2-utils'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is read back by networkx with typed values, weights and positions', () => {
    type Read = { directed: boolean; nodes: Record<string, Record<string, unknown>>; edges: [string, string, Record<string, unknown>][] };
    const read = withTempFiles({ 'graph.graphml': xml }, (dir) => python(NETWORKX_READ, [join(dir, 'graph.graphml')])) as Read;
    expect(read.directed).toBe(false);
    expect(Object.keys(read.nodes)).toEqual(graph.nodes());
    expect(read.edges).toHaveLength(graph.size);
    graph.forEachNode((node, attributes) => {
      const back = read.nodes[node] ?? {};
      expect(back['label']).toBe(String(attributes['label']).replace('\u0007', ''));
      expect(back['theme']).toBe(attributes['theme']);
      expect(back['x']).toBe(attributes['x']);
      expect(back['size']).toBe(attributes['size']);
      expect(back['color']).toBe(String(attributes['color']).toUpperCase());
      expect(back['pagerank'] as number).toBeCloseTo(attributes['pagerank'] as number, 6);
    });
    const weights = new Map(graph.mapEdges((_edge, attributes, source, target) => [[source, target].sort().join('\u0000'), attributes]));
    for (const [u, v, data] of read.edges) {
      const original = weights.get([u, v].sort().join('\u0000'));
      expect(original, `${u}–${v}`).toBeDefined();
      expect(data['weight'] as number).toBeCloseTo(original?.['weight'] as number, 6);
      expect(data['count']).toBe(original?.['count']);
    }
  });

  it('reports the removed control character', () => {
    expect(issues.some((found) => found.code === 'control-characters' && found.message.includes('U+0007'))).toBe(true);
    expect(xml).not.toContain('\u0007');
  });
});
