/**
 * Acronym definitions found in text, after Schwartz & Hearst (2003), "A simple algorithm for identifying
 * abbreviation definitions in biomedical text" (PSB 2003).
 *
 * Both patterns are read: `long form (SF)` and `SF (long form)`. A short-form candidate has 2–10 characters
 * without spaces (at most one hyphenated tail, "GRPO-S", "GLM-4"), at least one capital letter, starts with a
 * letter or digit; a plural "LLMs" is read as "LLM". The long form is the shortest run of words before the
 * parenthesis (at most min(|SF| + 5, 2·|SF|) words) in which every character of the short form occurs in order,
 * the first at the start of a word (S&H's `findBestLongForm`). Two refinements:
 * - letters inside words count, so "Decoupled Clip and Dynamic sAmpling Policy Optimization (DAPO)" pairs, and a
 *   run of capitalised words (joined by "and"/"of"/"for") directly before the found long form is taken in
 *   when its capitals are also in the short form's order, preferring the form whose capital letters spell the
 *   short form ("Decoupled Clip and Dynamic sAmpling…" for DAPO);
 * - a digit or hyphen tail of the short form ("GLM-4") may be missing from the long form.
 */
import { maskMarkup } from '../text/mask-markup.ts';
import { termKey } from '../text/normalize.ts';
import { isWordCode } from '../text/tokenize.ts';

export interface AcronymDefinition {
  /** The short form as written, a plural "s" removed ("LLM" for "LLMs"). */
  short: string;
  long: string;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
}

const CONNECTORS = new Set(['and', 'of', 'for', 'with', 'in', 'on', 'to', 'the', 'via', 'from', 'by', 'a', '&']);
const SENTENCE_STARTERS = new Set(['recently', 'however', 'although', 'while', 'we', 'our', 'this', 'these', 'in', 'to', 'for', 'by', 'the', 'a', 'an', 'unlike', 'existing', 'current', 'specifically', 'moreover', 'furthermore', 'additionally', 'finally', 'here', 'thus', 'then', 'first', 'second', 'third', 'notably', 'with', 'using', 'through', 'via', 'based']);

/**
 * Every acronym definition in `text`, in order of appearance. With `onlyShort`, only definitions of those short
 * forms (by lookup key) are looked for — a cheap pass for the matcher.
 */
export function findAcronymDefinitions(input: string, onlyShort?: ReadonlySet<string>): AcronymDefinition[] {
  const text = maskMarkup(input);
  const found: AcronymDefinition[] = [];
  let open = text.indexOf('(');
  while (open !== -1) {
    const close = findClose(text, open);
    if (close === -1) break;
    const inner = text.slice(open + 1, close);
    const definition = readLongThenShort(text, open, close, inner, onlyShort) ?? readShortThenLong(text, open, close, inner, onlyShort);
    if (definition !== null) found.push(definition);
    open = text.indexOf('(', open + 1);
  }
  return found;
}

function findClose(text: string, open: number): number {
  const limit = Math.min(text.length, open + 200);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x29) return i;
    if (c === 0x28 || c === 0x0a) return -1;
  }
  return -1;
}

/** The short-form candidate in `raw` (trimmed, a trailing plural "s" dropped), or null. */
export function shortFormCandidate(raw: string): string | null {
  let sf = raw.trim();
  // "(GRPO; Shao et al.)", "(SFT, RL)": take the part before a separator.
  const cut = sf.search(/[;,]/);
  if (cut > 0) sf = sf.slice(0, cut).trim();
  if (sf.length < 2 || sf.length > 12 || /\s/.test(sf)) return null;
  if (!/^[\p{L}\p{N}]/u.test(sf)) return null;
  if (!/[A-Z]/.test(sf)) return null;
  if (/[^\p{L}\p{N}\-.+&]/u.test(sf)) return null;
  if ((sf.match(/-/g) ?? []).length > 2) return null;
  if (/^[A-Z][a-z]+$/.test(sf) && sf.length > 5) return null; // a capitalised word, not an acronym
  const letters = sf.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return null;
  if (/^[A-Z0-9\-.+&]+s$/.test(sf) && /[A-Z].*[A-Z]/.test(sf)) sf = sf.slice(0, -1);
  return sf;
}

function readLongThenShort(text: string, open: number, close: number, inner: string, onlyShort: ReadonlySet<string> | undefined): AcronymDefinition | null {
  const short = shortFormCandidate(inner);
  if (short === null || (onlyShort !== undefined && !onlyShort.has(termKey(short)))) return null;
  const innerOffset = inner.indexOf(short);
  const shortStart = open + 1 + Math.max(0, innerOffset);
  // Words before the parenthesis, within the same sentence/clause.
  const maxWords = Math.min(short.length + 5, short.length * 2);
  const window = wordsBefore(text, open, maxWords + 3);
  if (window.length === 0) return null;
  const candidates = [short, short.replace(/[-.]?\d[\d.]*[A-Za-z]?$/, ''), short.replace(/-[A-Za-z0-9]+$/, '')].filter((sf, i, all) => sf.length >= 2 && all.indexOf(sf) === i);
  for (const sf of candidates) {
    const span = bestLongForm(text, sf, window, maxWords);
    if (span === null) continue;
    const long = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    if (long.length <= sf.length || long.toLowerCase() === sf.toLowerCase()) continue;
    if (long.toLowerCase().includes(short.toLowerCase()) && short.length > 2) continue;
    return { short, long, shortStart, shortEnd: shortStart + short.length, longStart: span.start, longEnd: span.end };
  }
  return null;
}

function readShortThenLong(text: string, open: number, close: number, inner: string, onlyShort: ReadonlySet<string> | undefined): AcronymDefinition | null {
  // "GRPO (Group Relative Policy Optimization)": the word right before the parenthesis is the short form.
  const words = wordsBefore(text, open, 1);
  const last = words[words.length - 1];
  if (last === undefined) return null;
  const short = shortFormCandidate(text.slice(last.start, last.end));
  if (short === null || (onlyShort !== undefined && !onlyShort.has(termKey(short)))) return null;
  const innerWords = wordsIn(text, open + 1, close);
  if (innerWords.length < 2 || innerWords.length > Math.min(short.length + 5, short.length * 2)) return null;
  const firstInner = innerWords[0];
  const lastInner = innerWords[innerWords.length - 1];
  if (firstInner === undefined || lastInner === undefined) return null;
  const span = bestLongForm(text, short, innerWords, innerWords.length);
  if (span === null || span.start !== firstInner.start) return null;
  return { short, long: text.slice(firstInner.start, lastInner.end).replace(/\s+/g, ' '), shortStart: last.start, shortEnd: last.start + short.length, longStart: firstInner.start, longEnd: lastInner.end };
}

interface Word {
  start: number;
  end: number;
}

/** Up to `max` words (letters/digits/hyphens) ending before `pos`, stopping at sentence or clause punctuation. */
function wordsBefore(text: string, pos: number, max: number): Word[] {
  const words: Word[] = [];
  let i = pos - 1;
  while (i >= 0 && words.length < max) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) {
      i--;
      continue;
    }
    if (isWordCode(c) || c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x27 || c === 0x2019) {
      const end = i + 1;
      while (i >= 0) {
        const d = text.charCodeAt(i);
        if (isWordCode(d) || d === 0x2d || d === 0x2010 || d === 0x2011 || d === 0x27 || d === 0x2019 || (d === 0x2e && i > 0 && isWordCode(text.charCodeAt(i - 1)) && isWordCode(text.charCodeAt(i + 1)))) i--;
        else break;
      }
      words.unshift({ start: i + 1, end });
      continue;
    }
    break; // punctuation ends the window
  }
  return words;
}

function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isWordCode(c)) {
      const start = i;
      while (i < to && (isWordCode(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2d || text.charCodeAt(i) === 0x27)) i++;
      words.push({ start, end: i });
    } else if (c === 0x2c || c === 0x3b || c === 0x3a) {
      return words.length >= 2 ? words : [];
    } else i++;
  }
  return words;
}

/**
 * Schwartz–Hearst's findBestLongForm over the characters of `window`: the shortest suffix of the window
 * whose characters contain the short form's letters and digits in order, the first one at a word start.
 * Then extended leftwards over a capitalised run when that spells the short form better.
 */
function bestLongForm(text: string, short: string, window: readonly Word[], maxWords: number): Word | null {
  const first = window[0];
  const last = window[window.length - 1];
  if (first === undefined || last === undefined) return null;
  const from = first.start;
  const long = text.slice(from, last.end);
  let s = short.length - 1;
  let l = long.length - 1;
  while (s >= 0) {
    const c = short[s]!.toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(c)) {
      s--;
      continue;
    }
    while ((l >= 0 && long[l]!.toLowerCase() !== c) || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(long[l - 1]!))) l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const startInLong = l + 1;
  const absoluteStart = from + startInLong;
  // Index of the window word the long form starts in; words used.
  let wordIndex = window.findIndex((word) => word.end > absoluteStart);
  if (wordIndex < 0) return null;
  const start = window[wordIndex]!.start;
  if (window.length - wordIndex > maxWords) return null;
  // The long form must not start with a connector ("of", "and") — S&H would otherwise accept "of Thoughts (T)".
  const firstWord = text.slice(start, window[wordIndex]!.end).toLowerCase();
  if (CONNECTORS.has(firstWord)) return null;
  // Prefer a longer form whose content words' initials spell the short form ("proximal policy optimization"
  // for PPO, where plain S&H stops at "policy optimization").
  const shortLetters = short.replace(/[^\p{L}]/gu, '').toLowerCase();
  for (let w = Math.max(0, window.length - maxWords); w < wordIndex; w++) {
    if (CONNECTORS.has(text.slice(window[w]!.start, window[w]!.end).toLowerCase())) continue;
    const initials = window
      .slice(w)
      .map((word) => text.slice(word.start, word.end))
      .filter((word) => !CONNECTORS.has(word.toLowerCase()))
      .map((word) => word.split(/[-\u2010\u2011]/).map((part) => part.charAt(0)).join(''))
      .join('')
      .toLowerCase();
    if (initials === shortLetters || initials.replace(/[^\p{L}]/gu, '') === shortLetters) {
      wordIndex = w;
      break;
    }
  }
  // Extend over a run of capitalised words when the long form itself is title-cased ("Decoupled Clip and Dynamic
  // sAmpling Policy Optimization" for DAPO), never over a sentence opener ("Recently", "We").
  const titleCased = window.slice(wordIndex).every((word) => {
    const value = text.slice(word.start, word.end);
    return CONNECTORS.has(value.toLowerCase()) || /[A-Z0-9]/.test(value);
  });
  const shortCaps = short.replace(/[^A-Z]/g, '');
  if (titleCased && shortCaps.length >= 2) {
    for (let w = wordIndex - 1; w >= 0 && window.length - w <= maxWords + 3; w--) {
      const word = text.slice(window[w]!.start, window[w]!.end);
      if (CONNECTORS.has(word.toLowerCase())) continue;
      if (!/^[A-Z]/.test(word) || SENTENCE_STARTERS.has(word.toLowerCase())) break;
      if (word.charAt(0) === shortCaps.charAt(0)) wordIndex = w;
    }
  }
  return { start: window[wordIndex]!.start, end: last.end };
}

