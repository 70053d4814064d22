/**
 * The plain-word side of a paper's vector: lowercase word unigrams and adjacent-word bigrams of the title and
 * abstract, English stop words removed, plurals folded with the S-stemmer of Harman (1991, "How effective is
 * suffixing?", JASIS 42(1)). Kept deliberately simple and language-agnostic beyond English stop words: the concepts
 * carry the curated phrases, the terms fill in what the concept extractor does not name.
 */
import type { Paper } from '../core/types.ts';

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'via using use used uses based within without however thus therefore moreover furthermore while whereas across among upon per may might must shall one two three etc e.g i.e vs new novel propose proposed proposes present presents paper work study approach approaches method methods result results show shows shown demonstrate demonstrates achieve achieves significantly significant extensive experiments experiment existing well able make makes including include includes et al'
  ).split(/\s+/),
);

/** Harman's S-stemmer: ies→y (not eies/aies), es→e (not aes/ees/oes), s→'' (not us/ss). */
export function foldPlural(word: string): string {
  if (word.length > 4 && word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('es') && !word.endsWith('aes') && !word.endsWith('ees') && !word.endsWith('oes')) return word.slice(0, -1);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('us') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Word tokens of a text: lowercase, letters and digits (hyphens split), stop words and 1–2 letter words dropped. */
export function tokenizeWords(text: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw === '') continue;
    if (raw.length < 3 || STOP_WORDS.has(raw) || /^\p{N}+$/u.test(raw)) {
      out.push(null);
      continue;
    }
    out.push(foldPlural(raw));
  }
  return out;
}

/** Term counts of one paper (title counted `titleWeight` times): unigrams, and bigrams of adjacent kept words. */
export function paperTerms(paper: Paper, titleWeight = 2): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, times: number): void => {
    const tokens = tokenizeWords(text);
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i];
      if (word === null || word === undefined) continue;
      counts.set(word, (counts.get(word) ?? 0) + times);
      const next = tokens[i + 1];
      if (next !== null && next !== undefined) counts.set(`${word} ${next}`, (counts.get(`${word} ${next}`) ?? 0) + times);
    }
  };
  add(paper.title, titleWeight);
  add(paper.abstract, 1);
  return counts;
}
