import { describe, expect, it } from 'vitest';
import { toGraphExports } from '../../src/export/to-graph-exports.ts';
import { fixtureConceptGraph, fixturePaperConceptGraph } from '../fixtures/graph/build-fixture-graphs.ts';

const input = () => ({ conceptGraph: fixtureConceptGraph(), paperConceptGraph: fixturePaperConceptGraph() });

describe('toGraphExports', () => {
  it('writes every format for both graphs by default', () => {
    const { files } = toGraphExports(input());
    expect(files.map((file) => file.path)).toEqual([
      'concept-graph.gexf',
      'concept-graph.graphml',
      'concept-graph.vosviewer-map.txt',
      'concept-graph.vosviewer-network.txt',
      'concept-graph.vosviewer.json',
      'concept-graph.nodes.csv',
      'concept-graph.edges.csv',
      'concept-graph.graphology.json',
      'paper-concept-graph.gexf',
      'paper-concept-graph.graphml',
      'paper-concept-graph.vosviewer-map.txt',
      'paper-concept-graph.vosviewer-network.txt',
      'paper-concept-graph.vosviewer.json',
      'paper-concept-graph.nodes.csv',
      'paper-concept-graph.edges.csv',
      'paper-concept-graph.graphology.json',
    ]);
  });

  it('honours format, graph, folder and GEXF version', () => {
    const { files } = toGraphExports(input(), { formats: ['gexf'], graphs: 'papers', gexfVersion: '1.2draft', dir: 'graphs/' });
    expect(files.map((file) => file.path)).toEqual(['graphs/paper-concept-graph.gexf']);
    expect(files[0]?.data).toContain('xmlns="http://www.gexf.net/1.2draft"');
  });

  it('reports each removed control character once per graph, not once per format', () => {
    const { issues } = toGraphExports(input(), { graphs: 'concepts' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/^export of the concept co-occurrence graph: removed 1 character/);
  });

  it('leaves both graphs exactly as they were', () => {
    const graphs = input();
    const before = [JSON.stringify(graphs.conceptGraph.export()), JSON.stringify(graphs.paperConceptGraph.export())];
    toGraphExports(graphs);
    expect([JSON.stringify(graphs.conceptGraph.export()), JSON.stringify(graphs.paperConceptGraph.export())]).toEqual(before);
  });

  it('gives byte-identical files for graphs built with the same seed', () => {
    expect(toGraphExports(input()).files).toEqual(toGraphExports(input()).files);
  });

  it('rejects an unknown format', () => {
    expect(() => toGraphExports(input(), { formats: ['pajek' as never] })).toThrow(/^papergraph\/export\/to-graph-exports: unknown format "pajek"/);
  });
});
