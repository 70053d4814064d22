/**
 * Renders the charts of an analysis (render-chart.ts) two at a time, returned in the order given:
 *
 *   1. order the charts by the length of their spec as JSON, longest first: the theme × month heat map alone is
 *      about half the drawing at 10k papers and more beyond, so it starts at once instead of fifth;
 *   2. for each in that order, build its SVG on the calling thread (Vega: one chart at a time, its state is
 *      module-wide), then hand the SVG to resvg, which draws on a libuv thread while the next SVG is built;
 *   3. at most `concurrency` charts are being drawn at once: each holds its RGBA pixels until encoded (the heat
 *      map at 10k papers is 15,258 × 4,042 pixels, 250 MB);
 *   4. wait for every chart started, then report the first failure met, naming its chart.
 *
 * Measured (scratch scripts, synthetic arXiv corpora, the charts alone): drawing (resvg: parsing, text to outlines,
 * rasterising, PNG encoding) is about four fifths of the work and Vega the rest; loading the shipped fonts takes
 * under 10 ms per chart, so it is not worth sharing. A chart's bytes depend only on its spec, fonts and scale, never
 * on the order or the timing of the drawing.
 */
import type { TopLevelSpec } from 'vega-lite';
import { PapergraphError } from '../core/errors.ts';
import { toChartPng, toChartSvg, type RenderChartOptions, type RenderedChart } from './render-chart.ts';

export interface ChartToRender {
  name: string;
  spec: TopLevelSpec;
}

export interface RenderChartsOptions extends RenderChartOptions {
  /** Charts being drawn at once. Default: 2. */
  concurrency?: number;
}

export const RENDER_CHARTS_DEFAULTS = Object.freeze({ concurrency: 2 });

/** Each chart with its SVG and PNG added, in the order given. */
export async function renderCharts<C extends ChartToRender>(charts: readonly C[], options: RenderChartsOptions): Promise<(C & RenderedChart)[]> {
  const { concurrency = RENDER_CHARTS_DEFAULTS.concurrency, ...renderOptions } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new PapergraphError('charts/render-charts', `concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const drawing = createLimit(concurrency);
  const order = largestFirst(charts);
  const rendered: (C & RenderedChart)[] = [];
  const outcomes = await Promise.allSettled(
    order.map(async (index) => {
      const chart = charts[index] as C;
      // toChartSvg runs its calls one at a time, in call order: largest first.
      const svg = await toChartSvg(chart.spec);
      const png = await drawing(() => toChartPng(svg, renderOptions));
      rendered[index] = { ...chart, svg, png };
    }),
  );
  const failed = order.filter((_, at) => outcomes[at]?.status === 'rejected');
  if (failed.length > 0) {
    // The first failed chart in reading order, whatever finished first.
    const index = Math.min(...failed);
    throw chartFailure(charts[index]?.name ?? String(index), (outcomes[order.indexOf(index)] as PromiseRejectedResult).reason);
  }
  return rendered;
}

/** Runs at most `concurrency` tasks at once; the others wait their turn, first come first served. */
function createLimit(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < concurrency) running++;
    // A finishing task hands its place straight to the next in line, so `running` never goes over the limit.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) running--;
      else next();
    }
  };
}

/** Chart indices by the length of their spec as JSON, longest first (a stand-in for the drawing work). */
function largestFirst(charts: readonly ChartToRender[]): number[] {
  const lengths = charts.map((chart) => JSON.stringify(chart.spec).length);
  return charts.map((_, index) => index).sort((a, b) => (lengths[b] ?? 0) - (lengths[a] ?? 0) || a - b);
}

function chartFailure(name: string, reason: unknown): PapergraphError {
  const message = reason instanceof Error ? reason.message : String(reason);
  return new PapergraphError('charts/render-charts', `chart ${name} could not be drawn: ${message}`, { cause: reason });
}
