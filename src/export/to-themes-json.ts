/**
 * Themes as JSON: for each method its themes (label, top concepts with labels, concepts, papers, stability),
 * the clustering summary (modularity, chosen k and the silhouette of each candidate), and each paper's theme.
 */
import type { AnalysisResult } from '../core/result.ts';
import { indentedJson, jsonArrayPieces } from './json-pieces.ts';

export function toThemesJson(result: Pick<AnalysisResult, 'concepts' | 'themes' | 'paperThemes' | 'clustering'>): string {
  return [...toThemesJsonPieces(result)].join('');
}

/** themes.json in pieces, as the CLI writes it: a million papers' themes are about 500 MB of text. */
export function* toThemesJsonPieces(result: Pick<AnalysisResult, 'concepts' | 'themes' | 'paperThemes' | 'clustering'>): Generator<string> {
  const labels = new Map(result.concepts.map((concept) => [concept.id, concept.label]));
  const themes = result.themes.map((theme) => ({ ...theme, topConceptLabels: theme.topConcepts.map((id) => labels.get(id) ?? id) }));
  yield `{\n  "clustering": ${indentedJson(result.clustering, 1)},\n  "themes": `;
  yield* jsonArrayPieces(themes, 1);
  yield ',\n  "paperThemes": ';
  yield* jsonArrayPieces(result.paperThemes, 1);
  yield '\n}\n';
}
