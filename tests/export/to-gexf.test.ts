import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { toGexf, toGexfChunks } from '../../src/export/to-gexf.ts';
import { assignMetrics } from '../../src/graph/assign-metrics.ts';
import { assignThemes } from '../../src/graph/assign-themes.ts';
import { buildPaperConceptGraph } from '../../src/graph/build-paper-concept-graph.ts';
import { concepts, mentions, papers, paperThemes, themes } from '../fixtures/graph/hostile-corpus.ts';
import { fixtureConceptGraph, fixturePaperConceptGraph } from '../fixtures/graph/build-fixture-graphs.ts';

/** The fixture graph with metrics and themes but positions set by hand, so the golden file does not depend on layout. */
function goldenGraph() {
  const graph = buildPaperConceptGraph(papers, concepts, mentions);
  assignMetrics(graph);
  assignThemes(graph, themes, paperThemes);
  let index = 0;
  graph.updateEachNodeAttributes((_node, attributes) => ({ ...attributes, x: index * 10, y: -index++ * 5.5, size: 4 + index }));
  return graph;
}

/** Compares with tests/golden/<name>; on a mismatch writes <name>-changed.<ext> beside it for review. */
function expectGolden(name: string, actual: string): void {
  const path = resolve(import.meta.dirname, '../golden', name);
  const changed = path.replace(/(\.[^.]+)$/, '-changed$1');
  if (!existsSync(path)) {
    writeFileSync(changed, actual);
    throw new Error(`no golden file ${name}: review ${changed} and rename it`);
  }
  const expected = readFileSync(path, 'utf8');
  if (expected !== actual) writeFileSync(changed, actual);
  expect(actual).toBe(expected);
}

describe('toGexf', () => {
  it('matches the reviewed golden files (1.3 and 1.2draft)', () => {
    expectGolden('paper-concept-1.3.gexf', toGexf(goldenGraph(), { version: '1.3', lastModifiedDate: '2026-01-01', title: 'papergraph fixture' }).xml);
    expectGolden('paper-concept-1.2draft.gexf', toGexf(goldenGraph(), { version: '1.2draft', lastModifiedDate: '2026-01-01', title: 'papergraph fixture' }).xml);
  });

  it('writes the namespaces Gephi writes', () => {
    const v13 = toGexf(fixtureConceptGraph()).xml;
    expect(v13).toContain('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"');
    expect(v13).toContain('version="1.3"');
    const v12 = toGexf(fixtureConceptGraph(), { version: '1.2draft' }).xml;
    expect(v12).toContain('<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(v12).toContain('version="1.2"');
    expect(v12).not.toContain('1.1draft');
  });

  it('gives byte-identical files for the same seed, and different positions for another seed', () => {
    expect(toGexf(fixturePaperConceptGraph(11)).xml).toBe(toGexf(fixturePaperConceptGraph(11)).xml);
    expect(toGexf(fixturePaperConceptGraph(11)).xml).not.toBe(toGexf(fixturePaperConceptGraph(12)).xml);
  });

  it('writes no date unless one is passed', () => {
    expect(toGexf(fixtureConceptGraph()).xml).not.toContain('lastmodifieddate');
    expect(toGexf(fixtureConceptGraph(), { lastModifiedDate: '2026-02-03' }).xml).toContain('<meta lastmodifieddate="2026-02-03">');
  });

  it('escapes markup, keeps Chinese, emoji and LaTeX, removes and reports control characters', () => {
    const { xml, issues } = toGexf(fixturePaperConceptGraph());
    expect(xml).toContain('label="Entropy &amp; &lt;Collapse&gt; in &quot;RL&quot; — it\'s real"');
    expect(xml).toContain('熵坍缩与探索 🚀 with $\\alpha$-entropy');
    expect(xml).toContain('label="bellconcept"');
    expect(xml).not.toContain('\u0007');
    expect(issues.map((found) => found.code)).toEqual(['control-characters', 'control-characters', 'control-characters']);
    expect(issues[2]?.message).toContain('U+0007');
    expect(issues[2]?.message).toContain('concept:bell');
  });

  it('writes start dates from months in dynamic mode and none in static mode', () => {
    const dynamic = toGexf(fixturePaperConceptGraph()).xml;
    expect(dynamic).toContain('<graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timerepresentation="interval">');
    expect(dynamic).toMatch(/<node id="concept:grpo" label="GRPO" start="2025-08-01">/);
    expect(dynamic).toMatch(/<edge id="0" source="paper:2508.00001" target="concept:grpo" weight="0.9" start="2025-08-01">/);
    expect(dynamic).toMatch(/<node id="paper:title:no-date-paper" label="A paper with no date">/);
    const fixed = toGexf(fixturePaperConceptGraph(), { dynamic: false }).xml;
    expect(fixed).toContain('<graph mode="static" defaultedgetype="undirected">');
    expect(fixed).not.toContain('start=');
  });

  it('streams the same document in chunks', () => {
    const graph = fixturePaperConceptGraph();
    const { chunks } = toGexfChunks(graph, { chunkSize: 2 });
    const parts = [...chunks];
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.join('')).toBe(toGexf(graph).xml);
  });

  it('does not mutate the graph and handles an empty graph', () => {
    const graph = fixtureConceptGraph();
    const before = JSON.stringify(graph.export());
    toGexf(graph);
    expect(JSON.stringify(graph.export())).toBe(before);
    const empty = toGexf(new Graph({ type: 'undirected' })).xml;
    expect(empty).toContain('<nodes count="0">');
  });

  it('rejects bad options with the module path', () => {
    expect(() => toGexf(fixtureConceptGraph(), { version: '1.1' as never })).toThrow(/^papergraph\/export\/to-gexf: version/);
    expect(() => toGexf(fixtureConceptGraph(), { lastModifiedDate: 'today' })).toThrow(/lastModifiedDate/);
  });
});
