/**
 * Theme sizes: papers per theme as bars in the theme's colour, each labelled with its counts of papers and
 * concepts.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { summarizeThemes } from '../analysis/summarize-themes.ts';
import { describeThemes } from '../analysis/describe-themes.ts';
import { themeDisplayLabel } from '../analysis/theme-display-label.ts';
import { chartBase } from './chart-config.ts';
import { themeColorScale } from './theme-color-scale.ts';

export function themeSizesChart(result: Pick<AnalysisResult, 'papers' | 'concepts' | 'themes' | 'paperThemes'>): TopLevelSpec {
  const summary = summarizeThemes(result);
  const values = summary.themes.map((theme) => ({
    theme: themeDisplayLabel(theme.themeId, theme.label),
    themeId: theme.themeId,
    papers: theme.papers,
    concepts: theme.concepts,
    counts: `${theme.papers} papers · ${theme.concepts} concepts`,
    topConcepts: theme.topConcepts.join(', '),
  }));
  const scale = themeColorScale(values.map((value) => ({ themeId: value.themeId, label: value.theme })));
  const maxPapers = Math.max(1, ...values.map((value) => value.papers));
  return {
    ...chartBase('Theme sizes', `Papers assigned to each theme (${describeThemes(result.themes, summary.method)})`),
    width: 420,
    height: { step: 28 },
    data: { values },
    encoding: {
      y: { field: 'theme', type: 'nominal', sort: values.map((value) => value.theme), title: null, axis: { labelLimit: 0 } },
      x: { field: 'papers', type: 'quantitative', title: 'Papers', scale: { domain: [0, maxPapers * 1.45] }, axis: { tickMinStep: 1, format: 'd' } },
      tooltip: [
        { field: 'theme', title: 'Theme' },
        { field: 'papers', title: 'Papers', type: 'quantitative' },
        { field: 'concepts', title: 'Concepts', type: 'quantitative' },
        { field: 'topConcepts', title: 'Top concepts' },
      ],
    },
    layer: [
      { mark: { type: 'bar', cornerRadiusEnd: 2 }, encoding: { color: { field: 'theme', type: 'nominal', scale, legend: null } } },
      { mark: { type: 'text', align: 'left', dx: 4, color: '#333333' }, encoding: { text: { field: 'counts', type: 'nominal' } } },
    ],
  };
}
