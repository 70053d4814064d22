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

const QUALITY_KEYS = ['themeStrength', 'themeWeak', 'themeStability', 'themeStable', 'kmeansThemeStrength', 'kmeansThemeWeak', 'kmeansThemeStability', 'kmeansThemeStable'];

const READ_QUALITY = `
import json, sys, networkx as nx
d = sys.argv[1]
keys = ${JSON.stringify(QUALITY_KEYS)}
pick = lambda g: {n: {k: a[k] for k in keys if k in a} for n, a in g.nodes(data=True) if a.get('kind') == 'paper'}
out = {'gexf': pick(nx.read_gexf(f'{d}/v12/paper-concept-graph.gexf', version='1.2draft')), 'graphml': pick(nx.read_graphml(f'{d}/paper-concept-graph.graphml'))}
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

  it("carries each paper's theme strength and weak flag and each node's theme stability, as networkx and graphology-gexf read them", () => {
    const graphMethod = result.themes.some((theme) => theme.method === 'louvain') ? 'louvain' : 'leiden';
    const paperRow = (method: string, paperId: string) => result.paperThemes.find((row) => row.method === method && row.paperId === paperId);
    const themeRow = (method: string, id: number | undefined) => result.themes.find((theme) => theme.method === method && theme.id === id);
    const expected = (paperId: string): Record<string, unknown> => {
      const graphPaper = paperRow(graphMethod, paperId);
      const kPaper = paperRow('kmeans', paperId);
      const graphTheme = themeRow(graphMethod, graphPaper?.themeId);
      const kTheme = themeRow('kmeans', kPaper?.themeId);
      return {
        themeStrength: graphPaper?.strength,
        themeWeak: graphPaper?.weak,
        themeStability: graphTheme?.stability ?? undefined,
        themeStable: graphTheme?.stable,
        kmeansThemeStrength: kPaper?.strength,
        kmeansThemeWeak: kPaper?.weak,
        kmeansThemeStability: kTheme?.stability ?? undefined,
        kmeansThemeStable: kTheme?.stable,
      };
    };
    const all = Object.fromEntries([...files, ...files12].map((file) => [file.path, file.data]));
    const read = withTempFiles(all, (dir) => python(READ_QUALITY, [dir])) as Record<'gexf' | 'graphml', Record<string, Record<string, unknown>>>;
    const gephiLite = gexf.parse(Graph, data('paper-concept-graph.gexf'));
    const round = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value]));
    // The seed has no weakly assigned paper (themeWeak is false throughout; the fixture test covers true).
    expect(result.themes.some((theme) => theme.stable === false) && result.themes.some((theme) => theme.stable === true)).toBe(true);
    for (const paper of result.papers) {
      const want = round(expected(paper.id));
      expect(want['themeStrength'], paper.id).toBeTypeOf('number');
      expect(want['kmeansThemeStability'], paper.id).toBeTypeOf('number');
      const key = `paper:${paper.id}`;
      expect(round(read.gexf[key] ?? {}), `networkx GEXF ${key}`).toEqual(want);
      expect(round(read.graphml[key] ?? {}), `networkx GraphML ${key}`).toEqual(want);
      const lite = gephiLite.getNodeAttributes(key);
      expect(round(Object.fromEntries(QUALITY_KEYS.map((name) => [name, lite[name]]))), `graphology-gexf ${key}`).toEqual(want);
    }
    // Concept nodes carry the stability of their theme in both graphs.
    for (const name of ['concept-graph', 'paper-concept-graph']) {
      const back = gexf.parse(Graph, data(`${name}.gexf`));
      graphOf(name).forEachNode((node, attributes) => {
        if (attributes['kind'] !== 'concept') return;
        const stability = themeRow(graphMethod, attributes['theme'] as number)?.stability ?? undefined;
        const read = back.getNodeAttribute(node, 'themeStability') as number | undefined;
        if (stability === undefined) expect(read, `${name} ${node}`).toBeUndefined();
        else expect(read, `${name} ${node}`).toBeCloseTo(stability, 6);
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
