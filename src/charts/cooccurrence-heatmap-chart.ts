/**
 * Co-occurrence heat map of the top concepts, ordered by theme so that each theme is a block on the diagonal:
 * cell colour is the number of papers mentioning both concepts; the tooltip also gives the graph's edge weight.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { summarizeCooccurrence, type SummarizeCooccurrenceOptions } from '../analysis/summarize-cooccurrence.ts';
import { chartBase } from './chart-config.ts';

export type CooccurrenceHeatmapChartOptions = SummarizeCooccurrenceOptions;

export function cooccurrenceHeatmapChart(
  result: Pick<AnalysisResult, 'concepts' | 'conceptGraph' | 'themes' | 'paperThemes'>,
  options: CooccurrenceHeatmapChartOptions = {},
): TopLevelSpec {
  const summary = summarizeCooccurrence(result, options);
  const maxCount = Math.max(1, ...summary.cells.map((cell) => cell.count));
  return {
    ...chartBase('Concept co-occurrence', `Papers mentioning both concepts, for the ${summary.order.length} most mentioned concepts of the graph, grouped by theme`),
    width: { step: 18 },
    height: { step: 18 },
    data: { values: summary.cells },
    encoding: {
      x: { field: 'b', type: 'nominal', sort: summary.order, scale: { domain: summary.order }, title: null, axis: { labelAngle: -50, labelLimit: 220, orient: 'bottom' } },
      y: { field: 'a', type: 'nominal', sort: summary.order, scale: { domain: summary.order }, title: null, axis: { labelLimit: 300 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          color: { field: 'count', type: 'quantitative', title: 'Papers together', scale: { scheme: 'blues', domain: [0, maxCount] }, legend: { format: 'd', tickMinStep: 1 } },
          tooltip: [
            { field: 'a', title: 'Concept' },
            { field: 'b', title: 'With' },
            { field: 'count', title: 'Papers together', type: 'quantitative' },
            { field: 'weight', title: 'Link weight', type: 'quantitative', format: '.3f' },
          ],
        },
      },
    ],
  };
}
