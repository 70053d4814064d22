/**
 * Every issue of a run as a table: what was skipped, repaired or could not be decided, with file and line.
 */
import type { Issue } from '../core/issues.ts';
import { toCsv } from './csv.ts';

export const ISSUES_COLUMNS = ['severity', 'code', 'file', 'line', 'paper_id', 'message'] as const;

export function toIssuesCsv(issues: readonly Issue[]): string {
  return toCsv(
    ISSUES_COLUMNS,
    issues.map((entry) => [entry.severity, entry.code, entry.file ?? '', entry.line ?? null, entry.paperId ?? '', entry.message]),
  );
}
