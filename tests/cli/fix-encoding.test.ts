import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { runCli } from '../../src/cli/main.ts';

const fixturePath = (name: string): string => new URL(`../fixtures/encoding/${name}`, import.meta.url).pathname;

function capture(cwd: string): { context: CliContext; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    context: { stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), cwd, stderrIsTTY: false },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

function snapshot(path: string): { bytes: Buffer; mtimeMs: number } {
  return { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs };
}

describe('papergraph fix-encoding', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'papergraph-fix-encoding-'));
    copyFileSync(fixturePath('seed-excerpt-damaged.md'), join(dir, 'seed.md'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the repaired text to -o, prints a summary with the repaired note titles, and leaves the input untouched', async () => {
    const before = snapshot(join(dir, 'seed.md'));
    const io = capture(dir);
    const code = await runCli(['fix-encoding', 'seed.md', '-o', 'fixed.md'], io.context);
    expect(code).toBe(0);
    expect(io.out()).toBe('');
    const fixed = readFileSync(join(dir, 'fixed.md'), 'utf8');
    expect(fixed).toContain('### 🌟 论文解读 | 超越图灵：记忆摊销推理（MAI）作为认知计算的基石');
    expect(fixed).not.toMatch(/ğŸ|è®|â€/u);
    expect(io.err()).toMatch(/seed\.md: \d+ span\(s\) repaired, \d+ character\(s\) recovered/);
    expect(io.err()).toContain('line 6: ### 🌟 论文解读 | ComputerRL：推动桌面智能代理端到端在线强化学习规模化');
    expect(io.err()).toMatch(/uncertain spans \(\d+; best reading kept\):\n {2}line \d+: kept "/);
    const after = snapshot(join(dir, 'seed.md'));
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(dir).sort()).toEqual(['fixed.md', 'seed.md']);
  });

  it('writes to stdout without -o', async () => {
    const io = capture(dir);
    expect(await runCli(['fix-encoding', 'seed.md'], io.context)).toBe(0);
    expect(io.out()).toContain('### 📌 背景痛点/本文动机');
    expect(io.err()).toContain('span(s) repaired');
  });

  it('refuses -o naming the input, by the same or another spelling, and leaves it as it was', async () => {
    const before = snapshot(join(dir, 'seed.md'));
    for (const output of ['seed.md', './seed.md', join(dir, 'seed.md')]) {
      const io = capture(dir);
      expect(await runCli(['fix-encoding', 'seed.md', '-o', output], io.context)).toBe(1);
      expect(io.err()).toContain('refusing to overwrite the input');
    }
    const after = snapshot(join(dir, 'seed.md'));
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('says clearly when the input is missing, a folder, or binary', async () => {
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'binary.bin'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d));
    writeFileSync(join(dir, 'latin1.txt'), Uint8Array.of(0x47, 0x72, 0xf6, 0xdf, 0x65, 0x0a));
    const cases: Array<[string, RegExp]> = [
      ['missing.md', /papergraph\/io: file not found: .*missing\.md/],
      ['folder', /papergraph\/io: .*folder is a folder/],
      ['binary.bin', /papergraph\/io: .*binary\.bin looks binary/],
      ['latin1.txt', /papergraph\/io: .*latin1\.txt is not valid UTF-8/],
    ];
    for (const [input, message] of cases) {
      const io = capture(dir);
      expect(await runCli(['fix-encoding', input, '-o', 'out.md'], io.context)).toBe(1);
      expect(io.err()).toMatch(message);
    }
    expect(readdirSync(dir)).not.toContain('out.md');
  });

  it('copies clean text unchanged and says so', async () => {
    const clean = '# Liste\nGröße, ağaç, élève — “论文解读” 🌟\n';
    writeFileSync(join(dir, 'clean.md'), clean);
    const io = capture(dir);
    expect(await runCli(['fix-encoding', 'clean.md', '-o', 'copy.md'], io.context)).toBe(0);
    expect(readFileSync(join(dir, 'copy.md'), 'utf8')).toBe(clean);
    expect(io.err()).toContain('no mojibake found');
  });
});
