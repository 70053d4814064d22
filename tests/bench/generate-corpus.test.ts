import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorpusGenerator, readCorpusModel, writeCorpus, type CorpusModel } from '../../bench/generate-corpus.ts';
import { parseArxivRecord } from '../../src/ingest/parse-arxiv-record.ts';

let model: CorpusModel;
let dir = '';
beforeAll(async () => {
  model = await readCorpusModel();
  dir = await mkdtemp(join(tmpdir(), 'papergraph-corpus-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generate-corpus', () => {
  it('gives the same bytes for the same seed, and different ones for another seed', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const c = join(dir, 'c.jsonl.gz');
    await writeCorpus(a, 300, { seed: 7 }, model);
    await writeCorpus(b, 300, { seed: 7 }, model);
    await writeCorpus(c, 300, { seed: 8 }, model);
    const textA = await readFile(a, 'utf8');
    expect(await readFile(b, 'utf8')).toBe(textA);
    expect(gunzipSync(await readFile(c)).toString('utf8')).not.toBe(textA);
  });

  it('generates paper i the same way whatever is generated before it', () => {
    const generator = createCorpusGenerator(model, 200, { seed: 3 });
    const forward = Array.from({ length: 200 }, (_, i) => generator.line(i));
    const again = createCorpusGenerator(model, 200, { seed: 3 });
    expect(again.line(150)).toBe(forward[150]);
    expect(again.line(3)).toBe(forward[3]);
  });

  it('writes snapshot records that parse, with unique ids in order, months over years, realistic abstracts', () => {
    const n = 2000;
    const generator = createCorpusGenerator(model, n, { seed: 42 });
    const ids = new Set<string>();
    const years = new Set<string>();
    const lengths: number[] = [];
    let previous = '';
    for (let i = 0; i < n; i++) {
      const { paper, issue } = parseArxivRecord(generator.line(i), { file: 'x', line: i + 1 });
      expect(issue).toBeNull();
      if (paper === null) throw new Error('no paper');
      expect(paper.id > previous).toBe(true);
      previous = paper.id;
      ids.add(paper.id);
      years.add(paper.month?.slice(0, 4) ?? '');
      lengths.push(paper.abstract.split(' ').length);
      expect(paper.categories.length).toBeGreaterThan(0);
    }
    expect(ids.size).toBe(n);
    expect(years.size).toBeGreaterThanOrEqual(15);
    lengths.sort((a, b) => a - b);
    const median = lengths[n >> 1] ?? 0;
    expect(median).toBeGreaterThan(100);
    expect(median).toBeLessThan(300);
  });

  it('introduces terms with their acronyms', () => {
    const line = createCorpusGenerator(model, 10, { seed: 1 }).line(5);
    expect(JSON.parse(line).abstract.replace(/\s+/g, ' ')).toMatch(/[A-Z][a-z]+(?: [A-Z][a-z]+)+ \([A-Z0-9+-]{2,}\)/);
  });

  it('breaks lines on request', () => {
    const generator = createCorpusGenerator(model, 200, { seed: 1, badLineRate: 0.5 });
    const bad = Array.from({ length: 200 }, (_, i) => generator.line(i)).filter((line) => parseArxivRecord(line, { file: 'x', line: 1 }).issue !== null);
    expect(bad.length).toBeGreaterThan(50);
  });
});

describe('writeCorpus in workers', () => {
  it('writes the same bytes with 0 and 2 worker threads', async () => {
    const inline = join(dir, 'inline.jsonl');
    const threaded = join(dir, 'threaded.jsonl');
    await writeCorpus(inline, 4500, { seed: 5 }, model, 0);
    await writeCorpus(threaded, 4500, { seed: 5 }, undefined, 2);
    expect(await readFile(threaded, 'utf8')).toBe(await readFile(inline, 'utf8'));
  });
});
