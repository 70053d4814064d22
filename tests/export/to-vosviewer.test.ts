import { describe, expect, it } from 'vitest';
import { mapText, toVosviewer } from '../../src/export/to-vosviewer.ts';
import { fixtureConceptGraph, fixturePaperConceptGraph } from '../fixtures/graph/build-fixture-graphs.ts';

describe.each([
  ['paper–concept', fixturePaperConceptGraph],
  ['concept co-occurrence', fixtureConceptGraph],
])('VOSviewer files of the %s graph', (_name, build) => {
  const graph = build();
  const { map, network, json } = toVosviewer(graph);

  it('writes a map file with the manual header and one line per item, all with the same number of columns', () => {
    const lines = map.trimEnd().split('\n');
    const header = lines[0]?.split('\t') ?? [];
    expect(header.slice(0, 7)).toEqual(['id', 'label', 'description', 'url', 'x', 'y', 'cluster']);
    expect(header).toContain('weight<Total link strength>');
    expect(lines).toHaveLength(graph.order + 1);
    for (const line of lines) expect(line.split('\t')).toHaveLength(header.length);
    const ids = lines.slice(1).map((line) => Number(line.split('\t')[0]));
    expect(ids).toEqual(graph.nodes().map((_node, index) => index + 1));
    for (const line of lines.slice(1)) {
      const cluster = Number(line.split('\t')[6]);
      expect(Number.isInteger(cluster) && cluster >= 1 && cluster <= 1000).toBe(true);
    }
  });

  it('writes a network file of id pairs and strengths that refer to map ids', () => {
    const lines = network.trimEnd().split('\n');
    expect(lines).toHaveLength(graph.size);
    for (const line of lines) {
      const [a, b, strength] = line.split('\t').map(Number);
      expect(a).toBeGreaterThanOrEqual(1);
      expect(b).toBeLessThanOrEqual(graph.order);
      expect(strength).toBeGreaterThanOrEqual(0);
    }
  });

  it('writes VOSviewer JSON with items, links and labelled clusters', () => {
    const parsed = JSON.parse(json) as { network: { items: { id: number; label: string; cluster: number; weights: Record<string, number> }[]; links: { source_id: number; target_id: number; strength: number }[]; clusters: { cluster: number; label: string }[] } };
    expect(parsed.network.items).toHaveLength(graph.order);
    expect(parsed.network.links).toHaveLength(graph.size);
    const clusters = new Set(parsed.network.clusters.map((cluster) => cluster.cluster));
    for (const item of parsed.network.items) expect(clusters.has(item.cluster)).toBe(true);
    expect(parsed.network.clusters[0]?.label).toBe('GRPO & entropy');
    expect(parsed.network.items.some((item) => item.label === '__proto__')).toBe(true);
    expect(json).not.toContain('\\u0007');
  });
});

describe('mapText', () => {
  it('quotes labels with commas, semicolons or quotes and flattens tabs and line breaks', () => {
    expect(mapText('a, b')).toBe('"a, b"');
    expect(mapText('a; b')).toBe('"a; b"');
    expect(mapText('say "x"')).toBe('"say ""x"""');
    expect(mapText('a\tb\nc')).toBe('a b c');
    expect(mapText('熵坍缩 🚀 $\\alpha$')).toBe('熵坍缩 🚀 $\\alpha$');
  });
});
