import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isStreamPath, resolveStreamInputs } from '../../src/cli/stream-inputs.ts';

let work = '';
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'papergraph-stream-inputs-'));
  await mkdir(join(work, 'snap', 'more'), { recursive: true });
  await mkdir(join(work, 'mixed'));
  await writeFile(join(work, 'snap', 'b.jsonl'), '');
  await writeFile(join(work, 'snap', 'a.jsonl.gz'), '');
  await writeFile(join(work, 'snap', 'more', 'c.jsonl'), '');
  await writeFile(join(work, 'mixed', 'x.jsonl'), '');
  await writeFile(join(work, 'mixed', 'list.md'), '');
  await writeFile(join(work, 'list.md'), '');
});

describe('stream inputs', () => {
  it('recognises JSONL names', () => {
    expect(['a.jsonl', 'A.JSONL.GZ', 'x.ndjson'].map(isStreamPath)).toEqual([true, true, true]);
    expect(['a.md', 'a.json', 'a.jsonl.bak'].map(isStreamPath)).toEqual([false, false, false]);
  });

  it('takes JSONL files and folders of them, sorted, and nothing when any input is not JSONL', () => {
    expect(resolveStreamInputs(['snap'], work)?.map((input) => input.display)).toEqual(['snap/a.jsonl.gz', 'snap/b.jsonl', 'snap/more/c.jsonl']);
    expect(resolveStreamInputs(['snap/b.jsonl'], work)?.[0]?.path).toBe(join(work, 'snap', 'b.jsonl'));
    expect(resolveStreamInputs(['mixed'], work)).toBeNull();
    expect(resolveStreamInputs(['snap', 'list.md'], work)).toBeNull();
    expect(resolveStreamInputs(['missing.jsonl'], work)).toBeNull();
  });
});
