/**
 * The shipped seed list through the whole analysis, then every export format read back by a real reader:
 * xmllint (GEXF 1.2draft and 1.3 against tests/schemas), networkx (GEXF 1.2draft, GraphML), graphology-gexf
 * (GEXF 1.3, as Gephi Lite), Python's csv module (the CSV tables), JSON.parse + structure (VOSviewer).
 */
import { join } from 'node:path';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result.ts';
import { toGraphExports, type ExportFile } from '../../src/export/to-graph-exports.ts';
import { analyze } from '../../src/pipeline.ts';
import { python, withTempFiles, xmllintSchema } from '../helpers/real-readers.ts';

const seedList = new URL('../../data/rl-entropy-papers.md', import.meta.url).pathname;
const schema12 = new URL('../schemas/gexf-1.2draft/gexf.xsd', import.meta.url).pathname;
const schema13 = new URL('../schemas/gexf-1.3/gexf.xsd', import.meta.url).pathname;

const READ_ALL = `
import csv, json, sys, networkx as nx
d = sys.argv[1]
out = {}
for name in ['concept-graph', 'paper-concept-graph']:
    g = nx.read_gexf(f'{d}/v12/{name}.gexf', version='1.2draft')
    viz = all('viz' in a and {'color', 'size', 'position'} <= set(a['viz']) for _, a in g.nodes(data=True))
    typed = all(isinstance(a.get('theme'), int) and isinstance(a.get('pagerank'), float) for _, a in g.nodes(data=True))
    weights = sorted(round(w, 6) for _, _, w in g.edges(data='weight'))
    h = nx.read_graphml(f'{d}/{name}.graphml')
    with open(f'{d}/{name}.nodes.csv', newline='', encoding='utf-8') as f: nodes = list(csv.DictReader(f))
    with open(f'{d}/{name}.edges.csv', newline='', encoding='utf-8') as f: edges = list(csv.DictReader(f))
    out[name] = {'gexf': [g.number_of_nodes(), g.number_of_edges(), viz, typed, weights],
                 'graphml': [h.number_of_nodes(), h.number_of_edges()], 'csv': [len(nodes), len(edges)]}
print(json.dumps(out))
`;

describe('exports of the analysed seed list, read by real readers', () => {
  let result: AnalysisResult;
  let files: ExportFile[];
  let files12: ExportFile[];
  beforeAll(async () => {
    result = await analyze([seedList], { seed: 42 });
    files = toGraphExports(result).files;
    files12 = toGraphExports(result, { formats: ['gexf'], gexfVersion: '1.2draft', dir: 'v12' }).files;
  });

  const graphOf = (name: string) => (name === 'concept-graph' ? result.conceptGraph : result.paperConceptGraph);
  const data = (path: string) => [...files, ...files12].find((file) => file.path === path)?.data ?? '';

  it('validates every GEXF against the 1.2draft and 1.3 schemas with xmllint', () => {
    const all = Object.fromEntries([...files, ...files12].filter((file) => file.path.endsWith('.gexf')).map((file) => [file.path.replace('/', '-'), file.data]));
    withTempFiles(all, (dir) => {
      for (const name of Object.keys(all)) {
        const run = xmllintSchema(name.startsWith('v12') ? schema12 : schema13, join(dir, name));
        expect(run.stderr, name).toContain('validates');
      }
    });
  });

  it('reads GEXF 1.2draft and GraphML back with networkx and the CSV tables with Python csv, counts and weights intact', () => {
    const all = Object.fromEntries([...files, ...files12].map((file) => [file.path, file.data]));
    const read = withTempFiles(all, (dir) => python(READ_ALL, [dir])) as Record<string, { gexf: [number, number, boolean, boolean, number[]]; graphml: [number, number]; csv: [number, number] }>;
    for (const name of ['concept-graph', 'paper-concept-graph']) {
      const graph = graphOf(name);
      const back = read[name];
      expect(back?.gexf.slice(0, 4)).toEqual([graph.order, graph.size, true, true]);
      const weights = graph.mapEdges((_edge, attributes) => Math.round(Number(attributes['weight']) * 1e6) / 1e6).sort((a, b) => a - b);
      back?.gexf[4].forEach((weight, i) => expect(weight).toBeCloseTo(weights[i] ?? NaN, 5));
      expect(back?.graphml).toEqual([graph.order, graph.size]);
      expect(back?.csv).toEqual([graph.order, graph.size]);
    }
  });

  it('reads GEXF 1.3 back with graphology-gexf with every node attribute', () => {
    for (const name of ['concept-graph', 'paper-concept-graph']) {
      const graph = graphOf(name);
      const back = gexf.parse(Graph, data(`${name}.gexf`));
      expect([back.order, back.size]).toEqual([graph.order, graph.size]);
      graph.forEachNode((node, attributes) => {
        const read = back.getNodeAttributes(node);
        expect(read['theme']).toBe(attributes['theme']);
        expect(read['kmeansTheme']).toBe(attributes['kmeansTheme']);
        expect(read['x']).toBe(attributes['x']);
        expect(read['size']).toBe(attributes['size']);
        expect(typeof read['color']).toBe('string');
        expect(read['pagerank'] as number).toBeCloseTo(attributes['pagerank'] as number, 6);
      });
    }
  });

  it('writes VOSviewer files whose ids, links and clusters agree', () => {
    for (const name of ['concept-graph', 'paper-concept-graph']) {
      const graph = graphOf(name);
      const json = JSON.parse(data(`${name}.vosviewer.json`)) as { network: { items: { id: number; cluster: number }[]; links: unknown[]; clusters: { cluster: number }[] } };
      expect(json.network.items).toHaveLength(graph.order);
      expect(json.network.links).toHaveLength(graph.size);
      const clusters = new Set(json.network.clusters.map((cluster) => cluster.cluster));
      for (const item of json.network.items) expect(clusters.has(item.cluster)).toBe(true);
      expect(data(`${name}.vosviewer-map.txt`).trimEnd().split('\n')).toHaveLength(graph.order + 1);
      expect(data(`${name}.vosviewer-network.txt`).trimEnd().split('\n')).toHaveLength(graph.size);
    }
  });
});
