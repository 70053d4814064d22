/**
 * Concepts over time: for the top concepts, how many papers mention each one in each month (and how many
 * mentions those papers hold), over the full month range with quiet months as zero; and when each concept was
 * first seen (summarize-first-seen.ts). Papers without a month count in totals but not on the time axis.
 */
import type { AnalysisResult } from '../core/result.ts';
import { uniqueDisplayLabels } from './concept-display-label.ts';
import { monthRange } from './month-range.ts';
import { firstSeenRows, type FirstSeenRow } from './summarize-first-seen.ts';
import { selectTopConcepts } from './select-top-concepts.ts';

export interface SummarizeTrendsOptions {
  /** Concepts followed month by month. Default: 8. */
  topConcepts?: number;
  /** Concepts on the first-seen timeline (summarize-first-seen.ts). Default: 25. */
  firstSeenConcepts?: number;
}

export const SUMMARIZE_TRENDS_DEFAULTS: Readonly<Required<SummarizeTrendsOptions>> = Object.freeze({ topConcepts: 8, firstSeenConcepts: 25 });

export interface ConceptMonthRow {
  conceptId: string;
  label: string;
  month: string;
  /** Papers of that month mentioning the concept. */
  papers: number;
  /** Mentions in those papers. */
  mentions: number;
  /** Papers of that month, all concepts (the denominator for shares). */
  monthPapers: number;
}

export interface TrendSummary {
  months: string[];
  /** Top concepts, best first, as display labels. */
  concepts: { conceptId: string; label: string }[];
  conceptMonths: ConceptMonthRow[];
  /** Concepts with a first month, earliest first. */
  firstSeen: FirstSeenRow[];
}

export function summarizeTrends(result: Pick<AnalysisResult, 'papers' | 'concepts' | 'mentions' | 'themes' | 'paperThemes'>, options: SummarizeTrendsOptions = {}): TrendSummary {
  const settings = { ...SUMMARIZE_TRENDS_DEFAULTS, ...options };
  const monthOf = new Map(result.papers.map((paper) => [paper.id, paper.month]));
  const months = monthRange(result.papers.map((paper) => paper.month).filter((month): month is string => month !== null));
  const monthPapers = new Map<string, number>();
  for (const paper of result.papers) if (paper.month !== null) monthPapers.set(paper.month, (monthPapers.get(paper.month) ?? 0) + 1);

  const top = selectTopConcepts(result.concepts, settings.topConcepts);
  const labels = uniqueDisplayLabels(top);
  const cells = new Map<string, { papers: number; mentions: number }>();
  const wanted = new Set(top.map((concept) => concept.id));
  for (const mention of result.mentions) {
    if (!wanted.has(mention.conceptId)) continue;
    const month = monthOf.get(mention.paperId);
    if (month === undefined || month === null) continue;
    const key = `${mention.conceptId}\u0000${month}`;
    const cell = cells.get(key) ?? { papers: 0, mentions: 0 };
    cell.papers += 1;
    cell.mentions += mention.count;
    cells.set(key, cell);
  }
  const conceptMonths: ConceptMonthRow[] = [];
  for (const concept of top) {
    for (const month of months) {
      const cell = cells.get(`${concept.id}\u0000${month}`) ?? { papers: 0, mentions: 0 };
      conceptMonths.push({ conceptId: concept.id, label: labels.get(concept.id) ?? concept.label, month, papers: cell.papers, mentions: cell.mentions, monthPapers: monthPapers.get(month) ?? 0 });
    }
  }

  const firstSeen = firstSeenRows(result, months[0], settings.firstSeenConcepts);

  return { months, concepts: top.map((concept) => ({ conceptId: concept.id, label: labels.get(concept.id) ?? concept.label })), conceptMonths, firstSeen };
}
