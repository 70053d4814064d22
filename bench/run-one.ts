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
let current: string | null = null;
let started = performance.now();
const t0 = started;
const enter = (stage: string | null): void => {
  const now = performance.now();
  if (current !== null) {
    stages.push([current, now - started]);
    process.stderr.write(`    ${current}: ${((now - started) / 1000).toFixed(1)} s\n`);
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
  // Outputs, timed per part around the same public functions src/outputs.ts calls, in the same order.
  enter('exports');
  const { toGexf } = await import('../src/export/to-gexf.ts');
  const { toGraphExports } = await import('../src/export/to-graph-exports.ts');
  const tables = await import('../src/export/to-analysis-tables.ts');
  const { toIssuesCsv } = await import('../src/export/to-issues-csv.ts');
  const { toThemesJson } = await import('../src/export/to-themes-json.ts');
  const { toGraphologyJson } = await import('../src/export/to-graphology-json.ts');
  const { fullPaperConceptGraphFiles } = await import('../src/cli/stream-inputs.ts');
  const exports = toGraphExports(result, { dir: 'exports' });
  const files: OutputFile[] = [
    { path: 'papers.json', data: tables.toPapersJson(result) },
    { path: 'papers.csv', data: tables.toPapersCsv(result) },
    { path: 'concepts.csv', data: tables.toConceptsCsv(result) },
    { path: 'mentions.csv', data: tables.toMentionsCsv(result) },
    { path: 'themes.json', data: toThemesJson(result) },
    { path: 'themes.csv', data: tables.toThemesCsv(result) },
    { path: 'paper_themes.csv', data: tables.toPaperThemesCsv(result) },
    { path: 'graph.gexf', data: toGexf(result.paperConceptGraph).xml },
    { path: 'concepts.gexf', data: toGexf(result.conceptGraph).xml },
    { path: 'graph.json', data: toGraphologyJson(result.paperConceptGraph).json },
    ...exports.files,
    { path: 'issues.csv', data: toIssuesCsv([...result.issues, ...exports.issues]) },
    // Streamed at write time (the write stage includes generating it).
    ...fullPaperConceptGraphFiles(result),
  ];
  enter('charts');
  const { buildCharts } = await import('../src/charts/build-charts.ts');
  const { renderChart } = await import('../src/charts/render-chart.ts');
  const { readChartFonts } = await import('../src/io/read-fonts.ts');
  const fonts = await readChartFonts();
  const charts = buildCharts(result);
  for (const chart of charts) {
    const rendered = await renderChart(chart.spec, { fonts });
    files.push({ path: `charts/${chart.name}.vl.json`, data: JSON.stringify(chart.spec) }, { path: `charts/${chart.name}.svg`, data: rendered.svg }, { path: `charts/${chart.name}.png`, data: rendered.png });
  }
  enter('report');
  const { toMarkdownReport } = await import('../src/report/to-markdown-report.ts');
  const { toHtmlReport } = await import('../src/report/to-html-report.ts');
  const { buildReportScript } = await import('../src/io/build-report-script.ts');
  const reported = { ...result, issues: [...result.issues, ...exports.issues] };
  files.push(
    { path: 'report.md', data: toMarkdownReport(reported, { charts: charts.map((chart) => ({ name: chart.name, title: chart.title, file: `charts/${chart.name}.png` })) }) },
    { path: 'report.html', data: toHtmlReport(reported, { charts, assets: { script: await buildReportScript() } }) },
  );
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
  totalMs,
  extractPapersPerSecond: extractMs > 0 ? papers / (extractMs / 1000) : 0,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  outputFiles,
  error,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
