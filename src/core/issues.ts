/**
 * Recoverable data problems, reported with a stable code and a location; never printed, never dropped.
 */

export const ISSUE_CODES = [
  'empty-file',
  'no-papers',
  'unparsable-line',
  'missing-title',
  'missing-arxiv-id',
  'missing-date',
  'bad-date',
  'missing-notes',
  'unresolved-anchor',
  'orphan-notes',
  'missing-abstract',
  'duplicate-paper',
  'duplicate-in-list',
  'encoding-repaired',
  'encoding-uncertain',
  'encoding-unrepairable',
  'huge-line',
  'control-characters',
  'bad-json-line',
  'skipped-file',
  'weak-theme-assignment',
  'themes-sampled',
  'no-graph-themes',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export const ISSUE_SEVERITIES = ['info', 'warning', 'error'] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];

export interface Issue {
  code: IssueCode;
  severity: IssueSeverity;
  message: string;
  file?: string;
  line?: number;
  paperId?: string;
}

export function issue(code: IssueCode, severity: IssueSeverity, message: string, where: Omit<Issue, 'code' | 'severity' | 'message'> = {}): Issue {
  return { code, severity, message, ...where };
}
