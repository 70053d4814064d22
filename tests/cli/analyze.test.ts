import { cp, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli.ts';

const fixtures = new URL('../fixtures/paper-lists/', import.meta.url).pathname;
const seed = new URL('../../data/rl-entropy-papers.md', import.meta.url).pathname;

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) files.push(...(await listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)));
    else files.push(`${prefix}${entry.name}`);
  }
  return files;
}

describe('papergraph analyze (in-process)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'papergraph-analyze-'));
    await cp(seed, join(work, 'lists', 'seed.md'));
    for (const name of ['bib-derived.md', 'fenced-notes.md', 'no-notes.md', 'hostile.md', 'empty-list.md']) await cp(join(fixtures, name), join(work, 'lists', name));
  });

  it('writes every output, and the same inputs and seed give byte-identical files', { timeout: 600_000 }, async () => {
    const first = await runCliCaptured(['analyze', 'lists', '--out', 'out1', '--seed', '7'], work);
    expect(first.stderr).toMatch(/read \d+ papers from 6 file\(s\)/);
    expect(first.code).toBe(0);
    const second = await runCliCaptured(['analyze', 'lists', '--out', 'out2', '--seed', '7'], work);
    expect(second.code).toBe(0);
    const files = await listFiles(join(work, 'out1'));
    expect(files).toEqual(await listFiles(join(work, 'out2')));
    for (const required of ['papers.json', 'papers.csv', 'concepts.csv', 'mentions.csv', 'themes.json', 'themes.csv', 'paper_themes.csv', 'graph.gexf', 'concepts.gexf', 'graph.json', 'issues.csv']) {
      expect(files).toContain(required);
    }
    for (const file of files) {
      const a = await readFile(join(work, 'out1', file));
      const b = await readFile(join(work, 'out2', file));
      expect(a.equals(b), `${file} differs between runs`).toBe(true);
    }
    const papers = JSON.parse(await readFile(join(work, 'out1', 'papers.json'), 'utf8')) as { id: string; title: string }[];
    expect(papers.length).toBeGreaterThan(50);
    expect(papers.some((paper) => paper.title.startsWith('<script>'))).toBe(true);
    expect((await readFile(join(work, 'out1', 'papers.csv'), 'utf8')).split('\n')[0]).toBe('id,version,title,month,paper_url,code_url,sources,abstract,note_title');
    expect((await readFile(join(work, 'out1', 'concepts.csv'), 'utf8')).split('\n')[0]).toMatch(/^id,label,type,aliases,/);
    expect((await readFile(join(work, 'out1', 'mentions.csv'), 'utf8')).split('\n')[0]).toMatch(/^paper_id,concept_id,count,score,in_title/);
    expect((await readFile(join(work, 'out1', 'themes.csv'), 'utf8')).split('\n')[0]).toMatch(/^method,theme_id,label,size/);
    expect((await readFile(join(work, 'out1', 'paper_themes.csv'), 'utf8')).split('\n')[0]).toMatch(/^paper_id,method,theme_id,strength/);
    for (const gexf of ['graph.gexf', 'concepts.gexf']) expect(XMLValidator.validate(await readFile(join(work, 'out1', gexf), 'utf8'))).toBe(true);
    JSON.parse(await readFile(join(work, 'out1', 'graph.json'), 'utf8'));
    const issues = await readFile(join(work, 'out1', 'issues.csv'), 'utf8');
    expect(issues).toMatch(/bad-date/);
    expect(issues).toMatch(/unresolved-anchor/);
  });

  it('prints a JSON summary on stdout with --json and nothing else', async () => {
    const run = await runCliCaptured(['analyze', 'lists/seed.md', '--out', 'out-json', '--json'], work);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { papers: number; papersRead: number };
    expect(summary).toMatchObject({ papers: 50, papersRead: 50 });
  });

  it('fails with a clear error and writes nothing for a missing input, an empty folder, a binary file', async () => {
    const missing = await runCliCaptured(['analyze', 'nope.md', '--out', 'never'], work);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/error: papergraph\/io: input not found: nope\.md/);
    await writeFile(join(work, 'binary.md'), new Uint8Array([0, 1, 2, 3]));
    const binary = await runCliCaptured(['analyze', 'binary.md', '--out', 'never'], work);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toMatch(/binary file/);
    await expect(stat(join(work, 'never'))).rejects.toThrow();
  });

  it('refuses an --out that is a file before doing any work, and leaves the file alone', async () => {
    await writeFile(join(work, 'taken'), 'mine');
    const run = await runCliCaptured(['analyze', 'lists/seed.md', '--out', 'taken'], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/output path .*taken is a file, not a folder/);
    expect(await readFile(join(work, 'taken'), 'utf8')).toBe('mine');
  });

  it('rejects bad option values with the option named', async () => {
    const run = await runCliCaptured(['analyze', 'lists', '--seed', 'abc'], work);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--seed takes an integer/);
  });

  it('shows help for analyze', async () => {
    const run = await runCliCaptured(['analyze', '--help'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--out <dir>/);
    expect(run.stdout).toMatch(/--seed <n>/);
  });
});
