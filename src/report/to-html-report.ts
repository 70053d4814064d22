/**
 * The report as one self-contained HTML file that works offline: the page text is rendered here, escaped, so it
 * reads even with scripts off (themes with their stability, papers with the strength of their assignment); the
 * inline script (built by io/build-report-script.ts and passed in as an asset) then draws the charts with
 * vega-embed and the concept graph with sigma.js, and wires search, theme filter and concept clicks. Data for the
 * script travels as JSON in <script type="application/json"> elements, escaped so that no input text can close them.
 * No request leaves the page: no CDN, no fonts, no images from elsewhere.
 */
import type { TopLevelSpec } from 'vega-lite';
import { compileChart } from '../charts/render-chart.ts';
import { PapergraphError } from '../core/errors.ts';
import type { AnalysisResult } from '../core/result.ts';
import { buildReportModel, type BuildReportModelOptions, type ReportConcept, type ReportModel, type ReportPaper, type ReportTheme } from './build-report-model.ts';
import { escapeHtml, safeUrl, toScriptJson } from './escape-html.ts';
import { REPORT_STYLES } from './report-styles.ts';
import { toReportData } from './report-data.ts';
import { agreementText, stabilityDetail, stabilityText, strengthText } from './score-text.ts';
import { notListed } from './not-listed.ts';

export interface HtmlChart {
  name: string;
  title: string;
  spec: TopLevelSpec;
}

export interface HtmlReportAssets {
  /** The bundled browser script (io/build-report-script.ts). Without it the page shows text and tables only. */
  script: string;
}

export interface ToHtmlReportOptions extends BuildReportModelOptions {
  charts: readonly HtmlChart[];
  assets: HtmlReportAssets;
  /** The report model, when the caller has built it already (report.md and report.html share one). */
  model?: ReportModel;
}

export function toHtmlReport(result: AnalysisResult, options: ToHtmlReportOptions): string {
  const model = options.model ?? buildReportModel(result, options);
  const data = toReportData(result, model.listedPaperIds);
  const title = model.title === '' ? 'Paper map' : model.title;
  const body = [
    header(model, title),
    nav(),
    '<main class="wrap">',
    overview(model),
    graphSection(model),
    chartsSection(options.charts),
    themesSection(model),
    papersSection(model),
    methodSection(model),
    '<footer>Made with papergraph. Charts drawn with Vega-Lite, the concept graph with sigma.js; everything is in this one file and works offline.</footer>',
    '</main>',
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; connect-src data: blob:; worker-src blob:">
<title>${escapeHtml(title)} — papergraph report</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
${body}
<script type="application/json" id="papergraph-data">${toScriptJson(data)}</script>
<script type="application/json" id="papergraph-charts">${toScriptJson(options.charts.map((chart) => ({ name: chart.name, spec: toVegaSpec(chart) })))}</script>
<script>${options.assets.script}</script>
</body>
</html>
`;
}

function header(model: ReportModel, title: string): string {
  const span = model.firstMonth === '' ? 'no dated papers' : model.firstMonth === model.lastMonth ? model.firstMonth : `${model.firstMonth} to ${model.lastMonth}`;
  return `<header class="top"><div class="wrap">
<h1>${escapeHtml(title)}</h1>
<p class="lead">${model.facts.papers} papers (${escapeHtml(span)}) · ${model.facts.concepts} concepts · ${model.themes.length} themes</p>
</div></header>`;
}

function nav(): string {
  const links = [
    ['overview', 'Overview'],
    ['graph-section', 'Concept graph'],
    ['charts', 'Charts'],
    ['themes', 'Themes'],
    ['papers', 'Papers'],
    ['method', 'Method'],
  ];
  return `<nav class="toc"><div class="wrap">${links.map(([id, text]) => `<a href="#${id}">${text}</a>`).join('')}</div></nav>`;
}

function swatch(color: string): string {
  return `<span class="swatch" style="background:${escapeHtml(color)}"></span>`;
}

function overview(model: ReportModel): string {
  const stats = [
    [model.facts.papers, 'papers'],
    [model.facts.concepts, 'concepts'],
    [model.themes.length, 'themes'],
    [model.months, model.months === 1 ? 'month' : 'months'],
  ]
    .map(([value, label]) => `<div class="stat"><b>${value}</b><span>${label}</span></div>`)
    .join('');
  const rows = model.themes
    .map(
      (theme) => `<tr><td>${swatch(theme.color)}<a href="#theme-${theme.id + 1}">${escapeHtml(theme.name)}</a></td><td>${theme.quadrantTitle === '' ? '' : `<span class="badge">${escapeHtml(theme.quadrantTitle)}</span>`}</td><td class="num">${theme.paperCount}</td><td class="num">${theme.conceptCount}</td><td class="stability">${escapeHtml(stabilityText(theme.stability, theme.stable))}</td><td>${theme.topConcepts.map(escapeHtml).join(', ')}</td></tr>`,
    )
    .join('\n');
  const unassigned = model.unassignedCount > 0 ? `<tr><td>${swatch('#999999')}<a href="#theme-none">no theme</a></td><td></td><td class="num">${model.unassignedCount}</td><td class="num">–</td><td>–</td><td></td></tr>` : '';
  const rising =
    model.rising.length === 0
      ? ''
      : `<h3>Rising in ${escapeHtml(model.recentWindow)}</h3>
<p class="muted">Concepts over-represented in the most recent months: their share of recent papers against their share of all dated papers.</p>
<ul class="chips">${model.rising.map((concept) => `<li><button type="button" class="chip" data-concept="${escapeHtml(concept.id)}">${escapeHtml(concept.label)}${concept.labelsZh[0] === undefined ? '' : ` <span class="zh">${escapeHtml(concept.labelsZh[0])}</span>`} <small>${concept.recent}/${concept.papers} papers recent · ×${concept.lift.toFixed(2)}</small></button></li>`).join('')}</ul>`;
  const top = `<h3>Most mentioned concepts</h3>
<ul class="chips">${model.topConcepts.slice(0, 15).map((concept) => conceptChip(concept)).join('')}</ul>`;
  return `<section id="overview">
<h2>Overview</h2>
<div class="stats">${stats}</div>
<h3>Themes</h3>
<table><thead><tr><th>Theme</th><th>Place on the theme map</th><th class="num">Papers</th><th class="num">Concepts</th><th>Stability</th><th>Top concepts</th></tr></thead>
<tbody>
${rows}
${unassigned}
</tbody></table>
<p class="muted">${escapeHtml(model.stabilityIs)}</p>
${rising}
${top}
</section>`;
}

function conceptChip(concept: ReportConcept): string {
  const zh = concept.labelsZh[0] === undefined ? '' : ` <span class="zh">${escapeHtml(concept.labelsZh.join(' / '))}</span>`;
  const aliases = concept.aliases.length === 0 ? '' : ` title="${escapeHtml(`Also written: ${concept.aliases.join(', ')}`)}"`;
  return `<li><button type="button" class="chip" data-concept="${escapeHtml(concept.id)}"${aliases}>${escapeHtml(concept.label)}${zh} <small>${concept.papers}</small></button></li>`;
}

function graphSection(model: ReportModel): string {
  const options = model.themes.map((theme) => `<option value="${theme.id}">${escapeHtml(theme.name)}</option>`).join('');
  return `<section id="graph-section">
<h2>Concept graph</h2>
<p class="muted">Concepts linked when papers mention them together; colour is the theme. Scroll to zoom, drag to pan, hover a concept to see its neighbours, click it to list its papers.</p>
<div class="graph-controls">
<input id="graph-search" type="search" placeholder="Search a concept (GRPO, 熵坍缩, …)" aria-label="Search a concept" autocomplete="off">
<select id="theme-filter" aria-label="Show one theme"><option value="">All themes</option>${options}</select>
</div>
<ul id="search-results" aria-live="polite"></ul>
<p id="graph-status" class="muted"></p>
<div class="graph-layout">
<div id="graph" role="img" aria-label="Interactive concept graph"></div>
<aside id="concept-panel" aria-live="polite"><p class="muted">Click a concept in the graph, a search result or a concept anywhere on this page to list its papers here.</p></aside>
</div>
</section>`;
}

function chartsSection(charts: readonly HtmlChart[]): string {
  const figures = charts.map((chart) => `<figure class="chart" id="chart-${escapeHtml(chart.name)}" data-chart="${escapeHtml(chart.name)}" aria-label="${escapeHtml(chart.title)}"></figure>`).join('\n');
  return `<section id="charts">
<h2>Charts</h2>
<p class="muted">Hover marks for details; each chart's menu saves it as SVG or PNG.</p>
<div class="chart-grid">
${figures}
</div>
</section>`;
}

function themesSection(model: ReportModel): string {
  const articles = model.themes.map((theme) => themeArticle(theme)).join('\n');
  const unassigned =
    model.unassignedCount === 0
      ? ''
      : `<article class="theme" id="theme-none" style="border-left-color:#999999">
<h3>Papers without a theme</h3>
<p class="muted">The clustering gave these papers no theme.</p>
<ol class="papers">${model.unassignedPapers.map((paper) => paperItem(paper)).join('\n')}</ol>${moreLine(model.unassignedCount - model.unassignedPapers.length, 'other', 'paper_themes.csv lists every paper')}
</article>`;
  return `<section id="themes">
<h2>Themes</h2>
<p class="muted">Papers are listed strongest first. ${escapeHtml(model.strengthIs)}</p>
${articles}
${unassigned}
</section>`;
}

function themeArticle(theme: ReportTheme): string {
  const badge = theme.quadrantTitle === '' ? '' : ` <span class="badge">${escapeHtml(theme.quadrantTitle)}</span>`;
  return `<article class="theme" id="theme-${theme.id + 1}" style="border-left-color:${escapeHtml(theme.color)}">
<h3>${swatch(theme.color)}${escapeHtml(theme.name)}${badge}</h3>
<p class="muted">${theme.paperCount} papers · ${theme.conceptCount} concepts · centrality ${theme.centrality.toFixed(2)}, density ${theme.density.toFixed(2)} · ${escapeHtml(stabilityDetail(theme.stability, theme.stable))}</p>
<ul class="chips">${theme.concepts.map((concept) => conceptChip(concept)).join('')}</ul>
${theme.concepts.some((concept) => concept.aliases.length > 0) ? `<details><summary>Aliases</summary><ul>${theme.concepts
    .filter((concept) => concept.aliases.length > 0)
    .map((concept) => `<li><b>${escapeHtml(concept.label)}</b>: ${concept.aliases.map(escapeHtml).join(', ')}</li>`)
    .join('')}</ul></details>` : ''}
<ol class="papers">
${theme.papers.map((paper) => paperItem(paper)).join('\n')}
</ol>${moreLine(theme.paperCount - theme.papers.length, 'weaker', "paper_themes.csv lists every paper's theme")}
</article>`;
}

function moreLine(count: number, which: string, where: string): string {
  return count > 0 ? `\n<p class="muted">${escapeHtml(`${notListed(count, which)} (${where}).`)}</p>` : '';
}

function paperLinks(paper: ReportPaper): string {
  const links: string[] = [];
  if (paper.arxivId !== '') links.push(`<a href="https://arxiv.org/abs/${encodeURIComponent(paper.arxivId)}" rel="noopener noreferrer" target="_blank">arXiv ${escapeHtml(paper.arxivId)}</a>`);
  const code = safeUrl(paper.codeUrl);
  if (code !== '') links.push(`<a href="${escapeHtml(code)}" rel="noopener noreferrer" target="_blank">code</a>`);
  return links.join('');
}

function paperTitle(paper: ReportPaper): string {
  const url = safeUrl(paper.paperUrl);
  const title = escapeHtml(paper.title);
  return url === '' ? `<span class="paper-title">${title}</span>` : `<a class="paper-title" href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank">${title}</a>`;
}

function paperItem(paper: ReportPaper): string {
  const sentence = paper.keyConcept?.sentence;
  const quote =
    sentence === undefined || sentence === null
      ? ''
      : `<blockquote>${escapeHtml(sentence.before)}<mark>${escapeHtml(sentence.match)}</mark>${escapeHtml(sentence.after)}</blockquote>`;
  const strength = strengthText(paper.strength, paper.weak);
  return `<li>${paper.month === '' ? '' : `<span class="month">${escapeHtml(paper.month)}</span> `}${paperTitle(paper)}
${paper.titleZh === '' ? '' : `<div class="zh">${escapeHtml(paper.titleZh)}</div>`}
<div class="links">${paperLinks(paper)}${strength === '' ? '' : ` <span class="${paper.weak ? 'strength weak' : 'strength'}">${escapeHtml(strength)}</span>`}</div>${quote}</li>`;
}

function papersSection(model: ReportModel): string {
  const themeNames = new Map(model.themes.map((theme) => [theme.id, theme]));
  const rows = model.papers
    .map((paper) => {
      const theme = themeNames.get(paper.themeId);
      return `<tr><td class="month">${escapeHtml(paper.month === '' ? '–' : paper.month)}</td><td>${paperTitle(paper)}${paper.titleZh === '' ? '' : `<div class="zh">${escapeHtml(paper.titleZh)}</div>`}</td><td class="links">${paperLinks(paper)}</td><td>${theme === undefined ? '–' : `${swatch(theme.color)}${theme.id + 1}`}</td></tr>`;
    })
    .join('\n');
  return `<section id="papers">
<h2>Papers</h2>
<table><thead><tr><th>Month</th><th>Title</th><th>Links</th><th>Theme</th></tr></thead>
<tbody>
${rows}
</tbody></table>${moreLine(model.facts.papers - model.papers.length, 'older', 'papers.csv lists them all')}
</section>`;
}

function methodSection(model: ReportModel): string {
  const facts = model.facts;
  const inputs = facts.inputs
    .map((input) => `<tr><td><code>${escapeHtml(input.path)}</code></td><td>${escapeHtml(input.format)}</td><td class="num">${input.papers}</td><td>${escapeHtml(input.title)}</td></tr>`)
    .join('');
  const parameters = facts.parameters.map(([key, value]) => `<tr><td><code>${escapeHtml(key)}</code></td><td>${escapeHtml(value)}</td></tr>`).join('');
  const issueRows = facts.issueCounts.map((entry) => `<tr><td><code>${escapeHtml(entry.code)}</code></td><td>${escapeHtml(entry.severity)}</td><td class="num">${entry.count}</td></tr>`).join('');
  const issueList = facts.issues
    .map((item) => {
      const where = [item.file === undefined ? '' : `${item.file}${item.line === undefined ? '' : `:${item.line}`}`, item.paperId ?? ''].filter((part) => part !== '').join(' · ');
      return `<li><code>${escapeHtml(item.code)}</code> ${escapeHtml(item.message)}${where === '' ? '' : ` <span class="muted">(${escapeHtml(where)})</span>`}</li>`;
    })
    .join('');
  const { louvain, kmeans } = facts.clustering;
  return `<section id="method">
<h2>Method</h2>
<p>Papers were read from the inputs below and deduplicated by arXiv id (keeping the latest version). Concepts were found in titles, abstracts and notes and linked when papers mention them together. Themes are ${escapeHtml(model.themesAre)}. Each theme's place on the theme map follows the strategic diagram of co-word analysis (Callon, Courtial &amp; Laville, 1991), computed on the links among its concepts: centrality is the strength of its links to other themes, density the strength of its internal links.</p>
<h3>Inputs</h3>
<table><thead><tr><th>File</th><th>Format</th><th class="num">Papers</th><th>List title</th></tr></thead><tbody>${inputs}</tbody></table>
<h3>Counts</h3>
<ul>
<li>Papers read: ${facts.papersRead}; after removing duplicates: ${facts.papers} (${facts.papersWithoutMonth} without a month)</li>
<li>Concepts: ${facts.concepts}, in ${facts.mentions} paper–concept mentions</li>
<li>Concept graph: ${facts.graphConcepts} concepts, ${facts.graphLinks} links</li>
<li>Louvain: ${louvain.communities} communities, modularity ${louvain.modularity.toFixed(3)} at resolution ${louvain.resolution}</li>
<li>k-means on papers: k = ${kmeans.k} (${kmeans.chosenBy === 'user' ? 'given' : 'chosen by silhouette'}${kmeans.candidates.length === 0 ? '' : `; candidates ${kmeans.candidates.map((candidate) => `k=${candidate.k}: ${candidate.silhouette.toFixed(2)}`).join(', ')}`})</li>
${facts.stability.map((entry) => `<li>${escapeHtml(agreementText(entry))}</li>`).join('\n')}
<li>Encoding repairs: ${facts.repairs.spans} spans in ${facts.repairs.files} files, ${facts.repairs.charactersRecovered} characters recovered, ${facts.repairs.uncertain} uncertain</li>
</ul>
<h3>Parameters</h3>
<table><thead><tr><th>Parameter</th><th>Value</th></tr></thead><tbody>${parameters}</tbody></table>
<h3>Skipped or repaired</h3>
${facts.issueCounts.length === 0 ? '<p>Nothing was skipped or repaired.</p>' : `<table><thead><tr><th>Issue</th><th>Severity</th><th class="num">Count</th></tr></thead><tbody>${issueRows}</tbody></table>
<details><summary>Each issue</summary><ul>${issueList}${facts.issuesLeftOut > 0 ? `<li>… and ${facts.issuesLeftOut} more</li>` : ''}</ul></details>`}
</section>`;
}

/** Vega-Lite compiled to Vega here, so the page needs no Vega-Lite compiler; any compiler warning is an error. */
function toVegaSpec(chart: HtmlChart): unknown {
  try {
    return compileChart(chart.spec);
  } catch (error) {
    throw new PapergraphError('report/to-html-report', `chart ${chart.name} does not compile: ${String(error)}`, { cause: error });
  }
}
