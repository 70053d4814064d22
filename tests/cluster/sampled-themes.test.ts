import { describe, expect, it } from 'vitest';
import { assignPapersOutsideSample } from '../../src/cluster/assign-papers-outside-sample.ts';
import { buildPaperAdjacency } from '../../src/cluster/build-paper-adjacency.ts';
import { comparePartitions } from '../../src/cluster/compare-partitions.ts';
import { detectThemes, type DetectThemesOptions } from '../../src/cluster/detect-themes.ts';
import { fitShareTemperature } from '../../src/cluster/fit-share-temperature.ts';
import { THEME_METHODS } from '../../src/core/types.ts';
import { buildCooccurrenceGraph } from '../../src/graph/build-cooccurrence-graph.ts';
import { expectOneThemePerPaper, expectThemesNumberedBySize } from './theme-invariants.ts';
import { fixtureCorpus } from './fixture-corpus.ts';
import { plantedGraph } from './planted.ts';

const corpus = fixtureCorpus(40, 4);
const conceptGraph = buildCooccurrenceGraph(corpus.papers, corpus.concepts, corpus.mentions);
const input = { papers: corpus.papers, concepts: corpus.concepts, mentions: corpus.mentions, conceptGraph };
const fast: DetectThemesOptions = { stabilityRuns: 2, graphConsensusRuns: 4, kmeansConsensusRuns: 10, kRange: [2, 6] };
const sampleRows = 60;

describe('detectThemes fitted on a sample', () => {
  const result = detectThemes(input, { ...fast, sampleRows });
  const truth = corpus.papers.map((paper) => corpus.truth.get(paper.id) ?? -1);
  const themeOf = (method: string): number[] => {
    const byPaper = new Map(result.paperThemes.filter((row) => row.method === method).map((row) => [row.paperId, row.themeId]));
    return corpus.papers.map((paper) => byPaper.get(paper.id) ?? -1);
  };

  it('recovers the planted topics with k-means and both graph methods', () => {
    for (const method of THEME_METHODS) expect(comparePartitions(themeOf(method), truth).nmi).toBeGreaterThan(0.6);
  });

  it('gives every paper one theme per method, numbered largest first over all papers, with strength in 0..1', () => {
    const paperIds = corpus.papers.map((paper) => paper.id);
    expectOneThemePerPaper(result, paperIds);
    expectThemesNumberedBySize(result, paperIds, (theme) => theme.papers.length);
  });

  it('flags only papers without evidence as weak, not papers outside the sample', () => {
    const empty = new Set(corpus.papers.filter((paper) => paper.abstract === '').map((paper) => paper.id));
    const kmeansWeak = result.paperThemes.filter((row) => row.method === 'kmeans' && row.weak);
    for (const row of kmeansWeak) expect(empty.has(row.paperId)).toBe(true);
    expect(result.clustering.weaklyAssigned?.louvain ?? 0).toBeLessThan(corpus.papers.length - sampleRows);
  });

  it('reports the sample in an info issue', () => {
    expect(result.issues.some((entry) => entry.code === 'themes-sampled' && entry.severity === 'info' && entry.message.includes(`sample of ${sampleRows} of ${corpus.papers.length} papers`))).toBe(true);
  });

  it('gives identical themes for the same seed and different ones for another seed', () => {
    expect(JSON.stringify(detectThemes(input, { ...fast, sampleRows }))).toBe(JSON.stringify(result));
    expect(JSON.stringify(detectThemes(input, { ...fast, sampleRows, seed: 7 }))).not.toBe(JSON.stringify(result));
  });

  it('is the unsampled result when the corpus has at most sampleRows papers', () => {
    const full = JSON.stringify(detectThemes(input, fast));
    expect(JSON.stringify(detectThemes(input, { ...fast, sampleRows: corpus.papers.length }))).toBe(full);
    expect(JSON.stringify(detectThemes(input, { ...fast, sampleRows: Infinity }))).toBe(full);
  });

  it('rejects a sampleRows that is not a positive integer', () => {
    expect(() => detectThemes(input, { sampleRows: 0 })).toThrow(/^papergraph\/cluster\/detect-themes: sampleRows/);
    expect(() => detectThemes(input, { sampleRows: 2.5 })).toThrow(/sampleRows must be/);
  });
});

describe('assignPapersOutsideSample', () => {
  // Four unit rows in 2-D; rows 0 and 2 are the sample, row 3 is all zero.
  const vectors = { rowCount: 4, dimensions: 2, data: Float64Array.from([1, 0, 0.6, 0.8, 0, 1, 0, 0]) };
  const sample = Uint32Array.from([0, 2]);
  const fitted = { theme: Int32Array.from([1, 0]), strength: Float64Array.from([0.9, 0.7]), weak: new Uint8Array(2) };
  const centroids = Float64Array.from([0, 1, 1, 0]);

  it('keeps sampled papers, sends the others to the most similar centroid with cosine strength', () => {
    const out = assignPapersOutsideSample(vectors, sample, fitted, centroids, 2, { kind: 'cosine' });
    expect(Array.from(out.theme)).toEqual([1, 0, 0, 0]);
    expect(Array.from(out.strength)).toEqual([0.9, 0.8, 0.7, 0]);
    expect(Array.from(out.weak)).toEqual([0, 0, 0, 1]);
  });

  it('picks exactly the nearest centroid of a plain loop, for any number of themes', () => {
    const d = 7;
    const random = (() => {
      let x = 12345;
      return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
    })();
    const rows = { rowCount: 50, dimensions: d, data: Float64Array.from({ length: 50 * d }, random) };
    for (let t = 1; t <= 9; t++) {
      const centres = Float64Array.from({ length: t * d }, random);
      const out = assignPapersOutsideSample(rows, new Uint32Array(0), { theme: new Int32Array(0), strength: new Float64Array(0), weak: new Uint8Array(0) }, centres, t, { kind: 'cosine' });
      for (let i = 0; i < rows.rowCount; i++) {
        let best = 0;
        let bestDot = -Infinity;
        for (let c = 0; c < t; c++) {
          let dot = 0;
          for (let a = 0; a < d; a++) dot += rows.data[i * d + a]! * centres[c * d + a]!;
          if (dot > bestDot + 1e-12) [best, bestDot] = [c, dot];
        }
        expect(out.theme[i]).toBe(best);
        expect(out.strength[i]).toBe(Math.min(1, Math.max(0, bestDot)));
      }
    }
  });

  it('gives a softmax share of the centroid similarities as graph strength', () => {
    const out = assignPapersOutsideSample(vectors, sample, fitted, centroids, 2, { kind: 'share', temperature: 0.1 });
    expect(out.strength[1]).toBeCloseTo(1 / (1 + Math.exp((0.6 - 0.8) / 0.1)), 12);
  });
});

describe('fitShareTemperature', () => {
  it('makes the mean softmax share of the sample match its mean edge share', () => {
    const vectors = { rowCount: 3, dimensions: 2, data: Float64Array.from([1, 0, 0.6, 0.8, 0, 1]) };
    const assignment = { theme: Int32Array.from([0, 1, 1]), strength: Float64Array.from([0.9, 0.6, 0.9]), weak: new Uint8Array(3) };
    const centroids = Float64Array.from([1, 0, 0, 1]);
    const temperature = fitShareTemperature(vectors, assignment, centroids, 2);
    const shares = [
      [1, 0],
      [0.6, 0.8],
      [0, 1],
    ].map(([a, b]) => 1 / (1 + Math.exp(-Math.abs(a! - b!) / temperature)));
    expect(shares.reduce((sum, share) => sum + share, 0) / 3).toBeCloseTo(0.8, 5);
  });
});

describe('buildPaperAdjacency', () => {
  it('lists each paper its edges in the graph’s own order and weights', () => {
    const { graph } = plantedGraph(3, 6, 0.6, 0.1);
    const ids = graph.nodes();
    const adjacency = buildPaperAdjacency(ids, graph);
    ids.forEach((id, i) => {
      const expected: [string, number][] = [];
      graph.forEachEdge(id, (_edge, attributes, source, target) => expected.push([source === id ? target : source, attributes.weight as number]));
      const got: [string, number][] = [];
      for (let e = adjacency.offsets[i]!; e < adjacency.offsets[i + 1]!; e++) got.push([ids[adjacency.neighbors[e]!]!, adjacency.weights[e]!]);
      expect(got).toEqual(expected);
    });
  });
});
