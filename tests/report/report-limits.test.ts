import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/build-report-model.ts';
import { toReportData } from '../../src/report/report-data.ts';
import { toHtmlReport } from '../../src/report/to-html-report.ts';
import { toMarkdownReport } from '../../src/report/to-markdown-report.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';

// The fixture: 16 papers in 4 Louvain themes of 5, 3, 5 and 3 papers.
describe('report paper lists of a large corpus', () => {
  const result = makeReportFixture();
  const limits = { maxPapersPerTheme: 2, maxPapers: 4 };

  it('lists every paper when the lists are short enough', () => {
    const model = buildReportModel(result);
    expect(model.papers).toHaveLength(result.papers.length);
    expect(model.listedPaperIds.size).toBe(result.papers.length);
    for (const theme of model.themes) expect(theme.papers).toHaveLength(theme.paperCount);
  });

  it('lists the strongest papers of each theme and the newest papers, and counts them all', () => {
    const full = buildReportModel(result);
    const short = buildReportModel(result, limits);
    for (const theme of short.themes) {
      const all = full.themes.find((candidate) => candidate.id === theme.id);
      const assigned = result.paperThemes.filter((entry) => entry.method === short.method && entry.themeId === theme.id).length;
      expect(theme.paperCount).toBe(assigned);
      expect(theme.papers).toEqual(all?.papers.slice(0, 2));
    }
    expect(short.papers).toEqual(full.papers.slice(0, 4));
    const listed = new Set([...short.papers, ...short.themes.flatMap((theme) => theme.papers)].map((paper) => paper.id));
    expect([...short.listedPaperIds].sort()).toEqual([...listed].sort());
  });

  it('says in both reports how many papers each shortened list leaves out', () => {
    const markdown = toMarkdownReport(result, { ...limits, charts: [] });
    const html = toHtmlReport(result, { ...limits, charts: [], assets: { script: '' } });
    expect(markdown).toContain('… and 3 weaker papers, not listed here (paper_themes.csv');
    expect(markdown).toContain('… and 1 weaker paper, not listed here');
    expect(markdown).toContain(`… and ${result.papers.length - 4} older papers, not listed here (papers.csv lists them all).`);
    expect(html).toContain('… and 3 weaker papers, not listed here');
    expect(html).toContain(`… and ${result.papers.length - 4} older papers, not listed here`);
    expect(markdown).toMatch(/\| 1 \| \[[^\]]+\]\(#theme-1\) \| 5 \|/);
  });

  it('gives the page only the listed papers, and each concept its full paper count', () => {
    const model = buildReportModel(result, limits);
    const all = toReportData(result);
    const data = toReportData(result, model.listedPaperIds);
    expect(data.papers.map((paper) => paper.id).sort()).toEqual([...model.listedPaperIds].sort());
    for (const node of data.nodes) {
      const whole = all.nodes.find((candidate) => candidate.id === node.id);
      expect(node.paperCount).toBe(whole?.papers.length);
      expect(node.papers.map((index) => data.papers[index]?.id)).toEqual(whole?.papers.map((index) => all.papers[index]?.id).filter((id) => id !== undefined && model.listedPaperIds.has(id)));
    }
  });

  it('serialises a model it is given instead of building its own', () => {
    const model = buildReportModel(result, limits);
    const given = { ...model, title: 'Given model' };
    expect(toMarkdownReport(result, { charts: [], model: given })).toContain('# Given model');
    expect(toHtmlReport(result, { charts: [], assets: { script: '' }, model: given })).toContain('<title>Given model');
  });
});
