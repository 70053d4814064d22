/**
 * The report fixture (tests/fixtures/report/analysis-result.ts) as the pipeline would hand it over once stability
 * was measured: each Louvain theme marked stable or fragile at 0.75 (0.90 and 0.80 stable, 0.70 and 0.60 fragile),
 * per-method agreement summaries for Louvain and k-means, and one weakly assigned paper — the title-only "A Note on
 * Reward Models", with strength 0.31. Everything else is the shared fixture, untouched.
 */
import type { AnalysisResult, StabilitySummary } from '../../src/core/result.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';

export const WEAK_PAPER = 'title:a-note-on-reward-models';
export const STABLE_AT = 0.75;

export function makeStabilityFixture(): AnalysisResult {
  const result = makeReportFixture();
  const seeds = [43, 44, 45, 46];
  const weakTheme = result.paperThemes.find((entry) => entry.paperId === WEAK_PAPER && entry.method === 'louvain')?.themeId;
  const themes = result.themes.map((theme) => ({
    ...theme,
    ...(theme.stability === null ? {} : { stable: theme.stability >= STABLE_AT }),
    weakPapers: theme.id === weakTheme ? 1 : 0,
  }));
  const paperThemes = result.paperThemes.map((entry) => (entry.paperId === WEAK_PAPER ? { ...entry, strength: 0.31, weak: true } : entry));
  const stableThemes = themes.filter((theme) => theme.stable === true).length;
  const louvain: StabilitySummary = { seeds, meanAri: 0.8734, minAri: 0.7912, meanNmi: 0.9051, stableThemes, fragileThemes: themes.length - stableThemes, stableAt: STABLE_AT };
  const kmeans: StabilitySummary = { seeds, meanAri: 0.9642, minAri: 0.9307, meanNmi: 0.9718, stableThemes: 3, fragileThemes: 0, stableAt: STABLE_AT };
  return {
    ...result,
    themes,
    paperThemes,
    clustering: {
      ...result.clustering,
      louvain: { ...result.clustering.louvain, stability: louvain },
      kmeans: { ...result.clustering.kmeans, stability: kmeans },
      graphInput: 'concepts',
      weaklyAssigned: { louvain: 1, leiden: 0, kmeans: 0 },
    },
  };
}
