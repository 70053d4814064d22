/**
 * Parses the paper-list Markdown written by arXiv survey tools into papers.
 *
 * The format (see tests/fixtures/paper-lists for every variant met so far):
 *
 *   # Paper List of Terms(RL+entropy)            or  # Paper List from BIB File: x.bib
 *   - [25/08] **Title**
 *   [[Paper](http://arxiv.org/pdf/2508.14040v1)] [[Code/Page](https://github.com/x/y.)] [[TLDR/Notes](#anchor)]
 *
 *   # TLDR/Notes
 *   ## anchor
 *   ### Abstract
 *   hard-wrapped abstract …
 *   ### 🌟 论文解读 | …                           optional note sections (###, or deeper; sometimes in ``` fences)
 *
 * The parse runs in two steps: (1) read the list part into items, (2) read the notes part into blocks keyed by
 * anchor, then join them. Anything that does not parse is reported as an issue with file and line; the rest goes on.
 * The parser never throws on content; it works line by line with anchored regular expressions, so a 1 MB line
 * costs one pass.
 */
import { issue, type Issue } from '../core/issues.ts';
import type { NoteSection, Paper } from '../core/types.ts';
import { parseArxivUrl } from './arxiv-id.ts';
import { titleId } from './title-id.ts';

export interface ParsePaperListOptions {
  /** Path shown in sources and issues. Default: `<input>`. */
  file?: string;
  /** Two-digit years up to this are 20YY, above it 19YY. Default: 69. */
  centuryPivot?: number;
}

export interface ParsePaperListResult {
  papers: Paper[];
  issues: Issue[];
  /** The list's own title line (`Paper List of Terms(RL+entropy)`), or ''. */
  listTitle: string;
}

const ITEM_LINE = /^\s*[-*]\s+(?:\[(\d{2})\/(\d{2})\]\s*)?\*\*(.*)\*\*\s*$/;
const ITEM_START = /^\s*[-*]\s+\[\d{2}\/\d{2}\]/;
// A link's target may hold parentheses (`#strategic-(de)construction`): it ends at the `)]` before the next link or the line end.
const LINK = /\[\[(Paper|Code\/Page|TLDR\/Notes)\]\((.*?)\)\](?=\s*\[\[|\s*$)/g;
const NOTES_HEADER = /^#\s+TLDR\/Notes\s*$/;
const LIST_HEADER = /^#\s+(Paper List.*)$/;
const BLOCK_HEADING = /^##\s+(.+?)\s*$/;
const SECTION_HEADING = /^#{3,6}\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s*```/;
const PREVIEW_CHARS = 80;

interface ListItem {
  line: number;
  yy: string | undefined;
  mm: string | undefined;
  title: string;
  paperUrl: string;
  codeUrl: string;
  anchor: string;
}

interface NotesBlock {
  anchor: string;
  line: number;
  abstractLines: string[];
  sections: { heading: string; lines: string[] }[];
}

export function parsePaperList(text: string, options: ParsePaperListOptions = {}): ParsePaperListResult {
  const file = options.file ?? '<input>';
  const pivot = options.centuryPivot ?? 69;
  const issues: Issue[] = [];
  const lines = text.split(/\r?\n/);
  if (text.trim() === '') {
    issues.push(issue('empty-file', 'warning', 'the file is empty', { file }));
    return { papers: [], issues, listTitle: '' };
  }

  // 1. The list part: items up to "# TLDR/Notes".
  const notesStart = lines.findIndex((line) => NOTES_HEADER.test(line));
  const listEnd = notesStart === -1 ? lines.length : notesStart;
  const { items, listTitle } = readListItems(lines, listEnd, file, issues);

  // 2. The notes part: blocks keyed by anchor.
  const knownAnchors = new Set(items.map((item) => item.anchor).filter((anchor) => anchor !== ''));
  const blocks = notesStart === -1 ? [] : readNotesBlocks(lines, notesStart + 1, knownAnchors, file, issues);

  // 3. Join items with their notes.
  const papers = joinItemsWithNotes(items, blocks, file, pivot, issues);
  if (papers.length === 0 && items.length === 0) {
    issues.push(issue('no-papers', 'info', 'the list has no papers', { file }));
  }
  return { papers, issues, listTitle };
}

function readListItems(lines: string[], end: number, file: string, issues: Issue[]): { items: ListItem[]; listTitle: string } {
  const items: ListItem[] = [];
  let listTitle = '';
  for (let index = 0; index < end; index++) {
    const line = lines[index] ?? '';
    const lineNo = index + 1;
    if (line.trim() === '') continue;
    const header = LIST_HEADER.exec(line);
    if (header) {
      listTitle = header[1]?.trim() ?? '';
      continue;
    }
    const match = ITEM_LINE.exec(line);
    if (!match) {
      if (ITEM_START.test(line) || /^\s*[-*]\s+\*\*/.test(line)) {
        issues.push(issue('unparsable-line', 'warning', `list item without a **title**: ${preview(line)}`, { file, line: lineNo }));
      } else if (!/^\s*\[\[/.test(line)) {
        issues.push(issue('unparsable-line', 'warning', `unrecognised line in the list: ${preview(line)}`, { file, line: lineNo }));
      } else {
        issues.push(issue('unparsable-line', 'warning', 'links line without a list item before it', { file, line: lineNo }));
      }
      continue;
    }
    const item: ListItem = { line: lineNo, yy: match[1], mm: match[2], title: (match[3] ?? '').trim(), paperUrl: '', codeUrl: '', anchor: '' };
    const next = lines[index + 1];
    if (next !== undefined && index + 1 < end && /^\s*\[\[/.test(next)) {
      readLinks(next, item);
      index++;
    }
    items.push(item);
  }
  return { items, listTitle };
}

function readLinks(line: string, item: ListItem): void {
  for (const match of line.matchAll(LINK)) {
    const target = match[2] ?? '';
    if (match[1] === 'Paper') item.paperUrl = target;
    else if (match[1] === 'Code/Page') item.codeUrl = cleanCodeUrl(target);
    else item.anchor = target.startsWith('#') ? target.slice(1) : target;
  }
}

/** The generator leaves a trailing dot (`https://github.com/x/y.`) and sometimes LaTeX residue (`…}{Hugging`). */
export function cleanCodeUrl(url: string): string {
  let cleaned = url.trim();
  const latex = cleaned.indexOf('}{');
  if (latex !== -1) cleaned = cleaned.slice(0, latex);
  cleaned = cleaned.replace(/[.,;}]+$/, '');
  return cleaned;
}

function readNotesBlocks(lines: string[], start: number, knownAnchors: Set<string>, file: string, issues: Issue[]): NotesBlock[] {
  const blocks: NotesBlock[] = [];
  let block: NotesBlock | undefined;
  let section: { heading: string; lines: string[] } | undefined;
  let inFence = false;
  let fenceLine = 0;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineNo = index + 1;
    const heading = BLOCK_HEADING.exec(line);
    // A "## x" line opens a new paper block when x is a known anchor, or (outside fences) when it is not a note
    // heading that some lists write at level 2 ("## 🌟 论文解读 | …").
    if (heading && !line.startsWith('###')) {
      const anchor = heading[1] ?? '';
      const isKnown = knownAnchors.has(anchor);
      const looksLikeNote = block !== undefined && !isKnown && /^[^\p{L}\p{N}$\\(]/u.test(anchor);
      if (isKnown || (!inFence && !looksLikeNote)) {
        if (inFence) {
          issues.push(issue('unparsable-line', 'warning', 'a ``` fence opened here is never closed', { file, line: fenceLine }));
          inFence = false;
        }
        block = { anchor, line: lineNo, abstractLines: [], sections: [] };
        blocks.push(block);
        section = undefined;
        continue;
      }
      if (block) {
        section = { heading: anchor, lines: [] };
        block.sections.push(section);
        continue;
      }
    }
    if (block === undefined) {
      if (line.trim() !== '') issues.push(issue('unparsable-line', 'warning', `text before the first notes block: ${preview(line)}`, { file, line: lineNo }));
      continue;
    }
    if (FENCE.test(line)) {
      inFence = !inFence;
      fenceLine = lineNo;
      continue;
    }
    const sub = SECTION_HEADING.exec(line);
    if (sub) {
      const title = sub[1] ?? '';
      if (/^abstract$/i.test(title) && block.sections.length === 0) {
        section = undefined;
        block.abstractLines.length = 0;
        // Lines after "### Abstract" go to the abstract until the next heading.
        let next = index + 1;
        while (next < lines.length) {
          const candidate = lines[next] ?? '';
          if (/^#{1,6}\s/.test(candidate) || FENCE.test(candidate)) break;
          block.abstractLines.push(candidate);
          next++;
        }
        index = next - 1;
        continue;
      }
      section = { heading: title, lines: [] };
      block.sections.push(section);
      continue;
    }
    if (section) section.lines.push(line);
    else if (line.trim() !== '') block.abstractLines.push(line);
  }
  if (inFence) issues.push(issue('unparsable-line', 'warning', 'a ``` fence opened here is never closed', { file, line: fenceLine }));
  return blocks;
}

function joinItemsWithNotes(items: ListItem[], blocks: NotesBlock[], file: string, pivot: number, issues: Issue[]): Paper[] {
  const byAnchor = new Map<string, NotesBlock>();
  const byLooseAnchor = new Map<string, NotesBlock>();
  for (const block of blocks) {
    if (!byAnchor.has(block.anchor)) byAnchor.set(block.anchor, block);
    const loose = looseAnchor(block.anchor);
    if (!byLooseAnchor.has(loose)) byLooseAnchor.set(loose, block);
  }
  const used = new Set<NotesBlock>();
  const papers: Paper[] = [];
  for (const item of items) {
    const where = { file, line: item.line };
    let block = item.anchor === '' ? undefined : byAnchor.get(item.anchor) ?? byLooseAnchor.get(looseAnchor(item.anchor));
    // Two items may share an anchor (the same paper listed twice); each takes the block once when it can.
    if (block && used.has(block)) {
      const again = blocks.find((candidate) => !used.has(candidate) && candidate.anchor === block?.anchor);
      if (again) block = again;
    }
    if (block) used.add(block);
    else if (item.anchor !== '') issues.push(issue('unresolved-anchor', 'warning', `no notes block for anchor #${item.anchor}; kept without abstract and notes`, where));

    const arxiv = parseArxivUrl(item.paperUrl);
    const title = item.title;
    if (title === '') issues.push(issue('missing-title', 'warning', 'list item has an empty title', where));
    const id = arxiv?.id ?? titleId(title === '' ? `${file}:${item.line}` : title);
    if (!arxiv) issues.push(issue('missing-arxiv-id', 'info', `no arXiv link (${item.paperUrl === '' ? 'empty' : preview(item.paperUrl)}); id derived from the title`, { ...where, paperId: id }));
    const month = parseMonth(item.yy, item.mm, pivot);
    if (item.yy === undefined) issues.push(issue('missing-date', 'info', 'list item has no [YY/MM] date', { ...where, paperId: id }));
    else if (month === null) issues.push(issue('bad-date', 'warning', `invalid date [${item.yy}/${item.mm}]`, { ...where, paperId: id }));

    const abstract = block ? joinHardWraps(block.abstractLines) : '';
    if (block && abstract === '') issues.push(issue('missing-abstract', 'warning', 'notes block has no abstract', { file, line: block.line, paperId: id }));
    const notes: NoteSection[] = block ? block.sections.map((section) => ({ heading: section.heading, text: trimBlankLines(section.lines).join('\n') })) : [];
    if (block && notes.length === 0) issues.push(issue('missing-notes', 'info', 'no note sections after the abstract', { file, line: block.line, paperId: id }));

    papers.push({
      id,
      version: arxiv?.version ?? null,
      title,
      month,
      paperUrl: item.paperUrl,
      codeUrl: item.codeUrl,
      abstract,
      notes,
      anchor: item.anchor,
      sources: [{ file, line: item.line }],
      categories: [],
    });
  }
  for (const block of blocks) {
    if (!used.has(block)) issues.push(issue('orphan-notes', 'info', `notes block #${preview(block.anchor)} has no list item`, { file, line: block.line }));
  }
  return papers;
}

function parseMonth(yy: string | undefined, mm: string | undefined, pivot: number): string | null {
  if (yy === undefined || mm === undefined) return null;
  const year = Number(yy);
  const month = Number(mm);
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const century = year <= pivot ? 2000 : 1900;
  return `${century + year}-${mm}`;
}

/** Joins hard-wrapped lines with single spaces; blank lines separate paragraphs. */
export function joinHardWraps(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    } else current.push(trimmed);
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n').replace(/[ \t]+/g, ' ');
}

function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start++;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(start, end).map((line) => line.replace(/\s+$/, ''));
}

function looseAnchor(anchor: string): string {
  return anchor.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function preview(text: string): string {
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}… (${text.length} characters)` : text;
}
