/**
 * The categorical palette for themes, shared by the graph exports, the charts and the report so that a theme has
 * the same colour everywhere.
 *
 * The first eight colours are Okabe & Ito's colour-blind-safe set ("Color Universal Design", 2008), reordered so
 * that the largest themes get the most distinct hues and the hard-to-see yellow and black come last; past eight,
 * colours from Tableau 10 (Stone, 2016) that stay apart from them. Themes beyond the palette cycle through it.
 * Concepts without a theme (-1) are grey.
 */
export const THEME_PALETTE = Object.freeze([
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#F0E442', // yellow
  '#000000', // black
  '#9C755F', // Tableau brown
  '#FF9DA7', // Tableau pink
  '#76B7B2', // Tableau teal
  '#B07AA1', // Tableau purple
] as const);

/** Colour of nodes and rows that belong to no theme. */
export const NO_THEME_COLOR = '#999999';

/** The colour of theme `id` (0-based, as in Theme.id); grey for -1 or any negative id. */
export function themeColor(id: number): string {
  if (!Number.isInteger(id) || id < 0) return NO_THEME_COLOR;
  return THEME_PALETTE[id % THEME_PALETTE.length] ?? NO_THEME_COLOR;
}
