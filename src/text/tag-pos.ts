/**
 * Part-of-speech tags (Penn Treebank) for the words of one sentence.
 *
 * Brill's transformation-based tagger (Brill 1992, "A simple rule-based part of speech tagger") as implemented
 * in natural, with its English lexicon (from pos-js) and contextual rules. Words the lexicon does not know are
 * first guessed from their shape the way Brill's unknown-word rules do (suffix -ing → VBG, -ed → VBN, -ly → RB,
 * adjective suffixes → JJ, digits → CD, capitalised → NNP, else NN) before the contextual rules run.
 * The tagger and its 4 MB lexicon are loaded on first use.
 */
import { createRequire } from 'node:module';

interface TaggedWord {
  token: string;
  tag: string;
}
interface BrillTagger {
  tag(words: string[]): { taggedWords: TaggedWord[] };
}
interface BrillModule {
  BrillPOSTagger: new (lexicon: unknown, rules: unknown) => BrillTagger;
  Lexicon: new (language: string, defaultCategory: string, defaultCategoryCapitalised?: string) => { lexicon: Record<string, string[]>; tagWord(word: string): string[] };
  RuleSet: new (language: string) => unknown;
}

let tagger: BrillTagger | null = null;
let knownWords: Record<string, string[]> | null = null;

function loadTagger(): BrillTagger {
  if (tagger !== null) return tagger;
  const require = createRequire(import.meta.url);
  const brill = require('natural/lib/natural/brill_pos_tagger/index.js') as BrillModule;
  const lexicon = new brill.Lexicon('EN', 'NN', 'NNP');
  const known = lexicon.lexicon;
  knownWords = known;
  const original = lexicon.tagWord.bind(lexicon);
  lexicon.tagWord = (word: string): string[] => {
    if (Object.prototype.hasOwnProperty.call(known, word) || Object.prototype.hasOwnProperty.call(known, word.toLowerCase())) {
      const tags = original(word);
      if (Array.isArray(tags)) return tags;
    }
    return [guessTag(word)];
  };
  tagger = new brill.BrillPOSTagger(lexicon, new brill.RuleSet('EN'));
  return tagger;
}

const ADJECTIVE_SUFFIXES = ['able', 'ible', 'al', 'ial', 'ive', 'ous', 'ic', 'ical', 'ful', 'less', 'ary', 'ory', 'ish', 'ent', 'ant'];

/** The tag of a word the lexicon does not know, from its shape. */
export function guessTag(word: string): string {
  const first = word.charCodeAt(0);
  if (/^[0-9.]+$/.test(word)) return 'CD';
  const lower = word.toLowerCase();
  const hasUpperInside = /[A-Z]/.test(word.slice(1));
  if (hasUpperInside || /[0-9]/.test(word)) return 'NNP';
  if (first >= 0x41 && first <= 0x5a) return 'NNP';
  if (lower.length > 4 && lower.endsWith('ing')) return 'VBG';
  if (lower.length > 4 && lower.endsWith('ed')) return 'VBN';
  if (lower.length > 4 && lower.endsWith('ly')) return 'RB';
  if (lower.length > 5 && ADJECTIVE_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return 'JJ';
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return 'NNS';
  return 'NN';
}

/** Every tag the lexicon allows for a word (exact case, then lowercase), or null for a word it does not know. */
export function lexiconTags(word: string): readonly string[] | null {
  if (knownWords === null) loadTagger();
  const known = knownWords!;
  if (Object.prototype.hasOwnProperty.call(known, word)) return known[word] ?? null;
  const lower = word.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(known, lower)) return known[lower] ?? null;
  return null;
}

/** Penn tags for the words of one sentence, in order. */
export function tagPos(words: readonly string[]): string[] {
  if (words.length === 0) return [];
  const tagged = loadTagger().tag([...words]).taggedWords;
  return tagged.map((word) => word.tag);
}
