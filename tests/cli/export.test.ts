import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli.ts';

const seedList = new URL('../../data/rl-entropy-papers.md', import.meta.url).pathname;

describe('papergraph export (in-process)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'papergraph-export-'));
    await cp(seedList, join(work, 'lists', 'seed.md'));
  });

  it('writes the chosen formats for the chosen graph, and the same seed gives byte-identical files', async () => {
    const args = ['export', 'lists', '--format', 'gexf', 'graphml', '--gexf-version', '1.2draft', '--graph', 'concepts', '--seed', '3'];
    const first = await runCliCaptured([...args, '--out', 'a'], work);
    expect(first.stderr).toContain('papergraph export: 2 files written to a');
    expect(first.code).toBe(0);
    expect((await readdir(join(work, 'a'))).sort()).toEqual(['concept-graph.gexf', 'concept-graph.graphml']);
    const gexf = await readFile(join(work, 'a', 'concept-graph.gexf'), 'utf8');
    expect(gexf).toContain('xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(gexf).toContain('mode="dynamic"');
    const second = await runCliCaptured([...args, '--out', 'b'], work);
    expect(second.code).toBe(0);
    expect(await readFile(join(work, 'b', 'concept-graph.gexf'), 'utf8')).toBe(gexf);
  });

  it('writes every file of a format for both graphs by default', async () => {
    const run = await runCliCaptured(['export', 'lists', '--format', 'vosviewer,csv', '--out', 'c', '--no-timeline'], work);
    expect(run.code).toBe(0);
    expect((await readdir(join(work, 'c'))).sort()).toEqual([
      'concept-graph.edges.csv',
      'concept-graph.nodes.csv',
      'concept-graph.vosviewer-map.txt',
      'concept-graph.vosviewer-network.txt',
      'concept-graph.vosviewer.json',
      'paper-concept-graph.edges.csv',
      'paper-concept-graph.nodes.csv',
      'paper-concept-graph.vosviewer-map.txt',
      'paper-concept-graph.vosviewer-network.txt',
      'paper-concept-graph.vosviewer.json',
    ]);
  });

  it('rejects an unknown format and writes nothing', async () => {
    const run = await runCliCaptured(['export', 'lists', '--format', 'pajek', '--out', 'd'], work);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/unknown format "pajek"/);
    await expect(readdir(join(work, 'd'))).rejects.toThrow();
  });
});
