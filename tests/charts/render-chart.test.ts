/**
 * Snapshot tests in the style of Observable Plot: each chart of the fixture is rendered to SVG, unstable parts are
 * normalised (numbers rounded to 2 decimals), and compared with tests/golden/charts/<name>.svg. On a mismatch the
 * new SVG is written beside it as <name>-changed.svg for review (git-ignored); a missing golden is created.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { buildCharts } from '../../src/charts/build-charts.ts';
import { renderChart, toChartSvg } from '../../src/charts/render-chart.ts';
import { readChartFonts } from '../../src/io/read-fonts.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';

const GOLDEN = resolve(import.meta.dirname, '../golden/charts');

function normalizeSvg(svg: string): string {
  return svg.replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number) * 100) / 100)).replace(/></g, '>\n<');
}

describe('chart SVG snapshots', () => {
  const charts = buildCharts(makeReportFixture());
  it.each(charts.map((chart) => [chart.name, chart] as const))('%s matches its golden SVG', async (name, chart) => {
    const actual = normalizeSvg(await toChartSvg(chart.spec));
    const golden = join(GOLDEN, `${name}.svg`);
    if (!existsSync(golden)) {
      await writeFile(golden, actual);
      return;
    }
    const expected = await readFile(golden, 'utf8');
    if (actual !== expected) await writeFile(join(GOLDEN, `${name}-changed.svg`), actual);
    expect(actual === expected, `${name}.svg changed: review tests/golden/charts/${name}-changed.svg and replace the golden if it is right`).toBe(true);
  });

  it('renders the same SVG twice (deterministic ids)', async () => {
    const chart = charts[0];
    if (chart === undefined) throw new Error('no chart');
    expect(await toChartSvg(chart.spec)).toBe(await toChartSvg(chart.spec));
  });
});

describe('renderChart', () => {
  it('rasterises at 2x with the shipped fonts', async () => {
    const chart = buildCharts(makeReportFixture()).find((candidate) => candidate.name === 'top-concepts');
    if (chart === undefined) throw new Error('no top-concepts chart');
    const { svg, png } = await renderChart(chart.spec, { fonts: await readChartFonts() });
    expect([...png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1]);
    const pngWidth = new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(pngWidth).toBe(width * 2);
  });

  it('draws Chinese text with the shipped font and nothing without it', async () => {
    const fonts = await readChartFonts();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="22" font-size="18" font-family="sans-serif">熵坍缩</text></svg>';
    const inked = (fontFiles: string[]) => {
      const image = new Resvg(svg, { background: 'white', font: { fontFiles, loadSystemFonts: false, defaultFontFamily: fonts.defaultFontFamily } }).render();
      let dark = 0;
      for (let index = 0; index < image.pixels.length; index += 4) if ((image.pixels[index] ?? 255) < 128) dark += 1;
      return dark;
    };
    expect(inked(fonts.fontFiles)).toBeGreaterThan(50);
    expect(inked([])).toBe(0);
  });
});

describe('toChartSvg called for several charts at once', () => {
  it('gives each the SVG it gets alone (Vega text metrics and ids are shared, so calls take turns)', async () => {
    const charts = buildCharts(makeReportFixture());
    const alone: string[] = [];
    for (const chart of charts) alone.push(await toChartSvg(chart.spec));
    const together = await Promise.all(charts.map((chart) => toChartSvg(chart.spec)));
    together.forEach((svg, index) => expect(svg === alone[index], `${charts[index]?.name}.svg drawn together with the others`).toBe(true));
  });
});
