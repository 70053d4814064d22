import { describe, expect, it } from 'vitest';
import { comparePartitions } from '../../src/cluster/compare-partitions.ts';
import { detectThemes, type DetectThemesOptions } from '../../src/cluster/detect-themes.ts';
import { THEME_METHODS } from '../../src/core/types.ts';
import { buildCooccurrenceGraph } from '../../src/graph/build-cooccurrence-graph.ts';
import { expectOneThemePerPaper, expectThemesNumberedBySize } from './theme-invariants.ts';
import { fixtureCorpus } from './fixture-corpus.ts';

const corpus = fixtureCorpus();
const conceptGraph = buildCooccurrenceGraph(corpus.papers, corpus.concepts, corpus.mentions);
const input = { papers: corpus.papers, concepts: corpus.concepts, mentions: corpus.mentions, conceptGraph };
const fast: DetectThemesOptions = { stabilityRuns: 2, graphConsensusRuns: 4, kmeansConsensusRuns: 10, kRange: [2, 6] };

describe.each(['papers', 'concepts'] as const)('detectThemes on the %s graph', (graphInput) => {
  const result = detectThemes(input, { ...fast, graphInput });

  it('gives every paper exactly one theme per method, with strength in 0..1', () => {
    expectOneThemePerPaper(result, corpus.papers.map((paper) => paper.id));
  });

  it('numbers themes densely from 0, largest first, and lists each paper in its theme', () => {
    expectThemesNumberedBySize(result, corpus.papers.map((paper) => paper.id), (theme) => theme.size);
  });

  it('flags papers without concepts or words as weakly assigned, never as "other"', () => {
    const empty = corpus.papers.filter((paper) => paper.abstract === '').map((paper) => paper.id);
    const graphRows = result.paperThemes.filter((row) => row.method === 'leiden' && empty.includes(row.paperId));
    expect(graphRows).toHaveLength(empty.length);
    if (graphInput === 'concepts') for (const row of graphRows) expect(row.weak).toBe(true);
  });

  it('labels each theme with 2–4 concepts and distinct head labels within a method', () => {
    for (const method of THEME_METHODS) {
      const themes = result.themes.filter((theme) => theme.method === method);
      const heads = themes.map((theme) => theme.label.split(' · ')[0]);
      expect(new Set(heads).size).toBe(heads.length);
      for (const theme of themes) {
        const parts = theme.label.split(' · ');
        expect(parts.length).toBeGreaterThanOrEqual(2);
        expect(parts.length).toBeLessThanOrEqual(4);
      }
    }
  });

  it('puts each concept of the concept graph in at most one graph theme', () => {
    for (const method of ['louvain', 'leiden'] as const) {
      const listed = result.themes.filter((theme) => theme.method === method).flatMap((theme) => theme.concepts);
      expect(new Set(listed).size).toBe(listed.length);
      for (const conceptId of listed) expect(conceptGraph.hasNode(conceptId)).toBe(true);
    }
  });

  it('recovers the planted topics', () => {
    const truth = corpus.papers.map((paper) => corpus.truth.get(paper.id) ?? -1);
    for (const method of THEME_METHODS) {
      const byPaper = new Map(result.paperThemes.filter((row) => row.method === method).map((row) => [row.paperId, row.themeId]));
      const found = corpus.papers.map((paper) => byPaper.get(paper.id) ?? -1);
      expect(comparePartitions(found, truth).nmi).toBeGreaterThan(0.6);
    }
  });

  it('gives identical themes for the same seed, and does not mutate its input', () => {
    const before = JSON.stringify([corpus.papers, corpus.concepts, corpus.mentions]);
    const again = detectThemes(input, { ...fast, graphInput });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
    expect(JSON.stringify([corpus.papers, corpus.concepts, corpus.mentions])).toBe(before);
  });

  it('reports stability, modularity and a crosswalk that covers every paper', () => {
    expect(result.clustering.leiden?.stability?.seeds).toEqual([43, 44]);
    expect(result.clustering.leiden?.resolutions?.map((entry) => entry.resolution)).toEqual([0.5, 2]);
    for (const entry of result.clustering.louvain.resolutions ?? []) expect(entry.ari).toBeLessThanOrEqual(1);
    for (const theme of result.themes) {
      expect(theme.stability).not.toBeNull();
      expect(theme.stable).toBe((theme.stability ?? 0) >= 0.75);
    }
    expect(result.clustering.louvain.modularity).toBeGreaterThan(0);
    const total = result.crosswalk.cells.reduce((sum, cell) => sum + cell.papers, 0);
    expect(total).toBe(corpus.papers.length);
    for (const cell of result.crosswalk.cells) {
      expect(cell.jaccard).toBeGreaterThan(0);
      expect(cell.jaccard).toBeLessThanOrEqual(Math.min(cell.shareOfRow, cell.shareOfColumn) + 1e-12);
    }
    expect(result.clustering.crosswalk).toBe(result.crosswalk);
  });
});

describe('detectThemes options', () => {
  it('uses a user-given k', () => {
    const result = detectThemes(input, { ...fast, k: 3 });
    expect(result.clustering.kmeans.k).toBe(3);
    expect(result.clustering.kmeans.chosenBy).toBe('user');
  });

  it('rejects an unknown graph method with a message naming the module', () => {
    expect(() => detectThemes(input, { graphMethod: 'spectral' as 'leiden' })).toThrow(/^papergraph\/cluster\/detect-themes: unknown graphMethod/);
  });

  it('handles an empty corpus', () => {
    const empty = detectThemes({ papers: [], concepts: [], mentions: [], conceptGraph: buildCooccurrenceGraph([], [], []) }, fast);
    expect(empty.paperThemes).toEqual([]);
  });
});

describe('cluster public surface', () => {
  it('exports the pieces named in the contract', async () => {
    const keys = Object.keys(await import('../../src/cluster/index.ts'));
    for (const name of ['detectThemes', 'detectLouvainCommunities', 'detectLeidenCommunities', 'detectKmeansClusters', 'labelThemes', 'measureStability', 'crosswalkThemes', 'modularity', 'assignThemeAttributes']) {
      expect(keys).toContain(name);
    }
  });
});
