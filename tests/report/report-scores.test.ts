/**
 * Issue 7 in the report: each theme's stability (themes table and detail line), each listed paper's strength and
 * weak flag, what both mean, and each method's run-to-run agreement — in report.md and report.html, read back
 * from the text a reader sees.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result.ts';
import { agreementText, stabilityDetail, stabilityText, strengthText } from '../../src/report/score-text.ts';
import { toHtmlReport } from '../../src/report/to-html-report.ts';
import { toMarkdownReport } from '../../src/report/to-markdown-report.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';
import { makeStabilityFixture, WEAK_PAPER } from './stability-fixture.ts';

/** Louvain themes of the fixture: stability 0.9 − 0.1·id, stable from 0.75. */
const EXPECTED_STABILITY = ['0.90 stable', '0.80 stable', '0.70 fragile', '0.60 fragile'];
const EXPECTED_DETAIL = ['stability 0.90 (stable)', 'stability 0.80 (stable)', 'stability 0.70 (fragile)', 'stability 0.60 (fragile)'];

function louvainAssignments(result: AnalysisResult): { paperId: string; title: string; themeId: number; strength: number; weak: boolean }[] {
  const titles = new Map(result.papers.map((paper) => [paper.id, paper.title]));
  return result.paperThemes.filter((entry) => entry.method === 'louvain').map((entry) => ({ ...entry, title: titles.get(entry.paperId) ?? '' }));
}

/** The Markdown section of theme `id` (0-based) in Theme details. */
function markdownThemeSection(markdown: string, id: number): string {
  const start = markdown.indexOf(`### <a id="theme-${id + 1}"></a>`);
  const end = markdown.indexOf('\n## ', start);
  const next = markdown.indexOf('\n### ', start + 1);
  return markdown.slice(start, next !== -1 && next < end ? next : end);
}

/** The HTML article of theme `id` (0-based). */
function htmlThemeArticle(html: string, id: number): string {
  const start = html.indexOf(`<article class="theme" id="theme-${id + 1}"`);
  return html.slice(start, html.indexOf('</article>', start));
}

describe('stability and strength in report.md', () => {
  const result = makeStabilityFixture();
  const markdown = toMarkdownReport(result, { charts: [] });

  it('has a Stability column with the value and verdict of every theme', () => {
    expect(markdown).toContain('| # | Theme | Papers | Concepts | Stability | Quadrant | Top concepts |');
    EXPECTED_STABILITY.forEach((expected, id) => {
      const row = markdown.split('\n').find((line) => line.startsWith(`| ${id + 1} | [`));
      expect(row?.split('|')[5]?.trim(), `theme ${id + 1}`).toBe(expected);
    });
  });

  it('says how stable each theme is in its detail line', () => {
    EXPECTED_DETAIL.forEach((expected, id) => {
      const detail = markdownThemeSection(markdown, id).split('\n')[2];
      expect(detail, `theme ${id + 1}`).toContain(` · ${expected}.`);
    });
  });

  it('lists every paper under its theme with the strength of its assignment, and flags the weak one', () => {
    const assignments = louvainAssignments(result);
    expect(assignments.filter((entry) => entry.weak).map((entry) => entry.paperId)).toEqual([WEAK_PAPER]);
    for (const entry of assignments) {
      const section = markdownThemeSection(markdown, entry.themeId);
      const key = entry.paperId.startsWith('title:') ? `- ${entry.title}` : `https://arxiv.org/abs/${entry.paperId}`;
      const line = section.split('\n').find((candidate) => candidate.startsWith('- ') && candidate.includes(key));
      expect(line, `${entry.paperId} under theme ${entry.themeId + 1}`).toBeDefined();
      expect(line, entry.paperId).toMatch(new RegExp(` · strength ${entry.strength.toFixed(2)}${entry.weak ? ', weakly assigned' : ''}$`));
      if (!entry.weak) expect(line, entry.paperId).not.toContain('weakly');
    }
    expect(markdown).toContain('- A Note on Reward Models · strength 0.31, weakly assigned');
  });

  it('explains stability and strength the way the clustering computes them', () => {
    expect(markdown).toContain('Stability is how well a theme comes back when Louvain is re-run with 4 other seeds (43, 44, 45, 46)');
    expect(markdown).toContain("the best Jaccard overlap between the theme's papers and any theme of that run, averaged over the re-runs");
    expect(markdown).toContain('From 0.75 a theme counts as stable, below as fragile.');
    // The fixture's themes are concept communities: strength is a share of concept weight, weak papers join by similarity.
    expect(markdown).toContain("Strength (0–1) is the share of the paper's concept weight");
    expect(markdown).toContain('A weakly assigned paper mentions no concept of any theme');
  });

  it('gives each measured method’s run-to-run agreement in the method section', () => {
    const method = markdown.slice(markdown.indexOf('## Method'));
    expect(method).toContain('- Louvain re-run with 4 other seeds (43, 44, 45, 46): mean ARI 0.87 with the reference run (lowest 0.79, mean NMI 0.91); 2 themes stable, 2 fragile (stable from mean Jaccard 0.75).');
    expect(method).toContain('- k-means re-run with 4 other seeds (43, 44, 45, 46): mean ARI 0.96');
    expect(method).not.toContain('Leiden re-run');
  });

  it('shows – and "not measured" when stability was not measured', () => {
    const unmeasured = makeReportFixture();
    const plain = toMarkdownReport({ ...unmeasured, themes: unmeasured.themes.map((theme) => ({ ...theme, stability: null })) }, { charts: [] });
    for (let id = 0; id < 4; id++) {
      expect(plain.split('\n').find((line) => line.startsWith(`| ${id + 1} | [`))?.split('|')[5]?.trim()).toBe('–');
      expect(markdownThemeSection(plain, id)).toContain(' · stability not measured.');
    }
    expect(plain).toContain('Stability was not measured (no re-runs with other seeds).');
    expect(plain).not.toContain('re-run with');
  });

  it('gives the strength of paper-graph and k-means themes by their own definitions', () => {
    const papers = toMarkdownReport({ ...result, clustering: { ...result.clustering, graphInput: 'papers' } }, { charts: [] });
    expect(papers).toContain("Strength (0–1) is the share of the paper's link weight in the paper similarity graph that stays inside its theme.");
    expect(papers).toContain('A weakly assigned paper fell in a community too small to be a theme');
    const kmeansThemes = result.themes.map((theme) => ({ ...theme, method: 'kmeans' as const }));
    const kmeansPapers = result.paperThemes.map((entry) => ({ ...entry, method: 'kmeans' as const }));
    const kmeans = toMarkdownReport({ ...result, themes: kmeansThemes, paperThemes: kmeansPapers }, { charts: [] });
    expect(kmeans).toContain("Strength (0–1) is the cosine similarity of the paper's LSA vector to the centroid of its cluster.");
    expect(kmeans).toContain('Stability is how well a theme comes back when k-means is re-run with 4 other seeds');
  });
});

describe('stability and strength in report.html', () => {
  const result = makeStabilityFixture();
  const html = toHtmlReport(result, { charts: [], assets: { script: '' } });

  it('has a Stability column in the overview table', () => {
    expect(html).toContain('<th class="num">Concepts</th><th>Stability</th><th>Top concepts</th>');
    EXPECTED_STABILITY.forEach((expected, id) => {
      const row = html.split('\n').find((line) => line.startsWith('<tr>') && line.includes(`href="#theme-${id + 1}"`));
      expect(row, `theme ${id + 1}`).toContain(`<td class="stability">${expected}</td>`);
    });
  });

  it('says how stable each theme is in its article', () => {
    EXPECTED_DETAIL.forEach((expected, id) => expect(htmlThemeArticle(html, id), `theme ${id + 1}`).toMatch(new RegExp(`<p class="muted">[^<]* · ${expected.replace(/[()]/g, '\\$&')}</p>`)));
  });

  it('shows each paper’s strength in its theme, and flags the weak one', () => {
    for (const entry of louvainAssignments(result)) {
      const article = htmlThemeArticle(html, entry.themeId);
      const item = article.split('<li>').find((candidate) => candidate.includes(entry.paperId.startsWith('title:') ? `>${entry.title}</span>` : `arXiv ${entry.paperId}`));
      expect(item, `${entry.paperId} under theme ${entry.themeId + 1}`).toBeDefined();
      const expected = entry.weak ? `<span class="strength weak">strength ${entry.strength.toFixed(2)}, weakly assigned</span>` : `<span class="strength">strength ${entry.strength.toFixed(2)}</span>`;
      expect(item, entry.paperId).toContain(expected);
    }
  });

  it('explains stability and strength, and gives each method’s agreement', () => {
    expect(html).toContain('Stability is how well a theme comes back when Louvain is re-run with 4 other seeds (43, 44, 45, 46)');
    expect(html).toContain('Papers are listed strongest first. Strength (0–1) is the share of the paper&#39;s concept weight');
    const method = html.slice(html.indexOf('<section id="method">'));
    expect(method).toContain('<li>Louvain re-run with 4 other seeds (43, 44, 45, 46): mean ARI 0.87 with the reference run (lowest 0.79, mean NMI 0.91); 2 themes stable, 2 fragile (stable from mean Jaccard 0.75).</li>');
    expect(method).toContain('<li>k-means re-run with 4 other seeds');
  });
});

describe('score texts', () => {
  it('rounds stability, but truncates a fragile one so it never reads as the threshold', () => {
    expect(stabilityText(0.7499, false)).toBe('0.74 fragile');
    expect(stabilityText(0.65625, false)).toBe('0.65 fragile');
    expect(stabilityText(0.75, true)).toBe('0.75 stable');
    expect(stabilityText(0.767, true)).toBe('0.77 stable');
    expect(stabilityText(0.6000000000000001 - 1e-16, false)).toBe('0.60 fragile');
    expect(stabilityText(1, true)).toBe('1.00 stable');
    expect(stabilityText(0.5, null)).toBe('0.50');
    expect(stabilityText(null, null)).toBe('–');
    expect(stabilityDetail(0.41, false)).toBe('stability 0.41 (fragile)');
    expect(stabilityDetail(null, null)).toBe('stability not measured');
  });

  it('writes strength with the weak flag', () => {
    expect(strengthText(0.834, false)).toBe('strength 0.83');
    expect(strengthText(0, true)).toBe('strength 0.00, weakly assigned');
    expect(strengthText(null, false)).toBe('');
  });

  it('writes one agreement sentence per method', () => {
    expect(agreementText({ method: 'leiden', name: 'Leiden', seeds: [43], meanAri: 1, minAri: 1, meanNmi: 1, stableThemes: 1, fragileThemes: 0, stableAt: 0.75 })).toBe(
      'Leiden re-run with 1 other seed (43): mean ARI 1.00 with the reference run (lowest 1.00, mean NMI 1.00); 1 theme stable, 0 fragile (stable from mean Jaccard 0.75).',
    );
  });
});
