/**
 * papergraph's public library API: re-exports only. Notebooks and user scripts import from here.
 *
 * The whole flow is `analyze(inputs, options)`; each stage is also exported so any part can run on its own:
 * ingest (files → papers), concepts (papers → concepts + mentions), graph (→ graphology graphs),
 * cluster (→ themes), export (→ files), and io helpers to read inputs and write outputs atomically.
 */

// The whole flow
export { analyze, analyzePapers, loadPapers, parseFiles, ANALYZE_DEFAULTS, type AnalyzeOptions, type LoadPapersResult } from './pipeline.ts';
export { buildOutputFiles, type BuildOutputFilesOptions, type BuildOutputFilesResult } from './outputs.ts';

// Data types
export type { Paper, Concept, ConceptType, ConceptOrigin, Mention, Evidence, Theme, PaperTheme, ThemeMethod, NoteSection, SourceRef, TextField } from './core/types.ts';
export { MentionTable, type MentionList, type MentionColumns } from './core/mention-list.ts';
export { CONCEPT_TYPES, THEME_METHODS, isConceptType } from './core/types.ts';
export type { AnalysisResult, ClusteringSummary, InputSummary, RepairSummary } from './core/result.ts';
export { ISSUE_CODES, type Issue, type IssueCode, type IssueSeverity } from './core/issues.ts';
export { PapergraphError } from './core/errors.ts';
export { createRandom, DEFAULT_SEED } from './core/random.ts';
export { THEME_PALETTE, themeColor } from './core/palette.ts';

// Ingest
export { parsePaperList, type ParsePaperListOptions, type ParsePaperListResult } from './ingest/parse-paper-list.ts';
export { mergePapers, type MergePapersResult } from './ingest/merge-papers.ts';
export { repairEncoding, type RepairEncodingOptions, type RepairEncodingResult, type RepairSpan } from './ingest/repair-encoding.ts';
export { parseArxivUrl, parseArxivId } from './ingest/arxiv-id.ts';

// Text and concepts
export { notesText } from './text/notes-text.ts';
export {
  extractConcepts,
  buildVocabulary,
  matchPapers,
  aggregateMentions,
  parseLexicon,
  parseThesaurus,
  defaultLexicon,
  findAcronymDefinitions,
  findChineseLabels,
  type ExtractConceptsOptions,
  type ExtractConceptsResult,
  type LexiconEntry,
  type ThesaurusEntry,
  type Vocabulary,
} from './concepts/index.ts';

// Graphs
export { buildPaperConceptGraph, type PaperConceptGraph } from './graph/build-paper-concept-graph.ts';
export { buildCooccurrenceGraph, type BuildCooccurrenceGraphOptions, type ConceptGraph } from './graph/build-cooccurrence-graph.ts';
export { assignMetrics } from './graph/assign-metrics.ts';
export { assignLayout } from './graph/assign-layout.ts';
export { assignThemes } from './graph/assign-themes.ts';
export { paperNodeKey, conceptNodeKey } from './graph/attributes.ts';

// Themes
export { detectThemes, detectThemesAsync, type DetectThemesOptions, type DetectThemesResult } from './cluster/detect-themes.ts';
export { type ThemeRun, type ThemeRunner } from './cluster/theme-runs.ts';
export { detectLouvainCommunities } from './cluster/detect-louvain-communities.ts';
export { detectLeidenCommunities } from './cluster/detect-leiden-communities.ts';
export { detectKmeansClusters } from './cluster/detect-kmeans-clusters.ts';
export { labelThemes } from './cluster/label-themes.ts';
export { comparePartitions } from './cluster/compare-partitions.ts';
export { crosswalkThemes } from './cluster/crosswalk-themes.ts';

// Exports (serialisers)
export { toCsv } from './export/csv.ts';
export { toGexf, type GexfVersion } from './export/to-gexf.ts';
export { toGraphml } from './export/to-graphml.ts';
export { toVosviewer } from './export/to-vosviewer.ts';
export { toCsvTables } from './export/to-csv-tables.ts';
export { toGraphologyJson } from './export/to-graphology-json.ts';
export { toGraphExports, EXPORT_FORMATS, type ExportFormat } from './export/to-graph-exports.ts';
export { toPapersCsv, toPapersCsvPieces, toConceptsCsv, toMentionsCsv, toMentionsCsvPieces, toThemesCsv, toPaperThemesCsv, toPaperThemesCsvPieces, toPapersJson, toPapersJsonPieces } from './export/to-analysis-tables.ts';

// Charts and report
export { buildCharts, CHART_NAMES, type BuiltChart, type ChartName } from './charts/build-charts.ts';
export { renderChart, compileChart, toChartSvg, type ChartFonts } from './charts/render-chart.ts';
export { toMarkdownReport } from './report/to-markdown-report.ts';
export { toHtmlReport } from './report/to-html-report.ts';
export { evidenceSentence, type EvidenceSentence } from './report/evidence-sentence.ts';

// io: reading inputs and writing outputs
export { readInputs } from './io/read-inputs.ts';
export { writeFilesAtomic, type OutputFile } from './io/write-files.ts';
export { readChartFonts } from './io/read-fonts.ts';
export { createThreadThemeRunner, type ThreadThemeRunner } from './io/theme-worker.ts';
export { buildReportScript } from './io/build-report-script.ts';
