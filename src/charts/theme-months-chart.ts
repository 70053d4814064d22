/**
 * Theme × time heat map: papers of each theme per period, with the count written in each non-empty cell. A
 * single-hue sequential scheme (blues, safe for colour-blind readers) carries the count; empty cells are light grey.
 *
 * Sized to stay readable (and drawable) on large corpora: the columns are months while there are at most
 * `THEME_MONTHS_MAX_COLUMNS` of them, else quarters, else years; at most `THEME_MONTHS_MAX_THEMES` themes get a
 * row of their own (the largest), the others are summed in one last row that says how many it holds. The subtitle
 * says both. (10k synthetic papers over 16 years gave 63 themes × 188 months: a 15 258 × 4 042 pixel PNG and half
 * of the charts stage.)
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { summarizeThemes } from '../analysis/summarize-themes.ts';
import { themeDisplayLabel } from '../analysis/theme-display-label.ts';
import { chartBase } from './chart-config.ts';

/** Themes with a row of their own, at most; the rest share the last row. */
export const THEME_MONTHS_MAX_THEMES = 30;
/** Columns at most before months become quarters, and quarters years. */
export const THEME_MONTHS_MAX_COLUMNS = 36;
/** Theme labels longer than this many pixels end in an ellipsis (a long label otherwise runs off the image). */
const THEME_LABEL_LIMIT = 460;

type Period = 'month' | 'quarter' | 'year';

export function themeMonthsChart(result: Pick<AnalysisResult, 'papers' | 'concepts' | 'themes' | 'paperThemes'>): TopLevelSpec {
  const summary = summarizeThemes(result);
  const period = periodFor(summary.months.length);
  const periods = [...new Set(summary.months.map((month) => periodOf(month, period)))];
  const shown = summary.themes.slice(0, THEME_MONTHS_MAX_THEMES);
  const hidden = summary.themes.length - shown.length;
  const otherRow = `${hidden} other themes`;
  const rowOf = new Map(summary.themes.map((theme, i) => [theme.themeId, i < shown.length ? themeDisplayLabel(theme.themeId, theme.label) : otherRow]));
  const rows = [...shown.map((theme) => themeDisplayLabel(theme.themeId, theme.label)), ...(hidden > 0 ? [otherRow] : [])];
  const counts = new Map<string, number>();
  for (const row of summary.themeMonths) {
    const key = `${rowOf.get(row.themeId) ?? otherRow}\u0000${periodOf(row.month, period)}`;
    counts.set(key, (counts.get(key) ?? 0) + row.papers);
  }
  const values = rows.flatMap((theme) => periods.map((at) => ({ theme, period: at, papers: counts.get(`${theme}\u0000${at}`) ?? 0 })));
  // The colours span the themes' own cells; the shared row (larger counts, written in its cells) shows at the darkest.
  const maxPapers = Math.max(1, ...values.filter((value) => hidden === 0 || value.theme !== otherRow).map((value) => value.papers));
  const subtitle = `Papers per theme and ${period} (papers without a date are left out)${hidden > 0 ? `; the ${shown.length} largest of ${summary.themes.length} themes, the others summed in the last row` : ''}`;
  return {
    ...chartBase('Themes over time', subtitle),
    width: { step: 36 },
    height: { step: 30 },
    data: { values },
    encoding: {
      x: { field: 'period', type: 'ordinal', scale: { domain: periods }, title: PERIOD_TITLE[period], axis: { labelAngle: -45 } },
      y: { field: 'theme', type: 'nominal', sort: rows, title: null, axis: { labelLimit: THEME_LABEL_LIMIT } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1, color: '#f2f2f2' },
      },
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        transform: [{ filter: 'datum.papers > 0' }],
        encoding: {
          color: { field: 'papers', type: 'quantitative', title: 'Papers', scale: { scheme: 'blues', domain: [0, maxPapers], clamp: true }, legend: { format: 'd', tickMinStep: 1 } },
          tooltip: [
            { field: 'theme', title: 'Theme' },
            { field: 'period', title: PERIOD_TITLE[period] },
            { field: 'papers', title: 'Papers', type: 'quantitative' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        transform: [{ filter: 'datum.papers > 0' }],
        encoding: {
          text: { field: 'papers', type: 'quantitative' },
          color: { condition: { test: `datum.papers > ${maxPapers / 2}`, value: 'white' }, value: '#222222' },
        },
      },
    ],
  };
}

const PERIOD_TITLE: Readonly<Record<Period, string>> = { month: 'Month', quarter: 'Quarter', year: 'Year' };

/** Months while they fit, else quarters while those fit, else years. */
function periodFor(months: number): Period {
  if (months <= THEME_MONTHS_MAX_COLUMNS) return 'month';
  return Math.ceil(months / 3) + 1 <= THEME_MONTHS_MAX_COLUMNS ? 'quarter' : 'year';
}

/** `YYYY-MM` as its month, quarter (`YYYY-Q1`) or year. */
function periodOf(month: string, period: Period): string {
  if (period === 'month') return month;
  const year = month.slice(0, 4);
  return period === 'year' ? year : `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}
