import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpusModel, writeCorpus } from '../../bench/generate-corpus.ts';
import { runCliCaptured } from './run-cli.ts';

describe('papergraph analyze on JSONL (streaming route)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'papergraph-jsonl-cli-'));
    await writeCorpus(join(work, 'snapshot.jsonl.gz'), 120, { seed: 4 }, await readCorpusModel());
  });

  it('reads a gzip snapshot with a category filter and writes the outputs; the same for 1 and 2 workers', { timeout: 900_000 }, async () => {
    const one = await runCliCaptured(['analyze', 'snapshot.jsonl.gz', '--category', 'cs.LG', '--from', '2012-01', '--workers', '1', '--quiet', '--out', 'one', '-k', '3'], work);
    expect(one.stderr).toMatch(/read \d+ papers from 1 file\(s\)/);
    expect(one.code).toBe(0);
    const two = await runCliCaptured(['analyze', 'snapshot.jsonl.gz', '--category', 'cs.LG', '--from', '2012-01', '--workers', '2', '--quiet', '--out', 'two', '-k', '3'], work);
    expect(two.code).toBe(0);
    const files = (await readdir(join(work, 'one'))).sort();
    expect(files).toContain('concepts.csv');
    expect((await readdir(join(work, 'two'))).sort()).toEqual(files);
    for (const file of ['papers.csv', 'concepts.csv', 'mentions.csv', 'concepts.gexf']) {
      expect(await readFile(join(work, 'two', file), 'utf8')).toBe(await readFile(join(work, 'one', file), 'utf8'));
    }
  });

  it('prints progress lines on a non-terminal stderr unless quiet', { timeout: 600_000 }, async () => {
    const run = await runCliCaptured(['analyze', 'snapshot.jsonl.gz', '--workers', '1', '--out', 'progress', '-k', '3'], work);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^extract: \d+ papers in [\d.]+ s/m);
  });

  it('learns the vocabulary from --vocabulary-sample papers and says so in the report parameters', { timeout: 600_000 }, async () => {
    const run = await runCliCaptured(['analyze', 'snapshot.jsonl.gz', '--workers', '0', '--vocabulary-sample', '40', '--quiet', '--out', 'sampled', '-k', '3'], work);
    expect(run.code).toBe(0);
    const report = await readFile(join(work, 'sampled', 'report.md'), 'utf8');
    const sample = Number(/\| vocabularySample \| (\d+) \|/.exec(report)?.[1]);
    // Lines are sampled evenly by seeking, so about 40 (a few more or fewer), far below the 120 in the file.
    expect(sample).toBeGreaterThanOrEqual(30);
    expect(sample).toBeLessThanOrEqual(50);
    const bad = await runCliCaptured(['analyze', 'snapshot.jsonl.gz', '--vocabulary-sample', '0', '--out', 'bad'], work);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--vocabulary-sample must be at least 1/);
  });

  it('refuses JSONL filters on paper lists', async () => {
    const run = await runCliCaptured(['analyze', new URL('../../data/rl-entropy-papers.md', import.meta.url).pathname, '--category', 'cs.LG', '--out', 'x'], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/apply to JSONL inputs/);
  });
});
