import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildCharts, CHART_NAMES } from '../../src/charts/build-charts.ts';
import { compileChart } from '../../src/charts/render-chart.ts';
import { themeMonthsChart } from '../../src/charts/theme-months-chart.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('buildCharts', () => {
  const result = makeReportFixture();
  const charts = buildCharts(result);

  it('lists every chart once, with the names the baseline expects', () => {
    expect(charts.map((chart) => chart.name)).toEqual([...CHART_NAMES]);
    for (const name of ['top-concepts', 'concepts-per-month', 'theme-sizes', 'cooccurrence-heatmap']) expect(CHART_NAMES).toContain(name);
  });

  it.each(charts.map((chart) => [chart.name, chart] as const))('%s validates against the Vega-Lite schema', (_name, chart) => {
    const valid = validate(chart.spec);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(charts.map((chart) => [chart.name, chart] as const))('%s compiles without warnings and has a title and axis titles', (_name, chart) => {
    expect(() => compileChart(chart.spec)).not.toThrow();
    const text = JSON.stringify(chart.spec);
    expect(chart.spec.title).toBeTruthy();
    expect(text).toContain('"subtitle"');
  });

  it('does not mutate the analysis result', () => {
    const before = JSON.stringify({ concepts: result.concepts, themes: result.themes, mentions: result.mentions });
    buildCharts(result);
    expect(JSON.stringify({ concepts: result.concepts, themes: result.themes, mentions: result.mentions })).toBe(before);
  });

  it('draws the crosswalk with graph themes as rows, k-means clusters as columns and Jaccard as colour', () => {
    const chart = charts.find((candidate) => candidate.name === 'theme-crosswalk');
    const crosswalk = result.clustering.crosswalk;
    if (chart === undefined || crosswalk === undefined) throw new Error('no crosswalk chart or fixture crosswalk');
    const values = (chart.spec as { data: { values: { papers: number; jaccard: number }[] } }).data.values;
    expect(values).toHaveLength(crosswalk.rows.length * crosswalk.columns.length);
    expect(values.reduce((sum, value) => sum + value.papers, 0)).toBe(crosswalk.cells.reduce((sum, cell) => sum + cell.papers, 0));
    expect(Math.max(...values.map((value) => value.jaccard))).toBe(Math.max(...crosswalk.cells.map((cell) => cell.jaccard)));
    const text = JSON.stringify(chart.spec);
    expect(text).toContain('Jaccard');
    expect(text).toContain('Louvain themes');
  });

  it('builds a valid, empty crosswalk chart when the result has no crosswalk', () => {
    const { crosswalk: _dropped, ...clustering } = result.clustering;
    const chart = buildCharts({ ...result, clustering }).find((candidate) => candidate.name === 'theme-crosswalk');
    if (chart === undefined) throw new Error('no crosswalk chart');
    expect(validate(chart.spec)).toBe(true);
    expect(() => compileChart(chart.spec)).not.toThrow();
    expect(JSON.stringify(chart.spec)).toContain('No crosswalk');
  });

  it('builds valid charts from an empty result', () => {
    const empty = { ...makeReportFixture(), papers: [], concepts: [], mentions: [], themes: [], paperThemes: [] };
    empty.conceptGraph.clear();
    for (const chart of buildCharts(empty)) {
      expect(validate(chart.spec), chart.name).toBe(true);
      expect(() => compileChart(chart.spec), chart.name).not.toThrow();
    }
  });
});

describe('themeMonthsChart on a large corpus', () => {
  // 40 themes of one paper each, over 2010-01 … 2025-08 (188 months), on top of the report fixture.
  const base = makeReportFixture();
  const extraPapers = Array.from({ length: 40 }, (_, t) => ({ ...base.papers[0]!, id: `2601.${String(t).padStart(5, '0')}`, month: t === 0 ? '2010-01' : t === 1 ? '2025-08' : `20${10 + (t % 15)}-0${1 + (t % 9)}` }));
  const themes = extraPapers.map((paper, t) => ({ ...base.themes[0]!, method: 'louvain' as const, id: t, label: `Theme label ${t}`, papers: [paper.id], size: 40 - t }));
  const paperThemes = extraPapers.map((paper, t) => ({ paperId: paper.id, method: 'louvain' as const, themeId: t, strength: 1, weak: false }));
  const result = { ...base, papers: extraPapers, themes, paperThemes };

  it('goes to years and keeps the 30 largest themes, summing the rest in one row it names', () => {
    const spec = themeMonthsChart(result) as unknown as { encoding: { x: { scale: { domain: string[] }; title: string }; y: { sort: string[] } }; data: { values: { theme: string; period: string; papers: number }[] }; title: unknown };
    expect(spec.encoding.x.title).toBe('Year');
    expect(spec.encoding.x.scale.domain).toEqual(Array.from({ length: 16 }, (_, i) => String(2010 + i)));
    expect(spec.encoding.y.sort).toHaveLength(31);
    expect(spec.encoding.y.sort.at(-1)).toBe('10 other themes');
    expect((spec.title as { subtitle: string[] }).subtitle.join(' ')).toContain('the 30 largest of 40 themes, the others summed in the last row');
    // Every paper is counted once, in its theme's row or the shared one.
    expect(spec.data.values.reduce((sum, value) => sum + value.papers, 0)).toBe(40);
    expect(() => compileChart(spec as never)).not.toThrow();
  });

  it('goes to quarters when the months would not fit but the quarters do', () => {
    const recent = { ...result, papers: extraPapers.map((paper, t) => ({ ...paper, month: `202${t % 6}-${String(1 + (t % 12)).padStart(2, '0')}` })) };
    const spec = themeMonthsChart(recent) as unknown as { encoding: { x: { title: string; scale: { domain: string[] } } } };
    expect(spec.encoding.x.title).toBe('Quarter');
    expect(spec.encoding.x.scale.domain).toHaveLength(24);
    expect(spec.encoding.x.scale.domain[0]).toBe('2020-Q1');
  });
});
