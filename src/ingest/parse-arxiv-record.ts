/**
 * Parses one line of JSONL into a paper: the arXiv metadata snapshot format (Kaggle "arxiv-metadata-oai-snapshot":
 * `id`, `title`, `abstract`, `categories` as a space-separated string, `authors`, `versions`
 * `[{version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT'}]`, `update_date`) and the plain
 * `{id, title, abstract, date}` form.
 *
 * The month is that of the first version (`created`), else `date`, else `update_date`; the version kept is the
 * last listed. Whitespace in title and abstract (the snapshot keeps the hard wraps of the original) is collapsed.
 * A line that is not a JSON object, or has no title, is returned as an issue (`bad-json-line` / `missing-title`)
 * with file and line. The optional filter (categories by prefix, months from/to inclusive) is applied here, so a
 * streaming reader keeps only what it needs: a filtered-out record returns `{ paper: null, issue: null }`.
 */
import { issue, type Issue } from '../core/issues.ts';
import type { Paper, SourceRef } from '../core/types.ts';
import { PapergraphError } from '../core/errors.ts';
import { parseArxivId } from './arxiv-id.ts';
import { titleId } from './title-id.ts';

export interface ArxivRecordFilter {
  /** Keep a paper when one of its categories equals one of these or starts with it followed by `.` (`cs` keeps `cs.LG`). Empty: keep all. */
  categories?: readonly string[];
  /** First month kept, `YYYY-MM` inclusive. Papers without a month are dropped when a month bound is set. */
  from?: string;
  /** Last month kept, `YYYY-MM` inclusive. */
  to?: string;
}

export interface ParseArxivRecordResult {
  paper: Paper | null;
  issue: Issue | null;
}

const MONTHS: Readonly<Record<string, string>> = Object.freeze({
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
});
const RFC_DATE = /\b\d{1,2}\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\b/;
const ISO_DATE = /^\s*(\d{4})-(\d{2})(?:-\d{2})?/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PREVIEW_CHARS = 60;

export function parseArxivRecord(text: string, where: SourceRef, filter: ArxivRecordFilter = {}): ParseArxivRecordResult {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return bad(where, `not valid JSON (${error instanceof Error ? error.message : 'parse error'}): ${preview(text)}`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return bad(where, `not a JSON object: ${preview(text)}`);
  const fields = record as Record<string, unknown>;

  const categories = typeof fields['categories'] === 'string' ? fields['categories'].split(/\s+/).filter(Boolean) : stringArray(fields['categories']);
  const wanted = filter.categories ?? [];
  if (wanted.length > 0 && !categories.some((category) => wanted.some((prefix) => category === prefix || category.startsWith(`${prefix}.`)))) {
    return { paper: null, issue: null };
  }

  const month = firstMonth(fields);
  if ((filter.from !== undefined || filter.to !== undefined) && (month === null || (filter.from !== undefined && month < filter.from) || (filter.to !== undefined && month > filter.to))) {
    return { paper: null, issue: null };
  }

  const title = typeof fields['title'] === 'string' ? collapse(fields['title']) : '';
  if (title === '') {
    return { paper: null, issue: issue('missing-title', 'warning', `record has no title: ${preview(text)}`, { file: where.file, line: where.line }) };
  }
  const rawId = typeof fields['id'] === 'string' ? fields['id'] : typeof fields['id'] === 'number' ? String(fields['id']) : '';
  const arxiv = parseArxivId(rawId);
  const id = arxiv ? arxiv.id : rawId.trim() !== '' ? rawId.trim() : titleId(title);
  const abstract = typeof fields['abstract'] === 'string' ? collapse(fields['abstract']) : '';
  const paper: Paper = {
    id,
    version: lastVersion(fields['versions']) ?? arxiv?.version ?? null,
    title,
    month,
    paperUrl: arxiv ? `https://arxiv.org/abs/${arxiv.id}` : typeof fields['url'] === 'string' ? fields['url'] : '',
    codeUrl: '',
    abstract,
    notes: [],
    anchor: '',
    sources: [{ file: where.file, line: where.line }],
    categories,
  };
  return { paper, issue: null };
}

/** Checks a filter once at entry; throws on a malformed month. */
export function assertArxivRecordFilter(filter: ArxivRecordFilter): void {
  for (const key of ['from', 'to'] as const) {
    const value = filter[key];
    if (value !== undefined && !MONTH.test(value)) throw new PapergraphError('ingest/parse-arxiv-record', `${key} must be a month YYYY-MM, got "${value}"`);
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    throw new PapergraphError('ingest/parse-arxiv-record', `from (${filter.from}) is after to (${filter.to})`);
  }
}

function firstMonth(fields: Record<string, unknown>): string | null {
  const versions = fields['versions'];
  if (Array.isArray(versions) && versions.length > 0) {
    const first = versions[0] as unknown;
    const created = typeof first === 'object' && first !== null ? (first as Record<string, unknown>)['created'] : undefined;
    const month = typeof created === 'string' ? monthOf(created) : null;
    if (month !== null) return month;
  }
  for (const key of ['date', 'published', 'update_date']) {
    const value = fields[key];
    const month = typeof value === 'string' ? monthOf(value) : null;
    if (month !== null) return month;
  }
  return null;
}

function monthOf(date: string): string | null {
  const iso = ISO_DATE.exec(date);
  if (iso) {
    const month = `${iso[1]}-${iso[2]}`;
    return MONTH.test(month) ? month : null;
  }
  const rfc = RFC_DATE.exec(date);
  if (rfc) {
    const number = MONTHS[(rfc[1] ?? '').toLowerCase()];
    return number === undefined ? null : `${rfc[2]}-${number}`;
  }
  return null;
}

function lastVersion(versions: unknown): number | null {
  if (!Array.isArray(versions) || versions.length === 0) return null;
  const last = versions[versions.length - 1] as unknown;
  const label = typeof last === 'object' && last !== null ? (last as Record<string, unknown>)['version'] : undefined;
  const match = typeof label === 'string' ? /^v(\d+)$/.exec(label) : null;
  return match ? Number(match[1]) : null;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry !== '') : [];
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function bad(where: SourceRef, message: string): ParseArxivRecordResult {
  return { paper: null, issue: issue('bad-json-line', 'warning', message, { file: where.file, line: where.line }) };
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS)}…` : flat;
}
