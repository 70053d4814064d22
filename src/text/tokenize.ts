/**
 * A hand-written word tokenizer that keeps offsets, for English scientific prose.
 *
 * One pass over UTF-16 code units, no regular expressions in the loop. A token is a run of letters and digits;
 * a dot between two digits stays inside ("Qwen2.5", "1.1"); hyphens split tokens but are remembered
 * (`hyphenBefore`), so "entropy-collapse" and "entropy collapse" give the same tokens while "GLM-4" can be put
 * back together. Any other punctuation between two tokens sets `breakBefore` (phrases never cross it), and a
 * sentence end (`.`, `!`, `?`, `;`, `:` followed by a space, or a blank line) sets `sentenceBefore` as well.
 * A possessive "'s" is dropped and breaks. LaTeX and HTML markup is masked first (`maskMarkup`), keeping offsets.
 *
 * `scanTokens` is the allocation-free core (offsets and flags into reusable typed arrays) used by the matcher's
 * hot loop; `tokenize` wraps it into objects.
 */
import { maskMarkup } from './mask-markup.ts';

export interface Token {
  text: string;
  /** Offset of the first code unit in the input. */
  start: number;
  /** Offset after the last code unit (exclusive). */
  end: number;
  /** Joined to the previous token by a hyphen with no space ("entropy-collapse"). */
  hyphenBefore: boolean;
  /** Punctuation other than a hyphen or whitespace separates it from the previous token. */
  breakBefore: boolean;
  /** A sentence ends between the previous token and this one (true for the first token). */
  sentenceBefore: boolean;
}

export const HYPHEN_BEFORE = 1;
export const BREAK_BEFORE = 2;
export const SENTENCE_BEFORE = 4;

/** Reusable token storage: offsets and flags of `count` tokens. */
export interface TokenBuffer {
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  count: number;
}

export function createTokenBuffer(capacity = 1024): TokenBuffer {
  return { starts: new Int32Array(capacity), ends: new Int32Array(capacity), flags: new Uint8Array(capacity), count: 0 };
}

/** True for ASCII letters and digits, and for letters outside ASCII (accents, Greek); false for CJK and punctuation. */
export function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (code >= 0x2e80 && code <= 0x9fff) return false; // CJK
  if (code >= 0xff00 && code <= 0xffef) return false; // full-width forms
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, symbols, arrows
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates (emoji)
  return code === 0xb5 || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

function grow(buffer: TokenBuffer): void {
  const size = buffer.starts.length * 2;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const flags = new Uint8Array(size);
  starts.set(buffer.starts);
  ends.set(buffer.ends);
  flags.set(buffer.flags);
  buffer.starts = starts;
  buffer.ends = ends;
  buffer.flags = flags;
}

/** Tokenizes `input` into `buffer` (reset first); returns the number of tokens. */
export function scanTokens(input: string, buffer: TokenBuffer): number {
  const text = maskMarkup(input);
  const length = text.length;
  let count = 0;
  let i = 0;
  let hyphen = false;
  let broken = false;
  let sentence = true;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isWordCode(code)) {
      const start = i;
      i++;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (isWordCode(c)) i++;
        else if (c === 0x2e && i + 1 < length && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i - 1))) i++;
        else break;
      }
      if (count === buffer.starts.length) grow(buffer);
      buffer.starts[count] = start;
      buffer.ends[count] = i;
      buffer.flags[count] = (hyphen && !sentence ? HYPHEN_BEFORE : 0) | (broken || sentence ? BREAK_BEFORE : 0) | (sentence ? SENTENCE_BEFORE : 0);
      count++;
      hyphen = false;
      broken = false;
      sentence = false;
      continue;
    }
    if (code === 0x20) {
      i++;
      continue;
    }
    if (isHyphen(code)) {
      // A hyphen glued to the previous word and the next one joins them; anything else is a break.
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0x20;
      if (isWordCode(prev) && isWordCode(next)) hyphen = true;
      else broken = true;
    } else if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b || code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0x20;
      if (next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09 || code >= 0x3000) sentence = true;
      broken = true;
    } else if (code === 0x0a) {
      // A blank line or a heading break ends a sentence; a single line break inside prose does not.
      if (i + 1 < length && text.charCodeAt(i + 1) === 0x0a) sentence = true;
      broken = true;
    } else if ((code === 0x27 || code === 0x2019) && i + 1 < length && (text.charCodeAt(i + 1) | 0x20) === 0x73 && !(i + 2 < length && isWordCode(text.charCodeAt(i + 2)))) {
      i += 2; // possessive 's: not a token; a break (a term does not run through "RLVR's")
      broken = true;
      continue;
    } else if (code === 0x3a || code === 0xff1a) {
      // A colon opens a new clause ("ComputerRL: Scaling …"): treated as a sentence end.
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0x20;
      if (next === 0x20 || next === 0x0a || code === 0xff1a) sentence = true;
      broken = true;
    } else if (code !== 0x09 && code !== 0x0d && code !== 0xa0 && code !== 0x27 && code !== 0x2019) {
      broken = true;
    }
    i++;
  }
  buffer.count = count;
  return count;
}

const shared = createTokenBuffer();

export function tokenize(input: string): Token[] {
  const count = scanTokens(input, shared);
  const tokens = new Array<Token>(count);
  for (let t = 0; t < count; t++) {
    const start = shared.starts[t]!;
    const end = shared.ends[t]!;
    const flags = shared.flags[t]!;
    tokens[t] = {
      text: input.slice(start, end),
      start,
      end,
      hyphenBefore: (flags & HYPHEN_BEFORE) !== 0,
      breakBefore: (flags & BREAK_BEFORE) !== 0,
      sentenceBefore: (flags & SENTENCE_BEFORE) !== 0,
    };
  }
  return tokens;
}
