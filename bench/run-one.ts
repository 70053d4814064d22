/**
 * One benchmark run in a fresh process (so peak RSS is this run's): analyse one corpus end to end and print the
 * stage timings as one JSON line on stdout. Used by bench/run.ts; not a test.
 *
 *   tsx bench/run-one.ts <corpus.jsonl[.gz]> [--workers N] [--until aggregate]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultWorkerCount } from '../src/io/worker-pool.ts';
import type { OutputFile } from '../src/io/write-files.ts';

export interface RunOneResult {
  corpus: string;
  workers: number;
  papers: number;
  concepts: number;
  mentions: number;
  conceptGraph: { nodes: number; edges: number } | null;
  /** Stage → wall ms, in order. */
  stages: [string, number][];
  /** Stage → peak RSS (MB) of the process so far, read as the stage ends: where the peak grows. */
  peakRssByStage: [string, number][];
  totalMs: number;
  extractPapersPerSecond: number;
  peakRssMb: number;
  outputFiles: number;
  /** The error that ended the run early (stages up to it are kept), or null. */
  error: string | null;
}

const args = process.argv.slice(2);
const corpus = args[0];
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
if (corpus === undefined) {
  process.stderr.write('usage: tsx bench/run-one.ts <corpus.jsonl[.gz]> [--workers N] [--until aggregate]\n');
  process.exit(2);
}
const workers = option('--workers') === undefined ? defaultWorkerCount() : Number(option('--workers'));
const until = option('--until');

const stages: [string, number][] = [];
const peakRssByStage: [string, number][] = [];
let current: string | null = null;
let started = performance.now();
const t0 = started;
const enter = (stage: string | null): void => {
  const now = performance.now();
  if (current !== null) {
    const peakMb = process.resourceUsage().maxRSS / 1024;
    stages.push([current, now - started]);
    peakRssByStage.push([current, peakMb]);
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    process.stderr.write(`    ${current}: ${((now - started) / 1000).toFixed(1)} s (RSS ${rssMb.toFixed(0)} MB at the end, peak so far ${peakMb.toFixed(0)} MB)\n`);
  }
  current = stage;
  started = now;
};

let papers = 0;
let concepts = 0;
let mentions = 0;
let conceptGraph: RunOneResult['conceptGraph'] = null;
let outputFiles = 0;
const input = [{ path: corpus, display: corpus.split('/').pop() ?? corpus }];

let error: string | null = null;
try {
if (until === 'aggregate') {
  const { extractStream } = await import('../src/stream/extract-stream.ts');
  const result = await extractStream(input, { workers, onStage: enter });
  enter(null);
  papers = result.papers.length;
  concepts = result.concepts.length;
  mentions = result.mentions.concepts.length;
} else {
  const { analyzeStream } = await import('../src/stream/analyze-stream.ts');
  const result = await analyzeStream(input, { workers, onStage: enter });
  papers = result.papers.length;
  concepts = result.concepts.length;
  mentions = result.mentions.length;
  conceptGraph = { nodes: result.conceptGraph.order, edges: result.conceptGraph.size };
  // Outputs, timed per step of src/outputs.ts (buildOutputFiles is these three calls).
  enter('exports');
  const outputs = await import('../src/outputs.ts');
  const { fullPaperConceptGraphFiles } = await import('../src/cli/stream-inputs.ts');
  const tables = outputs.buildTableFiles(result);
  // The full paper–concept graph is streamed at write time (the write stage includes generating it).
  const files: OutputFile[] = [...tables.files, ...fullPaperConceptGraphFiles(result)];
  enter('charts');
  const { readChartFonts } = await import('../src/io/read-fonts.ts');
  const charts = await outputs.buildChartFiles(result, { fonts: await readChartFonts() });
  files.push(...charts.files);
  enter('report');
  const { buildReportScript } = await import('../src/io/build-report-script.ts');
  files.push(...outputs.buildReportFiles({ ...result, issues: [...result.issues, ...tables.issues] }, charts.charts, { reportScript: await buildReportScript() }));
  outputFiles = files.length;
  enter('write');
  const { writeFilesAtomic } = await import('../src/io/write-files.ts');
  const out = await mkdtemp(join(tmpdir(), 'papergraph-bench-'));
  try {
    await writeFilesAtomic(join(out, 'output'), files);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  enter(null);
}

} catch (caught) {
  enter(null);
  error = caught instanceof Error ? caught.message : String(caught);
  process.stderr.write(`    stopped by an error: ${error}\n`);
}

const totalMs = performance.now() - t0;
const extractMs = stages.find(([name]) => name === 'extract')?.[1] ?? 0;
const result: RunOneResult = {
  corpus,
  workers,
  papers,
  concepts,
  mentions,
  conceptGraph,
  stages,
  peakRssByStage,
  totalMs,
  extractPapersPerSecond: extractMs > 0 ? papers / (extractMs / 1000) : 0,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  outputFiles,
  error,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
