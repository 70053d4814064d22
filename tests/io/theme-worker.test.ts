import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { detectThemes, detectThemesAsync, type DetectThemesOptions } from '../../src/cluster/detect-themes.ts';
import { fromPortableGraph, toPortableGraph } from '../../src/cluster/portable-graph.ts';
import { executeThemeRun, type ThemeRun, type ThemeRunner } from '../../src/cluster/theme-runs.ts';
import { buildCooccurrenceGraph } from '../../src/graph/build-cooccurrence-graph.ts';
import { createThreadThemeRunner } from '../../src/io/theme-worker.ts';
import { fixtureCorpus } from '../cluster/fixture-corpus.ts';

const corpus = fixtureCorpus(30, 4);
const conceptGraph = buildCooccurrenceGraph(corpus.papers, corpus.concepts, corpus.mentions);
const input = { papers: corpus.papers, concepts: corpus.concepts, mentions: corpus.mentions, conceptGraph };
const fast: DetectThemesOptions = { stabilityRuns: 2, graphConsensusRuns: 4, kmeansConsensusRuns: 10, kRange: [2, 6] };

describe('detectThemesAsync', () => {
  const expected = JSON.stringify(detectThemes(input, fast));

  it('gives the themes of detectThemes whatever order a runner executes the runs in', async () => {
    const executed: ThemeRun[] = [];
    const backwards: ThemeRunner = async (data, runs) => {
      const results = [...runs].reverse().map((run) => {
        executed.push(run);
        return executeThemeRun(run, data);
      });
      return results.reverse();
    };
    expect(JSON.stringify(await detectThemesAsync(input, backwards, fast))).toBe(expected);
    // One k-means reference, 3 runs × (1 + 2 seeds + 2 resolutions) of Louvain and Leiden, then 2 k-means seeds.
    expect(executed.filter((run) => run.kind === 'communities')).toHaveLength(10);
    expect(executed.filter((run) => run.kind === 'kmeans')).toHaveLength(3);
  });

  it('gives the same themes on worker threads, for the paper graph and the concept graph', async () => {
    for (const options of [fast, { ...fast, graphInput: 'concepts' as const }, { ...fast, sampleRows: 60 }]) {
      const runner = createThreadThemeRunner({ workers: 2, minRows: 0 });
      try {
        expect(JSON.stringify(await detectThemesAsync(input, runner.run, options))).toBe(JSON.stringify(detectThemes(input, options)));
      } finally {
        await runner.close();
      }
    }
  });

  it('reports a run that fails in a thread as an error of the worker pool', async () => {
    const runner = createThreadThemeRunner({ workers: 2, minRows: 0 });
    const data = { graph: conceptGraph, rows: { rowCount: 3, dimensions: 1, data: new Float64Array([1, 0, 1]) } };
    const broken: ThemeRun = { kind: 'kmeans', options: { k: 0 } };
    try {
      await expect(runner.run(data, [broken, broken])).rejects.toThrow(/task failed in a worker: .*k must be a positive integer/);
    } finally {
      await runner.close();
    }
  });
});

describe('portable graphs', () => {
  it('rebuild with the same nodes, edges, weights and orders, with integer-like keys', () => {
    const graph = new Graph({ type: 'undirected' });
    for (const key of ['b', 'title:constructor', '10', 'a']) graph.addNode(key, { label: key });
    graph.addEdge('b', 'a', { weight: 0.5 });
    graph.addEdge('10', 'title:constructor', { weight: 2 });
    graph.addEdge('a', 'title:constructor', { count: 3 });
    const rebuilt = fromPortableGraph(structuredClone(toPortableGraph(graph)));
    expect(rebuilt.nodes()).toEqual(graph.nodes());
    const edges = (g: typeof graph): string[] => g.mapEdges((_edge, attributes, source, target) => `${source}-${target}:${attributes['weight'] ?? 1}`);
    expect(edges(rebuilt)).toEqual(edges(graph));
    expect(rebuilt.neighbors('title:constructor')).toEqual(graph.neighbors('title:constructor'));
  });
});
