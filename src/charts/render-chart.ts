/**
 * Renders a Vega-Lite spec to SVG and PNG without a browser:
 * 1. compile the Vega-Lite spec to Vega, collecting warnings (a warning is an error here: specs must be clean);
 * 2. run a headless Vega View and serialise its scenegraph with `toSVG()`;
 * 3. rasterise the SVG with resvg at `scale` (2x by default) using only the fonts given, so a PNG looks the same
 *    on every machine whether or not it has a CJK font installed.
 * Font files are located by io (io/read-fonts.ts); this module never touches the file system itself.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { PapergraphError } from '../core/errors.ts';
import { estimateTextWidth } from './estimate-text-width.ts';

export interface ChartFonts {
  /** Paths of TTF/OTF files resvg may use. */
  fontFiles: string[];
  /** Family used when a text's families are not among the fonts. */
  defaultFontFamily: string;
  /** Also load the machine's fonts (after the given ones). Default: false, for identical PNGs everywhere. */
  loadSystemFonts?: boolean;
}

export interface RenderChartOptions {
  fonts: ChartFonts;
  /** PNG pixels per SVG pixel. Default: 2. */
  scale?: number;
}

export interface RenderedChart {
  svg: string;
  png: Uint8Array;
}

/** Vega-Lite to Vega, throwing on any warning or error the compiler logs. */
export function compileChart(spec: TopLevelSpec): vega.Spec {
  const messages: string[] = [];
  const logger = collectingLogger(messages);
  const compiled = compile(spec, { logger }).spec;
  if (messages.length > 0) throw new PapergraphError('charts/render-chart', `Vega-Lite reported: ${messages.join('; ')}; fix the spec builder`);
  return compiled;
}

/** The SVG of the call before: toChartSvg changes Vega's module-wide text metrics and ids, so calls take turns. */
let previousSvg: Promise<unknown> = Promise.resolve();

/**
 * Vega-Lite to an SVG string. Vega without a canvas guesses every character at 0.8 em, which truncates labels and
 * leaves wide gaps; while this runs, Vega's text metrics use estimate-text-width.ts instead (the hook vl-convert
 * uses), and SVG definition ids restart at 0, so the same spec gives the same SVG. Both are Vega's module-wide
 * state, so calls made together (Promise.all) run one after the other, in call order.
 */
export function toChartSvg(spec: TopLevelSpec): Promise<string> {
  const svg = previousSvg.then(() => toChartSvgAlone(spec));
  previousSvg = svg.catch(() => undefined);
  return svg;
}

async function toChartSvgAlone(spec: TopLevelSpec): Promise<string> {
  const messages: string[] = [];
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  const previous = metrics.width;
  metrics.width = (item, text) => {
    const value = text ?? item.text;
    const line = Array.isArray(value) ? value.join(' ') : String(value ?? '');
    const weight = item.fontWeight;
    return estimateTextWidth(line, item.fontSize ?? 11, weight === 'bold' || (typeof weight === 'number' && weight >= 600) || weight === '600' || weight === '700');
  };
  try {
    vega.resetSVGDefIds();
    const view = new vega.View(vega.parse(compileChart(spec)), { renderer: 'none', logger: collectingLogger(messages) as unknown as vega.LoggerInterface });
    try {
      const svg = await view.toSVG();
      if (messages.length > 0) throw new PapergraphError('charts/render-chart', `Vega reported: ${messages.join('; ')}`);
      return svg;
    } finally {
      view.finalize();
    }
  } finally {
    metrics.width = previous;
  }
}

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
}

export async function renderChart(spec: TopLevelSpec, options: RenderChartOptions): Promise<RenderedChart> {
  const svg = await toChartSvg(spec);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: {
      fontFiles: options.fonts.fontFiles,
      loadSystemFonts: options.fonts.loadSystemFonts ?? false,
      defaultFontFamily: options.fonts.defaultFontFamily,
      sansSerifFamily: options.fonts.defaultFontFamily,
    },
  });
  const png = resvg.render().asPng();
  return { svg, png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) };
}

interface CollectingLogger {
  level(): number;
  level(level: number): CollectingLogger;
  error(...args: unknown[]): CollectingLogger;
  warn(...args: unknown[]): CollectingLogger;
  info(...args: unknown[]): CollectingLogger;
  debug(...args: unknown[]): CollectingLogger;
}

function collectingLogger(messages: string[]): CollectingLogger {
  let current = 2;
  const logger: CollectingLogger = {
    level: ((level?: number) => {
      if (level === undefined) return current;
      current = level;
      return logger;
    }) as CollectingLogger['level'],
    error: (...args) => {
      messages.push(args.map(String).join(' '));
      return logger;
    },
    warn: (...args) => {
      const message = args.map(String).join(' ');
      // A legend with more entries than config.legend.symbolLimit is cut with an ellipsis: intended for very large
      // corpora (dozens of themes), so it is not a fault of the spec.
      if (!/legend count exceeds limit/i.test(message)) messages.push(message);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
