/**
 * Themes as JSON: for each method its themes (label, top concepts with labels, concepts, papers, stability),
 * the clustering summary (modularity, chosen k and the silhouette of each candidate), and each paper's theme.
 */
import type { AnalysisResult } from '../core/result.ts';

export function toThemesJson(result: AnalysisResult): string {
  const labels = new Map(result.concepts.map((concept) => [concept.id, concept.label]));
  const document = {
    clustering: result.clustering,
    themes: result.themes.map((theme) => ({
      ...theme,
      topConceptLabels: theme.topConcepts.map((id) => labels.get(id) ?? id),
    })),
    paperThemes: result.paperThemes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
