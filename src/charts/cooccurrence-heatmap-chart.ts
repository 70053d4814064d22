/**
 * Co-occurrence heat map of the top concepts, ordered by theme so that each theme is a block on the diagonal:
 * cell colour is the association strength (observed over expected co-occurrence, log scale), so that concepts in
 * nearly every paper do not paint their whole row; the tooltip gives the number of papers together.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { summarizeCooccurrence, type SummarizeCooccurrenceOptions } from '../analysis/summarize-cooccurrence.ts';
import { chartBase } from './chart-config.ts';

export type CooccurrenceHeatmapChartOptions = SummarizeCooccurrenceOptions;

export function cooccurrenceHeatmapChart(
  result: Pick<AnalysisResult, 'papers' | 'concepts' | 'conceptGraph' | 'themes' | 'paperThemes'>,
  options: CooccurrenceHeatmapChartOptions = {},
): TopLevelSpec {
  const summary = summarizeCooccurrence(result, options);
  const associations = summary.cells.map((cell) => cell.association).filter((value) => value > 0);
  const domain = [Math.min(1, ...associations), Math.max(1.01, ...associations)];
  return {
    ...chartBase('Concept co-occurrence', `The ${summary.order.length} most mentioned concepts of the graph, grouped by theme; colour: how much more often two concepts meet than chance predicts`),
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
          color: { field: 'association', type: 'quantitative', title: ['Observed /', 'expected'], scale: { type: 'log', scheme: 'blues', domain }, legend: { format: '.1~f' } },
          tooltip: [
            { field: 'a', title: 'Concept' },
            { field: 'b', title: 'With' },
            { field: 'count', title: 'Papers together', type: 'quantitative' },
            { field: 'association', title: 'Observed / expected', type: 'quantitative', format: '.2f' },
          ],
        },
      },
    ],
  };
}
