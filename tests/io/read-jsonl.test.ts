import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonl, readJsonlBatches, readJsonlByteBatches, sampleJsonlLines } from '../../src/io/read-jsonl.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'papergraph-jsonl-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(path: string, options = {}) {
  const out: { line: number; text: string | null; code?: string }[] = [];
  for await (const entry of readJsonl(path, options)) out.push(entry.text === null ? { line: entry.line, text: null, code: entry.issue.code } : entry);
  return out;
}

describe('readJsonl', () => {
  it('yields nothing for an empty file', async () => {
    const path = join(dir, 'empty.jsonl');
    await writeFile(path, '');
    expect(await collect(path)).toEqual([]);
  });

  it('numbers lines from 1, skips blank lines, accepts CRLF, a BOM and a last line without newline', async () => {
    const path = join(dir, 'lines.jsonl');
    await writeFile(path, '\uFEFF{"a":1}\r\n\n  \n{"b":"é"}\r\n{"c":3}');
    expect(await collect(path)).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":"é"}' },
      { line: 5, text: '{"c":3}' },
    ]);
  });

  it('passes bad lines through as text (the parser reports them) with their line numbers', async () => {
    const path = join(dir, 'bad.jsonl');
    await writeFile(path, '{"ok":1}\n{not json\n{"ok":2}\n');
    expect((await collect(path)).map((entry) => entry.line)).toEqual([1, 2, 3]);
  });

  it('reports and skips a line longer than the limit without keeping it, within one chunk and across chunks', async () => {
    const path = join(dir, 'huge.jsonl');
    const huge = `{"x":"${'y'.repeat(5000)}"}`;
    await writeFile(path, `{"a":1}\n${huge}\n{"b":2}\n${huge}`);
    for (const chunkBytes of [64, 1 << 20]) {
      const entries = await collect(path, { maxLineBytes: 1000, chunkBytes });
      expect(entries).toEqual([
        { line: 1, text: '{"a":1}' },
        { line: 2, text: null, code: 'huge-line' },
        { line: 3, text: '{"b":2}' },
        { line: 4, text: null, code: 'huge-line' },
      ]);
    }
  });

  it('reads gzip by its magic bytes, with the same lines as the plain file, across small chunks', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify({ id: `p${i}`, title: `Title ${i} — 熵` }));
    const plain = join(dir, 'many.jsonl');
    const gz = join(dir, 'many.jsonl.gz');
    await writeFile(plain, lines.join('\n') + '\n');
    await writeFile(gz, gzipSync(Buffer.from(lines.join('\n') + '\n')));
    const fromPlain = await collect(plain, { chunkBytes: 100 });
    const fromGz = await collect(gz, { chunkBytes: 100 });
    expect(fromPlain).toHaveLength(500);
    expect(fromGz).toEqual(fromPlain);
    expect(fromPlain[499]).toEqual({ line: 500, text: lines[499] });
  });

  it('reports bytes read for progress, ending at the file size', async () => {
    const path = join(dir, 'progress.jsonl');
    await writeFile(path, Array.from({ length: 100 }, (_, i) => `{"i":${i}}`).join('\n'));
    let last = { bytesRead: 0, totalBytes: 0 };
    for await (const batch of readJsonlBatches(path, { chunkBytes: 64 })) last = batch;
    expect(last.bytesRead).toBe(last.totalBytes);
  });

  it('throws a papergraph error for a missing file and for a broken gzip stream', async () => {
    await expect(collect(join(dir, 'nope.jsonl'))).rejects.toThrow(/papergraph\/io\/read-jsonl/);
    const broken = join(dir, 'broken.jsonl.gz');
    await writeFile(broken, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('garbage garbage')]));
    await expect(collect(broken)).rejects.toThrow(/papergraph\/io\/read-jsonl/);
  });
});

describe('sampleJsonlLines', () => {
  it('reads whole lines spread over a plain file by seeking, and declines gzip', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(i % 50) }));
    const path = join(dir, 'sample.jsonl');
    await writeFile(path, lines.join('\n') + '\n');
    const sample = await sampleJsonlLines(path, 100);
    expect(sample).not.toBeNull();
    expect(sample?.length).toBeGreaterThan(90);
    expect(sample?.[0]).toBe(lines[0]);
    for (const line of sample ?? []) expect(lines).toContain(line);
    const indexes = (sample ?? []).map((line) => (JSON.parse(line) as { i: number }).i);
    expect(Math.max(...indexes)).toBeGreaterThan(950);
    expect(await sampleJsonlLines(path, 100)).toEqual(sample);
    const gz = join(dir, 'sample.jsonl.gz');
    await writeFile(gz, gzipSync(Buffer.from(lines.join('\n'))));
    expect(await sampleJsonlLines(gz, 10)).toBeNull();
  });

  it('handles an empty file and more samples than lines', async () => {
    const empty = join(dir, 'empty2.jsonl');
    await writeFile(empty, '');
    expect(await sampleJsonlLines(empty, 10)).toEqual([]);
    const small = join(dir, 'small.jsonl');
    await writeFile(small, '{"a":1}\n{"b":2}');
    expect(await sampleJsonlLines(small, 50)).toEqual(['{"a":1}', '{"b":2}']);
  });
});

describe('readJsonlByteBatches', () => {
  it('gives the same lines as readJsonlBatches, undecoded: BOM, CRLF, blank lines, broken UTF-8, over-long lines, tiny reads', async () => {
    const path = join(dir, 'bytes.jsonl');
    const broken = Buffer.from([0x7b, 0x22, 0x78, 0x22, 0x3a, 0x22, 0xe4, 0xb8, 0x22, 0x7d]); // {"x":"<truncated 中>"}
    await writeFile(path, Buffer.concat([Buffer.from('\uFEFF{"a":"é 中文 😀"}\r\n\n  \n'), broken, Buffer.from(`\n{"b":"${'x'.repeat(200)}"}\n\uFEFF{"c":3}`)]));
    const options = { chunkBytes: 7, maxLineBytes: 100 };
    const texts: string[] = [];
    const issues: string[] = [];
    for await (const batch of readJsonlBatches(path, options)) {
      for (const line of batch.lines) texts.push(`${line.line}:${line.text}`);
      for (const entry of batch.issues) issues.push(`${entry.line}:${entry.code}`);
    }
    const decoded: string[] = [];
    const byteIssues: string[] = [];
    for await (const batch of readJsonlByteBatches(path, options)) {
      for (const line of batch.lines) decoded.push(`${line.line}:${line.bytes.toString('utf8')}`);
      for (const entry of batch.issues) byteIssues.push(`${entry.line}:${entry.code}`);
    }
    expect(decoded).toEqual(texts);
    expect(byteIssues).toEqual(issues);
    expect(texts).toHaveLength(3);
    expect(issues).toEqual(['5:huge-line']);
  });
});
