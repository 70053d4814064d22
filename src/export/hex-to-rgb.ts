/**
 * `#RRGGBB` colours (graph attribute `color`, core/palette.ts) as the 0–255 channels GEXF `viz:color` and Gephi's
 * GraphML `r`/`g`/`b` keys carry.
 */
import { NO_THEME_COLOR } from '../core/palette.ts';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** The channels of a `#RRGGBB` colour; anything else gives the no-theme grey, so every node gets a colour. */
export function hexToRgb(hex: unknown): Rgb {
  const match = typeof hex === 'string' ? /^#([0-9a-fA-F]{6})$/.exec(hex) : null;
  const value = Number.parseInt(match?.[1] ?? NO_THEME_COLOR.slice(1), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

/** Whether a value is a `#RRGGBB` colour. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value);
}
