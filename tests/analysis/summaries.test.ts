import { describe, expect, it } from 'vitest';
import { THEME_PALETTE } from '../../src/core/palette.ts';
import { monthRange } from '../../src/analysis/month-range.ts';
import { summarizeCooccurrence } from '../../src/analysis/summarize-cooccurrence.ts';
import { summarizeCrosswalk } from '../../src/analysis/summarize-crosswalk.ts';
import type { ThemeCrosswalk } from '../../src/core/result.ts';
import { summarizeThemeMap } from '../../src/analysis/summarize-theme-map.ts';
import { summarizeThemes } from '../../src/analysis/summarize-themes.ts';
import { summarizeTrends } from '../../src/analysis/summarize-trends.ts';
import { summarizeFirstSeen } from '../../src/analysis/summarize-first-seen.ts';
import { uniqueDisplayLabels } from '../../src/analysis/concept-display-label.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';

describe('monthRange', () => {
  it('fills the gaps between the first and last month, across a year end', () => {
    expect(monthRange(['2024-11', '2025-02', '2024-11', 'bad'])).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange([])).toEqual([]);
  });
});

describe('summarizeTrends', () => {
  const result = makeReportFixture();
  const trends = summarizeTrends(result, { topConcepts: 3 });

  it('counts papers per month for the top concepts, zero in quiet months', () => {
    expect(trends.months).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08']);
    expect(trends.conceptMonths).toHaveLength(3 * 6);
    const grpo = trends.conceptMonths.filter((row) => row.conceptId === 'grpo');
    const byHand = (month: string) => [...result.mentions].filter((mention) => mention.conceptId === 'grpo' && result.papers.find((paper) => paper.id === mention.paperId)?.month === month).length;
    for (const row of grpo) expect(row.papers).toBe(byHand(row.month));
    expect(grpo.reduce((sum, row) => sum + row.papers, 0)).toBe(result.concepts.find((concept) => concept.id === 'grpo')?.papers);
  });

  it('orders the first-seen timeline by month', () => {
    const months = trends.firstSeen.map((row) => row.firstMonth);
    expect(months).toEqual([...months].sort());
  });
});

describe('summarizeFirstSeen', () => {
  it('gives the timeline summarizeTrends gives, without reading a single mention', () => {
    const result = makeReportFixture();
    const unread = {
      length: result.mentions.length,
      [Symbol.iterator]: (): Iterator<never> => {
        throw new Error('summarizeFirstSeen read the mentions');
      },
    };
    const withUnreadMentions = { ...result, mentions: unread };
    const alone = summarizeFirstSeen(withUnreadMentions, { concepts: 7 });
    const trends = summarizeTrends(result, { firstSeenConcepts: 7 });
    expect(alone.firstSeen).toHaveLength(7);
    expect(alone).toEqual({ months: trends.months, firstSeen: trends.firstSeen });
  });
});

describe('summarizeThemes', () => {
  it('gives every dated paper of a theme to exactly one theme-month cell', () => {
    const result = makeReportFixture();
    const summary = summarizeThemes(result);
    const dated = result.paperThemes.filter((entry) => result.papers.find((paper) => paper.id === entry.paperId)?.month !== null).length;
    expect(summary.themeMonths.reduce((sum, row) => sum + row.papers, 0)).toBe(dated);
    expect(summary.themes.map((theme) => theme.color)).toEqual(THEME_PALETTE.slice(0, 4));
  });
});

describe('summarizeThemeMap', () => {
  it('computes centrality and density from equivalence indices, recomputed independently', () => {
    const result = makeReportFixture();
    const map = summarizeThemeMap(result);
    const themeOf = new Map<string, number>();
    for (const theme of result.themes) for (const id of theme.concepts) themeOf.set(id, theme.id);
    for (const row of map.rows) {
      let external = 0;
      let internal = 0;
      result.conceptGraph.forEachEdge((_edge, attributes, source, target) => {
        const ci = result.conceptGraph.getNodeAttribute(source, 'papers') as number;
        const cj = result.conceptGraph.getNodeAttribute(target, 'papers') as number;
        const e = ((attributes['count'] as number) ** 2) / (ci * cj);
        const a = themeOf.get(source);
        const b = themeOf.get(target);
        if (a === row.themeId && b === row.themeId) internal += e;
        else if (a === row.themeId || b === row.themeId) external += e;
      });
      expect(row.centrality).toBeCloseTo(external, 5);
      expect(row.density).toBeCloseTo(internal / row.concepts, 5);
    }
    expect(new Set(map.rows.map((row) => row.quadrant)).size).toBeGreaterThan(1);
  });
});

describe('summarizeCooccurrence', () => {
  it('orders concepts by theme and keeps the matrix symmetric', () => {
    const summary = summarizeCooccurrence(makeReportFixture(), { topConcepts: 10 });
    expect(summary.themes).toEqual([...summary.themes].sort((a, b) => a - b));
    const key = (a: string, b: string) => `${a}\u0000${b}`;
    const cells = new Map(summary.cells.map((cell) => [key(cell.a, cell.b), cell.count]));
    for (const cell of summary.cells) expect(cells.get(key(cell.b, cell.a))).toBe(cell.count);
  });
});

describe('uniqueDisplayLabels', () => {
  it('adds Chinese labels and disambiguates clashes, including trap ids', () => {
    const labels = uniqueDisplayLabels([
      { id: 'a', label: 'entropy', labelsZh: ['熵'] },
      { id: '__proto__', label: 'same', labelsZh: [] },
      { id: 'constructor', label: 'same', labelsZh: [] },
    ]);
    expect(labels.get('a')).toBe('entropy (熵)');
    expect(labels.get('__proto__')).toBe('same [__proto__]');
    expect(labels.get('constructor')).toBe('same [constructor]');
  });
});

describe('summarizeCrosswalk', () => {
  const crosswalk: ThemeCrosswalk = {
    rowMethod: 'leiden',
    columnMethod: 'kmeans',
    rows: [
      { id: 0, label: 'GRPO · RLVR', papers: 6 },
      { id: 1, label: 'entropy', papers: 4 },
      { id: 2, label: 'empty', papers: 0 },
    ],
    columns: [
      { id: 0, label: 'k-entropy', papers: 5 },
      { id: 1, label: 'k-grpo', papers: 5 },
    ],
    cells: [
      { row: 0, column: 0, papers: 1, jaccard: 1 / 10, shareOfRow: 1 / 6, shareOfColumn: 1 / 5 },
      { row: 0, column: 1, papers: 5, jaccard: 5 / 6, shareOfRow: 5 / 6, shareOfColumn: 1 },
      { row: 1, column: 0, papers: 4, jaccard: 4 / 5, shareOfRow: 1, shareOfColumn: 4 / 5 },
    ],
    ari: 0.5,
    nmi: 0.6,
  };
  const summary = summarizeCrosswalk(crosswalk);

  it('orders k-means clusters by their best-matching graph theme, so agreement lies on the diagonal', () => {
    expect(summary.rows.map((row) => row.label)).toEqual(['1. GRPO · RLVR', '2. entropy']);
    expect(summary.columns.map((column) => column.id)).toEqual([1, 0]);
    expect(summary.columns.map((column) => column.label)).toEqual(['2. k-grpo', '1. k-entropy']);
  });

  it('fills every row × column pair, zero where no papers are shared, and keeps the agreement', () => {
    expect(summary.cells.map((cell) => [cell.row, cell.column, cell.papers])).toEqual([
      [0, 1, 5],
      [0, 0, 1],
      [1, 1, 0],
      [1, 0, 4],
    ]);
    expect(summary.cells[2]).toMatchObject({ jaccard: 0, shareOfRow: 0, shareOfColumn: 0 });
    expect([summary.ari, summary.nmi]).toEqual([0.5, 0.6]);
  });
});
