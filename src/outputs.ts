/**
 * The files of one analysis, built from its result: tables, graphs in every export format, charts and the report.
 *
 *   result ──1 graphs──▶ graph.gexf, concepts.gexf, graph.json, and exports/ in every format for both graphs
 *          ──2 tables──▶ papers/concepts/mentions/themes CSV and JSON, issues.csv
 *          ──3 charts──▶ charts/<name>.vl.json, .svg, .png
 *          ──4 report──▶ report.md (charts as image links), report.html (self-contained, charts interactive)
 *
 * Returns the files; io/write-files.ts writes them all or none. The fonts for PNG charts and the report's
 * bundled script come in as assets (io/read-fonts.ts, io/build-report-script.ts), so nothing here reads files.
 */
import type { AnalysisResult } from './core/result.ts';
import type { Issue } from './core/issues.ts';
import type { OutputFile } from './io/write-files.ts';
import { toConceptsCsv, toMentionsCsvPieces, toPaperThemesCsvPieces, toPapersCsvPieces, toPapersJsonPieces, toThemesCsv } from './export/to-analysis-tables.ts';
import { toIssuesCsv } from './export/to-issues-csv.ts';
import { toThemesJsonPieces } from './export/to-themes-json.ts';
import { toGraphExports, type ToGraphExportsOptions } from './export/to-graph-exports.ts';
import { toGexf } from './export/to-gexf.ts';
import { toGraphologyJson } from './export/to-graphology-json.ts';
import { buildCharts, type BuiltChart } from './charts/build-charts.ts';
import { renderChart, type ChartFonts } from './charts/render-chart.ts';
import { buildReportModel } from './report/build-report-model.ts';
import { toMarkdownReport } from './report/to-markdown-report.ts';
import { toHtmlReport } from './report/to-html-report.ts';

export interface BuildOutputFilesOptions {
  /** Fonts for the PNG charts (io/read-fonts.ts readChartFonts). */
  fonts: ChartFonts;
  /** The report's bundled browser script (io/build-report-script.ts buildReportScript). */
  reportScript: string;
  /** GEXF version of every GEXF file. Default: '1.3'. */
  gexfVersion?: ToGraphExportsOptions['gexfVersion'];
}

export interface BuildOutputFilesResult {
  files: OutputFile[];
  /** Problems met while writing (control characters removed from labels, …); also in issues.csv. */
  issues: Issue[];
}

export async function buildOutputFiles(result: AnalysisResult, options: BuildOutputFilesOptions): Promise<BuildOutputFilesResult> {
  const tables = buildTableFiles(result, options);
  const charts = await buildChartFiles(result, options);
  const report = buildReportFiles({ ...result, issues: [...result.issues, ...tables.issues] }, charts.charts, options);
  return { files: [...tables.files, ...charts.files, ...report], issues: tables.issues };
}

/** Steps 1–2: graphs in every format (first, so their issues reach issues.csv), then the tables. */
export function buildTableFiles(result: AnalysisResult, options: Pick<BuildOutputFilesOptions, 'gexfVersion'> = {}): BuildOutputFilesResult {
  const gexfVersion = options.gexfVersion ?? '1.3';
  const paperGexf = toGexf(result.paperConceptGraph, { version: gexfVersion, title: 'papergraph: paper–concept graph' });
  const conceptGexf = toGexf(result.conceptGraph, { version: gexfVersion, title: 'papergraph: concept co-occurrence graph' });
  const exports = toGraphExports(result, { dir: 'exports', gexfVersion });
  const issues: Issue[] = [...exports.issues];
  const files: OutputFile[] = [
    { path: 'papers.json', data: toPapersJsonPieces(result) },
    { path: 'papers.csv', data: toPapersCsvPieces(result) },
    { path: 'concepts.csv', data: toConceptsCsv(result) },
    { path: 'mentions.csv', data: toMentionsCsvPieces(result) },
    { path: 'themes.json', data: toThemesJsonPieces(result) },
    { path: 'themes.csv', data: toThemesCsv(result) },
    { path: 'paper_themes.csv', data: toPaperThemesCsvPieces(result) },
    { path: 'graph.gexf', data: paperGexf.xml },
    { path: 'concepts.gexf', data: conceptGexf.xml },
    { path: 'graph.json', data: toGraphologyJson(result.paperConceptGraph).json },
    ...exports.files,
    { path: 'issues.csv', data: toIssuesCsv([...result.issues, ...issues]) },
  ];
  return { files, issues };
}

/** Step 3: every chart as its Vega-Lite spec, SVG and PNG. */
export async function buildChartFiles(result: AnalysisResult, options: Pick<BuildOutputFilesOptions, 'fonts'>): Promise<{ files: OutputFile[]; charts: BuiltChart[] }> {
  const charts = buildCharts(result);
  const files: OutputFile[] = [];
  for (const chart of charts) {
    const rendered = await renderChart(chart.spec, { fonts: options.fonts });
    files.push(
      { path: `charts/${chart.name}.vl.json`, data: `${JSON.stringify(chart.spec, null, 2)}\n` },
      { path: `charts/${chart.name}.svg`, data: rendered.svg },
      { path: `charts/${chart.name}.png`, data: rendered.png },
    );
  }
  return { files, charts };
}

/** Step 4: the report, given the result with every issue (including those met while writing the tables). */
export function buildReportFiles(result: AnalysisResult, charts: readonly BuiltChart[], options: Pick<BuildOutputFilesOptions, 'reportScript'>): OutputFile[] {
  // One model for both reports: building it reads every paper and mention (70 s of the report stage at 1M papers, twice).
  const model = buildReportModel(result);
  return [
    { path: 'report.md', data: toMarkdownReport(result, { model, charts: charts.map((chart) => ({ name: chart.name, title: chart.title, file: `charts/${chart.name}.png` })) }) },
    { path: 'report.html', data: toHtmlReport(result, { model, charts, assets: { script: options.reportScript } }) },
  ];
}
