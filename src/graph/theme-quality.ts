/**
 * How well a node's theme holds up, as node attributes: for a paper, the strength of its assignment (PaperTheme
 * strength, 0..1) and whether it was assigned weakly (by similarity, without direct evidence); for papers and
 * concepts, the stability of their theme across seeds (Theme.stability, 0..1) and whether that counts as stable
 * (Theme.stable). One set per method slot: `theme*` for the graph method, `kmeansTheme*` for k-means (the keys of
 * THEME_QUALITY_KEYS). A value that does not apply — no theme of that method, stability not measured — is null,
 * which every exporter leaves out.
 */
import type { PaperTheme, Theme, ThemeMethod } from '../core/types.ts';

export const THEME_QUALITY_KEYS = Object.freeze({
  graph: Object.freeze({ strength: 'themeStrength', weak: 'themeWeak', stability: 'themeStability', stable: 'themeStable' }),
  kmeans: Object.freeze({ strength: 'kmeansThemeStrength', weak: 'kmeansThemeWeak', stability: 'kmeansThemeStability', stable: 'kmeansThemeStable' }),
} as const);
export type ThemeSlot = keyof typeof THEME_QUALITY_KEYS;

/** Lookups of one method: each paper's assignment and each theme's stability. */
export interface ThemeQuality {
  slot: ThemeSlot;
  papers: ReadonlyMap<string, { strength: number; weak: boolean }>;
  themes: ReadonlyMap<number, { stability: number | null; stable: boolean | null }>;
}

export function themeQuality(themes: readonly Theme[], paperThemes: readonly PaperTheme[], method: ThemeMethod, slot: ThemeSlot): ThemeQuality {
  const papers = new Map<string, { strength: number; weak: boolean }>();
  for (const entry of paperThemes) if (entry.method === method) papers.set(entry.paperId, { strength: entry.strength, weak: entry.weak });
  return { slot, papers, themes: themeStabilities(themes, method) };
}

/**
 * Each paper's entry under the graph method and under k-means, by paper id (the last entry of a paper and method
 * counts), for the papers `keep` accepts (default: all).
 */
export function paperThemeEntries(
  paperThemes: readonly PaperTheme[],
  graphMethod: ThemeMethod,
  keep: (paperId: string) => boolean = () => true,
): { graph: Map<string, PaperTheme>; kmeans: Map<string, PaperTheme> } {
  const graph = new Map<string, PaperTheme>();
  const kmeans = new Map<string, PaperTheme>();
  for (const entry of paperThemes) {
    if (entry.method === graphMethod) {
      if (keep(entry.paperId)) graph.set(entry.paperId, entry);
    } else if (entry.method === 'kmeans' && keep(entry.paperId)) kmeans.set(entry.paperId, entry);
  }
  return { graph, kmeans };
}

/** Each theme's stability, by theme id, for one method. */
export function themeStabilities(themes: readonly Theme[], method: ThemeMethod): ThemeQuality['themes'] {
  const stabilities = new Map<number, { stability: number | null; stable: boolean | null }>();
  for (const theme of themes) if (theme.method === method) stabilities.set(theme.id, { stability: theme.stability, stable: theme.stable ?? null });
  return stabilities;
}

/** The attributes of a node in theme `themeId` (-1: none); `paperId` for paper nodes, null for concept nodes. */
export function themeQualityAttributes(quality: ThemeQuality, paperId: string | null, themeId: number): Record<string, number | boolean | null> {
  return themeQualityAttributesOf(quality.slot, quality.themes, themeId, paperId === null ? null : themeId >= 0 ? quality.papers.get(paperId) : undefined);
}

/**
 * The same attributes, given the paper's own assignment instead of a lookup by id (undefined: none; null: a concept
 * node), for exporters that already hold it.
 */
export function themeQualityAttributesOf(
  slot: ThemeSlot,
  themes: ThemeQuality['themes'],
  themeId: number,
  paper: { strength: number; weak: boolean } | null | undefined,
): Record<string, number | boolean | null> {
  const keys = THEME_QUALITY_KEYS[slot];
  const theme = themeId >= 0 ? themes.get(themeId) : undefined;
  const attributes: Record<string, number | boolean | null> = { [keys.stability]: theme?.stability ?? null, [keys.stable]: theme?.stable ?? null };
  if (paper !== null) {
    attributes[keys.strength] = paper?.strength ?? null;
    attributes[keys.weak] = paper?.weak ?? null;
  }
  return attributes;
}
