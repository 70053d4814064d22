/**
 * Top concepts: a bar per concept (papers mentioning it), coloured by concept type, labelled with its Chinese
 * label where one is known.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { uniqueDisplayLabels } from '../analysis/concept-display-label.ts';
import { selectTopConcepts } from '../analysis/select-top-concepts.ts';
import { chartBase } from './chart-config.ts';
import { conceptTypeScale } from './concept-type-colors.ts';

export interface TopConceptsChartOptions {
  /** Bars shown. Default: 20. */
  limit?: number;
}

export function topConceptsChart(result: Pick<AnalysisResult, 'concepts' | 'papers'>, options: TopConceptsChartOptions = {}): TopLevelSpec {
  const limit = options.limit ?? 20;
  const top = selectTopConcepts(result.concepts, limit);
  const labels = uniqueDisplayLabels(top);
  const values = top.map((concept, rank) => ({
    rank,
    label: labels.get(concept.id) ?? concept.label,
    type: concept.type,
    papers: concept.papers,
    mentions: concept.mentions,
    firstMonth: concept.firstMonth ?? 'unknown',
    aliases: concept.aliases.slice(0, 4).join(', '),
  }));
  return {
    ...chartBase('Top concepts', `The ${top.length} concepts mentioned by the most papers (of ${result.papers.length}), by concept type`),
    width: 480,
    height: { step: 20 },
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, title: null, axis: { labelLimit: 280 } },
      x: { field: 'papers', type: 'quantitative', title: 'Papers mentioning the concept', axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'type', type: 'nominal', title: 'Concept type', scale: conceptTypeScale(values.map((value) => value.type)) },
      tooltip: [
        { field: 'label', title: 'Concept' },
        { field: 'type', title: 'Type' },
        { field: 'papers', title: 'Papers', type: 'quantitative' },
        { field: 'mentions', title: 'Mentions', type: 'quantitative' },
        { field: 'firstMonth', title: 'First seen' },
        { field: 'aliases', title: 'Also written' },
      ],
    },
  };
}
