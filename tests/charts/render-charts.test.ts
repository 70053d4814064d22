import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { buildCharts } from '../../src/charts/build-charts.ts';
import { renderChart, type RenderedChart } from '../../src/charts/render-chart.ts';
import { readChartFonts } from '../../src/io/read-fonts.ts';
import { renderCharts } from '../../src/charts/render-charts.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';

const BROKEN: TopLevelSpec = { data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative', aggregate: 'no-such-op' as 'sum' } } };

describe('renderCharts', () => {
  // Reversed, so the order given is not the largest-first order the charts are drawn in.
  const charts = buildCharts(makeReportFixture()).reverse();

  it('gives every chart the bytes renderChart gives it, in the order given, drawing 1 or 3 at once', async () => {
    const fonts = await readChartFonts();
    const serial: RenderedChart[] = [];
    for (const chart of charts) serial.push(await renderChart(chart.spec, { fonts }));
    for (const concurrency of [1, 3]) {
      const rendered = await renderCharts(charts, { fonts, concurrency });
      expect(rendered.map((chart) => chart.name), `concurrency: ${concurrency}`).toEqual(charts.map((chart) => chart.name));
      rendered.forEach((chart, index) => {
        expect(chart.svg === serial[index]?.svg, `${chart.name}.svg drawing ${concurrency} at once`).toBe(true);
        expect(Buffer.from(chart.png).equals(Buffer.from(serial[index]?.png ?? [])), `${chart.name}.png drawing ${concurrency} at once`).toBe(true);
      });
    }
  });

  it('fails naming the first broken chart in reading order, and returns nothing', async () => {
    const fonts = await readChartFonts();
    const [first, second] = charts;
    if (first === undefined || second === undefined) throw new Error('fixture has too few charts');
    const attempt = renderCharts([first, { name: 'broken-one', spec: BROKEN }, second, { name: 'broken-two', spec: BROKEN }], { fonts });
    await expect(attempt).rejects.toThrow(/^papergraph\/charts\/render-charts: chart broken-one could not be drawn: .*Vega-Lite reported/);
  });

  it('draws no charts when given none', async () => {
    expect(await renderCharts([], { fonts: await readChartFonts() })).toEqual([]);
  });
});
