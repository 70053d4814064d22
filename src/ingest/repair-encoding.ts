/**
 * Repairs mojibake: runs of text whose UTF-8 bytes were shown through a single-byte code page (Windows-1254,
 * Windows-1252 or Latin-1), possibly with the bytes that code page leaves undefined dropped on the way.
 *
 *   1. scan     find maximal runs of non-ASCII characters that one code page can show as single bytes;
 *               map each run back to bytes (`codePage().toByte`).
 *   2. parse    read the bytes as UTF-8 with gaps (`parseUtf8WithGaps`): character boundaries are certain
 *               (only continuation bytes are ever lost); a character short of bytes gets every candidate
 *               made by inserting dropped-byte values.
 *   3. weigh    evidence per run. Strong: valid UTF-8 structure that needs no insertion, or that needs few
 *               insertions for a lot of structure. Weak: needs insertions for little structure (a lone lead
 *               byte such as the `ä` of German text). A weak run is repaired only next to evidence: a strong run
 *               on its own line, or — when the weak run shows some structure itself (a lead byte followed by a
 *               continuation byte, as a closing quote `â€` does) — on the line before or after (hard-wrapped
 *               abstracts split “…” over two lines).
 *               Runs with no UTF-8 reading, or whose reading has characters outside real-text blocks
 *               (`isPlausibleCodePoint`), are left alone: that is how clean Turkish, German, French and
 *               symbols stay exactly as they are.
 *   4. choose   a Viterbi search over each run's candidates with the character bigram model (`char-model.ts`),
 *               conditioned on the characters on both sides of the run; max-marginals (forward + backward
 *               best scores) give, per character, the margin of the best choice over the runner-up. A margin
 *               under `UNCERTAIN_LOG_RATIO` marks the span uncertain and lists the runner-ups.
 *   5. report   the repaired text, one span per repaired run, stats, and issues: `encoding-repaired` (one per
 *               text), `encoding-uncertain` (one per uncertain span), `encoding-unrepairable` (a run on a
 *               mojibake line that has no reading; one per line).
 *
 * The decoding idea follows ftfy (Speer, "ftfy", Zenodo 2019, doi:10.5281/zenodo.2591652): re-encode through
 * the code page and decode as UTF-8 only where the result is clearly better. ftfy cannot restore dropped bytes;
 * choosing them with a character n-gram model is noisy-channel decoding (Shannon 1948; Kernighan, Church &
 * Gale, "A spelling correction program based on a noisy channel model", COLING 1990) with the Viterbi
 * algorithm (Viterbi 1967) over a lattice of candidate characters.
 *
 * Clean text comes back as the very same string with no spans. Linear in the text length.
 */
import { issue, type Issue } from '../core/issues.ts';
import modelData from '../../data/encoding/zh-model.json' with { type: 'json' };
import { createCharModel, logBigram, tokenId, type CharModel, type CharModelData } from './char-model.ts';
import { CODE_PAGES, codePage, type CodePage } from './code-pages.ts';
import { isPlausibleCodePoint } from './plausible-code-points.ts';
import { parseUtf8WithGaps, type GapParse } from './utf8-gaps.ts';

export interface RepairEncodingOptions {
  /** File name used in issue locations only. */
  file?: string;
  /** Character model for choosing missing bytes. Default: the shipped model (data/encoding/zh-model.json). */
  model?: CharModel;
}

export interface RepairSpan {
  /** 1-based line in the input where the span starts. */
  line: number;
  original: string;
  repaired: string;
  uncertain: boolean;
  /** Close runner-up readings of the span (uncertain spans only), best first. */
  alternatives: string[];
}

export interface RepairEncodingResult {
  text: string;
  spans: RepairSpan[];
  stats: { spans: number; charactersRecovered: number; uncertain: number; bytesInserted: number };
  issues: Issue[];
}

/** A choice is uncertain when the runner-up is within this log-probability ratio (natural log) of the best. */
export const UNCERTAIN_LOG_RATIO = Math.log(4);
/** At most this many alternatives per uncertain span. */
const MAX_ALTERNATIVES = 3;

let defaultModel: CharModel | undefined;
function shippedModel(): CharModel {
  defaultModel ??= createCharModel(modelData as CharModelData);
  return defaultModel;
}

type Evidence = 'strong' | 'weak';

interface Run {
  start: number;
  end: number;
  line: number;
  parse: GapParse;
  evidence: Evidence;
}

const PAGES: readonly CodePage[] = CODE_PAGES.map((name) => codePage(name));

/** Bit mask (bit i = `PAGES[i]`) of the code pages that show each code unit 0x80–0xFFFF as one byte; 0 = none. */
const PAGE_MASKS: Uint8Array = (() => {
  const masks = new Uint8Array(0x10000);
  PAGES.forEach((page, bit) => {
    for (const char of page.toByte.keys()) if (char >= 0x80) masks[char] = (masks[char] ?? 0) | (1 << bit);
  });
  return masks;
})();

function classify(parse: GapParse): Evidence {
  if (parse.present >= 1 && parse.missing === 0) return 'strong';
  if (parse.present >= 2 && 2 * parse.missing <= parse.present) return 'strong';
  return 'weak';
}

export function repairEncoding(text: string, options: RepairEncodingOptions = {}): RepairEncodingResult {
  const model = options.model ?? shippedModel();
  const where = options.file === undefined ? {} : { file: options.file };
  const accept = (codePoint: number): boolean => isPlausibleCodePoint(codePoint) || tokenId(model, codePoint) >= 0;

  // 1–3. scan, parse, weigh.
  const caches = PAGES.map(() => new Map<number, readonly number[]>());
  const runs: Run[] = [];
  const strongLines = new Set<number>();
  const unreadable: Array<{ line: number; text: string }> = [];
  let line = 1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) {
      if (unit === 0x0a) line++;
      index++;
      continue;
    }
    let mask = PAGE_MASKS[unit] ?? 0;
    if (mask === 0) {
      index++;
      continue;
    }
    const start = index;
    index++;
    while (index < length) {
      const next = text.charCodeAt(index);
      if (next < 0x80) break;
      const nextMask = PAGE_MASKS[next] ?? 0;
      if (nextMask === 0) break;
      mask &= nextMask;
      index++;
    }
    const bit = lowestBit(mask);
    const parse = mask === 0 ? null : parseRun(text, start, index, PAGES[bit] as CodePage, accept, caches[bit] ?? new Map());
    if (parse === null) {
      unreadable.push({ line, text: text.slice(start, index) });
      continue;
    }
    const evidence = classify(parse);
    if (evidence === 'strong') strongLines.add(line);
    runs.push({ start, end: index, line, parse, evidence });
  }
  const accepted = runs.filter((run) => run.evidence === 'strong' || strongLines.has(run.line)
    || (run.parse.present >= 1 && (strongLines.has(run.line - 1) || strongLines.has(run.line + 1))));
  if (accepted.length === 0) return { text, spans: [], stats: { spans: 0, charactersRecovered: 0, uncertain: 0, bytesInserted: 0 }, issues: [] };

  // 4. choose.
  const pieces: string[] = [];
  const spans: RepairSpan[] = [];
  const issues: Issue[] = [];
  let copied = 0;
  let charactersRecovered = 0;
  let bytesInserted = 0;
  for (const run of accepted) {
    const left = run.start === 0 ? tokenId(model, 0x0a) : tokenId(model, text.codePointAt(run.start - 1) ?? 0x0a);
    const right = run.end >= length ? tokenId(model, 0x0a) : tokenId(model, text.codePointAt(run.end) ?? 0x0a);
    const choice = chooseReading(run.parse, model, left, right);
    const original = text.slice(run.start, run.end);
    pieces.push(text.slice(copied, run.start), choice.text);
    copied = run.end;
    charactersRecovered += run.parse.length;
    bytesInserted += run.parse.missing;
    spans.push({ line: run.line, original, repaired: choice.text, uncertain: choice.alternatives.length > 0, alternatives: choice.alternatives });
  }
  pieces.push(text.slice(copied));

  // 5. report.
  const uncertain = spans.filter((span) => span.uncertain);
  const file = options.file ?? 'the text';
  issues.push(issue('encoding-repaired', 'info',
    `repaired ${spans.length} mojibake span(s) in ${file}: ${charactersRecovered} character(s) recovered, ${bytesInserted} missing byte(s) restored, ${uncertain.length} uncertain`,
    where));
  for (const span of uncertain) {
    issues.push(issue('encoding-uncertain', 'warning',
      `uncertain encoding repair "${span.original}" -> "${span.repaired}" (also possible: ${span.alternatives.map((a) => `"${a}"`).join(', ')})`,
      { ...where, line: span.line }));
  }
  const reported = new Set<number>();
  for (const bad of unreadable) {
    if (!strongLines.has(bad.line) || reported.has(bad.line)) continue;
    reported.add(bad.line);
    issues.push(issue('encoding-unrepairable', 'warning', `"${bad.text}" looks damaged but has no UTF-8 reading; left as is`, { ...where, line: bad.line }));
  }
  return {
    text: pieces.join(''),
    spans,
    stats: { spans: spans.length, charactersRecovered, uncertain: uncertain.length, bytesInserted },
    issues,
  };
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

function parseRun(text: string, start: number, end: number, page: CodePage, accept: (codePoint: number) => boolean, cache: Map<number, readonly number[]>): GapParse | null {
  const bytes = new Uint8Array(end - start);
  for (let index = start; index < end; index++) bytes[index - start] = page.toByte.get(text.charCodeAt(index)) ?? 0;
  return parseUtf8WithGaps(bytes, { droppedBytes: page.droppedBytes, accept, cache });
}

interface Reading {
  text: string;
  alternatives: string[];
}

/** A string from code points, in chunks (a spread of a million arguments would overflow the stack). */
function fromCodePoints(codePoints: ArrayLike<number>): string {
  const chunks: string[] = [];
  const CHUNK = 4096;
  for (let start = 0; start < codePoints.length; start += CHUNK) {
    chunks.push(String.fromCodePoint(...Array.prototype.slice.call(codePoints, start, Math.min(codePoints.length, start + CHUNK)) as number[]));
  }
  return chunks.join('');
}

/**
 * Best reading of a run under the bigram model, with left/right context token ids, plus the runner-up
 * readings whose max-marginal is within `UNCERTAIN_LOG_RATIO` of the best.
 *
 * Characters with a single candidate are fixed, so the search splits exactly into independent stretches of
 * consecutive undecided characters, each conditioned on the fixed characters (or the run's context) on both
 * sides: Viterbi forward with back-pointers, a backward pass, and max-marginals per candidate. Only the
 * stretches cost anything; flat arrays over the run's candidates (`parse.offsets`).
 */
function chooseReading(parse: GapParse, model: CharModel, left: number, right: number): Reading {
  const { length: count, offsets, candidates } = parse;
  if (parse.missing === 0) return { text: fromCodePoints(candidates), alternatives: [] };
  const chosen = new Int32Array(count);
  for (let position = 0; position < count; position++) chosen[position] = offsets[position] ?? 0;
  const close: Array<{ position: number; k: number; gap: number }> = [];
  const idOf = (k: number): number => tokenId(model, candidates[k] ?? 0);
  let position = 0;
  while (position < count) {
    if ((offsets[position + 1] ?? 0) - (offsets[position] ?? 0) < 2) { position++; continue; }
    const first = position;
    while (position < count && (offsets[position + 1] ?? 0) - (offsets[position] ?? 0) >= 2) position++;
    const last = position - 1;
    const before = first === 0 ? left : idOf(offsets[first - 1] ?? 0);
    const after = last === count - 1 ? right : idOf(offsets[last + 1] ?? 0);
    decideStretch(model, parse, first, last, before, after, chosen, close);
  }
  const best = Array.from(chosen, (k) => candidates[k] ?? 0xfffd);
  close.sort((a, b) => a.gap - b.gap || a.position - b.position || a.k - b.k);
  const alternatives = close.slice(0, MAX_ALTERNATIVES).map(({ position: at, k }) => {
    const variant = best.slice();
    variant[at] = candidates[k] ?? 0xfffd;
    return fromCodePoints(variant);
  });
  return { text: fromCodePoints(best), alternatives };
}

/** Viterbi over characters first..last (all undecided) between fixed context ids; writes `chosen`, collects close runner-ups. */
function decideStretch(
  model: CharModel, parse: GapParse, first: number, last: number, before: number, after: number,
  chosen: Int32Array, close: Array<{ position: number; k: number; gap: number }>,
): void {
  const { offsets, candidates } = parse;
  const base = offsets[first] ?? 0;
  const size = (offsets[last + 1] ?? 0) - base;
  const ids = new Int32Array(size);
  for (let k = 0; k < size; k++) ids[k] = tokenId(model, candidates[base + k] ?? 0);
  const forward = new Float64Array(size);
  const backward = new Float64Array(size);
  const pointer = new Int32Array(size);
  for (let position = first; position <= last; position++) {
    const from = (offsets[position] ?? 0) - base;
    const to = (offsets[position + 1] ?? 0) - base;
    const previousFrom = (offsets[position - 1] ?? 0) - base;
    for (let k = from; k < to; k++) {
      const id = ids[k] ?? -1;
      if (position === first) { forward[k] = logBigram(model, before, id); continue; }
      let best = -Infinity;
      let bestFrom = previousFrom;
      for (let j = previousFrom; j < from; j++) {
        const score = (forward[j] ?? -Infinity) + logBigram(model, ids[j] ?? -1, id);
        if (score > best) { best = score; bestFrom = j; }
      }
      forward[k] = best;
      pointer[k] = bestFrom;
    }
  }
  for (let position = last; position >= first; position--) {
    const from = (offsets[position] ?? 0) - base;
    const to = (offsets[position + 1] ?? 0) - base;
    const nextTo = (offsets[position + 2] ?? 0) - base;
    for (let k = from; k < to; k++) {
      const id = ids[k] ?? -1;
      if (position === last) { backward[k] = logBigram(model, id, after); continue; }
      let best = -Infinity;
      for (let j = to; j < nextTo; j++) {
        const score = logBigram(model, id, ids[j] ?? -1) + (backward[j] ?? -Infinity);
        if (score > best) best = score;
      }
      backward[k] = best;
    }
  }
  let bestScore = -Infinity;
  let k = (offsets[last] ?? 0) - base;
  for (let j = k; j < size; j++) {
    const score = (forward[j] ?? -Infinity) + (backward[j] ?? -Infinity);
    if (score > bestScore) { bestScore = score; k = j; }
  }
  for (let position = last; position >= first; position--) {
    chosen[position] = base + k;
    k = pointer[k] ?? 0;
  }
  for (let position = first; position <= last; position++) {
    const from = (offsets[position] ?? 0) - base;
    const to = (offsets[position + 1] ?? 0) - base;
    for (let j = from; j < to; j++) {
      if (base + j === chosen[position]) continue;
      const gap = bestScore - ((forward[j] ?? -Infinity) + (backward[j] ?? -Infinity));
      if (gap < UNCERTAIN_LOG_RATIO) close.push({ position, k: base + j, gap });
    }
  }
}
