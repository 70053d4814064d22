/**
 * The concept lexicon: typed canonical labels with aliases and a parent, shipped as data
 * (`data/lexicon/core.json`) and extended or overridden by a user's file (`--lexicon FILE`).
 *
 * File format (JSON): `{ "entries": [ { "label": "GRPO", "type": "method", "aliases": ["Group Relative Policy
 * Optimization"], "parent": "policy optimization", "labelsZh": ["群相对策略优化"] } ] }` — or a bare array of
 * entries. `parent` names another entry's label. A user entry whose label (or one of whose aliases) equals a
 * shipped label replaces that entry.
 */
import lexiconData from '../../data/lexicon/core.json' with { type: 'json' };
import { issue, type Issue } from '../core/issues.ts';
import { isConceptType, type ConceptType, CONCEPT_TYPES } from '../core/types.ts';
import { termKey } from '../text/normalize.ts';

export interface LexiconEntry {
  label: string;
  type: ConceptType;
  aliases?: string[];
  /** Label of the parent entry ("policy optimization" for GRPO). */
  parent?: string;
  labelsZh?: string[];
  /** Match the label and aliases only with this exact case (for short forms that are also English words). */
  caseSensitive?: boolean;
}

export interface ParseLexiconResult {
  entries: LexiconEntry[];
  issues: Issue[];
}

/** Parses a lexicon file. Bad entries become issues (with file and the entry's line when it can be found). */
export function parseLexicon(text: string, file: string): ParseLexiconResult {
  const issues: Issue[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    issues.push(issue('bad-json-line', 'error', `lexicon is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { file, line: 1 }));
    return { entries: [], issues };
  }
  const raw = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data['entries']) ? (data['entries'] as unknown[]) : null;
  if (raw === null) {
    issues.push(issue('bad-json-line', 'error', 'lexicon must be an array of entries or an object with an "entries" array', { file, line: 1 }));
    return { entries: [], issues };
  }
  const lines = entryLines(text);
  const entries: LexiconEntry[] = [];
  raw.forEach((value, index) => {
    const line = lines[index] ?? 1;
    const checked = checkEntry(value);
    if (typeof checked === 'string') issues.push(issue('bad-json-line', 'warning', `lexicon entry ${index + 1} skipped: ${checked}`, { file, line }));
    else entries.push(checked);
  });
  return { entries, issues };
}

function checkEntry(value: unknown): LexiconEntry | string {
  if (!isRecord(value)) return 'it is not an object';
  const label = value['label'];
  if (typeof label !== 'string' || label.trim() === '') return 'it has no "label" string';
  if (termKey(label) === '') return `its label "${label}" has no letters or digits`;
  const type = value['type'] ?? 'other';
  if (!isConceptType(type)) return `its type "${String(type)}" is not one of ${CONCEPT_TYPES.join(', ')}`;
  const entry: LexiconEntry = { label: label.trim(), type };
  const aliases = value['aliases'];
  if (aliases !== undefined) {
    if (!Array.isArray(aliases) || aliases.some((alias) => typeof alias !== 'string')) return '"aliases" must be an array of strings';
    entry.aliases = (aliases as string[]).map((alias) => alias.trim()).filter((alias) => termKey(alias) !== '');
  }
  const parent = value['parent'];
  if (parent !== undefined && parent !== null) {
    if (typeof parent !== 'string') return '"parent" must be a label string';
    if (parent.trim() !== '') entry.parent = parent.trim();
  }
  const labelsZh = value['labelsZh'];
  if (labelsZh !== undefined) {
    if (!Array.isArray(labelsZh) || labelsZh.some((alias) => typeof alias !== 'string')) return '"labelsZh" must be an array of strings';
    entry.labelsZh = labelsZh as string[];
  }
  if (value['caseSensitive'] === true) entry.caseSensitive = true;
  return entry;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 1-based line where each entry of the entries array starts (its `{`), skipping string contents. */
function entryLines(text: string): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let inString = false;
  let entriesDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[') {
      stack.push('[');
      if (entriesDepth === -1) entriesDepth = stack.length;
    } else if (c === '{') {
      if (stack.length === entriesDepth && stack[stack.length - 1] === '[') lines.push(line);
      stack.push('{');
    } else if (c === ']' || c === '}') stack.pop();
  }
  return lines;
}

let shipped: LexiconEntry[] | null = null;

/** The lexicon shipped with papergraph (parsed once). */
export function defaultLexicon(): LexiconEntry[] {
  if (shipped === null) {
    const parsed = parseLexicon(JSON.stringify(lexiconData), 'data/lexicon/core.json');
    shipped = parsed.entries;
  }
  return shipped.map((entry) => ({ ...entry }));
}

/** `base` with `extra` merged in: an extra entry replaces the base entry it names (by label or alias key). */
export function mergeLexicons(base: readonly LexiconEntry[], extra: readonly LexiconEntry[]): LexiconEntry[] {
  const result = [...base];
  const byKey = new Map<string, number>();
  result.forEach((entry, index) => byKey.set(termKey(entry.label), index));
  for (const entry of extra) {
    const keys = [entry.label, ...(entry.aliases ?? [])].map(termKey);
    const hit = keys.map((key) => byKey.get(key)).find((index) => index !== undefined);
    if (hit !== undefined) result[hit] = entry;
    else {
      byKey.set(termKey(entry.label), result.length);
      result.push(entry);
    }
  }
  return result;
}
