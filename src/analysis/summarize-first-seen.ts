/**
 * When concepts appeared: a timeline of concepts at the month of the earliest paper mentioning them, earliest
 * first. Half the timeline is the most mentioned concepts, the rest the most mentioned newcomers (first seen after
 * the corpus's first month), so later arrivals are not crowded out by concepts that were there from the start.
 *
 * Reads concepts' `firstMonth` and papers' months only, never the mentions: the first-seen chart used to take this
 * from summarizeTrends, whose month-by-month counts cost a pass over every mention (36M at 1M papers).
 */
import type { AnalysisResult } from '../core/result.ts';
import type { Concept, ConceptType } from '../core/types.ts';
import { uniqueDisplayLabels } from './concept-display-label.ts';
import { monthRange } from './month-range.ts';
import { primaryThemes } from './primary-themes.ts';
import { selectTopConcepts } from './select-top-concepts.ts';

export interface SummarizeFirstSeenOptions {
  /** Concepts on the timeline. Default: 25. */
  concepts?: number;
}

export interface FirstSeenRow {
  conceptId: string;
  label: string;
  type: ConceptType;
  firstMonth: string;
  papers: number;
  themeId: number;
}

export interface FirstSeenSummary {
  /** Every month from the first dated paper's to the last's. */
  months: string[];
  /** Concepts with a first month, earliest first. */
  firstSeen: FirstSeenRow[];
}

export function summarizeFirstSeen(result: Pick<AnalysisResult, 'papers' | 'concepts' | 'themes' | 'paperThemes'>, options: SummarizeFirstSeenOptions = {}): FirstSeenSummary {
  const months = monthRange(result.papers.map((paper) => paper.month).filter((month): month is string => month !== null));
  return { months, firstSeen: firstSeenRows(result, months[0], options.concepts ?? 25) };
}

/** The timeline of `limit` concepts, given the corpus's first month. */
export function firstSeenRows(result: Pick<AnalysisResult, 'concepts' | 'themes' | 'paperThemes'>, firstMonth: string | undefined, limit: number): FirstSeenRow[] {
  const { conceptTheme } = primaryThemes(result);
  const dated = result.concepts.filter((concept) => concept.firstMonth !== null);
  const established = selectTopConcepts(dated, Math.ceil(limit / 2));
  const chosen = new Set(established.map((concept) => concept.id));
  const newcomers = selectTopConcepts(
    dated.filter((concept) => !chosen.has(concept.id) && concept.firstMonth !== firstMonth),
    limit - established.length,
  );
  for (const concept of newcomers) chosen.add(concept.id);
  const filler = selectTopConcepts(
    dated.filter((concept) => !chosen.has(concept.id)),
    limit - chosen.size,
  );
  const timeline: Concept[] = [...established, ...newcomers, ...filler];
  const labels = uniqueDisplayLabels(timeline);
  return timeline
    .map((concept) => ({
      conceptId: concept.id,
      label: labels.get(concept.id) ?? concept.label,
      type: concept.type,
      firstMonth: concept.firstMonth ?? '',
      papers: concept.papers,
      themeId: conceptTheme.get(concept.id) ?? -1,
    }))
    .sort((a, b) => (a.firstMonth < b.firstMonth ? -1 : a.firstMonth > b.firstMonth ? 1 : b.papers - a.papers));
}
