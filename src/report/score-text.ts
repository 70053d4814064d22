/**
 * How the report writes a theme's stability and a paper's strength, the same in report.md and report.html:
 * "0.92 stable", "0.41 fragile", "–" (not measured); "strength 0.83", "strength 0.31, weakly assigned"; and each
 * method's run-to-run agreement. Values are rounded to two decimals, except a fragile theme's stability, which is
 * truncated: just below the threshold (0.7499) it reads "0.74 fragile", never "0.75 fragile".
 */
import type { ReportStability } from './build-report-model.ts';

/** For the themes table: "0.92 stable", "0.41 fragile", "0.60" (no verdict), "–" (not measured). */
export function stabilityText(stability: number | null, stable: boolean | null): string {
  if (stability === null) return '–';
  const value = stabilityValue(stability, stable);
  return stable === null ? value : `${value} ${stable ? 'stable' : 'fragile'}`;
}

/** For a theme's detail line: "stability 0.92 (stable)", "stability 0.60", "stability not measured". */
export function stabilityDetail(stability: number | null, stable: boolean | null): string {
  if (stability === null) return 'stability not measured';
  return `stability ${stabilityValue(stability, stable)}${stable === null ? '' : ` (${stable ? 'stable' : 'fragile'})`}`;
}

function stabilityValue(stability: number, stable: boolean | null): string {
  return stable === false ? (Math.floor(stability * 100 + 1e-9) / 100).toFixed(2) : stability.toFixed(2);
}

/** '' when the paper's assignment has no recorded strength. */
export function strengthText(strength: number | null, weak: boolean): string {
  if (strength === null) return '';
  return `strength ${strength.toFixed(2)}${weak ? ', weakly assigned' : ''}`;
}

/**
 * One sentence on a method's run-to-run agreement: "Louvain re-run with 4 other seeds (43, 44, 45, 46): mean ARI
 * 0.87 with the reference run (lowest 0.79, mean NMI 0.91); 5 themes stable, 1 fragile (stable from mean
 * Jaccard 0.75)."
 */
export function agreementText(entry: ReportStability): string {
  const runs = `${entry.seeds.length} other ${entry.seeds.length === 1 ? 'seed' : 'seeds'} (${entry.seeds.join(', ')})`;
  const themes = `${entry.stableThemes} ${entry.stableThemes === 1 ? 'theme' : 'themes'} stable, ${entry.fragileThemes} fragile`;
  return `${entry.name} re-run with ${runs}: mean ARI ${entry.meanAri.toFixed(2)} with the reference run (lowest ${entry.minAri.toFixed(2)}, mean NMI ${entry.meanNmi.toFixed(2)}); ${themes} (stable from mean Jaccard ${entry.stableAt}).`;
}
