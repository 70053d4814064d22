/**
 * Term candidates of one text from part-of-speech patterns, the linguistic filter of C-value
 * (Frantzi, Ananiadou & Mima 2000, "Automatic recognition of multi-word terms: the C-value/NC-value method"):
 * runs of adjectives and nouns that end in a noun, `(JJ|NN)* NN`, extended with the nominal "-ing" head of
 * English compounds ("reward shaping", "instruction following") and hyphenated compounds read as one word
 * ("rule-based", "fine-tuning"). Every sub-run that starts and ends on an allowed word is a candidate, so
 * nested terms ("policy optimization" in "group relative policy optimization") get counted as C-value needs.
 * Leading generic modifiers ("novel", "extensive") and stopwords are never part of a candidate.
 */
import { lexiconTags, tagPos } from '../text/tag-pos.ts';
import { isStopword } from '../text/stopwords.ts';
import { tokenize, type Token } from '../text/tokenize.ts';
import { wordKey } from '../text/normalize.ts';
import { GENERIC_MODIFIERS } from './generic-terms.ts';

export interface PhraseCandidate {
  /** Lookup key of the phrase. */
  key: string;
  /** Keys of its words. */
  words: string[];
  surface: string;
  start: number;
  end: number;
  /** A name: a name-like word ("ComputerRL", "Entropulse", "GPT-4o") or capitalised words inside a sentence. */
  name: boolean;
  /** It starts a sentence (its case says less). */
  sentenceInitial: boolean;
}

export interface FindCandidatesOptions {
  /** Longest candidate in words. Default 5. */
  maxWords?: number;
  /**
   * Never end a candidate with a head that only names the kind of thing ("framework", "method", "problem"):
   * concept labels drop them ("optimal control problem" → "optimal control"). Keyphrase indexing keeps them. Default true.
   */
  trimHeads?: boolean;
}

/** One word of a run: a token, or a hyphenated compound of tokens. */
interface Unit {
  start: number;
  end: number;
  /** 'N' noun, 'A' adjective or modifier, 'G' -ing form, 'V' past participle, 'X' anything else. */
  kind: string;
  keys: string[];
  lower: string;
  name: boolean;
  sentenceInitial: boolean;
  /** Starts with a capital in a sentence that is not Title Case. */
  capitalised: boolean;
}

/**
 * Verbs of academic prose that are rarely nouns; the tagger's lexicon misses several ("encode", "leverages"), and
 * a missed verb glues two noun phrases into one nonsense candidate ("systems encode inductive biases").
 */
const VERB_STEMS =
  'encode leverage reframe exhibit enable improve achieve outperform demonstrate mitigate alleviate propose introduce reveal suggest indicate ' +
  'require remain provide allow facilitate enhance reduce maintain preserve prevent avoid tackle solve surpass exceed attain obtain adopt employ ' +
  'utilize utilise apply combine integrate incorporate unify extend generalize generalise optimize optimise steer encourage promote penalize ' +
  'stabilize stabilise accelerate converge degrade hinder suffer fail struggle rely assume investigate explore examine evaluate assess quantify ' +
  'derive establish identify discover observe uncover highlight emphasize underscore motivate develop construct synthesize govern capture ' +
  'represent transform verify validate confirm span comprise consist involve entail recast formulate characterize describe explain interpret ' +
  'predict adapt refine amplify attenuate suppress diminish sustain persist emerge arise occur induce determine dominate outweigh tend seem ' +
  'appear yield ensure guarantee bridge offer boost deliver conduct perform reach fall rise grow drop yield lie hold make take give become ' +
  'keep let begin show reframe exploit harness unlock push pave surface remedy render prioritize prioritise decouple disentangle mitigate ' +
  'incentivize incentivise internalize operate inherit achieve drive cover involve satisfy endow align distill unlock decompose present ' +
  'study require provide lie force encounter face address';

/** Heads a candidate never ends with: they only say what kind of thing the term before them is. */
const TRIM_HEADS: ReadonlySet<string> = new Set(
  'framework approach method methodology mechanism strategy technique scheme paradigm pipeline algorithm problem task setting module procedure formulation perspective solution recipe design'.split(' '),
);

/** Words after which a verb comes. */
const VERB_CONTEXT: ReadonlySet<string> = new Set('we they i you it which that who to can could may might will would should must also further then first often'.split(' '));

/** Number words: never part of a term ("three technical innovations"). */
const NUMBER_WORDS: ReadonlySet<string> = new Set('one two three four five six seven eight nine ten eleven twelve dozen hundred thousand million billion half single double dual triple multiple few many'.split(' '));
const VERB_FORMS: ReadonlySet<string> = new Set(
  VERB_STEMS.split(' ').flatMap((stem) => {
    const e = stem.endsWith('e');
    const y = stem.endsWith('y') && !/[aeiou]y$/.test(stem);
    const third = y ? `${stem.slice(0, -1)}ies` : /(s|sh|ch|x|z)$/.test(stem) ? `${stem}es` : `${stem}s`;
    const past = e ? `${stem}d` : y ? `${stem.slice(0, -1)}ied` : `${stem}ed`;
    return [stem, third, past];
  }),
);

const NOUN_TAGS = new Set(['NN', 'NNS', 'NNP', 'NNPS', 'FW']);
const ADJ_TAGS = new Set(['JJ', 'JJR', 'JJS']);

export function findCandidates(text: string, options: FindCandidatesOptions = {}): PhraseCandidate[] {
  const maxWords = options.maxWords ?? 5;
  const trimHeads = options.trimHeads ?? true;
  const tokens = tokenize(text);
  const candidates: PhraseCandidate[] = [];
  let sentenceStart = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.sentenceBefore) {
      readSentence(text, tokens.slice(sentenceStart, i), maxWords, trimHeads, candidates);
      sentenceStart = i;
    }
  }
  return candidates;
}

function readSentence(text: string, tokens: readonly Token[], maxWords: number, trimHeads: boolean, out: PhraseCandidate[]): void {
  if (tokens.length === 0 || tokens.length > 400) return;
  // Title Case ("Scaling End-to-End Online Reinforcement Learning") hides parts of speech: tag its plain
  // capitalised words in lowercase; acronyms and inner-capital names keep their case.
  const capitalised = tokens.filter((token) => /^[A-Z][a-z]/.test(token.text)).length;
  const lettered = tokens.filter((token) => /^[A-Za-z]/.test(token.text) && token.text.length > 3).length;
  const titleCase = lettered >= 3 && capitalised >= lettered * 0.6;
  const tags = tagPos(tokens.map((token) => (titleCase && /^[A-Z][a-z]+$/.test(token.text) ? token.text.toLowerCase() : token.text)));
  // 1. Units: hyphenated compounds become one unit.
  const units: Unit[] = [];
  const breaks: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const tag = tags[i] ?? 'NN';
    const lower = token.text.toLowerCase();
    const last = units[units.length - 1];
    if (token.hyphenBefore && last !== undefined) {
      last.end = token.end;
      last.keys.push(wordKey(token.text));
      last.lower = `${last.lower}-${lower}`;
      last.name = last.name || isNameLike(token.text);
      // A compound ending in a participle or adjective modifies ("rule-based"); ending in a noun or -ing names ("fine-tuning").
      last.kind = NOUN_TAGS.has(tag) ? 'N' : tag === 'VBG' ? 'N' : 'A';
      if (/^\d/.test(token.text) || last.name) last.kind = 'N';
      continue;
    }
    let kind = NOUN_TAGS.has(tag) ? 'N' : ADJ_TAGS.has(tag) ? 'A' : tag === 'VBG' ? 'G' : tag === 'VBN' ? 'V' : 'X';
    if (kind === 'V' && !participleModifies(lower)) kind = 'X';
    // An -ing word after a plural noun is a verb ("processes involving", "mechanisms governing"); after a singular
    // noun it heads a compound ("reward shaping", "instruction following").
    const previous = units[units.length - 1];
    if (kind === 'G' && previous !== undefined && previous.kind === 'N' && !token.breakBefore && isPluralNoun(previous)) kind = 'X';
    if (isStopword(lower) || VERB_FORMS.has(lower) || NUMBER_WORDS.has(lower)) kind = 'X';
    // An unknown lowercase word with a verb ending is a verb ("revolutionizes", "operationalises").
    if (kind !== 'X' && /^[a-z]+(?:izes|ises|ifies|ates)$/.test(token.text) && lexiconTags(lower) === null) kind = 'X';
    // After a subject pronoun or a modal, a word that can be a verb is one ("we study", "to present").
    const before = i > 0 ? tokens[i - 1]!.text.toLowerCase() : '';
    if (kind !== 'X' && VERB_CONTEXT.has(before) && !token.breakBefore && (lexiconTags(lower) ?? []).some((t) => t === 'VB' || t === 'VBP' || t === 'VBZ' || t === 'VBD')) kind = 'X';
    // The -ing form of a listed verb opening a run is a verb ("satisfying strict constraints").
    const opensRun = units.length === 0 || units[units.length - 1]!.kind === 'X' || token.breakBefore;
    if (kind !== 'X' && opensRun && lower.endsWith('ing') && (VERB_FORMS.has(`${lower.slice(0, -3)}e`) || VERB_FORMS.has(lower.slice(0, -3)))) kind = 'X';
    // An -ing word that the lexicon knows only as a verb does not start a term ("requiring expert knowledge").
    if (kind === 'G' && !(lexiconTags(lower)?.includes('NN') ?? false) && (units.length === 0 || units[units.length - 1]!.kind === 'X' || token.breakBefore)) kind = 'X';
    // A capitalised word the lexicon does not know, inside a sentence and not in a Title Case line, is a name ("Entropulse").
    const unknownCapitalised = i > 0 && !titleCase && /^[A-Z][a-z]{3,}$/.test(token.text) && lexiconTags(token.text) === null;
    const name = isNameLike(token.text) || unknownCapitalised;
    if (kind === 'X' && name) kind = 'N';
    units.push({ start: token.start, end: token.end, kind, keys: [wordKey(token.text)], lower, name, sentenceInitial: i === 0, capitalised: !titleCase && /^[A-Z]/.test(token.text) });
    breaks.push(token.breakBefore && i > 0);
  }
  // 2. Maximal runs of allowed units, not crossing punctuation.
  let runStart = -1;
  for (let u = 0; u <= units.length; u++) {
    const unit = units[u];
    const allowed = unit !== undefined && unit.kind !== 'X' && !(breaks[u] === true && runStart !== -1 && u > runStart);
    if (unit !== undefined && allowed && runStart === -1) {
      runStart = u;
      continue;
    }
    if (allowed) continue;
    if (runStart !== -1) emitRun(text, units, runStart, u, maxWords, trimHeads, out);
    runStart = unit !== undefined && unit.kind !== 'X' ? u : -1;
  }
}

/** Candidates of one run units[from, to): every sub-run with an allowed start and end. */
function emitRun(text: string, units: readonly Unit[], from: number, to: number, maxWords: number, trimHeads: boolean, out: PhraseCandidate[]): void {
  for (let a = from; a < to; a++) {
    const first = units[a]!;
    if (GENERIC_MODIFIERS.has(first.lower) || /^\d/.test(first.lower)) continue;
    // An -ing word opening a sentence or title is a verb ("Scaling …", "Aligning LLM Reasoners").
    if (first.kind === 'G' && (first.sentenceInitial || (a + 1 < to && units[a + 1]!.kind !== 'N'))) continue;
    let words = 0;
    for (let b = a; b < to; b++) {
      const unit = units[b]!;
      words += 1;
      if (words > maxWords) break;
      if (unit.kind === 'V' && b > a) break; // a participle inside a run ends it ("models trained")
      // An -ing word ends a term when it can be a noun and follows a modifier ("reward shaping", "lazy reasoning").
      const endsWell = unit.kind === 'N' || (unit.kind === 'G' && b > a && units[b - 1]!.kind !== 'G' && gerundIsNoun(unit));
      if (!endsWell) continue;
      if (b === a && !(unit.kind === 'N')) continue;
      // "-ing" word + plural noun is a verb and its object ("learning policies", "balancing rewards").
      if (b === a + 1 && first.kind === 'G' && first.keys.length === 1 && isPluralNoun(unit)) continue;
      // "optimal control problem", "rollout mechanism": the head adds nothing; the shorter candidate stands for it.
      if (trimHeads && b > a && TRIM_HEADS.has(unit.keys[unit.keys.length - 1]!)) continue;
      const keys = units.slice(a, b + 1).flatMap((part) => part.keys);
      out.push({
        key: keys.join(' '),
        words: keys,
        surface: text.slice(first.start, unit.end),
        start: first.start,
        end: unit.end,
        // A single name-like word, or a run of capitalised words inside a sentence ("Dynamic Entropy Weighting").
        name: a === b ? first.name : !first.sentenceInitial && units.slice(a, b + 1).every((part) => part.capitalised),
        sentenceInitial: first.sentenceInitial,
      });
    }
  }
}

function gerundIsNoun(unit: Unit): boolean {
  if (unit.keys.length > 1) return true; // "fine-tuning", "self-checking"
  return lexiconTags(unit.lower)?.includes('NN') ?? false;
}

function isPluralNoun(unit: Unit): boolean {
  const last = unit.keys[unit.keys.length - 1] ?? '';
  return unit.lower.endsWith('s') && !unit.lower.endsWith(last);
}

/** A past participle that works as a modifier ("supervised fine-tuning", "regularized policy optimization"). */
function participleModifies(lower: string): boolean {
  const tags = lexiconTags(lower);
  if (tags !== null && tags.includes('JJ')) return true;
  return /(?:ized|ised|ured|ated|ed)$/.test(lower) && !VERB_FORMS.has(lower) && tags === null;
}

/** A word that reads as a name: inner capitals or digits ("ComputerRL", "GPT4", "AlphaZero", "R1"), or all caps. */
export function isNameLike(word: string): boolean {
  if (word.length < 2) return false;
  if (/^[A-Z][A-Z0-9]+$/.test(word)) return /[A-Z].*[A-Z]|\d/.test(word) || word.length >= 2;
  return /^[A-Za-z]+[0-9]/.test(word) || /^[A-Z]?[a-z]+[A-Z]/.test(word) || /^[a-z]+[A-Z]/.test(word);
}
