/**
 * Theme × month heat map: papers of each theme per month, with the count written in each non-empty cell. A
 * single-hue sequential scheme (blues, safe for colour-blind readers) carries the count; empty cells are light grey.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { summarizeThemes } from '../analysis/summarize-themes.ts';
import { themeDisplayLabel } from '../analysis/theme-display-label.ts';
import { chartBase } from './chart-config.ts';

export function themeMonthsChart(result: Pick<AnalysisResult, 'papers' | 'concepts' | 'themes' | 'paperThemes'>): TopLevelSpec {
  const summary = summarizeThemes(result);
  const values = summary.themeMonths.map((row) => ({ ...row, theme: themeDisplayLabel(row.themeId, row.label) }));
  const maxPapers = Math.max(1, ...values.map((value) => value.papers));
  return {
    ...chartBase('Themes over time', 'Papers per theme and month (papers without a date are left out)'),
    width: { step: 36 },
    height: { step: 30 },
    data: { values },
    encoding: {
      x: { field: 'month', type: 'ordinal', scale: { domain: summary.months }, title: 'Month', axis: { labelAngle: -45 } },
      y: { field: 'theme', type: 'nominal', sort: summary.themes.map((theme) => themeDisplayLabel(theme.themeId, theme.label)), title: null, axis: { labelLimit: 0 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1, color: '#f2f2f2' },
      },
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        transform: [{ filter: 'datum.papers > 0' }],
        encoding: {
          color: { field: 'papers', type: 'quantitative', title: 'Papers', scale: { scheme: 'blues', domain: [0, maxPapers] }, legend: { format: 'd', tickMinStep: 1 } },
          tooltip: [
            { field: 'theme', title: 'Theme' },
            { field: 'month', title: 'Month' },
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
