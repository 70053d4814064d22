/**
 * Merges papers read from several lists into one set, deduplicated by id.
 *
 * For each id the record with the highest arXiv version is kept (the first one read on a tie); fields it lacks
 * (abstract, notes, code link, date) are filled from the other records; every source is kept, the kept record's
 * first. The output is ordered by first appearance, so it is the same for the same inputs.
 */
import { issue, type Issue } from '../core/issues.ts';
import type { Paper } from '../core/types.ts';

export interface MergePapersResult {
  papers: Paper[];
  issues: Issue[];
  /** Papers read before deduplication. */
  read: number;
}

export function mergePapers(papers: readonly Paper[]): MergePapersResult {
  const groups = new Map<string, Paper[]>();
  for (const paper of papers) {
    const group = groups.get(paper.id);
    if (group) group.push(paper);
    else groups.set(paper.id, [paper]);
  }
  const issues: Issue[] = [];
  const merged: Paper[] = [];
  for (const [id, group] of groups) {
    const first = group[0];
    if (first === undefined) continue;
    if (group.length === 1) {
      merged.push(first);
      continue;
    }
    const kept = group.reduce((best, paper) => ((paper.version ?? 0) > (best.version ?? 0) ? paper : best), first);
    const others = group.filter((paper) => paper !== kept);
    const filled: Paper = {
      ...kept,
      abstract: kept.abstract || (others.find((paper) => paper.abstract !== '')?.abstract ?? ''),
      notes: kept.notes.length > 0 ? kept.notes : (others.find((paper) => paper.notes.length > 0)?.notes ?? []),
      codeUrl: kept.codeUrl || (others.find((paper) => paper.codeUrl !== '')?.codeUrl ?? ''),
      month: kept.month ?? others.find((paper) => paper.month !== null)?.month ?? null,
      categories: kept.categories.length > 0 ? kept.categories : (others.find((paper) => paper.categories.length > 0)?.categories ?? []),
      sources: [...kept.sources, ...others.flatMap((paper) => paper.sources)],
    };
    merged.push(filled);
    const files = new Set(group.flatMap((paper) => paper.sources.map((source) => source.file)));
    const versions = [...new Set(group.map((paper) => (paper.version === null ? '?' : `v${paper.version}`)))].join(', ');
    for (const paper of others) {
      const source = paper.sources[0];
      const sameFile = files.size === 1;
      issues.push(
        issue(
          sameFile ? 'duplicate-in-list' : 'duplicate-paper',
          'info',
          `${id} (${versions}) read ${group.length} times; kept ${kept.version === null ? 'the first' : `v${kept.version}`} from ${kept.sources[0]?.file ?? '?'}:${kept.sources[0]?.line ?? '?'}`,
          { ...(source ? { file: source.file, line: source.line } : {}), paperId: id },
        ),
      );
    }
  }
  return { papers: merged, issues, read: papers.length };
}
