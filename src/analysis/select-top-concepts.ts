/**
 * The concepts a reader should see first: most papers, then most mentions, then label (so ties are stable).
 */
import type { Concept } from '../core/types.ts';

export function selectTopConcepts(concepts: readonly Concept[], limit: number): Concept[] {
  return [...concepts]
    .sort((a, b) => b.papers - a.papers || b.mentions - a.mentions || compareText(a.label, b.label) || compareText(a.id, b.id))
    .slice(0, Math.max(0, limit));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
