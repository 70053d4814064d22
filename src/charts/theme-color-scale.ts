/**
 * A Vega-Lite colour scale that gives each theme label its palette colour (core/palette.ts), so charts, the
 * graph exports and the interactive graph agree.
 */
import { themeColor } from '../core/palette.ts';

export function themeColorScale(themes: readonly { themeId: number; label: string }[]): { domain: string[]; range: string[] } {
  const seen = new Set<string>();
  const domain: string[] = [];
  const range: string[] = [];
  for (const theme of themes) {
    if (seen.has(theme.label)) continue;
    seen.add(theme.label);
    domain.push(theme.label);
    range.push(themeColor(theme.themeId));
  }
  return { domain, range };
}
