/**
 * Themes onto graph nodes: `theme`/`themeLabel` from the graph communities (Louvain, or Leiden when that is the
 * method the themes came from), `kmeansTheme`/`kmeansThemeLabel` from the k-means clusters of papers, and `color`
 * from the graph community through core/palette.ts (the same colour per theme id as the charts and the report).
 *
 * Concept nodes: a graph community lists its concepts; a k-means theme lists the concepts most associated with it,
 * so a concept in several k-means themes takes the one where it ranks highest (ties: the larger theme, i.e. the
 * lower id). Paper nodes: the paper's PaperTheme under each method. Nodes in no theme keep -1, '' and the grey of
 * core/palette NO_THEME_COLOR.
 *
 * With each theme, how well it holds up (graph/theme-quality.ts): on paper nodes the strength and weak flag of the
 * paper's assignment (`themeStrength`, `themeWeak`, `kmeansThemeStrength`, `kmeansThemeWeak`), on every node the
 * stability of its theme (`themeStability`, `themeStable`, `kmeansThemeStability`, `kmeansThemeStable`); null
 * where none applies.
 *
 * Mutates its argument (the `assign*` convention): writes the attributes above on every node.
 */
import type { AbstractGraph } from 'graphology-types';
import { PapergraphError } from '../core/errors.ts';
import { themeColor } from '../core/palette.ts';
import type { PaperTheme, Theme, ThemeMethod } from '../core/types.ts';
import { conceptIdOfNode, graphKindOf, paperIdOfNode } from './attributes.ts';
import { paperThemeEntries, themeQualityAttributesOf, themeStabilities } from './theme-quality.ts';

export const GRAPH_THEME_METHODS = ['louvain', 'leiden'] as const;
export type GraphThemeMethod = (typeof GRAPH_THEME_METHODS)[number];

export interface AssignThemesOptions {
  /** Which community method fills `theme`. Default: 'louvain' when such themes exist, else 'leiden'. */
  graphMethod?: GraphThemeMethod;
}

interface Assigned {
  id: number;
  label: string;
  /** Position of the concept in the theme's concept list (lower is more central). */
  rank: number;
}

export function assignThemes(graph: AbstractGraph, themes: readonly Theme[], paperThemes: readonly PaperTheme[], options: AssignThemesOptions = {}): void {
  const graphMethod = options.graphMethod ?? (themes.some((theme) => theme.method === 'louvain') || !themes.some((theme) => theme.method === 'leiden') ? 'louvain' : 'leiden');
  if (!(GRAPH_THEME_METHODS as readonly string[]).includes(graphMethod)) {
    throw new PapergraphError('graph/assign-themes', `graphMethod must be one of ${GRAPH_THEME_METHODS.join(', ')}, got "${String(graphMethod)}"`);
  }
  const labels = new Map<string, string>();
  for (const theme of themes) labels.set(themeKey(theme.method, theme.id), theme.label);

  // 1. Concepts: best theme per method.
  const conceptThemes = { graph: new Map<string, Assigned>(), kmeans: new Map<string, Assigned>() };
  for (const theme of themes) {
    const target = theme.method === graphMethod ? conceptThemes.graph : theme.method === 'kmeans' ? conceptThemes.kmeans : null;
    if (target === null) continue;
    theme.concepts.forEach((conceptId, rank) => {
      const seen = target.get(conceptId);
      if (seen === undefined || rank < seen.rank || (rank === seen.rank && theme.id < seen.id)) target.set(conceptId, { id: theme.id, label: theme.label, rank });
    });
  }

  // 2. Papers: their PaperTheme per method, for the papers that are nodes of this graph (a concept graph has none;
  // on the streaming route the paper–concept graph holds 2000 of perhaps a million papers).
  const graphPapers = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (attributes['kind'] === 'paper') graphPapers.add(paperIdOfNode(node));
  });
  const entries = graphPapers.size === 0 ? null : paperThemeEntries(paperThemes, graphMethod, (paperId) => graphPapers.has(paperId));

  // 3. Stability of each theme (the strength of a paper's assignment is in its entry).
  const graphStabilities = themeStabilities(themes, graphMethod);
  const kmeansStabilities = themeStabilities(themes, 'kmeans');

  // 4. Write.
  const kind = graphKindOf(graph);
  graph.updateEachNodeAttributes((node, attributes) => {
    let theme = -1;
    let kmeansTheme = -1;
    let graphEntry: PaperTheme | undefined | null = null;
    let kmeansEntry: PaperTheme | undefined | null = null;
    if (attributes['kind'] === 'paper') {
      const paperId = paperIdOfNode(node);
      graphEntry = entries?.graph.get(paperId);
      kmeansEntry = entries?.kmeans.get(paperId);
      theme = graphEntry?.themeId ?? -1;
      kmeansTheme = kmeansEntry?.themeId ?? -1;
    } else {
      const conceptId = conceptIdOfNode(kind, node);
      theme = conceptThemes.graph.get(conceptId)?.id ?? -1;
      kmeansTheme = conceptThemes.kmeans.get(conceptId)?.id ?? -1;
    }
    return {
      ...attributes,
      theme,
      themeLabel: theme >= 0 ? (labels.get(themeKey(graphMethod, theme)) ?? '') : '',
      kmeansTheme,
      kmeansThemeLabel: kmeansTheme >= 0 ? (labels.get(themeKey('kmeans', kmeansTheme)) ?? '') : '',
      ...themeQualityAttributesOf('graph', graphStabilities, theme, graphEntry !== null && theme < 0 ? undefined : graphEntry),
      ...themeQualityAttributesOf('kmeans', kmeansStabilities, kmeansTheme, kmeansEntry !== null && kmeansTheme < 0 ? undefined : kmeansEntry),
      color: themeColor(theme),
    };
  });
}

function themeKey(method: ThemeMethod, id: number): string {
  return `${method}#${id}`;
}
