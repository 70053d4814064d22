/**
 * Writes themes onto the graphs' node attributes (graph/attributes.ts), the one mutating step of cluster/:
 * paper nodes (`paper:<id>` in the paper–concept graph) get their paper theme; concept nodes (in both graphs) get
 * the theme their own community gave them (concept-graph themes) or, otherwise, the theme holding most of the
 * papers that mention them (ties: lower theme id). `theme`/`themeLabel` carry the graph method's themes
 * (clustering.graphMethod), `kmeansTheme`/`kmeansThemeLabel` the k-means ones; -1 and '' where none applies. With
 * them, the strength and weak flag of each paper's assignment and the stability of each node's theme
 * (graph/theme-quality.ts), as graph/assign-themes.ts writes them.
 */
import type { AbstractGraph } from 'graphology-types';
import type { PaperTheme, Theme, ThemeMethod } from '../core/types.ts';
import { conceptNodeKey, paperNodeKey } from '../graph/attributes.ts';
import { themeQuality, themeQualityAttributes, type ThemeSlot } from '../graph/theme-quality.ts';
import type { MentionList } from '../core/mention-list.ts';

export interface AssignThemeAttributesInput {
  themes: readonly Theme[];
  paperThemes: readonly PaperTheme[];
  mentions: MentionList;
  graphMethod: 'louvain' | 'leiden';
  /** The graph the graph themes came from (clustering.graphInput); with 'concepts' a community's members keep its theme. */
  graphInput: 'papers' | 'concepts';
  /** Concept co-occurrence graph: node keys are concept ids. */
  conceptGraph?: AbstractGraph;
  /** Paper–concept graph: node keys `paper:<id>` and `concept:<id>`. */
  paperConceptGraph?: AbstractGraph;
}

export function assignThemeAttributes(input: AssignThemeAttributesInput): void {
  const slots: [ThemeMethod, ThemeSlot, 'theme' | 'kmeansTheme', 'themeLabel' | 'kmeansThemeLabel'][] = [
    [input.graphMethod, 'graph', 'theme', 'themeLabel'],
    ['kmeans', 'kmeans', 'kmeansTheme', 'kmeansThemeLabel'],
  ];
  for (const [method, slot, idKey, labelKey] of slots) {
    const labels = new Map(input.themes.filter((theme) => theme.method === method).map((theme) => [theme.id, theme.label]));
    const quality = themeQuality(input.themes, input.paperThemes, method, slot);
    const paperTheme = new Map(input.paperThemes.filter((row) => row.method === method).map((row) => [row.paperId, row.themeId]));
    const ownMembers = input.graphInput === 'concepts' && method !== 'kmeans';
    const conceptTheme = conceptThemes(input.themes, method, paperTheme, input.mentions, ownMembers);
    const set = (graph: AbstractGraph | undefined, key: string, theme: number | undefined, paperId: string | null): void => {
      if (!graph || !graph.hasNode(key)) return;
      graph.setNodeAttribute(key, idKey, theme ?? -1);
      graph.setNodeAttribute(key, labelKey, theme === undefined ? '' : (labels.get(theme) ?? ''));
      graph.mergeNodeAttributes(key, themeQualityAttributes(quality, paperId, theme ?? -1));
    };
    for (const [paperId, theme] of paperTheme) set(input.paperConceptGraph, paperNodeKey(paperId), theme, paperId);
    input.conceptGraph?.forEachNode((node) => set(input.conceptGraph, node, conceptTheme.get(node), null));
    input.paperConceptGraph?.forEachNode((node, attributes) => {
      if (attributes.kind === 'concept') set(input.paperConceptGraph, node, conceptTheme.get(node.slice(conceptNodeKey('').length)), null);
    });
  }
}

function conceptThemes(themes: readonly Theme[], method: ThemeMethod, paperTheme: ReadonlyMap<string, number>, mentions: MentionList, ownMembers: boolean): Map<string, number> {
  const result = new Map<string, number>();
  const votes = new Map<string, Map<number, number>>();
  for (const mention of mentions) {
    const theme = paperTheme.get(mention.paperId);
    if (theme === undefined) continue;
    let counts = votes.get(mention.conceptId);
    if (!counts) {
      counts = new Map();
      votes.set(mention.conceptId, counts);
    }
    counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  for (const [conceptId, counts] of votes) {
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) result.set(conceptId, best[0]);
  }
  // A concept-graph community's own members take their community's theme.
  if (ownMembers) {
    for (const theme of themes) if (theme.method === method) for (const conceptId of theme.concepts) result.set(conceptId, theme.id);
  }
  return result;
}
