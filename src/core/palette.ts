/**
 * The colours of themes, shared by every output that colours by theme (graph exports, charts, the report), so one
 * theme id has one colour everywhere.
 *
 * The palette is Okabe & Ito's categorical palette ("Color Universal Design", 2002; recommended by Wong, "Points of
 * view: Color blindness", Nature Methods 8, 441, 2011): eight colours that stay distinguishable under the common
 * forms of colour-vision deficiency. Themes are numbered largest first, so the eight largest themes get the eight
 * colours; smaller themes share one light grey, and nodes in no theme get a darker grey.
 */

import { PapergraphError } from './errors.ts';

/** Okabe–Ito, in their published order. */
export const THEME_PALETTE = Object.freeze([
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#F0E442', // yellow
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#000000', // black
] as const);

/** Nodes that belong to no theme (theme id -1). */
export const NO_THEME_COLOR = '#999999';

/** Themes beyond the palette (id >= THEME_PALETTE.length). */
export const OTHER_THEME_COLOR = '#DDDDDD';

/** The colour of a theme id: the palette for the first themes, light grey beyond, grey for none (-1 or invalid). */
export function themeColor(themeId: number): string {
  if (!Number.isInteger(themeId) || themeId < 0) return NO_THEME_COLOR;
  return THEME_PALETTE[themeId] ?? OTHER_THEME_COLOR;
}

/** `#RRGGBB` as 0–255 channels; throws on anything else. */
export function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const match = /^#([0-9a-fA-F]{6})$/.exec(hex);
  if (!match || match[1] === undefined) throw new PapergraphError('core/palette', `colour "${hex}" is not #RRGGBB`);
  const value = Number.parseInt(match[1], 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}
