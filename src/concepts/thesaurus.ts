/**
 * VOSviewer-compatible thesaurus files (van Eck & Waltman, VOSviewer manual §4.4): a tab-separated text file
 * with a header line (`label<TAB>replace by`) and one term per line. A term is replaced by (merged into) the
 * replacement; an empty replacement drops the term. Terms are compared by their lookup key (case, plural,
 * hyphen and spelling variants meet).
 */
import { issue, type Issue } from '../core/issues.ts';
import { termKey } from '../text/normalize.ts';

export interface ThesaurusEntry {
  label: string;
  /** The term to merge into; '' drops the term. */
  replaceBy: string;
}

export interface ParseThesaurusResult {
  entries: ThesaurusEntry[];
  issues: Issue[];
}

export function parseThesaurus(text: string, file: string): ParseThesaurusResult {
  const entries: ThesaurusEntry[] = [];
  const issues: Issue[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const cells = raw.split('\t');
    if (index === 0 && (cells[0] ?? '').trim().toLowerCase() === 'label') return;
    if (cells.length < 2) {
      issues.push(issue('unparsable-line', 'warning', `thesaurus line has no tab between "label" and "replace by": ${raw.slice(0, 80)}`, { file, line }));
      return;
    }
    const label = (cells[0] ?? '').trim();
    const replaceBy = (cells[1] ?? '').trim();
    if (termKey(label) === '') {
      issues.push(issue('unparsable-line', 'warning', 'thesaurus line has an empty label', { file, line }));
      return;
    }
    entries.push({ label, replaceBy });
  });
  return { entries, issues };
}

/** Resolved thesaurus: term key → replacement key ('' = drop), with chains followed (a → b → c gives a → c). */
export function resolveThesaurus(entries: readonly ThesaurusEntry[]): Map<string, string> {
  const direct = new Map<string, string>();
  for (const entry of entries) direct.set(termKey(entry.label), entry.replaceBy === '' ? '' : termKey(entry.replaceBy));
  const resolved = new Map<string, string>();
  for (const [from] of direct) {
    let to = direct.get(from) ?? '';
    const seen = new Set([from]);
    while (to !== '' && direct.has(to) && !seen.has(to)) {
      seen.add(to);
      to = direct.get(to) ?? '';
    }
    if (to !== from) resolved.set(from, to);
  }
  return resolved;
}
