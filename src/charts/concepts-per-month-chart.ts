/**
 * Concepts over time: one small area chart per top concept, the share of each month's papers that mention it,
 * coloured by the concept's theme. A share, not a count, so that a month with many papers does not look like a
 * rise of every concept; the counts are in the tooltip. Small multiples share the y scale, so heights compare
 * across concepts, and avoid a tangle of eight crossing lines.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { primaryThemes } from '../analysis/primary-themes.ts';
import { summarizeTrends, type SummarizeTrendsOptions } from '../analysis/summarize-trends.ts';
import { themeDisplayLabel } from '../analysis/theme-display-label.ts';
import { chartBase } from './chart-config.ts';
import { themeColorScale } from './theme-color-scale.ts';

export type ConceptsPerMonthChartOptions = Pick<SummarizeTrendsOptions, 'topConcepts'>;

export function conceptsPerMonthChart(
  result: Pick<AnalysisResult, 'papers' | 'concepts' | 'mentions' | 'themes' | 'paperThemes'>,
  options: ConceptsPerMonthChartOptions = {},
): TopLevelSpec {
  const trends = summarizeTrends(result, options.topConcepts === undefined ? {} : { topConcepts: options.topConcepts });
  const { themes, conceptTheme } = primaryThemes(result);
  const themeLabels = new Map(themes.map((theme) => [theme.id, themeDisplayLabel(theme.id, theme.label)]));
  const values = trends.conceptMonths.map((row) => {
    const themeId = conceptTheme.get(row.conceptId) ?? -1;
    const share = row.monthPapers > 0 ? Math.round((row.papers / row.monthPapers) * 1000) / 1000 : 0;
    return { ...row, share, theme: themeLabels.get(themeId) ?? themeDisplayLabel(-1, '') };
  });
  const present = new Set(values.map((value) => value.theme));
  const noTheme = values.some((value) => value.theme === themeDisplayLabel(-1, '')) ? [{ themeId: -1, label: themeDisplayLabel(-1, '') }] : [];
  const scale = themeColorScale(
    [...themes.map((theme) => ({ themeId: theme.id, label: themeDisplayLabel(theme.id, theme.label) })), ...noTheme].filter((theme) => present.has(theme.label)),
  );
  const maxShare = Math.max(0.01, ...values.map((value) => value.share));
  return {
    ...chartBase('Concepts over time', "Share of each month's papers that mention each top concept (papers without a date are left out)"),
    data: { values },
    facet: {
      row: {
        field: 'label',
        type: 'nominal',
        sort: trends.concepts.map((concept) => concept.label),
        title: null,
        header: { labels: false },
      },
    },
    spacing: 10,
    spec: {
      width: 520,
      height: 48,
      layer: [
        {
          // The concept's name inside its panel, drawn once (from the first month's row).
          transform: [{ filter: { field: 'month', equal: trends.months[0] ?? '' } }],
          mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 12, color: '#222222' },
          encoding: { x: { value: 4 }, y: { value: 0 }, text: { field: 'label', type: 'nominal' } },
        },
        { mark: { type: 'area', opacity: 0.35, interpolate: 'monotone' }, encoding: { color: { field: 'theme', type: 'nominal', title: 'Theme', scale } } },
        { mark: { type: 'line', interpolate: 'monotone', strokeWidth: 2 }, encoding: { color: { field: 'theme', type: 'nominal', title: 'Theme', scale } } },
        {
          mark: { type: 'point', filled: true, size: 24 },
          encoding: {
            color: { field: 'theme', type: 'nominal', title: 'Theme', scale },
            opacity: { condition: { test: 'datum.papers > 0', value: 1 }, value: 0 },
            tooltip: [
              { field: 'label', title: 'Concept' },
              { field: 'month', title: 'Month' },
              { field: 'share', title: "Share of the month's papers", type: 'quantitative', format: '.0%' },
              { field: 'papers', title: 'Papers', type: 'quantitative' },
              { field: 'monthPapers', title: 'Papers that month', type: 'quantitative' },
              { field: 'mentions', title: 'Mentions', type: 'quantitative' },
            ],
          },
        },
      ],
      encoding: {
        x: { field: 'month', type: 'ordinal', scale: { domain: trends.months }, title: 'Month', axis: { labelAngle: -45 } },
        y: { field: 'share', type: 'quantitative', title: null, scale: { domain: [0, maxShare * 1.5] }, axis: { values: [0, Math.round(maxShare * 100) / 100], format: '.0%', grid: true } },
      },
    },
    resolve: { scale: { y: 'shared' } },
  };
}
