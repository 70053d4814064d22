import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { toChartSvg } from '../../src/charts/render-chart.ts';
import { chartBase } from '../../src/charts/chart-config.ts';

describe('charts with more legend entries than the limit', () => {
  it('render with the legend cut short instead of failing (a large corpus has dozens of themes)', async () => {
    const values = Array.from({ length: 70 }, (_, index) => ({ theme: `theme ${index}`, papers: 70 - index }));
    const spec: TopLevelSpec = {
      ...chartBase('Many themes', 'one symbol per theme'),
      data: { values },
      mark: 'point',
      encoding: { x: { field: 'papers', type: 'quantitative' }, y: { field: 'theme', type: 'nominal' }, color: { field: 'theme', type: 'nominal' } },
    };
    const svg = await toChartSvg(spec);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('theme 0');
  });
});
