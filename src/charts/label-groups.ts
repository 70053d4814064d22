/**
 * Placed labels grouped by alignment and baseline, in a fixed order: Vega-Lite cannot encode `align` or `baseline`
 * from data, so each group becomes its own text layer.
 */
import type { PlacedLabel } from './place-labels.ts';

export interface LabelGroup {
  align: PlacedLabel['align'];
  baseline: PlacedLabel['baseline'];
  labels: PlacedLabel[];
}

export function labelGroups(labels: readonly PlacedLabel[]): LabelGroup[] {
  const groups = new Map<string, LabelGroup>();
  for (const label of labels) {
    const key = `${label.align} ${label.baseline}`;
    const group = groups.get(key) ?? { align: label.align, baseline: label.baseline, labels: [] };
    group.labels.push(label);
    groups.set(key, group);
  }
  return [...groups.keys()].sort().map((key) => groups.get(key)).filter((group): group is LabelGroup => group !== undefined);
}
