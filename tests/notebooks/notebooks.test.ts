/**
 * The notebooks are run as a user runs them (`npx tsx notebooks/<name>.ts`), on the shipped list, into a temp folder.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

async function runNotebook(name: string): Promise<{ out: string; stdout: string }> {
  const out = await mkdtemp(join(tmpdir(), 'papergraph-notebook-'));
  const { stdout } = await run(process.execPath, [tsx, join('notebooks', `${name}.ts`), '--out', out], { cwd: root, timeout: 300_000 });
  return { out, stdout };
}

describe('notebooks', () => {
  it('only import the public API', async () => {
    for (const file of await readdir(join(root, 'notebooks'))) {
      const source = await readFile(join(root, 'notebooks', file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(imports.every((path) => path === '../src/index.ts' || path?.startsWith('node:')), `${file} imports ${imports.join(', ')}`).toBe(true);
    }
  });

  it('entropy-collapse-neighbourhood lists the neighbours and the papers with their sentences', async () => {
    const { out, stdout } = await runNotebook('entropy-collapse-neighbourhood');
    expect(stdout).toMatch(/entropy collapse: \d+ neighbours, \d+ papers/);
    const report = await readFile(join(out, 'notebooks', 'entropy-collapse-neighbourhood.md'), 'utf8');
    expect(report).toMatch(/^# The neighbourhood of "entropy collapse"/);
    expect(report).toMatch(/\| reinforcement learning \| \d+ \|/);
    expect(report).toMatch(/> .*\*\*entropy collapse\*\*/i);
  });

  it('grpo-family-over-months counts the family month by month', async () => {
    const { out } = await runNotebook('grpo-family-over-months');
    const csv = await readFile(join(out, 'notebooks', 'grpo-family-over-months.csv'), 'utf8');
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('month,papers_with_family,papers,share,members');
    expect(rows.length).toBeGreaterThan(2);
    const total = rows.slice(1).reduce((sum, row) => sum + Number(row.split(',')[2]), 0);
    expect(total).toBe(50);
    expect(csv).toMatch(/GRPO \(\d+\)/);
    expect(csv).toMatch(/DAPO/);
  });
});
