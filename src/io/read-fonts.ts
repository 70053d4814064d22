/**
 * Locates the fonts the chart PNGs are drawn with: the subset Noto Sans CJK SC shipped in assets/fonts (OFL-1.1,
 * see assets/fonts/README.md), so Chinese labels render on machines with no CJK font installed. Throws when the
 * files are missing (a broken install), naming them.
 */
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PapergraphError } from '../core/errors.ts';
import type { ChartFonts } from '../charts/render-chart.ts';
import { CHART_CJK_FONT_FAMILY } from '../charts/chart-config.ts';

export const CHART_FONT_FILES = ['NotoSansCJKsc-Regular-subset.otf', 'NotoSansCJKsc-Bold-latin.otf'] as const;

export async function readChartFonts(options: { loadSystemFonts?: boolean } = {}): Promise<ChartFonts> {
  const folder = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
  const fontFiles = CHART_FONT_FILES.map((name) => `${folder}${name}`);
  for (const file of fontFiles) {
    await access(file).catch(() => {
      throw new PapergraphError('io', `chart font missing: ${file}; reinstall papergraph or rebuild it with assets/fonts/make-subset.sh`);
    });
  }
  return { fontFiles, defaultFontFamily: CHART_CJK_FONT_FAMILY, loadSystemFonts: options.loadSystemFonts ?? false };
}
