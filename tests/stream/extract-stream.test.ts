import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpusModel, writeCorpus } from '../../bench/generate-corpus.ts';
import { extractStream, type ExtractStreamOptions } from '../../src/stream/extract-stream.ts';
import { toMentionTable } from '../../src/stream/accumulate-chunks.ts';
import { extractConcepts } from '../../src/concepts/extract-concepts.ts';
import { parseArxivRecord } from '../../src/ingest/parse-arxiv-record.ts';
import type { Mention, Paper } from '../../src/core/types.ts';

let dir = '';
let corpus = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'papergraph-stream-'));
  corpus = join(dir, 'corpus.jsonl');
  await writeCorpus(corpus, 400, { seed: 11 }, await readCorpusModel());
  // A bad line, a huge line and a duplicate with a higher version at the end.
  await appendFile(corpus, `{"id": broken\n{"id":"9999.00001","title":"${'x'.repeat(9000)}"}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base: ExtractStreamOptions = { chunkLines: 37, sampleSize: 150, maxLineBytes: 8000 };
const run = (options: ExtractStreamOptions) => extractStream([{ path: corpus, display: 'corpus.jsonl' }], { ...base, ...options });

describe('extractStream', () => {
  it('gives the same papers, concepts and mentions with 1 and 2 workers and on the main thread', async () => {
    const one = await run({ workers: 1 });
    const two = await run({ workers: 2 });
    const inline = await run({ workers: 0 });
    expect(one.papers).toHaveLength(400);
    expect(one.concepts.length).toBeGreaterThan(20);
    for (const other of [two, inline]) {
      expect(other.papers).toEqual(one.papers);
      expect(other.concepts).toEqual(one.concepts);
      expect([...toMentionTable(other)]).toEqual([...toMentionTable(one)]);
      expect(other.issues).toEqual(one.issues);
    }
  });

  it('reports the bad and the huge line with their line numbers', async () => {
    const result = await run({ workers: 1 });
    expect(result.issues.filter((entry) => entry.code === 'bad-json-line').map((entry) => entry.line)).toEqual([401]);
    expect(result.issues.filter((entry) => entry.code === 'huge-line').map((entry) => entry.line)).toEqual([402]);
    expect(result.papers.every((paper) => paper.abstract === '' && paper.sources[0]?.file === 'corpus.jsonl')).toBe(true);
  });

  it('filters by category and month while reading', async () => {
    const all = await run({ workers: 1 });
    const some = await run({ workers: 1, filter: { categories: ['cs.CL'], from: '2015-01' } });
    expect(some.papers.length).toBeGreaterThan(0);
    expect(some.papers.length).toBeLessThan(all.papers.length);
    expect(some.papers.every((paper) => paper.categories.includes('cs.CL') && (paper.month ?? '') >= '2015-01')).toBe(true);
    expect(some.filtered).toBe(all.papers.length - some.papers.length);
  });

  it('finds the same concepts and mentions as the in-memory extractConcepts with the same vocabulary', async () => {
    const streamed = await run({ workers: 2 });
    const papers = (await readFile(corpus, 'utf8'))
      .split('\n')
      .map((text, i) => parseArxivRecord(text, { file: 'corpus.jsonl', line: i + 1 }).paper)
      .filter((paper): paper is Paper => paper !== null);
    const inMemory = extractConcepts(papers, { vocabulary: streamed.vocabulary });
    expect(streamed.concepts).toEqual(inMemory.concepts);
    const strip = (mention: Mention) => ({ ...mention, forms: [], evidence: [] });
    expect([...toMentionTable(streamed)].map(strip)).toEqual(inMemory.mentions.map(strip));
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(run({ workers: 1, signal: controller.signal })).rejects.toThrow(/papergraph/);
  });
});
