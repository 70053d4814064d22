/**
 * What every papergraph chart shares: the Vega-Lite schema, a white background, readable font sizes, and a font
 * stack that puts a CJK font right after the Latin ones so Chinese labels render in browsers and, with the font
 * passed to renderChart, in PNGs.
 */
import type { Config } from 'vega-lite';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The family of the subset font shipped in assets/fonts (see assets/fonts/README.md). */
export const CHART_CJK_FONT_FAMILY = 'Noto Sans CJK SC';

export const CHART_FONT = `Helvetica Neue, Arial, ${CHART_CJK_FONT_FAMILY}, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif`;

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  // Labels are measured with estimate-text-width.ts (Helvetica widths) but PNGs are drawn with Noto Sans CJK, whose
  // Latin is wider: extra room on the right keeps long legend entries inside the picture.
  padding: { top: 12, left: 12, bottom: 12, right: 56 },
  view: { stroke: null },
  title: { fontSize: 16, fontWeight: 600, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555555', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelColor: '#333333', titleColor: '#333333', gridColor: '#e6e6e6', domainColor: '#888888', tickColor: '#888888', labelLimit: 300 },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelLimit: 0, symbolLimit: 40 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  text: { fontSize: 11 },
};

/** The top-level properties every chart starts with; the subtitle is wrapped at `subtitleChars` characters. */
export function chartBase(title: string, subtitle: string, subtitleChars = 90): { $schema: string; title: { text: string; subtitle: string[] }; background: string; config: Config } {
  return { $schema: VEGA_LITE_SCHEMA, title: { text: title, subtitle: wrapWords(subtitle, subtitleChars) }, background: 'white', config: CHART_CONFIG };
}

/** Words joined into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
