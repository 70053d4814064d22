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
    const parse = mask === 0 ? null : parseRun(text, start, index, PAGES[lowestBit(mask)] as CodePage, accept);
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
    charactersRecovered += run.parse.chars.length;
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

function parseRun(text: string, start: number, end: number, page: CodePage, accept: (codePoint: number) => boolean): GapParse | null {
  const bytes = new Uint8Array(end - start);
  for (let index = start; index < end; index++) bytes[index - start] = page.toByte.get(text.charCodeAt(index)) ?? 0;
  return parseUtf8WithGaps(bytes, { droppedBytes: page.droppedBytes, accept });
}

interface Reading {
  text: string;
  alternatives: string[];
}

/**
 * Best reading of a run under the bigram model, with left/right context token ids, plus the runner-up
 * readings whose max-marginal is within `UNCERTAIN_LOG_RATIO` of the best.
 */
function chooseReading(parse: GapParse, model: CharModel, left: number, right: number): Reading {
  const chars = parse.chars;
  if (parse.missing === 0) return { text: chars.map((char) => String.fromCodePoint(char.candidates[0] ?? 0xfffd)).join(''), alternatives: [] };
  const count = chars.length;
  const ids = chars.map((char) => char.candidates.map((codePoint) => tokenId(model, codePoint)));
  const forward: Float64Array[] = [];
  const backPointer: Int32Array[] = [];
  for (let position = 0; position < count; position++) {
    const here = ids[position] ?? [];
    const scores = new Float64Array(here.length);
    const pointers = new Int32Array(here.length);
    const previous = position === 0 ? null : (ids[position - 1] ?? []);
    const previousScores = forward[position - 1];
    here.forEach((id, candidate) => {
      if (previous === null || previousScores === undefined) {
        scores[candidate] = logBigram(model, left, id);
        return;
      }
      let best = -Infinity;
      let bestFrom = 0;
      previous.forEach((previousId, from) => {
        const score = (previousScores[from] ?? -Infinity) + logBigram(model, previousId, id);
        if (score > best) { best = score; bestFrom = from; }
      });
      scores[candidate] = best;
      pointers[candidate] = bestFrom;
    });
    forward.push(scores);
    backPointer.push(pointers);
  }
  const backward: Float64Array[] = new Array<Float64Array>(count);
  for (let position = count - 1; position >= 0; position--) {
    const here = ids[position] ?? [];
    const scores = new Float64Array(here.length);
    const next = position === count - 1 ? null : (ids[position + 1] ?? []);
    const nextScores = backward[position + 1];
    here.forEach((id, candidate) => {
      if (next === null || nextScores === undefined) {
        scores[candidate] = logBigram(model, id, right);
        return;
      }
      let best = -Infinity;
      next.forEach((nextId, to) => {
        const score = logBigram(model, id, nextId) + (nextScores[to] ?? -Infinity);
        if (score > best) best = score;
      });
      scores[candidate] = best;
    });
    backward[position] = scores;
  }
  // Backtrack the best path.
  const last = forward[count - 1] ?? new Float64Array(0);
  const lastBackward = backward[count - 1] ?? new Float64Array(0);
  let bestEnd = 0;
  let bestScore = -Infinity;
  last.forEach((score, candidate) => {
    const total = score + (lastBackward[candidate] ?? 0);
    if (total > bestScore) { bestScore = total; bestEnd = candidate; }
  });
  const path = new Int32Array(count);
  path[count - 1] = bestEnd;
  for (let position = count - 1; position > 0; position--) path[position - 1] = backPointer[position]?.[path[position] ?? 0] ?? 0;
  const best = Array.from(path, (candidate, position) => chars[position]?.candidates[candidate] ?? 0xfffd);
  // Runner-ups by max-marginal.
  const close: Array<{ position: number; codePoint: number; gap: number }> = [];
  for (let position = 0; position < count; position++) {
    const candidates = chars[position]?.candidates ?? [];
    if (candidates.length < 2) continue;
    const f = forward[position] ?? new Float64Array(0);
    const b = backward[position] ?? new Float64Array(0);
    candidates.forEach((codePoint, candidate) => {
      if (candidate === path[position]) return;
      const gap = bestScore - ((f[candidate] ?? -Infinity) + (b[candidate] ?? -Infinity));
      if (gap < UNCERTAIN_LOG_RATIO) close.push({ position, codePoint, gap });
    });
  }
  close.sort((a, b) => a.gap - b.gap || a.position - b.position || a.codePoint - b.codePoint);
  const alternatives = close.slice(0, MAX_ALTERNATIVES).map(({ position, codePoint }) =>
    best.map((chosen, at) => String.fromCodePoint(at === position ? codePoint : chosen)).join(''));
  return { text: best.map((codePoint) => String.fromCodePoint(codePoint)).join(''), alternatives };
}

