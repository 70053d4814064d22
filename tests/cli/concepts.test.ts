import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import type { CliContext } from '../../src/cli/context.ts';

const root = new URL('../..', import.meta.url).pathname;

function capture(cwd = root): { context: CliContext; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    context: { stdout: (text) => void (out += text), stderr: (text) => void (err += text), cwd, stderrIsTTY: false },
    out: () => out,
    err: () => err,
  };
}

describe('papergraph concepts', () => {
  it('prints the concept table of data/ by default', async () => {
    const { context, out } = capture();
    expect(await runCli(['concepts', '--top', '10'], context)).toBe(0);
    expect(out()).toContain('reinforcement learning');
    expect(out().split('\n').length).toBeGreaterThan(10);
  });

  it('writes per-paper JSON and nothing else to stdout', async () => {
    const { context, out } = capture();
    expect(await runCli(['concepts', 'data/rl-entropy-papers.md', '--per-paper', '--json'], context)).toBe(0);
    const rows = JSON.parse(out()) as { paper_id: string; title: string; concepts: { id: string; label: string; type: string; score: number; forms: string[] }[] }[];
    expect(rows).toHaveLength(50);
    const first = rows[0]!;
    expect(Object.keys(first)).toEqual(['paper_id', 'title', 'concepts']);
    expect(Object.keys(first.concepts[0]!)).toEqual(['id', 'label', 'type', 'score', 'forms']);
    for (let i = 1; i < first.concepts.length; i++) expect(first.concepts[i - 1]!.score).toBeGreaterThanOrEqual(first.concepts[i]!.score);
  });

  it('filters by type and writes CSV with -o', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-concepts-'));
    const { context } = capture();
    const file = join(dir, 'concepts.csv');
    expect(await runCli(['concepts', 'data/', '--type', 'method', '--top', '0', '-o', file], context)).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,label,type,papers,mentions,first_month,aliases,labels_zh,parent,origin');
    expect(lines.slice(1).every((line) => line.includes(',method,'))).toBe(true);
  });

  it('takes a user lexicon and a thesaurus', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-concepts-'));
    writeFileSync(join(dir, 'lex.json'), JSON.stringify({ entries: [{ label: 'Entropulse', type: 'own-method', aliases: ['entropy pulse'] }, { label: 7 }] }));
    writeFileSync(join(dir, 'th.txt'), 'label\treplace by\nexploration\t\n');
    const { context, out, err } = capture();
    const code = await runCli(['concepts', join(root, 'data'), '--top', '0', '--json', '--lexicon', join(dir, 'lex.json'), '--thesaurus', join(dir, 'th.txt')], context);
    expect(code).toBe(0);
    const concepts = JSON.parse(out()) as { label: string; type: string }[];
    expect(concepts.find((concept) => concept.label === 'Entropulse')?.type).toBe('own-method');
    expect(concepts.find((concept) => concept.label === 'exploration')).toBeUndefined();
    expect(err()).toContain('lexicon entry 2 skipped');
  });

  it('rejects a bad --type and a bad --top', async () => {
    const { context, err } = capture();
    expect(await runCli(['concepts', '--type', 'nonsense'], context)).toBe(2);
    expect(err()).toContain('--type must be one of');
    expect(await runCli(['concepts', '--top', '-3'], context)).toBe(2);
  });
});
