/**
 * Our GEXF read back by real readers: xmllint against the GEXF 1.2draft schema (tests/schemas, with the viz fix
 * described in its README), networkx (what Python users load), and graphology-gexf's parser (what Gephi Lite uses).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import type { AbstractGraph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../src/export/to-gexf.ts';
import { fixtureConceptGraph, fixturePaperConceptGraph } from '../fixtures/graph/build-fixture-graphs.ts';
import { paperThemes, themes } from '../fixtures/graph/hostile-corpus.ts';
import { python, withTempFiles, xmllintSchema } from '../helpers/real-readers.ts';

const FIXED_SCHEMA = resolve(import.meta.dirname, '../schemas/gexf-1.2draft/gexf.xsd');
const OFFICIAL_SCHEMA = resolve(import.meta.dirname, '../schemas/gexf-1.2draft-official/gexf.xsd');
const FIXED_SCHEMA_13 = resolve(import.meta.dirname, '../schemas/gexf-1.3/gexf.xsd');
const OFFICIAL_SCHEMA_13 = resolve(import.meta.dirname, '../schemas/gexf-1.3-official/gexf.xsd');

const graphs: [string, () => AbstractGraph][] = [
  ['paper–concept', fixturePaperConceptGraph],
  ['concept co-occurrence', fixtureConceptGraph],
];

const NETWORKX_READ = `
import json, sys, networkx as nx
G = nx.read_gexf(sys.argv[1], version='1.2draft')
nodes = {str(n): {k: v for k, v in d.items()} for n, d in G.nodes(data=True)}
edges = sorted([[str(u), str(v), d] for u, v, d in G.edges(data=True)], key=lambda e: int(e[2]['id']))
print(json.dumps({'directed': G.is_directed(), 'mode': G.graph.get('mode'), 'nodes': nodes, 'edges': edges}, ensure_ascii=False))
`;

/**
 * What a node's theme-quality attributes must be, straight from the fixture's PaperTheme and Theme rows (not from the
 * graph): for a paper its strength and weak flag under each method, for every node the stability of its theme.
 * Absent values (no theme, stability not measured) are undefined: they must not be written.
 */
function expectedThemeQuality(kind: unknown, node: string, theme: unknown, kmeansTheme: unknown): Record<string, unknown> {
  const themeOf = (method: string, id: unknown) => themes.find((candidate) => candidate.method === method && candidate.id === id);
  const graphTheme = themeOf('louvain', theme);
  const kTheme = themeOf('kmeans', kmeansTheme);
  const expected: Record<string, unknown> = {
    themeStability: graphTheme?.stability ?? undefined,
    themeStable: graphTheme?.stable,
    kmeansThemeStability: kTheme?.stability ?? undefined,
    kmeansThemeStable: kTheme?.stable,
  };
  if (kind === 'paper') {
    const paperId = node.slice('paper:'.length);
    const graphPaper = paperThemes.find((row) => row.method === 'louvain' && row.paperId === paperId);
    const kPaper = paperThemes.find((row) => row.method === 'kmeans' && row.paperId === paperId);
    Object.assign(expected, { themeStrength: graphPaper?.strength, themeWeak: graphPaper?.weak, kmeansThemeStrength: kPaper?.strength, kmeansThemeWeak: kPaper?.weak });
  }
  return expected;
}

const QUALITY_KEYS = ['themeStrength', 'themeWeak', 'themeStability', 'themeStable', 'kmeansThemeStrength', 'kmeansThemeWeak', 'kmeansThemeStability', 'kmeansThemeStable'];

interface NetworkxGraph {
  directed: boolean;
  mode: string;
  nodes: Record<string, Record<string, unknown> & { viz?: { color?: { r: number; g: number; b: number }; size?: number; position?: { x: number; y: number } } }>;
  edges: [string, string, Record<string, unknown>][];
}

describe.each(graphs)('GEXF of the %s graph', (_name, build) => {
  const graph = build();

  it('validates against the GEXF 1.2draft schema with xmllint (viz elements and boolean theme flags included)', () => {
    const { xml } = toGexf(graph, { version: '1.2draft', lastModifiedDate: '2026-01-01', title: 'fixture' });
    expect(xml).toContain('<attribute id="themeWeak" title="themeWeak" type="boolean"/>');
    expect(xml).toContain('<attribute id="kmeansThemeStability" title="kmeansThemeStability" type="double"/>');
    expect(xml).toContain('<attvalue for="themeStable" value="true"/>');
    const result = withTempFiles({ 'graph.gexf': xml }, (dir) => xmllintSchema(FIXED_SCHEMA, join(dir, 'graph.gexf')));
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('validates against the GEXF 1.3 schema with xmllint (viz elements included)', () => {
    const { xml } = toGexf(graph, { version: '1.3', lastModifiedDate: '2026-01-01', title: 'fixture' });
    const result = withTempFiles({ 'graph.gexf': xml }, (dir) => xmllintSchema(FIXED_SCHEMA_13, join(dir, 'graph.gexf')));
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('is read back by networkx with counts, weights, typed values and viz on every node', () => {
    const { xml } = toGexf(graph, { version: '1.2draft' });
    const read = withTempFiles({ 'graph.gexf': xml }, (dir) => python(NETWORKX_READ, [join(dir, 'graph.gexf')])) as NetworkxGraph;
    expect(read.directed).toBe(false);
    expect(read.mode).toBe('dynamic');
    expect(Object.keys(read.nodes)).toEqual(graph.nodes());
    expect(read.edges).toHaveLength(graph.size);
    graph.forEachNode((node, attributes) => {
      const back = read.nodes[node];
      expect(back, node).toBeDefined();
      if (!back) return;
      expect(back['kind']).toBe(attributes['kind']);
      expect(typeof back['theme']).toBe('number');
      expect(back['theme']).toBe(attributes['theme']);
      expect(back['pagerank'] as number).toBeCloseTo(attributes['pagerank'] as number, 6);
      expect(back['weightedDegree'] as number).toBeCloseTo(attributes['weightedDegree'] as number, 6);
      if (attributes['kind'] === 'concept') expect(back['papers']).toBe(attributes['papers']);
      expect(back['label']).toBe(String(attributes['label']).replace('\u0007', ''));
      expect(back.viz?.color).toBeDefined();
      expect(back.viz?.size).toBeCloseTo(attributes['size'] as number, 3);
      expect(back.viz?.position?.x).toBeCloseTo(attributes['x'] as number, 3);
      expect(back.viz?.position?.y).toBeCloseTo(attributes['y'] as number, 3);
      const month = attributes['kind'] === 'paper' ? attributes['month'] : attributes['firstMonth'];
      if (month) expect(back['start']).toBe(`${String(month)}-01`);
      const quality = expectedThemeQuality(attributes['kind'], node, attributes['theme'], attributes['kmeansTheme']);
      for (const key of QUALITY_KEYS) expect(back[key], `${node}.${key}`).toEqual(quality[key]);
    });
    // The fixture holds every case: strong and weak papers, stable and fragile themes, unmeasured stability, no theme.
    if (graph.hasNode('paper:2509.00003')) {
      expect(read.nodes['paper:2509.00003']).toMatchObject({ themeStrength: 0.6, themeWeak: true, themeStability: 0.4, themeStable: false, kmeansThemeStrength: 0.7, kmeansThemeWeak: false, kmeansThemeStability: 0.9, kmeansThemeStable: true });
      expect(read.nodes['paper:title:no-date-paper']).toMatchObject({ kmeansThemeStrength: 0.2, kmeansThemeWeak: true });
      expect(read.nodes['paper:title:no-date-paper']?.['themeStrength']).toBeUndefined();
      expect(read.nodes['paper:title:no-date-paper']?.['kmeansThemeStability']).toBeUndefined();
    }
    let index = 0;
    graph.forEachEdge((_edge, attributes, source, target) => {
      const [u, v, data] = read.edges[index++] ?? ['', '', {}];
      expect(new Set([u, v])).toEqual(new Set([source, target]));
      expect(data['weight'] as number).toBeCloseTo(attributes['weight'] as number, 6);
      expect(data['count']).toBe(attributes['count']);
    });
  });

  it('is read back by graphology-gexf (Gephi Lite) as GEXF 1.3 with every attribute', () => {
    const { xml } = toGexf(graph, { version: '1.3' });
    const back = gexf.parse(Graph, xml);
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(back.type).toBe('undirected');
    graph.forEachNode((node, attributes) => {
      const read = back.getNodeAttributes(node);
      for (const key of ['kind', 'theme', 'themeLabel', 'kmeansTheme', 'kmeansThemeLabel', 'size', 'x', 'y']) {
        expect(read[key], `${node}.${key}`).toEqual(attributes[key]);
      }
      for (const key of ['weightedDegree', 'betweenness', 'pagerank']) expect(read[key] as number).toBeCloseTo(attributes[key] as number, 6);
      const quality = expectedThemeQuality(attributes['kind'], node, attributes['theme'], attributes['kmeansTheme']);
      for (const key of QUALITY_KEYS) expect(read[key], `${node}.${key}`).toEqual(quality[key]);
      if (attributes['kind'] === 'concept') {
        for (const key of ['conceptType', 'aliases', 'labelZh', 'papers', 'mentions', 'firstMonth']) expect(read[key], `${node}.${key}`).toEqual(attributes[key]);
      } else {
        for (const key of ['title', 'month', 'arxivId', 'paperUrl', 'codeUrl']) {
          const expected = String(attributes[key]).replace('\u0007', '');
          // Empty links are left out (anyURI); empty strings are written as "".
          expect(read[key], `${node}.${key}`).toEqual(expected === '' && key.endsWith('Url') ? undefined : expected);
        }
      }
      const hex = String(attributes['color']);
      const rgb = `rgb(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)})`;
      expect(read['color']).toBe(rgb);
    });
    graph.forEachEdge((_edge, attributes, source, target) => {
      const edge = back.edge(source, target);
      expect(edge).toBeDefined();
      if (edge === undefined) return;
      expect(back.getEdgeAttribute(edge, 'weight') as number).toBeCloseTo(attributes['weight'] as number, 6);
      expect(back.getEdgeAttribute(edge, 'count')).toBe(attributes['count']);
    });
  });
});

describe('the GEXF schemas', () => {
  it('as published, rejects the viz elements every Gephi file carries (why tests/schemas has a fixed copy)', () => {
    const { xml } = toGexf(fixtureConceptGraph(), { version: '1.2draft' });
    const result = withTempFiles({ 'graph.gexf': xml }, (dir) => xmllintSchema(OFFICIAL_SCHEMA, join(dir, 'graph.gexf')));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Element '{http://www.gexf.net/1.2draft/viz}color': This element is not expected.");
    // The only errors are about viz elements.
    const errors = result.stderr.split('\n').filter((line) => line.includes('Schemas validity error'));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toMatch(/\{http:\/\/www\.gexf\.net\/1\.2draft\/viz\}color/);
  });

  it('1.3 as published has the same defect: viz elements are declared in the gexf namespace', () => {
    const { xml } = toGexf(fixtureConceptGraph(), { version: '1.3' });
    const result = withTempFiles({ 'graph.gexf': xml }, (dir) => xmllintSchema(OFFICIAL_SCHEMA_13, join(dir, 'graph.gexf')));
    const errors = result.stderr.split('\n').filter((line) => line.includes('Schemas validity error'));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toContain("Element '{http://gexf.net/1.3/viz}color': This element is not expected.");
  });

  it('with our fix, still rejects a viz namespace of another version', () => {
    const { xml } = toGexf(fixtureConceptGraph(), { version: '1.3' });
    const wrong = xml.replace('xmlns:viz="http://gexf.net/1.3/viz"', 'xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    const result = withTempFiles({ 'graph.gexf': wrong }, (dir) => xmllintSchema(FIXED_SCHEMA_13, join(dir, 'graph.gexf')));
    expect(result.status).not.toBe(0);
  });

  it('with our fix, still rejects graphology-gexf 0.13 output, whose viz namespace is wrong', () => {
    const graph = fixtureConceptGraph();
    const theirs = gexf.write(graph, { version: '1.2' });
    expect(theirs).toContain('http:///www.gexf.net/1.1draft/viz');
    const result = withTempFiles({ 'graph.gexf': theirs }, (dir) => xmllintSchema(FIXED_SCHEMA, join(dir, 'graph.gexf')));
    expect(result.status).not.toBe(0);
  });

  it('local copy differs from the official files only where its README says', () => {
    const fixed = readFileSync(resolve(import.meta.dirname, '../schemas/gexf-1.2draft/data.xsd'), 'utf8');
    const official = readFileSync(resolve(import.meta.dirname, '../schemas/gexf-1.2draft-official/data.xsd'), 'utf8');
    expect(fixed.replaceAll('ref="viz:', 'ref="ns1:')).toBe(official);
  });
});
