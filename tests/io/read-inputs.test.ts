import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/io/read-inputs.ts';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'papergraph-read-'));
}

describe('readInputs', () => {
  it('reads files and folders (recursively, sorted by name)', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'lists', 'sub'), { recursive: true });
    await writeFile(join(dir, 'lists', 'b.md'), '# b');
    await writeFile(join(dir, 'lists', 'a.md'), '# a');
    await writeFile(join(dir, 'lists', 'sub', 'c.txt'), '# c');
    await writeFile(join(dir, 'lists', 'image.png'), new Uint8Array([0x89, 0x50, 0, 1]));
    await writeFile(join(dir, 'one.md'), '# one');
    const { files, skipped } = await readInputs(['lists', 'one.md'], dir);
    expect(files.map((file) => file.path)).toEqual(['lists/a.md', 'lists/b.md', 'lists/sub/c.txt', 'one.md']);
    expect(skipped).toEqual([]);
  });

  it('reports a binary file inside a folder and goes on', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'good.md'), '# good');
    await writeFile(join(dir, 'bad.md'), new Uint8Array([0x00, 0x01, 0x02]));
    const { files, skipped } = await readInputs(['.'], dir);
    expect(files.map((file) => file.path)).toEqual(['good.md']);
    expect(skipped).toEqual([{ path: 'bad.md', reason: expect.stringMatching(/binary/) }]);
  });

  it('throws a clear error for a missing path, an empty folder, and a binary file named directly', async () => {
    const dir = await tempDir();
    await expect(readInputs(['nope.md'], dir)).rejects.toThrow(/papergraph\/io: input not found: nope\.md/);
    await mkdir(join(dir, 'empty'));
    await expect(readInputs(['empty'], dir)).rejects.toThrow(/no paper lists in folder empty/);
    await writeFile(join(dir, 'blob.md'), new Uint8Array([0xff, 0x00, 0xfe]));
    await expect(readInputs(['blob.md'], dir)).rejects.toThrow(/cannot read blob\.md: it is a binary file/);
    await expect(readInputs([], dir)).rejects.toThrow(/no input given/);
  });
});
