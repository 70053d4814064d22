/**
 * The task run in each extraction worker (io/worker-pool.ts): JSONL lines → parsed and filtered papers → the
 * vocabulary's concepts in each (concepts/match-papers.ts) → a CompactChunk. Parsing happens here too, so
 * JSON.parse runs on every core, and abstracts never reach the main thread.
 */
import { issue, type Issue } from '../core/issues.ts';
import { matchPaperTerms, type MatchPaperOptions } from '../concepts/match-papers.ts';
import type { Vocabulary } from '../concepts/vocabulary.ts';
import { parseArxivRecord, type ArxivRecordFilter } from '../ingest/parse-arxiv-record.ts';
import { compactChunkTransfer, type CompactChunk, type LineChunk } from '../stream/compact-chunk.ts';
import { Buffer } from 'node:buffer';
import type { Task } from './worker-pool.ts';

export interface ExtractTaskInit {
  vocabulary: Vocabulary;
  filter: ArxivRecordFilter;
  match: MatchPaperOptions;
}

export function createTask(init: ExtractTaskInit): Task<LineChunk, CompactChunk> {
  return (input) => {
    const result = extractChunk(input, init);
    return { result, transfer: compactChunkTransfer(result) };
  };
}

/**
 * The same work on the calling thread. Each paper is matched as soon as it is parsed and its mentions go straight
 * into the chunk's columns, so neither the paper's text nor its Mention objects outlive it (short-lived garbage).
 */
export function extractChunk(input: LineChunk, init: ExtractTaskInit): CompactChunk {
  // Per-paper evidence offsets are not kept in streaming mode.
  const matchOptions: MatchPaperOptions = { ...init.match, evidence: false };
  // Each line is decoded on its own, as it is parsed: one copy into a short-lived string.
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const lineCount = input.lineNumbers.length;
  let lineStart = 0;
  const ids: string[] = [];
  const versions: number[] = [];
  const titles: string[] = [];
  const months: string[] = [];
  const paperUrls: string[] = [];
  const categories: string[] = [];
  const lines: number[] = [];
  const issues: Issue[] = [];
  const offsets: number[] = [0];
  const terms: number[] = [];
  const counts: number[] = [];
  const scores: number[] = [];
  const inTitle: number[] = [];
  const forms = createFormTally(init.vocabulary.terms.length);
  const labelsZh: [number, string][] = [];
  let filtered = 0;
  for (let i = 0; i < lineCount; i++) {
    const line = input.lineNumbers[i] ?? 0;
    let lineEnd = i === lineCount - 1 ? bytes.length : bytes.indexOf(0x0a, lineStart);
    if (lineEnd === -1) lineEnd = bytes.length;
    const text = bytes.toString('utf8', lineStart, lineEnd);
    lineStart = lineEnd + 1;
    const parsed = parseArxivRecord(text, { file: input.file, line }, init.filter);
    if (parsed.issue) issues.push(parsed.issue);
    else if (parsed.paper === null) filtered++;
    const paper = parsed.paper;
    if (paper === null) continue;
    if (paper.abstract === '') {
      issues.push(issue('missing-abstract', 'info', `${paper.id}: no abstract; concepts come from the title only`, { file: input.file, line, paperId: paper.id }));
    }
    ids.push(paper.id);
    versions.push(paper.version ?? -1);
    titles.push(paper.title);
    months.push(paper.month ?? '');
    paperUrls.push(paper.paperUrl);
    categories.push(paper.categories.join(' '));
    lines.push(paper.sources[0]?.line ?? 0);
    const match = matchPaperTerms(paper, init.vocabulary, matchOptions);
    for (let m = 0; m < match.mentions.length; m++) {
      const mention = match.mentions[m]!;
      const term = match.mentionTerms[m]!;
      terms.push(term);
      counts.push(mention.count);
      scores.push(mention.score);
      inTitle.push(mention.inTitle ? 1 : 0);
      forms.add(term, mention.forms);
    }
    offsets.push(terms.length);
    for (let l = 0; l < match.labelsZh.length; l++) labelsZh.push([match.labelTerms[l]!, match.labelsZh[l]![1]]);
  }
  return {
    ids,
    versions: Int32Array.from(versions),
    titles,
    months,
    paperUrls,
    categories,
    lines: Int32Array.from(lines),
    mentionOffsets: Int32Array.from(offsets),
    mentionTerms: Int32Array.from(terms),
    mentionCounts: Int32Array.from(counts),
    mentionScores: Float64Array.from(scores),
    mentionInTitle: Uint8Array.from(inTitle),
    forms: forms.list(),
    labelsZh,
    linesRead: lineCount,
    filtered,
    issues,
  };
}

/**
 * Surface forms per term, counted over a chunk's papers: terms in the order first met, each term's forms in the order
 * first met. A term has a handful of spellings, so its forms are a short list searched in place (one string
 * comparison each) rather than a map that hashes every new form string.
 */
interface FormTally {
  add(term: number, forms: readonly string[]): void;
  list(): [number, string, number][];
}

function createFormTally(termCount: number): FormTally {
  /** Slot of each term in `terms`, -1 before it is met. */
  const slotOf = new Int32Array(termCount).fill(-1);
  const terms: number[] = [];
  const formsBySlot: string[][] = [];
  const countsBySlot: number[][] = [];
  return {
    add(term, forms) {
      let slot = slotOf[term]!;
      if (slot === -1) {
        slot = slotOf[term] = terms.length;
        terms.push(term);
        formsBySlot.push([]);
        countsBySlot.push([]);
      }
      const known = formsBySlot[slot]!;
      const counts = countsBySlot[slot]!;
      for (const form of forms) {
        const at = known.indexOf(form);
        if (at === -1) {
          known.push(detached(form));
          counts.push(1);
        } else counts[at]!++;
      }
    },
    list() {
      const out: [number, string, number][] = [];
      for (let slot = 0; slot < terms.length; slot++) {
        const known = formsBySlot[slot]!;
        const counts = countsBySlot[slot]!;
        for (let f = 0; f < known.length; f++) out.push([terms[slot]!, known[f]!, counts[f]!]);
      }
      return out;
    },
  };
}

/**
 * A copy of `text` that holds no reference to a longer string. A form is sliced from its paper's abstract, and V8
 * keeps a slice as a view of the whole abstract: kept in the tally until the chunk ends, each form would keep its
 * abstract alive through every young-generation collection (copied, then promoted) for the chunk's lifetime.
 */
function detached(text: string): string {
  // UTF-16 code units copied as they are (lone surrogates too).
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
