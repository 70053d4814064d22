import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

function harness(tty: boolean, quiet = false) {
  let clock = 0;
  const out: string[] = [];
  const progress = createProgress({ stderr: (text) => out.push(text), stderrIsTTY: tty }, { quiet, now: () => clock });
  return { progress, out, tick: (ms: number) => (clock += ms) };
}

describe('createProgress', () => {
  it('prints plain lines every 2 s when stderr is not a terminal, with rate and ETA, and a summary at the end', () => {
    const { progress, out, tick } = harness(false);
    progress.update('extract', { done: 0, fraction: 0 });
    tick(1000);
    progress.update('extract', { done: 10_000, fraction: 0.25 });
    expect(out).toEqual([]);
    tick(1000);
    progress.update('extract', { done: 20_000, fraction: 0.5 });
    expect(out).toEqual(['extract: 20.0k papers, 50%, 10.0k papers/s, ETA 2.0 s\n']);
    tick(2000);
    progress.update('extract', { done: 40_000, fraction: 1 });
    progress.end();
    expect(out.at(-1)).toBe('extract: 40.0k papers in 4.0 s (10.0k papers/s)\n');
    expect(out.every((line) => !line.includes('\r'))).toBe(true);
  });

  it('redraws a bar in place on a terminal, and a new stage closes the previous one', () => {
    const { progress, out, tick } = harness(true);
    progress.update('read', { done: 0, fraction: null });
    tick(500);
    progress.update('read', { done: 500, fraction: 0.5 });
    expect(out.at(-1)).toMatch(/^\r\x1b\[K\[#{12}\.{12}\] read: 500 papers, 50%, 1000 papers\/s, ETA 0\.5 s$/);
    tick(500);
    progress.update('extract', { done: 0, fraction: null });
    expect(out.at(-1)).toBe('\r\x1b[Kread: 500 papers in 1.0 s (500 papers/s)\n');
  });

  it('ends a stage without counts with its time only', () => {
    const { progress, out, tick } = harness(false);
    progress.update('vocabulary', { done: 0, fraction: null });
    tick(1500);
    progress.end();
    expect(out).toEqual(['vocabulary: 1.5 s\n']);
  });

  it('works without a known total', () => {
    const { progress, out, tick } = harness(false);
    progress.update('read', { done: 0, fraction: null });
    tick(3000);
    progress.update('read', { done: 300, fraction: null });
    expect(out).toEqual(['read: 300 papers, 100 papers/s\n']);
  });

  it('prints nothing when quiet', () => {
    const { progress, out, tick } = harness(true, true);
    progress.update('read', { done: 0, fraction: 0 });
    tick(5000);
    progress.update('read', { done: 10, fraction: 1 });
    progress.end();
    expect(out).toEqual([]);
  });
});
