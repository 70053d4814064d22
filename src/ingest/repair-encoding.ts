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
 *   4. choose   the most probable reading under the character model (`char-model.ts`: Kneser–Ney bigrams,
 *               trigrams around damageable characters), conditioned on two characters on each side. Fixed
 *               characters split the search into small independent groups, decided exactly (`chooseReading`).
 *               Each candidate's max-marginal (best score of a reading that uses it) gives the margin of the
 *               best choice over the runner-up; a margin under `UNCERTAIN_LOG_RATIO` marks the span uncertain
 *               and lists the runner-ups.
 *   5. report   the repaired text, one span per repaired run, stats, and issues: `encoding-repaired` (one per
 *               text), `encoding-uncertain` (one per uncertain span), `encoding-unrepairable` (a run on a
 *               mojibake line that has no reading; one per line).
 *
 * The decoding idea follows ftfy (Speer, "ftfy", Zenodo 2019, doi:10.5281/zenodo.2591652): re-encode through
 * the code page and decode as UTF-8 only where the result is clearly better. ftfy cannot restore dropped bytes;
 * choosing them with a character n-gram model is noisy-channel decoding (Shannon 1948; Kernighan, Church &
 * Gale, "A spelling correction program based on a noisy channel model", COLING 1990) over a lattice of
 * candidate characters, searched exactly (exhaustively per group, or by Viterbi 1967 for large groups).
 *
 * Clean text comes back as the very same string with no spans. Linear in the text length.
 */
import { issue, type Issue } from '../core/issues.ts';
import modelData from '../../data/encoding/zh-model.json' with { type: 'json' };
import { createCharModel, logBigram, logTrigram, tokenId, type CharModel, type CharModelData } from './char-model.ts';
import { CODE_PAGES, codePage, type CodePage } from './code-pages.ts';
import { differingWindow } from './differing-window.ts';
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
  let previousEnd = -1;
  let previousLast = -1;
  for (const run of accepted) {
    const context = runContext(text, run, previousEnd, previousLast, model);
    const choice = chooseReading(run.parse, model, context);
    previousEnd = run.end;
    previousLast = choice.last;
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
    const readings = span.alternatives.map((alternative) => differingWindow(span.repaired, alternative));
    issues.push(issue('encoding-uncertain', 'warning',
      `uncertain encoding repair: kept "${readings[0]?.[0] ?? span.repaired}", could also be ${readings.map(([, other]) => `"${other}"`).join(' or ')}`,
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

/** A string from code points, in chunks (a spread of a million arguments would overflow the stack). */
function fromCodePoints(codePoints: readonly number[]): string {
  if (codePoints.length <= 4096) return String.fromCodePoint(...codePoints);
  const chunks: string[] = [];
  const CHUNK = 4096;
  for (let start = 0; start < codePoints.length; start += CHUNK) {
    chunks.push(String.fromCodePoint(...codePoints.slice(start, start + CHUNK)));
  }
  return chunks.join('');
}

/** Token ids of the two characters before a run and the two after it (`before[0]` is the nearer one). */
interface RunContext {
  before: [number, number];
  after: [number, number];
}

const NEWLINE = 0x0a;

/**
 * The characters around a run, as model tokens. The nearer neighbour is ASCII or a character no code page
 * shows (that is what ends a run); the farther one may belong to another run: the previous run's repaired
 * last character is used, and a next run's unrepaired character counts as unknown.
 */
function runContext(text: string, run: Run, previousEnd: number, previousLast: number, model: CharModel): RunContext {
  const at = (index: number): number => {
    if (index < 0 || index >= text.length) return tokenId(model, NEWLINE);
    const unit = text.charCodeAt(index);
    if (unit >= 0xdc00 && unit <= 0xdfff && index > 0) return tokenId(model, text.codePointAt(index - 1) ?? NEWLINE);
    return tokenId(model, text.codePointAt(index) ?? NEWLINE);
  };
  const nearBefore = at(run.start - 1);
  const farBefore = previousEnd === run.start - 1 ? previousLast : at(run.start - 2);
  const nearAfter = at(run.end);
  const farIndex = run.end + 1;
  const farUnit = farIndex < text.length ? text.charCodeAt(farIndex) : NEWLINE;
  const farAfter = farUnit >= 0x80 && (PAGE_MASKS[farUnit] ?? 0) !== 0 ? -1 : at(farIndex);
  return { before: [nearBefore, farBefore], after: [nearAfter, farAfter] };
}

/** Most combinations of candidates tried for one group of undecided characters before falling back to bigrams. */
const MAX_COMBINATIONS = 4096;

interface Reading {
  text: string;
  alternatives: string[];
  /** Token id of the last character chosen (context for the next run). */
  last: number;
}

interface CloseCall {
  position: number;
  k: number;
  gap: number;
}

/**
 * Best reading of a run under the character model, given the context on both sides, plus the runner-up
 * readings whose max-marginal is within `UNCERTAIN_LOG_RATIO` of the best.
 *
 * Characters with a single candidate are fixed. Under a trigram model two undecided characters interact only
 * when at most one fixed character separates them, so the search splits exactly into independent groups; each
 * group is decided by scoring every combination of its candidates with the trigrams that touch it (with the
 * max over combinations giving each candidate's max-marginal). A group with more than `MAX_COMBINATIONS`
 * combinations is decided by bigram Viterbi instead (forward with back-pointers, backward, max-marginals).
 */
function chooseReading(fullParse: GapParse, model: CharModel, context: RunContext): Reading {
  if (fullParse.missing === 0) return { text: fromCodePoints(fullParse.candidates), alternatives: [], last: tokenId(model, fullParse.candidates[fullParse.length - 1] ?? 0) };
  const parse = preferSeen(fullParse, model);
  const { length: count, offsets, candidates } = parse;
  const chosen = new Int32Array(count);
  for (let position = 0; position < count; position++) chosen[position] = offsets[position] ?? 0;
  const close: CloseCall[] = [];
  {
    const undecided = (position: number): boolean => (offsets[position + 1] ?? 0) - (offsets[position] ?? 0) >= 2;
    let position = 0;
    while (position < count) {
      if (!undecided(position)) { position++; continue; }
      const first = position;
      let last = position;
      let combinations = offsets[position + 1]! - offsets[position]!;
      position++;
      while (position < count && position - last <= 2) {
        if (undecided(position)) {
          last = position;
          combinations *= offsets[position + 1]! - offsets[position]!;
        }
        position++;
      }
      position = last + 1;
      if (combinations <= MAX_COMBINATIONS) decideGroup(model, parse, context, first, last, chosen, close);
      else decideByBigrams(model, parse, context, first, last, chosen, close);
    }
  }
  const best = Array.from(chosen, (k) => candidates[k] ?? 0xfffd);
  close.sort((a, b) => a.gap - b.gap || a.position - b.position || a.k - b.k);
  const alternatives = close.slice(0, MAX_ALTERNATIVES).map(({ position: at, k }) => {
    const variant = best.slice();
    variant[at] = candidates[k] ?? 0xfffd;
    return fromCodePoints(variant);
  });
  const last = count === 0 ? -1 : tokenId(model, best[count - 1] ?? 0);
  return { text: fromCodePoints(best), alternatives, last };
}

/**
 * Drops, from each undecided character, the candidates the model never saw when at least one candidate was
 * seen: an unseen character cannot win against a seen one in the same context by much, and the lone lead bytes
 * (up to 64 candidates, mostly rare ideographs) would otherwise multiply the combinations to score.
 */
function preferSeen(parse: GapParse, model: CharModel): GapParse {
  const offsets: number[] = [0];
  const candidates: number[] = [];
  for (let position = 0; position < parse.length; position++) {
    const from = parse.offsets[position] ?? 0;
    const to = parse.offsets[position + 1] ?? 0;
    let seen = 0;
    if (to - from > 1) for (let k = from; k < to; k++) if (tokenId(model, parse.candidates[k] ?? 0) >= 0) seen++;
    for (let k = from; k < to; k++) {
      const codePoint = parse.candidates[k] ?? 0;
      if (seen === 0 || to - from === 1 || tokenId(model, codePoint) >= 0) candidates.push(codePoint);
    }
    offsets.push(candidates.length);
  }
  return { ...parse, offsets, candidates };
}

/** Token id at a position of the run, reaching into the context beyond either end. */
function tokenAt(model: CharModel, parse: GapParse, context: RunContext, chosen: Int32Array, position: number): number {
  if (position === -1) return context.before[0];
  if (position === -2) return context.before[1];
  if (position === parse.length) return context.after[0];
  if (position === parse.length + 1) return context.after[1];
  return tokenId(model, parse.candidates[chosen[position] ?? 0] ?? 0);
}

/** Exhaustive trigram decision of one group of undecided characters (positions first..last). */
function decideGroup(model: CharModel, parse: GapParse, context: RunContext, first: number, last: number, chosen: Int32Array, close: CloseCall[]): void {
  const { offsets, candidates } = parse;
  const span = last - first + 5;
  // Token ids for positions first-2 .. last+2; undecided positions get their ids per combination.
  const tokens = new Int32Array(span);
  for (let offset = 0; offset < span; offset++) tokens[offset] = tokenAt(model, parse, context, chosen, first - 2 + offset);
  const open: number[] = [];
  for (let position = first; position <= last; position++) if ((offsets[position + 1] ?? 0) - (offsets[position] ?? 0) >= 2) open.push(position);
  const candidateIds = open.map((position) => {
    const ids: number[] = [];
    for (let k = offsets[position] ?? 0; k < (offsets[position + 1] ?? 0); k++) ids.push(tokenId(model, candidates[k] ?? 0));
    return ids;
  });
  const bestFor = open.map((position) => new Float64Array((offsets[position + 1] ?? 0) - (offsets[position] ?? 0)).fill(-Infinity));
  const digits = new Int32Array(open.length);
  let bestScore = -Infinity;
  let bestDigits = digits.slice();
  for (;;) {
    open.forEach((position, index) => { tokens[position - first + 2] = candidateIds[index]?.[digits[index] ?? 0] ?? -1; });
    let score = 0;
    for (let offset = 2; offset < span; offset++) score += logTrigram(model, tokens[offset - 2] ?? -1, tokens[offset - 1] ?? -1, tokens[offset] ?? -1);
    if (score > bestScore) { bestScore = score; bestDigits = digits.slice(); }
    open.forEach((_, index) => {
      const row = bestFor[index];
      const digit = digits[index] ?? 0;
      if (row && score > (row[digit] ?? -Infinity)) row[digit] = score;
    });
    let carry = 0;
    while (carry < open.length) {
      const size = candidateIds[carry]?.length ?? 1;
      digits[carry] = (digits[carry] ?? 0) + 1;
      if ((digits[carry] ?? 0) < size) break;
      digits[carry] = 0;
      carry++;
    }
    if (carry === open.length) break;
  }
  open.forEach((position, index) => {
    const base = offsets[position] ?? 0;
    const pick = bestDigits[index] ?? 0;
    chosen[position] = base + pick;
    bestFor[index]?.forEach((score, digit) => {
      if (digit === pick) return;
      const gap = bestScore - score;
      if (gap < UNCERTAIN_LOG_RATIO) close.push({ position, k: base + digit, gap });
    });
  });
}

/** Bigram Viterbi over positions first..last for a group too large to enumerate; writes `chosen`, collects close runner-ups. */
function decideByBigrams(model: CharModel, parse: GapParse, context: RunContext, first: number, last: number, chosen: Int32Array, close: CloseCall[]): void {
  const { offsets, candidates } = parse;
  const before = tokenAt(model, parse, context, chosen, first - 1);
  const after = tokenAt(model, parse, context, chosen, last + 1);
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
