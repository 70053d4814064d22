/**
 * Every chart of the report, in reading order. The names are file names (`output/charts/<name>.vl.json`, `.svg`,
 * `.png`) and stable: the baseline expects top-concepts, concepts-per-month, theme-sizes, cooccurrence-heatmap.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { conceptNetworkChart } from './concept-network-chart.ts';
import { conceptsPerMonthChart } from './concepts-per-month-chart.ts';
import { cooccurrenceHeatmapChart } from './cooccurrence-heatmap-chart.ts';
import { firstSeenChart } from './first-seen-chart.ts';
import { themeCrosswalkChart } from './theme-crosswalk-chart.ts';
import { themeMapChart } from './theme-map-chart.ts';
import { themeMonthsChart } from './theme-months-chart.ts';
import { themeSizesChart } from './theme-sizes-chart.ts';
import { topConceptsChart } from './top-concepts-chart.ts';

export const CHART_NAMES = [
  'top-concepts',
  'concepts-per-month',
  'first-seen',
  'theme-sizes',
  'theme-months',
  'theme-map',
  'theme-crosswalk',
  'cooccurrence-heatmap',
  'concept-network',
] as const;
export type ChartName = (typeof CHART_NAMES)[number];

export interface BuiltChart {
  name: ChartName;
  title: string;
  spec: TopLevelSpec;
}

const BUILDERS: Readonly<Record<ChartName, { title: string; build: (result: AnalysisResult) => TopLevelSpec }>> = {
  'top-concepts': { title: 'Top concepts', build: (result) => topConceptsChart(result) },
  'concepts-per-month': { title: 'Concepts over time', build: (result) => conceptsPerMonthChart(result) },
  'first-seen': { title: 'First seen', build: (result) => firstSeenChart(result) },
  'theme-sizes': { title: 'Theme sizes', build: (result) => themeSizesChart(result) },
  'theme-months': { title: 'Themes over time', build: (result) => themeMonthsChart(result) },
  'theme-map': { title: 'Theme map', build: (result) => themeMapChart(result) },
  'theme-crosswalk': { title: 'Graph themes and k-means clusters', build: (result) => themeCrosswalkChart(result) },
  'cooccurrence-heatmap': { title: 'Concept co-occurrence', build: (result) => cooccurrenceHeatmapChart(result) },
  'concept-network': { title: 'Concept network', build: (result) => conceptNetworkChart(result) },
};

export function buildCharts(result: AnalysisResult): BuiltChart[] {
  return CHART_NAMES.map((name) => ({ name, title: BUILDERS[name].title, spec: BUILDERS[name].build(result) }));
}
