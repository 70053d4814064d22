/**
 * The few lines a user reads after a run: what was read, found and written, and where problems were.
 */
import type { AnalysisResult } from '../core/result.ts';

export interface RunSummary {
  text: string;
  json: Record<string, unknown>;
}

export function summarizeRun(result: AnalysisResult, outDir: string, filesWritten: number): RunSummary {
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byCode = new Map<string, number>();
  for (const entry of result.issues) {
    bySeverity[entry.severity]++;
    byCode.set(entry.code, (byCode.get(entry.code) ?? 0) + 1);
  }
  const louvain = result.themes.filter((theme) => theme.method === 'louvain').length;
  const leiden = result.themes.filter((theme) => theme.method === 'leiden').length;
  const kmeans = result.themes.filter((theme) => theme.method === 'kmeans').length;
  const codes = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} ${count}`).join(', ');
  const lines = [
    `read ${result.papersRead} papers from ${result.inputs.length} file(s): ${result.papers.length} unique`,
    `found ${result.concepts.length} concepts, ${result.mentions.length} mentions; concept graph ${result.conceptGraph.order} nodes, ${result.conceptGraph.size} edges`,
    `themes: ${louvain} Louvain communities (modularity ${result.clustering.louvain.modularity.toFixed(3)}), ${leiden} Leiden communities${result.clustering.leiden ? ` (modularity ${result.clustering.leiden.modularity.toFixed(3)})` : ''}, ${kmeans} k-means clusters (k=${result.clustering.kmeans.k}, chosen by ${result.clustering.kmeans.chosenBy})`,
    `repaired encoding: ${result.repairs.spans} spans, ${result.repairs.charactersRecovered} characters recovered, ${result.repairs.uncertain} uncertain`,
    `issues: ${bySeverity.error} errors, ${bySeverity.warning} warnings, ${bySeverity.info} notes${codes ? ` (${codes}); see ${outDir}/issues.csv` : ''}`,
    `wrote ${filesWritten} files to ${outDir}/`,
  ];
  return {
    text: `${lines.join('\n')}\n`,
    json: {
      papersRead: result.papersRead,
      papers: result.papers.length,
      concepts: result.concepts.length,
      mentions: result.mentions.length,
      themes: { louvain, leiden, kmeans },
      modularity: result.clustering.louvain.modularity,
      k: result.clustering.kmeans.k,
      repairs: result.repairs,
      issues: { ...bySeverity, byCode: Object.fromEntries(byCode) },
      out: outDir,
      files: filesWritten,
    },
  };
}
