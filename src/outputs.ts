/**
 * The files of one analysis, built from its result: tables, graphs in every export format, charts and the report.
 *
 *   result ──1 tables──▶ papers/concepts/mentions/themes CSV and JSON, issues.csv
 *          ──2 graphs──▶ graph.gexf, concepts.gexf, graph.json, and exports/ in every format for both graphs
 *
 * Pure: returns the files; io/write-files.ts writes them all or none.
 */
import type { AnalysisResult } from './core/result.ts';
import type { Issue } from './core/issues.ts';
import type { OutputFile } from './io/write-files.ts';
import { toConceptsCsv, toMentionsCsv, toPaperThemesCsv, toPapersCsv, toPapersJson, toThemesCsv } from './export/to-analysis-tables.ts';
import { toIssuesCsv } from './export/to-issues-csv.ts';
import { toThemesJson } from './export/to-themes-json.ts';
import { toGraphExports, type ToGraphExportsOptions } from './export/to-graph-exports.ts';
import { toGexf } from './export/to-gexf.ts';
import { toGraphologyJson } from './export/to-graphology-json.ts';

export interface BuildOutputFilesOptions {
  /** GEXF version of every GEXF file. Default: '1.3'. */
  gexfVersion?: ToGraphExportsOptions['gexfVersion'];
}

export interface BuildOutputFilesResult {
  files: OutputFile[];
  /** Problems met while writing (control characters removed from labels, …); also in issues.csv. */
  issues: Issue[];
}

export async function buildOutputFiles(result: AnalysisResult, options: BuildOutputFilesOptions = {}): Promise<BuildOutputFilesResult> {
  const gexfVersion = options.gexfVersion ?? '1.3';
  const issues: Issue[] = [];

  // 2. Graphs first, so their issues reach issues.csv.
  const paperGexf = toGexf(result.paperConceptGraph, { version: gexfVersion, title: 'papergraph: paper–concept graph' });
  const conceptGexf = toGexf(result.conceptGraph, { version: gexfVersion, title: 'papergraph: concept co-occurrence graph' });
  const exports = toGraphExports(result, { dir: 'exports', gexfVersion });
  issues.push(...exports.issues);

  // 1. Tables.
  const files: OutputFile[] = [
    { path: 'papers.json', data: toPapersJson(result) },
    { path: 'papers.csv', data: toPapersCsv(result) },
    { path: 'concepts.csv', data: toConceptsCsv(result) },
    { path: 'mentions.csv', data: toMentionsCsv(result) },
    { path: 'themes.json', data: toThemesJson(result) },
    { path: 'themes.csv', data: toThemesCsv(result) },
    { path: 'paper_themes.csv', data: toPaperThemesCsv(result) },
    { path: 'graph.gexf', data: paperGexf.xml },
    { path: 'concepts.gexf', data: conceptGexf.xml },
    { path: 'graph.json', data: toGraphologyJson(result.paperConceptGraph).json },
    ...exports.files,
  ];
  files.push({ path: 'issues.csv', data: toIssuesCsv([...result.issues, ...issues]) });
  return { files, issues };
}
