import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/io/write-files.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'papergraph-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFilesAtomic with streamed data', () => {
  it('writes iterables and async iterables piece by piece', async () => {
    function* pieces() {
      for (let i = 0; i < 1000; i++) yield `<node id="${i}"/>\n`;
    }
    async function* later() {
      yield 'a';
      yield 'b';
    }
    const out = join(dir, 'out');
    await writeFilesAtomic(out, [
      { path: 'graph.gexf', data: pieces() },
      { path: 'x/y.txt', data: later() },
    ]);
    expect((await readFile(join(out, 'graph.gexf'), 'utf8')).split('\n')).toHaveLength(1001);
    expect(await readFile(join(out, 'x/y.txt'), 'utf8')).toBe('ab');
  });

  it('writes the exact UTF-8 of pieces of every size, across its buffers, in order', async () => {
    // Pieces of mixed scripts and lengths (two-byte and four-byte characters, a piece larger than a whole buffer),
    // about 30 MB in all, so the two 4 MB buffers fill and take turns many times.
    // A piece larger than a buffer comes first and again later; most pieces are three-byte characters, so a byte
    // count estimated too low overflows a buffer.
    const made: string[] = [];
    const huge = `${'大'.repeat(3_000_000)}|`;
    function* pieces() {
      made.push(huge);
      yield huge;
      for (let i = 0; i < 40_000; i++) {
        const piece = `${i}:${'中文'.repeat(i % 300)}${'é'.repeat(i % 13)}😀\n`;
        made.push(piece);
        yield piece;
        if (i === 20_000) {
          made.push(huge);
          yield huge;
        }
      }
    }
    const out = join(dir, 'sizes');
    await writeFilesAtomic(out, [{ path: 'big.txt', data: pieces() }]);
    const written = await readFile(join(out, 'big.txt'));
    expect(written.length).toBeGreaterThan(3 * (1 << 22));
    expect(written.equals(Buffer.from(made.join(''), 'utf8'))).toBe(true);
  });

  it('reports a piece generator that fails, and writes nothing', async () => {
    const out = join(dir, 'failing');
    function* pieces() {
      yield 'a'.repeat(1 << 20);
      throw new Error('broken piece');
    }
    await expect(writeFilesAtomic(out, [{ path: 'a.txt', data: pieces() }])).rejects.toThrow(/broken piece/);
    expect((await readdir(dir)).filter((name) => name.includes('partial') || name === 'failing')).toEqual([]);
  });

  it('leaves the target untouched and no partial folder when interrupted', async () => {
    const out = join(dir, 'kept');
    await writeFilesAtomic(out, [{ path: 'a.txt', data: 'old' }]);
    const controller = new AbortController();
    function* pieces() {
      yield 'new';
      controller.abort();
      yield 'more';
    }
    await expect(writeFilesAtomic(out, [{ path: 'a.txt', data: pieces() }], { signal: controller.signal })).rejects.toThrow(/interrupted/);
    expect(await readFile(join(out, 'a.txt'), 'utf8')).toBe('old');
    expect((await readdir(dir)).filter((name) => name.includes('partial'))).toEqual([]);
  });
});
