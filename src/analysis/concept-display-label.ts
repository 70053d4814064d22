/**
 * How a concept is named on axes and in tables: its label, with its first Chinese label in parentheses when one is
 * known ("entropy collapse (熵坍缩)"). Display labels are made unique within a list by appending the id on a clash.
 */
import type { Concept } from '../core/types.ts';

export function conceptDisplayLabel(concept: Pick<Concept, 'label' | 'labelsZh'>): string {
  const zh = concept.labelsZh[0];
  return zh === undefined || zh === '' || zh === concept.label ? concept.label : `${concept.label} (${zh})`;
}

/** Display labels for a list of concepts, keyed by id, unique within the list. */
export function uniqueDisplayLabels(concepts: readonly Pick<Concept, 'id' | 'label' | 'labelsZh'>[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const concept of concepts) {
    const label = conceptDisplayLabel(concept);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const labels = new Map<string, string>();
  for (const concept of concepts) {
    const label = conceptDisplayLabel(concept);
    labels.set(concept.id, (counts.get(label) ?? 0) > 1 ? `${label} [${concept.id}]` : label);
  }
  return labels;
}
