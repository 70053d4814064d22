/**
 * The strategic diagram of co-word analysis: each theme placed by its centrality (how strongly it is linked to
 * the other themes) and its density (how strongly its own concepts are linked together).
 *
 * Follows Callon, Courtial & Laville (1991), "Co-word analysis as a tool for describing the network of
 * interactions between basic and technological research: the case of polymer chemistry", Scientometrics 22(1),
 * with links measured by the equivalence index e_ij = c_ij² / (c_i · c_j) (c_ij: papers mentioning both concepts,
 * c_i: papers mentioning i), and the normalisation of Cobo et al. (2011, SciMAT): centrality = Σ e over links
 * leaving the theme, density = Σ e over links inside the theme divided by the theme's number of concepts. The
 * quadrants are split at the medians of the themes shown:
 * - motor (high centrality, high density): developed and central to the field;
 * - niche (low centrality, high density): developed but isolated;
 * - emerging or declining (low, low): weakly developed and marginal;
 * - basic (high centrality, low density): transversal, general themes.
 */
import type { AnalysisResult } from '../core/result.ts';
import type { ConceptNodeAttributes, EdgeAttributes } from '../graph/attributes.ts';
import { themeColor } from '../core/palette.ts';
import { primaryThemes } from './primary-themes.ts';

export const THEME_QUADRANTS = ['motor', 'niche', 'emerging', 'basic'] as const;
export type ThemeQuadrant = (typeof THEME_QUADRANTS)[number];

export const THEME_QUADRANT_TITLES: Readonly<Record<ThemeQuadrant, string>> = Object.freeze({
  motor: 'Motor themes',
  niche: 'Niche themes',
  emerging: 'Emerging or declining themes',
  basic: 'Basic and transversal themes',
});

export interface ThemeMapRow {
  themeId: number;
  label: string;
  color: string;
  concepts: number;
  papers: number;
  centrality: number;
  density: number;
  internalLinks: number;
  externalLinks: number;
  quadrant: ThemeQuadrant;
}

export interface ThemeMapSummary {
  rows: ThemeMapRow[];
  centralityMedian: number;
  densityMedian: number;
}

export function summarizeThemeMap(result: Pick<AnalysisResult, 'conceptGraph' | 'themes' | 'paperThemes'>): ThemeMapSummary {
  const { themes, conceptTheme, themePapers } = primaryThemes(result);
  const graph = result.conceptGraph;
  const centrality = new Map<number, number>();
  const internal = new Map<number, number>();
  const internalLinks = new Map<number, number>();
  const externalLinks = new Map<number, number>();
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    const a = conceptTheme.get(source) ?? -1;
    const b = conceptTheme.get(target) ?? -1;
    if (a === -1 && b === -1) return;
    const count = (attributes as EdgeAttributes).count;
    const ci = (sourceAttributes as ConceptNodeAttributes).papers;
    const cj = (targetAttributes as ConceptNodeAttributes).papers;
    const equivalence = ci > 0 && cj > 0 ? (count * count) / (ci * cj) : 0;
    if (a === b) {
      internal.set(a, (internal.get(a) ?? 0) + equivalence);
      internalLinks.set(a, (internalLinks.get(a) ?? 0) + 1);
      return;
    }
    for (const side of [a, b]) {
      if (side === -1) continue;
      centrality.set(side, (centrality.get(side) ?? 0) + equivalence);
      externalLinks.set(side, (externalLinks.get(side) ?? 0) + 1);
    }
  });
  const partial = themes.map((theme) => ({
    themeId: theme.id,
    label: theme.label,
    color: themeColor(theme.id),
    concepts: theme.concepts.length,
    papers: themePapers.get(theme.id) ?? 0,
    centrality: round(centrality.get(theme.id) ?? 0),
    density: round(theme.concepts.length > 0 ? (internal.get(theme.id) ?? 0) / theme.concepts.length : 0),
    internalLinks: internalLinks.get(theme.id) ?? 0,
    externalLinks: externalLinks.get(theme.id) ?? 0,
  }));
  const centralityMedian = median(partial.map((row) => row.centrality));
  const densityMedian = median(partial.map((row) => row.density));
  const rows = partial.map((row) => ({ ...row, quadrant: quadrantOf(row.centrality, row.density, centralityMedian, densityMedian) }));
  return { rows, centralityMedian, densityMedian };
}

function quadrantOf(centrality: number, density: number, centralityMedian: number, densityMedian: number): ThemeQuadrant {
  const central = centrality >= centralityMedian;
  const dense = density >= densityMedian;
  if (central && dense) return 'motor';
  if (dense) return 'niche';
  if (central) return 'basic';
  return 'emerging';
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
