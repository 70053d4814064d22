/**
 * `npm run bench`: papergraph at scale. Generates (or reuses, in bench/corpora/, git-ignored) synthetic arXiv
 * snapshot corpora of 10k and 100k papers (and 1M with --full; bench/generate-corpus.ts), runs the whole streaming
 * analysis on each in a fresh process (bench/run-one.ts), and prints per N the wall time of each stage, the extract
 * stage's papers/s (total and per worker), the total wall time, the peak RSS, and the ratio of times between
 * successive N (cost growth; 10 means linear for 10× the papers). With --runs R each number is the median of R
 * runs; `--runs 3,3,1` gives each size its own count (a 1M run takes many minutes). Writes the same as JSON to
 * bench/results/latest.json.
 *
 *   npm run bench -- [--full] [--runs 3 | 3,3,1] [--sizes 10000,100000] [--workers N] [--seed 42] [--until aggregate]
 *
 * Targets (issue 8, 2-core machine): 100k end to end ≤ 12 s; 1M ≤ 120 s with peak RSS ≤ 4 GB; 1M/100k ≤ 11;
 * extract ≥ 15k papers/s per core. Speed is measured here only, never in tests.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED } from '../src/core/random.ts';
import { readCorpusModel, writeCorpus } from './generate-corpus.ts';
import type { RunOneResult } from './run-one.ts';

const BENCH = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const full = args.includes('--full');
const runCounts = (option('--runs') ?? '1').split(',').map(Number);
const seed = Number(option('--seed') ?? DEFAULT_SEED);
const workers = option('--workers');
const until = option('--until');
const sizes = (option('--sizes') ?? (full ? '10000,100000,1000000' : '10000,100000')).split(',').map(Number);
const runsFor = (index: number): number => runCounts[Math.min(index, runCounts.length - 1)] ?? 1;
if (runCounts.some((runs) => !Number.isInteger(runs) || runs < 1) || (runCounts.length > 1 && runCounts.length !== sizes.length) || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  process.stderr.write('usage: npm run bench -- [--full] [--runs 3 | one count per size, e.g. 3,3,1] [--sizes 10000,100000] [--workers N] [--seed 42] [--until aggregate]\n');
  process.exit(2);
}

interface SizeResult {
  n: number;
  runs: RunOneResult[];
  /** Medians over runs. */
  stages: [string, number][];
  totalMs: number;
  extractPapersPerSecond: number;
  peakRssMb: number;
  papers: number;
  concepts: number;
  mentions: number;
  conceptGraph: RunOneResult['conceptGraph'];
  workers: number;
}

const results: SizeResult[] = [];
const model = await readCorpusModel();
for (const [index, n] of sizes.entries()) {
  const runs = runsFor(index);
  const corpus = join(BENCH, 'corpora', `arxiv-${n}-seed${seed}.jsonl`);
  if (!existsSync(corpus)) {
    const started = performance.now();
    process.stderr.write(`generating ${n} papers into ${corpus} …\n`);
    await writeCorpus(corpus, n, { seed }, model);
    process.stderr.write(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const done: RunOneResult[] = [];
  for (let r = 0; r < runs; r++) {
    process.stderr.write(`N=${n} run ${r + 1}/${runs} …\n`);
    const result = await runOne(corpus);
    process.stderr.write(`  ${(result.totalMs / 1000).toFixed(1)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB\n`);
    done.push(result);
  }
  const first = done[0] as RunOneResult;
  const names = first.stages.map(([name]) => name);
  results.push({
    n,
    runs: done,
    stages: names.map((name) => [name, median(done.map((run) => run.stages.find(([stage]) => stage === name)?.[1] ?? 0))]),
    totalMs: median(done.map((run) => run.totalMs)),
    extractPapersPerSecond: median(done.map((run) => run.extractPapersPerSecond)),
    peakRssMb: median(done.map((run) => run.peakRssMb)),
    papers: first.papers,
    concepts: first.concepts,
    mentions: first.mentions,
    conceptGraph: first.conceptGraph,
    workers: first.workers,
  });
}

const machine = { nproc: availableParallelism(), cpu: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
process.stdout.write(formatTable(results, machine));
const out = join(BENCH, 'results', 'latest.json');
await mkdir(dirname(out), { recursive: true });
await writeFile(`${out}.tmp`, `${JSON.stringify({ date: new Date().toISOString(), machine, runs: sizes.map((_, index) => runsFor(index)), seed, until: until ?? null, results }, null, 2)}\n`);
await rename(`${out}.tmp`, out);
process.stderr.write(`wrote ${out}\n`);

function runOne(corpus: string): Promise<RunOneResult> {
  const script = resolve(BENCH, 'run-one.ts');
  const extra = [...(workers !== undefined ? ['--workers', workers] : []), ...(until !== undefined ? ['--until', until] : [])];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...process.execArgv, script, corpus, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
    child.on('error', fail);
    child.on('exit', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) return fail(new Error(`bench/run-one.ts exited with ${code} on ${corpus}`));
      try {
        done(JSON.parse(line) as RunOneResult);
      } catch {
        fail(new Error(`bench/run-one.ts printed no result: ${line.slice(0, 200)}`));
      }
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function formatTable(sizesResults: readonly SizeResult[], info: typeof machine): string {
  const names: string[] = [];
  for (const size of sizesResults) for (const [name] of size.stages) if (!names.includes(name)) names.push(name);
  const header = ['stage', ...sizesResults.flatMap((size, i) => (i === 0 ? [label(size.n)] : [label(size.n), '×prev']))];
  const rows: string[][] = [];
  const cell = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
  const ratio = (a: number, b: number): string => (a > 0 ? `${(b / a).toFixed(1)}` : '–');
  for (const name of names) {
    rows.push([
      name,
      ...sizesResults.flatMap((size, i) => {
        const value = size.stages.find(([stage]) => stage === name)?.[1] ?? 0;
        const previous = sizesResults[i - 1]?.stages.find(([stage]) => stage === name)?.[1] ?? 0;
        return i === 0 ? [cell(value)] : [cell(value), ratio(previous, value)];
      }),
    ]);
  }
  rows.push(['total', ...sizesResults.flatMap((size, i) => (i === 0 ? [cell(size.totalMs)] : [cell(size.totalMs), ratio(sizesResults[i - 1]?.totalMs ?? 0, size.totalMs)]))]);
  rows.push([
    'extract papers/s',
    ...sizesResults.flatMap((size, i) => {
      const text = `${Math.round(size.extractPapersPerSecond)} (${Math.round(size.extractPapersPerSecond / Math.max(1, size.workers))}/worker)`;
      return i === 0 ? [text] : [text, ''];
    }),
  ]);
  rows.push(['peak RSS', ...sizesResults.flatMap((size, i) => (i === 0 ? [`${Math.round(size.peakRssMb)} MB`] : [`${Math.round(size.peakRssMb)} MB`, ratio(sizesResults[i - 1]?.peakRssMb ?? 0, size.peakRssMb)]))]);
  rows.push(['error', ...sizesResults.flatMap((size, i) => {
    const message = size.runs.find((run) => run.error !== null)?.error ?? '';
    const text = message === '' ? '–' : `${message.slice(0, 60)}…`;
    return i === 0 ? [text] : [text, ''];
  })]);
  rows.push(['papers / concepts', ...sizesResults.flatMap((size, i) => (i === 0 ? [`${size.papers} / ${size.concepts}`] : [`${size.papers} / ${size.concepts}`, '']))]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string => `| ${row.map((text, column) => (column === 0 ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `-${'-'.repeat(width)}-` : `-${'-'.repeat(width)}:`)).join('|')}|`;
  const workersText = sizesResults[0]?.workers ?? 0;
  return [
    `\npapergraph bench — nproc ${info.nproc} (${info.cpu}), ${info.memoryGb} GB, node ${info.node}, ${workersText} workers, median of ${sizesResults.map((size) => `${size.runs.length}`).join('/')} run(s) per size\n`,
    line(header),
    rule,
    ...rows.map(line),
    '',
  ].join('\n');
}

function label(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}
