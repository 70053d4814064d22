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

export interface RunOneResult {
  corpus: string;
  workers: number;
  papers: number;
  concepts: number;
  mentions: number;
  conceptGraph: { nodes: number; edges: number } | null;
  /** Stage → wall ms, in order. */
  stages: [string, number][];
  totalMs: number;
  extractPapersPerSecond: number;
  peakRssMb: number;
  outputFiles: number;
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
let current: string | null = null;
let started = performance.now();
const t0 = started;
const enter = (stage: string | null): void => {
  const now = performance.now();
  if (current !== null) stages.push([current, now - started]);
  current = stage;
  started = now;
};

let papers = 0;
let concepts = 0;
let mentions = 0;
let conceptGraph: RunOneResult['conceptGraph'] = null;
let outputFiles = 0;
const input = [{ path: corpus, display: corpus.split('/').pop() ?? corpus }];

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
  enter('outputs');
  const { buildOutputFiles } = await import('../src/outputs.ts');
  const { files } = await buildOutputFiles(result);
  const { fullPaperConceptGraphFiles } = await import('../src/cli/stream-inputs.ts');
  files.push(...fullPaperConceptGraphFiles(result));
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
  totalMs,
  extractPapersPerSecond: extractMs > 0 ? papers / (extractMs / 1000) : 0,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  outputFiles,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
