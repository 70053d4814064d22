/**
 * The report as GitHub-flavoured Markdown (`report.md`): overview, charts as image links, the themes table (with
 * each theme's stability), each theme with its concepts and papers (each with the strength of its assignment), the
 * top concepts, every paper with its links, and the method (with each method's run-to-run agreement). All text from
 * inputs goes through escapeMarkdown, so a title holding HTML shows as text. Deterministic for the same input.
 */
import type { AnalysisResult } from '../core/result.ts';
import { buildReportModel, type BuildReportModelOptions, type ReportConcept, type ReportModel, type ReportPaper } from './build-report-model.ts';
import { escapeMarkdown, markdownUrl } from './escape-markdown.ts';
import { agreementText, stabilityDetail, stabilityText, strengthText } from './score-text.ts';
import { notListed } from './not-listed.ts';

export interface MarkdownChartLink {
  name: string;
  title: string;
  /** Path relative to report.md, e.g. `charts/top-concepts.png`. */
  file: string;
}

export interface ToMarkdownReportOptions extends BuildReportModelOptions {
  charts: readonly MarkdownChartLink[];
  /** The report model, when the caller has built it already (report.md and report.html share one). */
  model?: ReportModel;
}

/** Which section shows which chart; charts not named here go to the Charts section. */
const CHART_SECTIONS: Readonly<Record<string, 'themes' | 'concepts'>> = {
  'theme-sizes': 'themes',
  'theme-map': 'themes',
  'theme-months': 'themes',
  'theme-crosswalk': 'themes',
  'top-concepts': 'concepts',
  'concepts-per-month': 'concepts',
  'first-seen': 'concepts',
  'cooccurrence-heatmap': 'concepts',
  'concept-network': 'concepts',
};

export function toMarkdownReport(result: AnalysisResult, options: ToMarkdownReportOptions): string {
  const model = options.model ?? buildReportModel(result, options);
  const lines: string[] = [];
  const chartsFor = (section: 'themes' | 'concepts' | 'other'): string[] =>
    options.charts.filter((chart) => (CHART_SECTIONS[chart.name] ?? 'other') === section).map((chart) => `![${escapeMarkdown(chart.title)}](${encodeURI(chart.file)})\n`);

  lines.push(`# ${model.title === '' ? 'Paper map' : escapeMarkdown(model.title)}`, '');
  lines.push(overview(model), '');
  lines.push('Contents: [Themes](#themes) · [Concepts](#concepts) · [Theme details](#theme-details) · [Papers](#papers) · [Method](#method)', '');

  lines.push('## Themes', '');
  lines.push(`Themes are ${model.themesAre}. The quadrant comes from the theme map: centrality against density of the links among each theme's concepts, after Callon et al. (1991). ${model.stabilityIs}`, '');
  lines.push('| # | Theme | Papers | Concepts | Stability | Quadrant | Top concepts |', '| ---: | --- | ---: | ---: | --- | --- | --- |');
  for (const theme of model.themes) {
    lines.push(
      `| ${theme.id + 1} | [${escapeMarkdown(theme.label)}](#theme-${theme.id + 1}) | ${theme.paperCount} | ${theme.conceptCount} | ${stabilityText(theme.stability, theme.stable)} | ${theme.quadrantTitle} | ${theme.topConcepts.map(escapeMarkdown).join(', ')} |`,
    );
  }
  if (model.unassignedCount > 0) lines.push(`| – | no theme | ${model.unassignedCount} | – | – | – | – |`);
  lines.push('', ...chartsFor('themes'));

  lines.push('## Concepts', '');
  lines.push('| Concept | 中文 | Type | Papers | Mentions | First seen | Theme |', '| --- | --- | --- | ---: | ---: | --- | ---: |');
  for (const concept of model.topConcepts) {
    lines.push(`| ${conceptCell(concept)} | ${concept.labelsZh.map(escapeMarkdown).join(', ')} | ${concept.type} | ${concept.papers} | ${concept.mentions} | ${concept.firstMonth} | ${concept.themeId === -1 ? '–' : concept.themeId + 1} |`);
  }
  if (model.rising.length > 0) {
    lines.push('', `**Rising in ${model.recentWindow}** (share of recent papers over share of all dated papers): ${model.rising.map((concept) => `${escapeMarkdown(concept.label)}${concept.labelsZh[0] === undefined ? '' : ` (${escapeMarkdown(concept.labelsZh[0])})`} ${concept.recent}/${concept.papers} papers, ×${concept.lift.toFixed(2)}`).join('; ')}`);
  }
  lines.push('', ...chartsFor('concepts'));
  const other = chartsFor('other');
  if (other.length > 0) lines.push('## Charts', '', ...other);

  lines.push('## Theme details', '');
  lines.push(`Papers are listed strongest first. ${model.strengthIs}`, '');
  for (const theme of model.themes) {
    lines.push(`### <a id="theme-${theme.id + 1}"></a>${escapeMarkdown(theme.name)}`, '');
    lines.push(`${theme.paperCount} papers, ${theme.conceptCount} concepts${theme.quadrantTitle === '' ? '' : ` · ${theme.quadrantTitle.toLowerCase()}`} · ${stabilityDetail(theme.stability, theme.stable)}.`, '');
    lines.push(`**Concepts:** ${theme.concepts.map((concept) => `${conceptCell(concept)} (${concept.papers})`).join(', ')}`, '');
    for (const paper of theme.papers) lines.push(paperItem(paper));
    if (theme.paperCount > theme.papers.length) lines.push('', `${notListed(theme.paperCount - theme.papers.length, 'weaker')} (paper_themes.csv lists every paper's theme).`);
    lines.push('');
  }

  lines.push('## Papers', '');
  lines.push('| Month | Title | Links | Theme |', '| --- | --- | --- | ---: |');
  for (const paper of model.papers) {
    lines.push(`| ${paper.month === '' ? '–' : paper.month} | ${titleCell(paper)} | ${linksCell(paper)} | ${paper.themeId === -1 ? '–' : paper.themeId + 1} |`);
  }
  if (model.facts.papers > model.papers.length) lines.push('', `${notListed(model.facts.papers - model.papers.length, 'older')} (papers.csv lists them all).`);
  lines.push('');

  lines.push(...methodSection(model));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function overview(model: ReportModel): string {
  const span = model.firstMonth === '' ? 'no dated papers' : model.firstMonth === model.lastMonth ? model.firstMonth : `${model.firstMonth} to ${model.lastMonth}`;
  return `${model.facts.papers} papers (${span}), ${model.facts.concepts} concepts, ${model.themes.length} themes. Made by papergraph from ${model.facts.inputs.length} input ${model.facts.inputs.length === 1 ? 'file' : 'files'}.`;
}

function conceptCell(concept: ReportConcept): string {
  const aliases = concept.aliases.length > 0 ? ` <sub>${concept.aliases.slice(0, 3).map(escapeMarkdown).join(', ')}</sub>` : '';
  return `**${escapeMarkdown(concept.label)}**${aliases}`;
}

function titleCell(paper: ReportPaper): string {
  const url = markdownUrl(paper.paperUrl);
  const title = escapeMarkdown(paper.title);
  const zh = paper.titleZh === '' ? '' : `<br>${escapeMarkdown(paper.titleZh)}`;
  return `${url === '' ? title : `[${title}](${url})`}${zh}`;
}

function linksCell(paper: ReportPaper): string {
  const links: string[] = [];
  if (paper.arxivId !== '') links.push(`[arXiv](https://arxiv.org/abs/${encodeURIComponent(paper.arxivId)})`);
  const code = markdownUrl(paper.codeUrl);
  if (code !== '') links.push(`[code](${code})`);
  return links.join(' · ');
}

function paperItem(paper: ReportPaper): string {
  const strength = strengthText(paper.strength, paper.weak);
  const head = `- ${paper.month === '' ? '' : `${paper.month} · `}${titleCell(paper).replace('<br>', ' — ')}${linksCell(paper) === '' ? '' : ` (${linksCell(paper)})`}${strength === '' ? '' : ` · ${strength}`}`;
  const sentence = paper.keyConcept?.sentence;
  if (sentence === undefined || sentence === null) return head;
  return `${head}\n  > ${escapeMarkdown(sentence.before)}**${escapeMarkdown(sentence.match)}**${escapeMarkdown(sentence.after)}`;
}

function methodSection(model: ReportModel): string[] {
  const facts = model.facts;
  const lines = ['## Method', ''];
  lines.push('**Inputs**', '', '| File | Format | Papers | List title |', '| --- | --- | ---: | --- |');
  for (const input of facts.inputs) lines.push(`| ${escapeMarkdown(input.path)} | ${escapeMarkdown(input.format)} | ${input.papers} | ${escapeMarkdown(input.title)} |`);
  lines.push('');
  lines.push(
    '**Counts**',
    '',
    `- Papers read: ${facts.papersRead}; after removing duplicates: ${facts.papers} (${facts.papersWithoutMonth} without a month)`,
    `- Concepts: ${facts.concepts}, in ${facts.mentions} paper–concept mentions`,
    `- Concept graph: ${facts.graphConcepts} concepts, ${facts.graphLinks} links`,
    `- Louvain: ${facts.clustering.louvain.communities} communities, modularity ${facts.clustering.louvain.modularity.toFixed(3)} at resolution ${facts.clustering.louvain.resolution}`,
    `- k-means: k = ${facts.clustering.kmeans.k} (${facts.clustering.kmeans.chosenBy === 'user' ? 'given' : 'chosen by silhouette'})`,
    ...facts.stability.map((entry) => `- ${agreementText(entry)}`),
    `- Encoding repairs: ${facts.repairs.spans} spans in ${facts.repairs.files} files, ${facts.repairs.charactersRecovered} characters recovered, ${facts.repairs.uncertain} uncertain`,
    '',
  );
  lines.push('**Parameters**', '', '| Parameter | Value |', '| --- | --- |');
  for (const [key, value] of facts.parameters) lines.push(`| ${escapeMarkdown(key)} | ${escapeMarkdown(value)} |`);
  lines.push('');
  lines.push('**Skipped or repaired**', '');
  if (facts.issueCounts.length === 0) lines.push('Nothing was skipped or repaired.');
  else {
    lines.push('| Issue | Severity | Count |', '| --- | --- | ---: |');
    for (const entry of facts.issueCounts) lines.push(`| ${entry.code} | ${entry.severity} | ${entry.count} |`);
    lines.push('');
    for (const item of facts.issues) {
      const where = [item.file === undefined ? '' : `${item.file}${item.line === undefined ? '' : `:${item.line}`}`, item.paperId ?? ''].filter((part) => part !== '').join(' · ');
      lines.push(`- \`${item.code}\` ${escapeMarkdown(item.message)}${where === '' ? '' : ` (${escapeMarkdown(where)})`}`);
    }
    if (facts.issuesLeftOut > 0) lines.push(`- … and ${facts.issuesLeftOut} more`);
  }
  lines.push('');
  return lines;
}
