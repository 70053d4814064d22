/**
 * The corpus-level step of concept extraction: one serialisable vocabulary of terms to look for in every paper.
 *
 *   1. sample      at most `sampleSize` papers, chosen by a hash of their id (deterministic, order-free)
 *   2. lexicon     shipped + user entries → terms, with every label and alias as a phrase
 *   3. acronyms    Schwartz–Hearst definitions in titles and abstracts → short and long forms of one term;
 *                  a short form defined with different expansions becomes ambiguous (resolved per paper)
 *   4. discovery   part-of-speech candidates scored per paper (C-value × IDF, title and frequency), the best
 *                  non-generic ones of each paper and the recurrent ones of the corpus become terms
 *   5. thesaurus   VOSviewer thesaurus: merge phrases into other terms or drop them
 *   6. weights     each term's specificity: inverse document frequency in the corpus (or a background)
 *
 * The result is plain data (arrays of strings and numbers), safe for `structuredClone` and worker threads;
 * `matchPapers` compiles it into a trie once per vocabulary object.
 */
import { PapergraphError } from '../core/errors.ts';
import type { ConceptOrigin, ConceptType, Paper } from '../core/types.ts';
import { termKey, wordKey } from '../text/normalize.ts';
import { isStopword } from '../text/stopwords.ts';
import { lexiconTags } from '../text/tag-pos.ts';
import { findAcronymDefinitions, type AcronymDefinition } from './acronyms.ts';
import { findCandidates } from './find-candidates.ts';
import { EMPTY_HEADS, GENERIC_HEADS, GENERIC_MODIFIERS, GENERIC_PHRASES } from './generic-terms.ts';
import { guessType } from './guess-type.ts';
import { defaultLexicon, mergeLexicons, type LexiconEntry } from './lexicon.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { resolveThesaurus, type ThesaurusEntry } from './thesaurus.ts';

export const VOCABULARY_VERSION = 1;

/** Phrase flag: match only a surface with a capital letter (short forms that are also words: "SAC", "MAP"). */
export const PHRASE_NEEDS_CAPITAL = 1;
/** Phrase flag: match only the exact spelling (a plural "s" aside): acronyms that are words ("IT"), case-sensitive entries ("MATH"). */
export const PHRASE_EXACT_CASE = 2;

export interface VocabularyTerm {
  id: string;
  label: string;
  type: ConceptType;
  origin: ConceptOrigin;
  /** Parent term id, or null. */
  parent: string | null;
  /** Known forms other than the label (lexicon aliases, acronym expansions). */
  aliases: string[];
  labelsZh: string[];
  /** Specificity in [0, 1]: inverse document frequency, normalised. */
  weight: number;
  /** Prior confidence that the term is a concept: 1 for lexicon terms, more for defined acronyms, less for discovered phrases. */
  confidence: number;
}

export interface Vocabulary {
  version: number;
  terms: VocabularyTerm[];
  /** [phrase key, term index, flags, the exact spelling when flags has PHRASE_EXACT_CASE]. */
  phrases: [string, number, number, string?][];
  /** Short-form keys with several expansions: [short key, term indexes, most common first]. */
  ambiguous: [string, number[]][];
  /** Papers the statistics were computed on. */
  documents: number;
}

/** Document frequencies learned elsewhere (e.g. a background corpus). */
export interface DocumentFrequencies {
  documents: number;
  /** [phrase key, number of documents containing it]. */
  counts: [string, number][];
}

export interface BuildVocabularyOptions {
  /** The lexicon. Default: the one shipped in data/lexicon/core.json. */
  lexicon?: readonly LexiconEntry[];
  /** Entries that extend or override the lexicon by label (a user's --lexicon file). Default none. */
  extraLexicon?: readonly LexiconEntry[];
  /** VOSviewer thesaurus entries (merge or drop terms). Default none. */
  thesaurus?: readonly ThesaurusEntry[];
  /** Discover terms outside the lexicon. Default true. */
  discover?: boolean;
  /** A discovered term recurring in at least this many papers enters the vocabulary even if no paper ranks it high. Default 3. */
  minPapers?: number;
  /** Discovered terms taken from each paper's own best candidates (names come on top). Default 30. */
  discoveredPerPaper?: number;
  /** Allow single-word discovered terms (names are always allowed). Default false: single common words are rarely concepts of their own. */
  singleWords?: boolean;
  /** Longest discovered term, in words. Default 5. */
  maxWords?: number;
  /** Drop heads like "framework", "method", "problem" from discovered terms (see findCandidates). Default true. */
  trimHeads?: boolean;
  /** Papers the corpus-level statistics are computed on, at most. Default 20000. */
  sampleSize?: number;
  /** Document frequencies to use for specificity instead of the corpus's own. Default none. */
  background?: DocumentFrequencies;
}

interface Resolved {
  lexicon: readonly LexiconEntry[];
  thesaurus: readonly ThesaurusEntry[];
  discover: boolean;
  minPapers: number;
  discoveredPerPaper: number;
  singleWords: boolean;
  maxWords: number;
  trimHeads: boolean;
  sampleSize: number;
  background: DocumentFrequencies | null;
}

function resolveOptions(options: BuildVocabularyOptions): Resolved {
  const positive = (name: string, value: number | undefined, fallback: number, min = 1): number => {
    if (value === undefined) return fallback;
    if (!Number.isFinite(value) || value < min) throw new PapergraphError('concepts', `option ${name} must be a number ≥ ${min}, got ${String(value)}`);
    return Math.floor(value);
  };
  const base = options.lexicon ?? defaultLexicon();
  return {
    lexicon: options.extraLexicon ? mergeLexicons(base, options.extraLexicon) : base,
    thesaurus: options.thesaurus ?? [],
    discover: options.discover ?? true,
    minPapers: positive('minPapers', options.minPapers, 3),
    discoveredPerPaper: positive('discoveredPerPaper', options.discoveredPerPaper, 30, 0),
    singleWords: options.singleWords ?? false,
    maxWords: positive('maxWords', options.maxWords, 5),
    trimHeads: options.trimHeads ?? true,
    sampleSize: positive('sampleSize', options.sampleSize, 20_000),
    background: options.background ?? null,
  };
}

/** Mutable term while the vocabulary is built. */
interface Draft {
  label: string;
  type: ConceptType;
  origin: ConceptOrigin;
  parentLabel: string | null;
  aliases: Set<string>;
  labelsZh: Set<string>;
  /** Surface forms seen in the corpus, with counts (for discovered and acronym labels). */
  forms: Map<string, number>;
  keys: Set<string>;
  needsCapital: Set<string>;
  /** Keys that must match with this exact spelling → the spelling. */
  exactCase: Map<string, string>;
  /** Discovered as a name ("ComputerRL", "Dynamic Entropy Weighting"). */
  name: boolean;
  /** Papers of the sample it was discovered in. */
  df: number;
}

export function buildVocabulary(papers: readonly Paper[], options: BuildVocabularyOptions = {}): Vocabulary {
  const resolved = resolveOptions(options);
  // 1. Sample.
  const sample = samplePapers(papers, resolved.sampleSize);
  const texts = sample.map((paper) => ({ paper, title: paper.title, abstract: paper.abstract }));

  const drafts: Draft[] = [];
  const byKey = new Map<string, number>();
  const addPhrase = (draft: number, phrase: string, needsCapital: boolean): void => {
    const key = termKey(phrase);
    if (key === '') return;
    const owner = drafts[draft]!;
    owner.keys.add(key);
    if (needsCapital) owner.needsCapital.add(key);
    if (!byKey.has(key)) byKey.set(key, draft);
  };
  const newDraft = (label: string, type: ConceptType, origin: ConceptOrigin): number => {
    drafts.push({ label, type, origin, parentLabel: null, aliases: new Set(), labelsZh: new Set(), forms: new Map(), keys: new Set(), needsCapital: new Set(), exactCase: new Map(), name: false, df: 0 });
    return drafts.length - 1;
  };

  // 2. Lexicon.
  for (const entry of resolved.lexicon) {
    const key = termKey(entry.label);
    if (byKey.has(key)) continue; // an earlier entry (user override) wins
    const index = newDraft(entry.label, entry.type, 'lexicon');
    const draft = drafts[index]!;
    draft.parentLabel = entry.parent ?? null;
    for (const alias of entry.aliases ?? []) draft.aliases.add(alias);
    for (const zh of entry.labelsZh ?? []) draft.labelsZh.add(zh);
    for (const form of [entry.label, ...(entry.aliases ?? [])]) {
      addPhrase(index, form, looksLikeShortForm(form));
      // A case-sensitive entry ("MATH", "CLIP") matches only as written, not "Math" or "clip".
      if (entry.caseSensitive === true && /[A-Z]/.test(form) && !/\s/.test(form)) draft.exactCase.set(termKey(form), form);
    }
  }

  // 3. Acronyms.
  const ambiguous = new Map<string, number[]>();
  collectAcronyms(texts, drafts, byKey, ambiguous, newDraft, addPhrase);

  // 4. Discovery.
  const df = new Map<string, number>();
  if (resolved.discover) discoverTerms(texts, resolved, drafts, byKey, df, newDraft, addPhrase);

  // 5. Thesaurus.
  const dropped = applyThesaurus(resolved.thesaurus, drafts, byKey, newDraft);

  // 6. Weights and ids.
  return assembleVocabulary(drafts, byKey, ambiguous, dropped, df, sample.length, resolved.background);
}

/** Short forms that are also English words need a capital to match ("SAC", "MAP", "ARC"). */
function looksLikeShortForm(form: string): boolean {
  return form.length <= 8 && !/\s/.test(form) && /[A-Z]/.test(form.slice(1));
}

/** FNV-1a hash of a string, for a deterministic sample. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** At most `size` papers, chosen by the hash of their id; the input order is kept. */
export function samplePapers(papers: readonly Paper[], size: number): Paper[] {
  if (papers.length <= size) return [...papers];
  const ranked = papers.map((paper, index) => ({ index, h: hash(paper.id) })).sort((a, b) => a.h - b.h || a.index - b.index);
  const keep = new Set(ranked.slice(0, size).map((entry) => entry.index));
  return papers.filter((_, index) => keep.has(index));
}

interface PaperText {
  paper: Paper;
  title: string;
  abstract: string;
}

const INTRODUCING = /\b(?:we|this (?:paper|work)|our)\s+(?:propose|present|introduce|develop|design|build|release|call|term|name|dub|method|framework|approach|model|algorithm)\w*\b[^.;]{0,60}$/i;

function collectAcronyms(
  texts: readonly PaperText[],
  drafts: Draft[],
  byKey: Map<string, number>,
  ambiguous: Map<string, number[]>,
  newDraft: (label: string, type: ConceptType, origin: ConceptOrigin) => number,
  addPhrase: (draft: number, phrase: string, needsCapital: boolean) => void,
): void {
  // Group definitions by short key, then by long key.
  const groups = new Map<string, Map<string, { definitions: AcronymDefinition[]; introduced: number }>>();
  for (const { title, abstract } of texts) {
    for (const text of [title, abstract]) {
      for (const definition of findAcronymDefinitions(text)) {
        const shortKey = termKey(definition.short);
        const longKey = termKey(definition.long);
        if (shortKey === '' || longKey === '' || isGenericCandidate(longKey.split(' '))) continue;
        let byLong = groups.get(shortKey);
        if (!byLong) groups.set(shortKey, (byLong = new Map()));
        let group = byLong.get(longKey);
        if (!group) byLong.set(longKey, (group = { definitions: [], introduced: 0 }));
        group.definitions.push(definition);
        const before = text.slice(Math.max(0, definition.longStart - 120), definition.longStart);
        if (INTRODUCING.test(before) || (text === title && definition.longStart < 3)) group.introduced++;
      }
    }
  }
  for (const [shortKey, byLong] of groups) {
    const ranked = [...byLong.entries()].sort((x, y) => y[1].definitions.length - x[1].definitions.length || (x[0] < y[0] ? -1 : 1));
    const termsForShort: number[] = [];
    const existing = byKey.get(shortKey);
    if (existing !== undefined) termsForShort.push(existing);
    for (const [longKey, group] of ranked) {
      const first = group.definitions[0]!;
      let index = byKey.get(longKey);
      if (index === undefined) {
        // A variant of an expansion already kept for this short form ("policy optimisation" / "policy optimization",
        // "Large Language Model" / "large language models") joins it; a different expansion is a different term.
        index = termsForShort.find((term) => sharesWords(drafts[term]!, longKey));
        if (index === undefined) {
          const introduced = group.introduced > 0 && group.introduced * 2 >= group.definitions.length;
          index = newDraft(mostCommon(group.definitions.map((definition) => definition.short)), guessType(longKey.split(' '), { introduced }), 'acronym');
        }
        addPhrase(index, first.long, false);
      }
      const draft = drafts[index]!;
      for (const definition of group.definitions) {
        draft.aliases.add(definition.long);
        count(draft.forms, definition.short);
      }
      addPhrase(index, first.short, true);
      // A short form that is also an English word ("IT", "AND") matches only as written.
      if (isStopword(shortKey) || lexiconHasWord(first.short)) drafts[index]!.exactCase.set(shortKey, first.short);
      if (!termsForShort.includes(index)) termsForShort.push(index);
    }
    if (termsForShort.length > 1) ambiguous.set(shortKey, termsForShort);
  }
}

/** True when half the content words of `longKey` occur in one of the draft's phrases. */
function sharesWords(draft: Draft, longKey: string): boolean {
  const words = longKey.split(' ').filter((word) => !isStopword(word));
  if (words.length === 0) return false;
  for (const key of draft.keys) {
    const other = new Set(key.split(' '));
    if (other.size < 2) continue;
    const shared = words.filter((word) => other.has(word)).length;
    if (shared * 2 >= Math.max(words.length, other.size)) return true;
  }
  return false;
}

/** True when the short form, lowercased, is an ordinary English word ("it", "map", "sac" is not). */
function lexiconHasWord(short: string): boolean {
  const lower = short.toLowerCase();
  return /^[a-z]+$/.test(lower) && lexiconTags(lower) !== null;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) count(counts, value);
  let best = values[0] ?? '';
  let bestCount = 0;
  for (const [value, n] of counts) if (n > bestCount) [best, bestCount] = [value, n];
  return best;
}

function count(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

interface Candidate {
  /** Papers containing it. */
  df: number;
  forms: Map<string, number>;
  name: boolean;
  introduced: number;
}

/** Heads that add nothing to a known term before them ("RL algorithms", "GRPO training", "PPO-based method"). */
const WEAK_HEADS: ReadonlySet<string> = new Set(
  'algorithm method approach framework training task technique strategy mechanism paradigm setting problem model variant objective loss based style like'.split(' '),
);

/**
 * True for a known term with only a weak head or generic modifiers around it ("RL algorithms", "RL baselines",
 * "text-only LLMs", "Light-IF-32B model"): the known term is matched on its own.
 */
function addsNothing(words: readonly string[], byKey: ReadonlyMap<string, number>): boolean {
  if (words.length < 2) return false;
  const head = words[words.length - 1]!;
  const weak = (word: string): boolean => WEAK_HEADS.has(word) || GENERIC_HEADS.has(word);
  for (let cut = words.length - 1; cut >= 1; cut--) {
    const prefix = words.slice(0, cut).join(' ');
    if (byKey.has(prefix) && words.slice(cut).every(weak)) return true;
  }
  for (let cut = 1; cut < words.length; cut++) {
    if (byKey.has(words.slice(cut).join(' ')) && words.slice(0, cut).every((word) => GENERIC_MODIFIERS.has(word))) return true;
  }
  return weak(head) && words.length === 2 && /\d/.test(words[0]!);
}

/** True when the phrase starts or ends with a lexicon term. */
function extendsKnown(words: readonly string[], byKey: ReadonlyMap<string, number>, drafts: readonly Draft[]): boolean {
  const lexical = (key: string): boolean => {
    const index = byKey.get(key);
    return index !== undefined && drafts[index]!.origin === 'lexicon';
  };
  for (let cut = 1; cut < words.length; cut++) {
    if (lexical(words.slice(cut).join(' ')) || lexical(words.slice(0, cut).join(' '))) return true;
  }
  return false;
}

/**
 * A size, date or version of a name ("AutoGLM-OS-9B", "Qwen2.5-14B", "GLM-4-9B-0414"): the family name is matched
 * instead and the variant is one of its forms.
 */
function isFamilyVariant(words: readonly string[], byKey: ReadonlyMap<string, number>): boolean {
  if (words.length < 2) return false;
  const last = words[words.length - 1]!;
  if (/^(?:\d+(?:\.\d+)?[bmkt]|a\d+b|\d{3,})$/.test(last)) return true;
  for (let cut = words.length - 1; cut >= 1; cut--) {
    if (byKey.has(words.slice(0, cut).join(' ')) && words.slice(cut).every((word) => /\d/.test(word) || FAMILY_WORDS.has(word))) return true;
  }
  return false;
}

const FAMILY_WORDS: ReadonlySet<string> = new Set('instruct base chat it math coder code vl preview mini turbo pro max plus flash lite zero exp mix moe distill'.split(' '));

/** True when a candidate's words make it generic ("proposed method", "strong performance", "framework"). */
export function isGenericCandidate(words: readonly string[]): boolean {
  const key = words.join(' ');
  if (GENERIC_PHRASES.has(key)) return true;
  if (words.length === 0) return true;
  if (words.every((word) => GENERIC_HEADS.has(word) || GENERIC_MODIFIERS.has(word) || isStopword(word) || /^\d+$/.test(word))) return true;
  if (words.length === 1 && words[0]!.length === 1) return true;
  if (words.length > 1 && EMPTY_HEADS.has(words[words.length - 1]!)) return true;
  if (words.some((word) => /^[a-z]+\d{4}[a-z]+$/.test(word))) return true; // citation keys ("huang2024sublinear")
  return false;
}

/** A candidate within one paper. */
interface LocalCandidate {
  count: number;
  inTitle: boolean;
  first: number;
  words: string[];
  /** ` key `, for finding the longer candidates that contain it. */
  padded: string;
  introduced: boolean;
}

function discoverTerms(
  texts: readonly PaperText[],
  resolved: Resolved,
  drafts: Draft[],
  byKey: Map<string, number>,
  df: Map<string, number>,
  newDraft: (label: string, type: ConceptType, origin: ConceptOrigin) => number,
  addPhrase: (draft: number, phrase: string, needsCapital: boolean) => void,
): void {
  const perPaper: Map<string, LocalCandidate>[] = [];
  const candidates = new Map<string, Candidate>();
  for (const { title, abstract } of texts) {
    const local = new Map<string, LocalCandidate>();
    let position = 0;
    for (const [field, text] of [['title', title], ['abstract', abstract]] as const) {
      for (const candidate of findCandidates(text, { maxWords: resolved.maxWords, trimHeads: resolved.trimHeads })) {
        position++;
        let entry = local.get(candidate.key);
        if (!entry) local.set(candidate.key, (entry = { count: 0, inTitle: false, first: position, words: candidate.words, padded: ` ${candidate.key} `, introduced: false }));
        entry.count++;
        if (field === 'title') entry.inTitle = true;
        let global = candidates.get(candidate.key);
        if (!global) candidates.set(candidate.key, (global = { df: 0, forms: new Map(), name: false, introduced: 0 }));
        count(global.forms, candidate.surface, candidate.sentenceInitial ? 0.5 : 1);
        if (candidate.name) global.name = true;
        // Introduced as the paper's own: "we propose X", or "X: …" opening the title.
        if (candidate.name && (INTRODUCING.test(text.slice(Math.max(0, candidate.start - 100), candidate.start)) || (field === 'title' && candidate.start < 3 && /^\s*:/.test(text.slice(candidate.end))))) entry.introduced = true;
      }
    }
    perPaper.push(local);
    const seen = new Set<string>();
    for (const [key, entry] of local) {
      seen.add(key);
      for (const word of entry.words) seen.add(word);
    }
    for (const key of seen) count(df, key);
    for (const [key, entry] of local) {
      const global = candidates.get(key)!;
      global.df++;
      if (entry.introduced) global.introduced++;
    }
  }
  const documents = resolved.background?.documents ?? texts.length;
  const backgroundDf = resolved.background ? new Map(resolved.background.counts) : null;
  const idf = (key: string): number => {
    const n = backgroundDf ? (backgroundDf.get(key) ?? 0) : (df.get(key) ?? 1);
    return Math.log((documents + 1) / (n + 0.5));
  };

  const chosen = new Set<string>();
  for (const local of perPaper) {
    // C-value within the paper: a nested candidate's count minus the counts of the longer candidates holding it.
    const scored: { key: string; score: number }[] = [];
    for (const [key, entry] of local) {
      const words = entry.words;
      if (isGenericCandidate(words)) continue;
      const single = words.length === 1;
      const global = candidates.get(key)!;
      if (single && !global.name && !resolved.singleWords) continue;
      if (byKey.has(key)) continue; // already a lexicon or acronym term
      if (addsNothing(words, byKey)) continue;
      // A title phrase seen once that only qualifies a known term ("Factuality-Aware Reinforcement Learning",
      // "LLM Reasoners") is the known term plus a modifier, not a concept of its own.
      if (entry.inTitle && entry.count === 1 && !global.name && extendsKnown(words, byKey, drafts)) continue;
      let nestedIn = 0;
      let nestedCount = 0;
      for (const [other, otherEntry] of local) {
        // A container that only adds one modifier on the left ("safe ship control" around "ship control") does not
        // take the frequency away: the head phrase is a term in its own right.
        if (other.length > key.length && otherEntry.padded.includes(entry.padded) && !(otherEntry.padded.endsWith(entry.padded) && otherEntry.words.length === entry.words.length + 1)) {
          nestedIn++;
          nestedCount += otherEntry.count;
        }
      }
      const frequency = nestedIn > 0 ? entry.count - nestedCount / nestedIn : entry.count;
      // (A versioned name keeps its place even when its sized variants contain it: "Skywork-OR1" in "Skywork-OR1-7B".)
      if (frequency <= 0 && !entry.inTitle && !(global.name && /\d/.test(key))) continue;
      const lengthFactor = single ? (global.name ? 1.2 : 0.55) : Math.log2(words.length + 1);
      const specificity = single ? idf(key) : Math.max(idf(key), 0.5 * avgIdf(words, idf));
      const score = (Math.log1p(Math.max(frequency, 0.5)) + (entry.inTitle ? 1 : 0)) * lengthFactor * specificity / (1 + entry.first / 200);
      scored.push({ key, score });
    }
    scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    let taken = 0;
    for (const { key } of scored) {
      const entry = local.get(key)!;
      const global = candidates.get(key)!;
      // Names are taken whatever the quota ("Entropulse", "BeyondAIME"), except a size or date variant of another
      // name ("AutoGLM-OS-9B", "GLM-4-9B-0414"): its family name is matched instead.
      // A name followed by a weak head ("Skywork-OR1-32B model", "DeepSeek-R1-Distill model series") is the name.
      let bare = entry.words.length;
      while (bare > 1 && (WEAK_HEADS.has(entry.words[bare - 1]!) || GENERIC_HEADS.has(entry.words[bare - 1]!) || entry.words[bare - 1] === 'series')) bare--;
      const bareKey = entry.words.slice(0, bare).join(' ');
      if (bare < entry.words.length && ((candidates.get(bareKey)?.name === true && (bare === 1 || /\d/.test(bareKey))) || byKey.has(bareKey))) continue;
      if (global.name && !entry.words.some((word) => GENERIC_HEADS.has(word))) {
        if (!isFamilyVariant(entry.words, byKey)) chosen.add(key);
        continue;
      }
      if (taken >= resolved.discoveredPerPaper) continue;
      if (entry.count < 2 && !entry.inTitle && entry.words.length < 2 && !global.name) continue;
      chosen.add(key);
      taken++;
    }
  }
  for (const [key, candidate] of candidates) {
    const words = key.split(' ');
    if (candidate.df >= resolved.minPapers && !byKey.has(key) && !isGenericCandidate(words) && words.length > 1 && !addsNothing(words, byKey)) chosen.add(key);
  }
  for (const key of [...chosen].sort()) {
    if (byKey.has(key)) continue;
    const candidate = candidates.get(key)!;
    const label = canonicalForm(candidate.forms);
    const words = key.split(' ');
    const index = newDraft(label, guessType(words, { introduced: candidate.introduced > 0 && candidate.introduced * 2 >= candidate.df }), 'discovered');
    for (const [form, n] of candidate.forms) count(drafts[index]!.forms, form, n);
    drafts[index]!.name = candidate.name;
    drafts[index]!.df = candidate.df;
    addPhrase(index, label, false);
  }
}

function avgIdf(words: readonly string[], idf: (key: string) => number): number {
  let sum = 0;
  for (const word of words) sum += idf(word);
  return words.length === 0 ? 0 : sum / words.length;
}

/** The most common surface form, preferring forms not capitalised only because they start a sentence or a title. */
export function canonicalForm(forms: ReadonlyMap<string, number>): string {
  // Most common first; on a tie, a form with spaces before a hyphenated one, lowercase before capitalised.
  const better = (form: string, n: number, best: string, bestCount: number): boolean => {
    if (n !== bestCount) return n > bestCount;
    const hyphens = (form.match(/-/g) ?? []).length - (best.match(/-/g) ?? []).length;
    if (hyphens !== 0) return hyphens < 0;
    return form < best;
  };
  let best = '';
  let bestCount = -1;
  for (const [form, n] of forms) if (better(form, n, best, bestCount)) [best, bestCount] = [form, n];
  // Title Case forms ("Entropy Collapse", "Decision Making") give way to a lowercase variant when one exists.
  if (/^([A-Z][a-z]+)([\s-][A-Z][a-z]+)*$/.test(best)) {
    const bestKey = termKey(best);
    let lower = '';
    let lowerCount = -1;
    for (const [form, n] of forms) if (form === form.toLowerCase() && termKey(form) === bestKey && better(form, n, lower, lowerCount)) [lower, lowerCount] = [form, n];
    if (lower !== '') return lower;
    const sentence = [...forms.keys()].find((form) => form.toLowerCase() === best.toLowerCase() && /^[A-Z][a-z]*([\s-][a-z0-9]+)+$/.test(form));
    if (sentence !== undefined) return sentence.charAt(0).toLowerCase() + sentence.slice(1);
  }
  return best;
}

function applyThesaurus(
  entries: readonly ThesaurusEntry[],
  drafts: Draft[],
  byKey: Map<string, number>,
  newDraft: (label: string, type: ConceptType, origin: ConceptOrigin) => number,
): Set<string> {
  const dropped = new Set<string>();
  if (entries.length === 0) return dropped;
  const labels = new Map<string, string>();
  for (const entry of entries) if (entry.replaceBy !== '') labels.set(termKey(entry.replaceBy), entry.replaceBy);
  for (const [from, to] of resolveThesaurus(entries)) {
    const source = byKey.get(from);
    if (to === '') {
      dropped.add(from);
      if (source !== undefined) {
        byKey.delete(from);
        drafts[source]!.keys.delete(from);
        // Dropping a term's label drops the whole term.
        if (termKey(drafts[source]!.label) === from) for (const key of drafts[source]!.keys) if (byKey.get(key) === source) dropped.add(key);
      }
      continue;
    }
    let target = byKey.get(to);
    if (target === undefined) {
      const label = labels.get(to) ?? to;
      target = newDraft(label, source !== undefined ? drafts[source]!.type : 'other', source !== undefined ? drafts[source]!.origin : 'lexicon');
      drafts[target]!.keys.add(to);
      byKey.set(to, target);
    }
    if (source === undefined) {
      // A term not yet known: the thesaurus makes it a form of the target.
      byKey.set(from, target);
      drafts[target]!.keys.add(from);
      continue;
    }
    if (source === target) continue;
    // Merge the whole source term into the target when the thesaurus names the source's label; else only that phrase.
    const whole = termKey(drafts[source]!.label) === from;
    const moving = whole ? [...drafts[source]!.keys] : [from];
    for (const key of moving) {
      if (byKey.get(key) !== source) continue;
      byKey.set(key, target);
      drafts[target]!.keys.add(key);
      drafts[source]!.keys.delete(key);
      if (drafts[source]!.needsCapital.has(key)) drafts[target]!.needsCapital.add(key);
    }
    const merged = drafts[target]!;
    merged.aliases.add(drafts[source]!.label);
    if (whole) for (const alias of drafts[source]!.aliases) merged.aliases.add(alias);
  }
  return dropped;
}

function assembleVocabulary(
  drafts: readonly Draft[],
  byKey: ReadonlyMap<string, number>,
  ambiguous: ReadonlyMap<string, number[]>,
  dropped: ReadonlySet<string>,
  df: ReadonlyMap<string, number>,
  documents: number,
  background: DocumentFrequencies | null,
): Vocabulary {
  // Terms that still own a phrase, in draft order.
  const owned = new Map<number, string[]>();
  for (const [key, index] of byKey) {
    if (dropped.has(key)) continue;
    let keys = owned.get(index);
    if (!keys) owned.set(index, (keys = []));
    keys.push(key);
  }
  const order = [...owned.keys()].sort((a, b) => a - b);
  const newIndex = new Map<number, number>();
  order.forEach((draftIndex, i) => newIndex.set(draftIndex, i));
  const taken = new Set<string>();
  const ids = order.map((index) => uniqueSlug(labelOf(drafts[index]!), taken));
  const idByLabelKey = new Map<string, string>();
  order.forEach((index, i) => idByLabelKey.set(termKey(drafts[index]!.label), ids[i]!));
  const backgroundDf = background ? new Map(background.counts) : null;
  const total = background ? background.documents : Math.max(documents, 1);
  const children = new Map<string, number>();
  for (const index of order) {
    const parentLabel = drafts[index]!.parentLabel;
    if (parentLabel !== null) count(children, termKey(parentLabel));
  }
  const maxIdf = Math.log((total + 1) / 0.5);
  const terms: VocabularyTerm[] = order.map((index, i) => {
    const draft = drafts[index]!;
    const label = labelOf(draft);
    const keys = owned.get(index)!;
    // Specificity: the IDF of the term's most frequent phrase, normalised to [0.05, 1].
    const frequency = (key: string): number => (backgroundDf ? (backgroundDf.get(key) ?? 0) : (df.get(key) ?? 0));
    const n = Math.max(0, ...keys.map(frequency));
    const weight = Math.min(1, Math.max(0.05, Math.log((total + 1) / (n + 0.5)) / maxIdf));
    const aliases = [...draft.aliases].filter((alias) => alias !== label);
    const parentKey = draft.parentLabel === null ? null : termKey(draft.parentLabel);
    const parent = parentKey === null ? null : (idByLabelKey.get(parentKey) ?? slugify(draft.parentLabel ?? ''));
    const single = !keys.some((key) => key.includes(' '));
    // A lexicon category with several narrower entries ("policy optimization" above GRPO and PPO, "fine-tuning"
    // above SFT) is the broad name of a family: it says less about a paper than its members do.
    const broad = (children.get(termKey(draft.label)) ?? 0) >= 2;
    const confidence =
      draft.origin === 'lexicon' ? (broad ? 0.7 : 1) : draft.origin === 'acronym' ? 1.2 : draft.name ? 0.75 : (single ? 0.25 : 0.45) + (draft.df >= 2 ? 0.15 : 0);
    return { id: ids[i]!, label, type: draft.type, origin: draft.origin, parent: parent === ids[i] ? null : parent, aliases, labelsZh: [...draft.labelsZh], weight: round(weight), confidence };
  });
  const phrases: [string, number, number, string?][] = [];
  for (const [key, index] of byKey) {
    const term = newIndex.get(index);
    if (term === undefined || dropped.has(key)) continue;
    const exact = drafts[index]!.exactCase.get(key);
    const flags = (drafts[index]!.needsCapital.has(key) ? PHRASE_NEEDS_CAPITAL : 0) | (exact !== undefined ? PHRASE_EXACT_CASE : 0);
    phrases.push(exact !== undefined ? [key, term, flags, exact] : [key, term, flags]);
  }
  phrases.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const ambiguousList: [string, number[]][] = [];
  for (const [key, indexes] of ambiguous) {
    const mapped = indexes.map((index) => newIndex.get(index)).filter((index): index is number => index !== undefined);
    if (mapped.length > 1 && !dropped.has(key)) ambiguousList.push([key, mapped]);
  }
  ambiguousList.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { version: VOCABULARY_VERSION, terms, phrases, ambiguous: ambiguousList, documents };
}

function labelOf(draft: Draft): string {
  if (draft.origin === 'lexicon') return draft.label;
  if (draft.origin === 'acronym') return draft.forms.size > 0 ? mostCommonForm(draft.forms) : draft.label;
  return draft.forms.size > 0 ? canonicalForm(draft.forms) : draft.label;
}

function mostCommonForm(forms: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [form, n] of forms) if (n > bestCount || (n === bestCount && form < best)) [best, bestCount] = [form, n];
  return best;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** Document frequencies of candidate phrases and words in `papers` (title + abstract), for use as a background. */
export function countDocumentFrequencies(papers: readonly Pick<Paper, 'title' | 'abstract'>[], options: { maxWords?: number; trimHeads?: boolean } = {}): DocumentFrequencies {
  const df = new Map<string, number>();
  for (const paper of papers) {
    const seen = new Set<string>();
    for (const text of [paper.title, paper.abstract]) {
      for (const candidate of findCandidates(text, { maxWords: options.maxWords ?? 5, trimHeads: options.trimHeads ?? true })) {
        seen.add(candidate.key);
        for (const word of candidate.words) seen.add(word);
      }
    }
    for (const key of seen) count(df, key);
  }
  return { documents: papers.length, counts: [...df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
}

export { wordKey };
