/**
 * A hand-written word tokenizer that keeps offsets, for English scientific prose.
 *
 * One pass over UTF-16 code units, no regular expressions in the loop. A token is a run of letters and digits;
 * a dot between two digits stays inside ("Qwen2.5", "1.1"); hyphens split tokens but are remembered
 * (`hyphenBefore`), so "entropy-collapse" and "entropy collapse" give the same tokens while "GLM-4" can be put
 * back together. Any other punctuation between two tokens sets `breakBefore` (phrases never cross it), and a
 * sentence end (`.`, `!`, `?`, `;`, `:` followed by a space, or a blank line) sets `sentenceBefore` as well.
 * LaTeX and HTML markup is masked first (`maskMarkup`), keeping offsets.
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

const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);

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

export function tokenize(input: string): Token[] {
  const text = maskMarkup(input);
  const tokens: Token[] = [];
  const length = text.length;
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
        if (isWordCode(c)) {
          i++;
        } else if (c === 0x2e && i + 1 < length && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i - 1))) {
          i++;
        } else {
          break;
        }
      }
      tokens.push({ text: input.slice(start, i), start, end: i, hyphenBefore: hyphen && !sentence, breakBefore: broken || sentence, sentenceBefore: sentence });
      hyphen = false;
      broken = false;
      sentence = false;
      continue;
    }
    if (HYPHENS.has(code)) {
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
    } else if (code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0xa0 && code !== 0x27 && code !== 0x2019) {
      broken = true;
    }
    i++;
  }
  return tokens;
}
