/**
 * Everything the Markdown and HTML reports show, gathered once from an AnalysisResult as plain data: the themes
 * with their concepts, papers and stability (each paper with its key concept, the sentence it appears in and the
 * strength of its assignment), the top concepts, the papers, and the method facts with each method's run-to-run
 * agreement. Serialisers only format this model; they decide nothing.
 *
 * Papers listed: every paper of a list of ordinary size. A report of a large corpus lists, per theme, its
 * `maxPapersPerTheme` strongest papers, and in the papers section the `maxPapers` newest, and says how many it
 * left out (papers.csv and paper_themes.csv hold them all): 100k papers listed twice made a report of hundreds of
 * megabytes that no browser opens, and its build held every paper's mentions as objects. Only the listed papers'
 * mentions are read.
 */
import type { AnalysisResult, StabilitySummary } from '../core/result.ts';
import { THEME_METHODS, type ConceptType, type Mention, type Paper, type ThemeMethod } from '../core/types.ts';
import type { Issue } from '../core/issues.ts';
import { themeColor } from '../core/palette.ts';
import { primaryThemes } from '../analysis/primary-themes.ts';
import { compareText, selectTopConcepts } from '../analysis/select-top-concepts.ts';
import { summarizeThemeMap, THEME_QUADRANT_TITLES, type ThemeQuadrant } from '../analysis/summarize-theme-map.ts';
import { describeThemes, themesGraphInput } from '../analysis/describe-themes.ts';
import { themeDisplayLabel } from '../analysis/theme-display-label.ts';
import { monthRange } from '../analysis/month-range.ts';
import { evidenceSentence, type EvidenceSentence } from './evidence-sentence.ts';
import { noteTitleZh } from './note-title-zh.ts';
import { describeStability, describeStrength, METHOD_NAMES } from './describe-scores.ts';

export interface BuildReportModelOptions {
  /** Concepts in the top-concepts table. Default: 25. */
  topConcepts?: number;
  /** Concepts listed per theme. Default: 15. */
  conceptsPerTheme?: number;
  /** Issues listed one by one in the method section (the rest are counted). Default: 50. */
  maxIssues?: number;
  /** Months counted as recent for rising concepts. Default: 3. */
  recentMonths?: number;
  /** Papers listed per theme (strongest first), at most. Default: 200. */
  maxPapersPerTheme?: number;
  /** Papers listed in the papers section (newest first), at most. Default: 2000. */
  maxPapers?: number;
}

export const BUILD_REPORT_MODEL_DEFAULTS: Readonly<Required<BuildReportModelOptions>> = Object.freeze({
  topConcepts: 25,
  conceptsPerTheme: 15,
  maxIssues: 50,
  recentMonths: 3,
  maxPapersPerTheme: 200,
  maxPapers: 2000,
});

export interface ReportConcept {
  id: string;
  label: string;
  labelsZh: string[];
  aliases: string[];
  type: ConceptType;
  papers: number;
  mentions: number;
  firstMonth: string;
  themeId: number;
}

export interface ReportPaper {
  id: string;
  title: string;
  month: string;
  paperUrl: string;
  /** arXiv id, or '' for papers known by title only. */
  arxivId: string;
  codeUrl: string;
  titleZh: string;
  themeId: number;
  /** Strength (0..1) of the paper's assignment to its theme, or null when none is recorded. */
  strength: number | null;
  /** Assigned by similarity, without direct evidence for the theme. */
  weak: boolean;
  /** The paper's most salient concept in its theme, with the sentence it appears in. */
  keyConcept: { id: string; label: string; sentence: EvidenceSentence | null } | null;
  /** Labels of the paper's concepts, most salient first (at most 6). */
  concepts: string[];
}

export interface ReportTheme {
  id: number;
  label: string;
  name: string;
  color: string;
  quadrant: ThemeQuadrant | null;
  quadrantTitle: string;
  centrality: number;
  density: number;
  /** Mean best Jaccard across re-runs with other seeds, or null when not measured. */
  stability: number | null;
  /** Stability at or above the method's stableAt; null when not measured. */
  stable: boolean | null;
  topConcepts: string[];
  conceptCount: number;
  concepts: ReportConcept[];
  /** Papers in the theme. */
  paperCount: number;
  /** The listed ones (at most maxPapersPerTheme), strongest first. */
  papers: ReportPaper[];
}

export interface RisingConcept {
  id: string;
  label: string;
  labelsZh: string[];
  /** Papers mentioning it in the recent window. */
  recent: number;
  papers: number;
  /** Its share of recent papers over its share of all dated papers (1 = steady). */
  lift: number;
}

/** Run-to-run agreement of one method: the reference run against re-runs with other seeds. */
export interface ReportStability extends StabilitySummary {
  method: ThemeMethod;
  /** 'Louvain', 'Leiden', 'k-means'. */
  name: string;
}

export interface ReportModel {
  title: string;
  /** What the themes are ("louvain communities of similar papers, …"). */
  themesAre: string;
  /** What a theme's stability means here, or that it was not measured (describe-scores.ts). */
  stabilityIs: string;
  /** What a paper's strength means for these themes, and what "weakly assigned" means. */
  strengthIs: string;
  /** The last `recentMonths` months of the corpus, as `first – last`. */
  recentWindow: string;
  rising: RisingConcept[];
  method: ThemeMethod;
  firstMonth: string;
  lastMonth: string;
  months: number;
  themes: ReportTheme[];
  topConcepts: ReportConcept[];
  /** The listed papers (at most maxPapers), newest first. */
  papers: ReportPaper[];
  /** Papers without a theme: how many, and the listed ones (at most maxPapersPerTheme). */
  unassignedCount: number;
  unassignedPapers: ReportPaper[];
  /** Ids of every paper listed anywhere in the report. */
  listedPaperIds: ReadonlySet<string>;
  facts: {
    inputs: AnalysisResult['inputs'];
    papersRead: number;
    papers: number;
    papersWithoutMonth: number;
    concepts: number;
    mentions: number;
    graphConcepts: number;
    graphLinks: number;
    clustering: AnalysisResult['clustering'];
    /** Methods whose stability was measured, in THEME_METHODS order. */
    stability: ReportStability[];
    repairs: AnalysisResult['repairs'];
    parameters: [string, string][];
    issueCounts: { code: string; severity: string; count: number }[];
    issues: Issue[];
    issuesLeftOut: number;
  };
}

export function buildReportModel(result: AnalysisResult, options: BuildReportModelOptions = {}): ReportModel {
  const settings = { ...BUILD_REPORT_MODEL_DEFAULTS, ...options };
  const { method, themes, conceptTheme, paperTheme } = primaryThemes(result);
  const conceptsById = new Map(result.concepts.map((concept) => [concept.id, concept]));
  const toConcept = (id: string): ReportConcept | null => {
    const concept = conceptsById.get(id);
    if (concept === undefined) return null;
    return {
      id: concept.id,
      label: concept.label,
      labelsZh: concept.labelsZh,
      aliases: concept.aliases,
      type: concept.type,
      papers: concept.papers,
      mentions: concept.mentions,
      firstMonth: concept.firstMonth ?? '',
      themeId: conceptTheme.get(concept.id) ?? -1,
    };
  };

  // 1. Papers newest first, and each theme's papers strongest first; which of them are listed.
  const assignments = new Map(result.paperThemes.filter((entry) => entry.method === method).map((entry) => [entry.paperId, entry]));
  const strengthOf = (id: string): number | null => {
    const assignment = assignments.get(id);
    return assignment !== undefined && assignment.themeId === (paperTheme.get(id) ?? -1) ? assignment.strength : null;
  };
  const newest = [...result.papers].sort((a, b) => compareText(b.month ?? '', a.month ?? '') || compareText(a.title, b.title) || compareText(a.id, b.id));
  const byTheme = new Map<number, Paper[]>();
  for (const paper of newest) {
    const themeId = paperTheme.get(paper.id) ?? -1;
    const list = byTheme.get(themeId);
    if (list) list.push(paper);
    else byTheme.set(themeId, [paper]);
  }
  // Each paper's strength is looked up once, not at every comparison (a million papers make some 20M comparisons).
  const strongestFirst = (list: readonly Paper[]): Paper[] =>
    list
      .map((paper) => ({ paper, strength: strengthOf(paper.id) ?? 0, month: paper.month ?? '' }))
      .sort((a, b) => b.strength - a.strength || compareText(b.month, a.month) || compareText(a.paper.id, b.paper.id))
      .slice(0, settings.maxPapersPerTheme)
      .map((entry) => entry.paper);
  const themeListed = new Map(themes.map((theme) => [theme.id, strongestFirst(byTheme.get(theme.id) ?? [])]));
  const unassignedListed = (byTheme.get(-1) ?? []).slice(0, settings.maxPapersPerTheme);
  const newestListed = newest.slice(0, settings.maxPapers);
  const listedPaperIds = new Set([...newestListed, ...unassignedListed, ...[...themeListed.values()].flat()].map((paper) => paper.id));

  // 2. The listed papers' mentions, most salient first, and each listed paper with its key concept and sentence.
  const byPaper = new Map<string, Mention[]>();
  // A paper's mentions usually come in a run: whether it is listed is decided once per run.
  let runPaper: string | null = null;
  let runListed = false;
  for (const mention of result.mentions) {
    if (mention.paperId !== runPaper) {
      runPaper = mention.paperId;
      runListed = listedPaperIds.has(runPaper);
    }
    if (!runListed) continue;
    const list = byPaper.get(mention.paperId);
    if (list) list.push(mention);
    else byPaper.set(mention.paperId, [mention]);
  }
  for (const list of byPaper.values()) list.sort((a, b) => b.score - a.score || b.count - a.count || compareText(a.conceptId, b.conceptId));
  const reportPapers = new Map<string, ReportPaper>();
  const toReportPaper = (paper: Paper): ReportPaper => {
    const made = reportPapers.get(paper.id);
    if (made !== undefined) return made;
    const themeId = paperTheme.get(paper.id) ?? -1;
    const strength = strengthOf(paper.id);
    const mentions = byPaper.get(paper.id) ?? [];
    const key = mentions.find((mention) => themeId !== -1 && conceptTheme.get(mention.conceptId) === themeId) ?? mentions[0];
    const evidence = key === undefined ? undefined : pickEvidence(key);
    const reportPaper: ReportPaper = {
      id: paper.id,
      title: paper.title,
      month: paper.month ?? '',
      paperUrl: paper.paperUrl,
      arxivId: paper.id.startsWith('title:') ? '' : paper.id,
      codeUrl: paper.codeUrl,
      titleZh: noteTitleZh(paper),
      themeId,
      strength,
      weak: strength !== null && (assignments.get(paper.id)?.weak ?? false),
      keyConcept:
        key === undefined
          ? null
          : { id: key.conceptId, label: conceptsById.get(key.conceptId)?.label ?? key.conceptId, sentence: evidence === undefined ? null : evidenceSentence(paper, evidence) },
      concepts: mentions.slice(0, 6).map((mention) => conceptsById.get(mention.conceptId)?.label ?? mention.conceptId),
    };
    reportPapers.set(paper.id, reportPaper);
    return reportPaper;
  };
  const papers = newestListed.map(toReportPaper);

  // 3. Themes, with their place on the theme map and their stability.
  const stableAt = result.clustering[method]?.stability?.stableAt ?? null;
  const map = new Map(summarizeThemeMap(result).rows.map((row) => [row.themeId, row]));
  const reportThemes: ReportTheme[] = themes.map((theme) => {
    const row = map.get(theme.id);
    const concepts = theme.concepts
      .map(toConcept)
      .filter((concept): concept is ReportConcept => concept !== null)
      .sort((a, b) => b.papers - a.papers || b.mentions - a.mentions || compareText(a.label, b.label))
      .slice(0, settings.conceptsPerTheme);
    return {
      id: theme.id,
      label: theme.label,
      name: themeDisplayLabel(theme.id, theme.label),
      color: themeColor(theme.id),
      quadrant: row?.quadrant ?? null,
      quadrantTitle: row === undefined ? '' : THEME_QUADRANT_TITLES[row.quadrant],
      centrality: row?.centrality ?? 0,
      density: row?.density ?? 0,
      stability: theme.stability,
      stable: theme.stability === null ? null : (theme.stable ?? (stableAt === null ? null : theme.stability >= stableAt)),
      topConcepts: theme.topConcepts.slice(0, 6).map((id) => conceptsById.get(id)?.label ?? id),
      conceptCount: theme.concepts.length,
      concepts,
      paperCount: byTheme.get(theme.id)?.length ?? 0,
      papers: (themeListed.get(theme.id) ?? []).map(toReportPaper),
    };
  });

  // 4. Method facts.
  const months = monthRange(result.papers.map((paper) => paper.month).filter((month): month is string => month !== null));
  const issueCounts = new Map<string, { code: string; severity: string; count: number }>();
  for (const item of result.issues) {
    const key = `${item.code}\u0000${item.severity}`;
    const entry = issueCounts.get(key) ?? { code: item.code, severity: item.severity, count: 0 };
    entry.count += 1;
    issueCounts.set(key, entry);
  }
  const title = result.inputs.map((input) => input.title).find((candidate) => candidate !== '') ?? '';

  const recent = months.length > settings.recentMonths ? months.slice(-settings.recentMonths) : [];
  return {
    title,
    themesAre: describeThemes(result.themes, method),
    stabilityIs: describeStability(method, result.clustering[method]?.stability, themes.some((theme) => theme.stability !== null)),
    strengthIs: describeStrength(method, result.clustering.graphInput ?? themesGraphInput(result.themes, method)),
    recentWindow: recent.length === 0 ? '' : `${recent[0]} – ${recent[recent.length - 1]}`,
    rising: risingConcepts(result, new Set(recent)),
    method,
    firstMonth: months[0] ?? '',
    lastMonth: months[months.length - 1] ?? '',
    months: months.length,
    themes: reportThemes,
    topConcepts: selectTopConcepts(result.concepts, settings.topConcepts)
      .map((concept) => toConcept(concept.id))
      .filter((concept): concept is ReportConcept => concept !== null),
    papers,
    unassignedCount: byTheme.get(-1)?.length ?? 0,
    unassignedPapers: unassignedListed.map(toReportPaper),
    listedPaperIds,
    facts: {
      inputs: result.inputs,
      papersRead: result.papersRead,
      papers: result.papers.length,
      papersWithoutMonth: result.papers.filter((paper) => paper.month === null).length,
      concepts: result.concepts.length,
      mentions: result.mentions.length,
      graphConcepts: result.conceptGraph.order,
      graphLinks: result.conceptGraph.size,
      clustering: result.clustering,
      stability: THEME_METHODS.flatMap((candidate) => {
        const summary = result.clustering[candidate]?.stability;
        return summary === undefined ? [] : [{ ...summary, method: candidate, name: METHOD_NAMES[candidate] }];
      }),
      repairs: result.repairs,
      parameters: Object.keys(result.parameters)
        .sort()
        .map((key) => [key, String(result.parameters[key])]),
      issueCounts: [...issueCounts.values()].sort((a, b) => b.count - a.count || compareText(a.code, b.code)),
      issues: result.issues.slice(0, settings.maxIssues),
      issuesLeftOut: Math.max(0, result.issues.length - settings.maxIssues),
    },
  };
}

/** Evidence to quote: from the abstract when there is any (a full sentence), else the notes, else the title. */
function pickEvidence(mention: Mention): Mention['evidence'][number] | undefined {
  return mention.evidence.find((item) => item.field === 'abstract') ?? mention.evidence.find((item) => item.field === 'notes') ?? mention.evidence[0];
}

/**
 * Concepts over-represented in the recent months: lift = (recent papers / all recent papers) / (dated papers /
 * all dated papers), kept when at least two recent papers mention the concept and lift ≥ 1.25, best first.
 */
function risingConcepts(result: AnalysisResult, recent: ReadonlySet<string>): RisingConcept[] {
  if (recent.size === 0) return [];
  const monthOf = new Map(result.papers.map((paper) => [paper.id, paper.month]));
  const dated = result.papers.filter((paper) => paper.month !== null).length;
  const recentTotal = result.papers.filter((paper) => paper.month !== null && recent.has(paper.month)).length;
  if (dated === 0 || recentTotal === 0 || recentTotal === dated) return [];
  const counts = new Map<string, { recent: number; dated: number }>();
  for (const mention of result.mentions) {
    const month = monthOf.get(mention.paperId);
    if (month === undefined || month === null) continue;
    const entry = counts.get(mention.conceptId) ?? { recent: 0, dated: 0 };
    entry.dated += 1;
    if (recent.has(month)) entry.recent += 1;
    counts.set(mention.conceptId, entry);
  }
  const byId = new Map(result.concepts.map((concept) => [concept.id, concept]));
  const rising: RisingConcept[] = [];
  for (const [id, entry] of counts) {
    const concept = byId.get(id);
    if (concept === undefined || entry.recent < 2) continue;
    const lift = entry.recent / recentTotal / (entry.dated / dated);
    if (lift < 1.25) continue;
    rising.push({ id, label: concept.label, labelsZh: concept.labelsZh, recent: entry.recent, papers: entry.dated, lift: Math.round(lift * 100) / 100 });
  }
  return rising.sort((a, b) => b.lift - a.lift || b.recent - a.recent || compareText(a.label, b.label)).slice(0, 8);
}
