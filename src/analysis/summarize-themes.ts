/**
 * Theme tables: each theme's size (concepts and papers), its best concepts, and its papers month by month.
 */
import type { AnalysisResult } from '../core/result.ts';
import type { ThemeMethod } from '../core/types.ts';
import { themeColor } from '../core/palette.ts';
import { monthRange } from './month-range.ts';
import { primaryThemes } from './primary-themes.ts';

export interface ThemeRow {
  themeId: number;
  label: string;
  color: string;
  concepts: number;
  papers: number;
  /** Labels of the theme's best concepts. */
  topConcepts: string[];
  stability: number | null;
}

export interface ThemeMonthRow {
  themeId: number;
  label: string;
  month: string;
  papers: number;
}

export interface ThemeSummary {
  method: ThemeMethod;
  themes: ThemeRow[];
  months: string[];
  themeMonths: ThemeMonthRow[];
}

export function summarizeThemes(result: Pick<AnalysisResult, 'papers' | 'concepts' | 'themes' | 'paperThemes'>): ThemeSummary {
  const { method, themes, paperTheme, themePapers } = primaryThemes(result);
  const labelOf = new Map(result.concepts.map((concept) => [concept.id, concept.label]));
  const rows: ThemeRow[] = themes.map((theme) => ({
    themeId: theme.id,
    label: theme.label,
    color: themeColor(theme.id),
    concepts: theme.concepts.length,
    papers: themePapers.get(theme.id) ?? 0,
    topConcepts: theme.topConcepts.map((id) => labelOf.get(id) ?? id),
    stability: theme.stability,
  }));
  const months = monthRange(result.papers.map((paper) => paper.month).filter((month): month is string => month !== null));
  const counts = new Map<string, number>();
  for (const paper of result.papers) {
    const themeId = paperTheme.get(paper.id);
    if (themeId === undefined || paper.month === null) continue;
    const key = `${themeId}\u0000${paper.month}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const themeMonths: ThemeMonthRow[] = [];
  for (const theme of rows) {
    for (const month of months) themeMonths.push({ themeId: theme.themeId, label: theme.label, month, papers: counts.get(`${theme.themeId}\u0000${month}`) ?? 0 });
  }
  return { method, themes: rows, months, themeMonths };
}
