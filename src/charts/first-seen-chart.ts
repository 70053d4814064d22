/**
 * When concepts appeared: each concept at the month of the earliest paper mentioning it, sized by papers and
 * coloured by type, earliest at the top; half the concepts are the most mentioned, half the most mentioned ones first
 * seen after the list's first month (summarize-first-seen.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { summarizeFirstSeen } from '../analysis/summarize-first-seen.ts';
import { chartBase } from './chart-config.ts';
import { conceptTypeScale } from './concept-type-colors.ts';

export interface FirstSeenChartOptions {
  /** Concepts shown. Default: 25. */
  limit?: number;
}

export function firstSeenChart(result: Pick<AnalysisResult, 'papers' | 'concepts' | 'themes' | 'paperThemes'>, options: FirstSeenChartOptions = {}): TopLevelSpec {
  const trends = summarizeFirstSeen(result, { concepts: options.limit ?? 25 });
  const values = trends.firstSeen.map((row, rank) => ({ ...row, rank }));
  return {
    ...chartBase('First seen', `Month of the earliest paper mentioning each concept: the most mentioned, and the most mentioned newcomers (${values.length} in all). Concepts seen in the first month may be older than the list`),
    width: 460,
    height: { step: 18 },
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#dddddd' }, encoding: { x: { field: 'firstMonth', type: 'ordinal', scale: { domain: trends.months } }, x2: { value: 460 } } },
      {
        mark: { type: 'circle', opacity: 0.9, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'firstMonth', type: 'ordinal', scale: { domain: trends.months }, title: 'First month', axis: { labelAngle: -45, grid: true } },
          size: { field: 'papers', type: 'quantitative', title: 'Papers', scale: { range: [30, 400] } },
          color: { field: 'type', type: 'nominal', title: 'Concept type', scale: conceptTypeScale(values.map((value) => value.type)) },
          tooltip: [
            { field: 'label', title: 'Concept' },
            { field: 'type', title: 'Type' },
            { field: 'firstMonth', title: 'First seen' },
            { field: 'papers', title: 'Papers', type: 'quantitative' },
          ],
        },
      },
    ],
    encoding: { y: { field: 'label', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, title: null, axis: { labelLimit: 280 } } },
  };
}
