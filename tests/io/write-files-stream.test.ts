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
