/**
 * The per-paper step of concept extraction: find the vocabulary's terms in one paper and score how central each
 * is to it. Built for throughput — the vocabulary is compiled once (per vocabulary object) into a trie over word
 * ids held in typed arrays; a paper costs one tokenizer pass per field, one hash-table probe per word for its word
 * id (surface → key, memoised) and a few typed-array reads per word. `matchPaperTerms` also gives each mention's
 * term index, for columnar consumers (the streaming route's workers), which also turn `evidence` off.
 *
 * Matching is greedy longest-match over word keys (Aho–Corasick-style dictionary lookup without failure links,
 * enough for phrases of a few words), never across punctuation other than hyphens. Then, per paper:
 * - a short form the paper defines itself ("SFT (Sparse Feature Tuning)") means that definition here, whatever
 *   the corpus-wide meaning; an ambiguous short form without a local definition takes the expansion whose words
 *   the paper uses most (the most common expansion on a tie);
 * - a model name swallows its hyphenated size/version tail ("Qwen2.5-14B" is a form of Qwen2.5);
 * - Chinese labels are read from the notes where a Chinese term is followed by the English one in brackets
 *   ("熵坍缩（entropy collapse）").
 * Salience (`Mention.score`) follows the usual keyphrase features (Hulth 2003; Florescu & Caragea 2017):
 * term specificity × log frequency, plus title occurrence, an early first occurrence and a local definition.
 */
import type { ConceptType, Evidence, Mention, Paper, TextField } from '../core/types.ts';
import { PapergraphError } from '../core/errors.ts';
import { notesText } from '../text/notes-text.ts';
import { termKey, wordKey } from '../text/normalize.ts';
import { lexiconTags } from '../text/tag-pos.ts';
import { hasMarkup } from '../text/mask-markup.ts';
import { BREAK_BEFORE, createTokenBuffer, HYPHEN_BEFORE, scanTokens, type TokenBuffer } from '../text/tokenize.ts';
import { findAcronymDefinitions } from './acronyms.ts';
import { findChineseLabels } from './find-chinese-labels.ts';
import { WordTable } from './word-table.ts';
import { PHRASE_EXACT_CASE, PHRASE_NEEDS_CAPITAL, type Vocabulary } from './vocabulary.ts';

export interface MatchPaperOptions {
  /** Keep at most this many concepts per paper, the most salient. Default 40. */
  maxConceptsPerPaper?: number;
  /** Read Chinese labels from the notes. Default true. */
  chineseLabels?: boolean;
  /**
   * Count a discovered multi-word head inside a longer discovered phrase as a mention of its own ("entropy collapse"
   * in "premature entropy collapse"): concept lists want the general concept too; keyphrase indexing wants only the
   * longest phrase. Default true.
   */
  nestedHeads?: boolean;
  /**
   * Keep where each mention occurs (`Mention.evidence`: field and offsets of every occurrence). Default true; the
   * streaming route, which keeps no per-paper evidence, turns it off and gets empty evidence lists.
   */
  evidence?: boolean;
}

/** What one paper gives: its mentions (sorted by score desc) and the Chinese labels its notes attach to concepts. */
export interface PaperMatch {
  paperId: string;
  mentions: Mention[];
  /** [concept id, Chinese label]. */
  labelsZh: [string, string][];
}

/** A PaperMatch that also names its concepts by vocabulary term index (for compact, columnar consumers). */
export interface PaperTermMatch extends PaperMatch {
  /** Term index (into `vocabulary.terms`) of each mention, in the order of `mentions`. */
  mentionTerms: number[];
  /** Term index of each Chinese label, in the order of `labelsZh`. */
  labelTerms: number[];
}

/**
 * The phrases as a trie over word ids, in typed arrays: node n ends the phrase of term `term[n]` (-1: none) with
 * case flags `flags[n]`; the first word's node is `first[word id]`, deeper edges are in an open-addressing hash
 * table keyed by (parent node, word id). Nodes are numbered from 0; -1 is "no node".
 */
interface Trie {
  first: Int32Array;
  term: Int32Array;
  flags: Uint8Array;
  /** The only spelling allowed, for PHRASE_EXACT_CASE ('' otherwise). */
  exact: string[];
  /** 1 when the node has children. */
  inner: Uint8Array;
  edgeParent: Int32Array;
  edgeWord: Int32Array;
  edgeChild: Int32Array;
  edgeMask: number;
}

function edgeSlot(parent: number, word: number, mask: number): number {
  let h = Math.imul(parent ^ Math.imul(word, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  return h & mask;
}

/** The child of `node` by the next word, or -1. */
function trieChild(trie: Trie, node: number, word: number): number {
  if (word === -1) return -1;
  const { edgeParent, edgeWord, edgeMask } = trie;
  for (let slot = edgeSlot(node, word, edgeMask); ; slot = (slot + 1) & edgeMask) {
    const parent = edgeParent[slot]!;
    if (parent === -1) return -1;
    if (parent === node && edgeWord[slot] === word) return trie.edgeChild[slot]!;
  }
}

/** Builds the trie of `vocabulary.phrases`, giving each word of a key a word id in `idOf`'s order. */
function buildTrie(phrases: Vocabulary['phrases'], idOf: (word: string) => number): Trie {
  const first: number[] = [];
  const term: number[] = [];
  const flags: number[] = [];
  const exact: string[] = [];
  const inner: number[] = [];
  const edges = new Map<number, number>();
  const edgeList: number[] = [];
  const newNode = (): number => {
    term.push(-1);
    flags.push(0);
    exact.push('');
    inner.push(0);
    return term.length - 1;
  };
  for (const [key, phraseTerm, phraseFlags, phraseExact] of phrases) {
    const words = key.split(' ');
    let node = -1;
    for (let i = 0; i < words.length; i++) {
      const id = idOf(words[i]!);
      if (i === 0) {
        node = first[id] ?? -1;
        if (node === -1) first[id] = node = newNode();
      } else {
        // Word ids stay below 2^21 and nodes below 2^31: the pair fits a double exactly.
        const pair = node * 2 ** 21 + id;
        let child = edges.get(pair);
        if (child === undefined) {
          child = newNode();
          edges.set(pair, child);
          edgeList.push(node, id, child);
          inner[node] = 1;
        }
        node = child;
      }
    }
    if (node !== -1 && term[node] === -1) {
      term[node] = phraseTerm;
      flags[node] = phraseFlags;
      exact[node] = phraseExact ?? '';
    }
  }
  let capacity = 16;
  while (capacity < (edgeList.length / 3) * 2) capacity *= 2;
  const edgeParent = new Int32Array(capacity).fill(-1);
  const edgeWord = new Int32Array(capacity);
  const edgeChild = new Int32Array(capacity);
  const edgeMask = capacity - 1;
  for (let e = 0; e < edgeList.length; e += 3) {
    let slot = edgeSlot(edgeList[e]!, edgeList[e + 1]!, edgeMask);
    while (edgeParent[slot] !== -1) slot = (slot + 1) & edgeMask;
    edgeParent[slot] = edgeList[e]!;
    edgeWord[slot] = edgeList[e + 1]!;
    edgeChild[slot] = edgeList[e + 2]!;
  }
  const firstNodes = new Int32Array(first.length).fill(-1);
  first.forEach((node, id) => (firstNodes[id] = node));
  return { first: firstNodes, term: Int32Array.from(term), flags: Uint8Array.from(flags), exact, inner: Uint8Array.from(inner), edgeParent, edgeWord, edgeChild, edgeMask };
}

/** The node of the word id at the start of a phrase, or -1. */
function trieFirst(trie: Trie, word: number): number {
  return word === -1 || word >= trie.first.length ? -1 : trie.first[word]!;
}

interface CompiledVocabulary {
  trie: Trie;
  phraseTerm: Map<string, number>;
  ambiguous: Map<string, number[]>;
  /** Word ids of the content words of each term's phrases (terms an ambiguous short form may mean; empty otherwise), for resolving by context. */
  termWords: Int32Array[];
  /** Short-form keys of `ambiguous`, for a cheap check before looking for definitions. */
  ambiguousShort: ReadonlySet<string>;
  /** 1 where a term names a family whose members add a size or version ("Qwen2.5" → "Qwen2.5-14B"). */
  family: Uint8Array;
  /** Per term, read in the hot loop without touching the term objects: 1 for a discovered term, 1 for a lexicon term. */
  discovered: Uint8Array;
  lexicon: Uint8Array;
  confidence: Float64Array;
  weight: Float64Array;
  /** Score factor of a term met once, in the abstract only (PASSING_DISCOVERED, PASSING_BACKGROUND or 1). */
  passing: Float64Array;
  /** Which of a (head, longer phrase) pair is ranked down (redundantNestings), by `head * terms + phrase`, as decided. */
  redundantOf: Map<number, number>;
  /** Word id of every key that occurs in some phrase. */
  keyIds: Map<string, number>;
  /** Word ids of the ambiguous short forms. */
  ambiguousIds: ReadonlySet<number>;
  /** Surface words met so far → the word id of their key (-1: in no phrase). */
  surfaces: WordTable;
  surfaceIds: number[];
  /** Rank of each term's id in string order (equal ids, equal ranks): the tie-break of mentions by concept id. */
  idRank: Int32Array;
  /** marks[word id] === mark: the word occurs in the paper being matched (its context, for ambiguous short forms). */
  marks: Int32Array;
  mark: number;
}

const compiledCache = new WeakMap<Vocabulary, CompiledVocabulary>();

function compile(vocabulary: Vocabulary): CompiledVocabulary {
  const cached = compiledCache.get(vocabulary);
  if (cached) return cached;
  if (!vocabulary || !Array.isArray(vocabulary.terms) || !Array.isArray(vocabulary.phrases)) {
    throw new PapergraphError('concepts', 'matchPapers needs a vocabulary from buildVocabulary()');
  }
  const keyIds = new Map<string, number>();
  const idOf = (word: string): number => {
    let id = keyIds.get(word);
    if (id === undefined) keyIds.set(word, (id = keyIds.size));
    return id;
  };
  const trie = buildTrie(vocabulary.phrases, idOf);
  const phraseTerm = new Map<string, number>();
  const termWordSets = new Map<number, Set<number>>();
  for (const [, choices] of vocabulary.ambiguous) for (const choice of choices) termWordSets.set(choice, new Set());
  for (const [key, term] of vocabulary.phrases) {
    phraseTerm.set(key, term);
    const context = termWordSets.get(term);
    if (context === undefined) continue;
    const words = key.split(' ');
    if (words.length > 1) for (const word of words) context.add(keyIds.get(word)!);
  }
  const termWords = vocabulary.terms.map((_, term) => Int32Array.from(termWordSets.get(term) ?? []));
  const ambiguous = new Map(vocabulary.ambiguous);
  const family = new Uint8Array(vocabulary.terms.length);
  vocabulary.terms.forEach((term, index) => {
    if (term.type === 'model' || (term.origin !== 'lexicon' && /^[A-Za-z][\w.]*[A-Z0-9]/.test(term.label) && !/\s/.test(term.label))) family[index] = 1;
  });
  const terms = vocabulary.terms;
  const discovered = Uint8Array.from(terms, (term) => (term.origin === 'discovered' ? 1 : 0));
  const lexicon = Uint8Array.from(terms, (term) => (term.origin === 'lexicon' ? 1 : 0));
  const passing = Float64Array.from(terms, (term) =>
    term.origin === 'discovered' && !isCoinedName(term.label) ? PASSING_DISCOVERED : term.origin === 'lexicon' && BACKGROUND_TYPES.has(term.type) ? PASSING_BACKGROUND : 1,
  );
  const compiled: CompiledVocabulary = {
    trie,
    phraseTerm,
    ambiguous,
    termWords,
    ambiguousShort: new Set(ambiguous.keys()),
    family,
    discovered,
    lexicon,
    confidence: Float64Array.from(terms, (term) => term.confidence),
    weight: Float64Array.from(terms, (term) => term.weight),
    passing,
    redundantOf: new Map(),
    keyIds,
    ambiguousIds: new Set([...ambiguous.keys()].map((key) => keyIds.get(key)).filter((id): id is number => id !== undefined)),
    surfaces: new WordTable(),
    surfaceIds: [],
    idRank: rankIds(vocabulary.terms),
    marks: new Int32Array(keyIds.size),
    mark: 0,
  };
  compiledCache.set(vocabulary, compiled);
  return compiled;
}

interface Hit {
  count: number;
  inTitle: boolean;
  first: number;
  forms: string[];
  evidence: Evidence[];
  /** Matched by a one-word phrase (a short form) and by a longer one (its expansion) in this paper. */
  short: boolean;
  long: boolean;
  /** Occurrences counted only as the head of a longer discovered phrase ("control benchmark" in "continuous control benchmark"). */
  nested: number;
  /** That longer phrase's term (the last one met). */
  container: number;
}

/** One text's tokens (offsets and flags) and the word id of each token's key (-1: in no phrase). */
interface WordIds {
  buffer: TokenBuffer;
  ids: Int32Array;
}

const newWordIds = (): WordIds => ({ buffer: createTokenBuffer(), ids: new Int32Array(1024) });
/** Title and abstract of the paper being matched, and their concatenation when markup makes it tokenize differently. */
const fieldWords: WordIds[] = [newWordIds(), newWordIds()];
const joinedWords = newWordIds();
/** Distinct surface words remembered per vocabulary before the table starts over. */
const MAX_SURFACES = 2_000_000;

/** Tokenizes `text` into `into` with the word id of each token: one hash-table probe per token. Returns the token count, or -1 when the surface table is full. */
function scanWordIds(compiled: CompiledVocabulary, text: string, into: WordIds): number {
  const n = scanTokens(text, into.buffer);
  const { starts, ends } = into.buffer;
  if (into.ids.length < n) into.ids = new Int32Array(n * 2);
  const { surfaces, surfaceIds, keyIds } = compiled;
  const ids = into.ids;
  for (let t = 0; t < n; t++) {
    const surface = surfaces.lookup(text, starts[t]!, ends[t]!, true);
    if (surface === surfaceIds.length) {
      if (surfaceIds.length > MAX_SURFACES) return -1;
      surfaceIds.push(keyIds.get(wordKey(surfaces.words[surface]!)) ?? -1);
    }
    ids[t] = surfaceIds[surface]!;
  }
  return n;
}

/**
 * Marks the word ids of the paper's title and abstract (read as one text, as a reader would) in `compiled.marks`;
 * returns the mark. Without markup the two fields tokenize the same alone as joined, so their ids are reused.
 */
function markPaperWords(compiled: CompiledVocabulary, paper: Paper, counts: readonly number[]): number {
  if (++compiled.mark === 0x7fffffff) {
    compiled.marks.fill(0);
    compiled.mark = 1;
  }
  const { marks, mark } = compiled;
  if (!hasMarkup(paper.title) && !hasMarkup(paper.abstract)) {
    for (let f = 0; f < fieldWords.length; f++) {
      const ids = fieldWords[f]!.ids;
      for (let t = 0; t < counts[f]!; t++) if (ids[t] !== -1) marks[ids[t]!] = mark;
    }
    return mark;
  }
  const text = `${paper.title}\n\n${paper.abstract}`;
  const n = scanTokens(text, joinedWords.buffer);
  const { starts, ends } = joinedWords.buffer;
  for (let t = 0; t < n; t++) {
    const surface = compiled.surfaces.lookup(text, starts[t]!, ends[t]!, false);
    const id = surface === -1 || surface >= compiled.surfaceIds.length ? (compiled.keyIds.get(wordKey(text.slice(starts[t]!, ends[t]!))) ?? -1) : compiled.surfaceIds[surface]!;
    if (id !== -1) marks[id] = mark;
  }
  return mark;
}

function resetSurfaces(vocabulary: Vocabulary): Vocabulary {
  const compiled = compile(vocabulary);
  compiled.surfaces = new WordTable();
  compiled.surfaceIds = [];
  return vocabulary;
}

export function matchPaper(paper: Paper, vocabulary: Vocabulary, options: MatchPaperOptions = {}): PaperMatch {
  const { paperId, mentions, labelsZh } = matchPaperTerms(paper, vocabulary, options);
  return { paperId, mentions, labelsZh };
}

/** `matchPaper`, with the term index of each mention and Chinese label as well. */
export function matchPaperTerms(paper: Paper, vocabulary: Vocabulary, options: MatchPaperOptions = {}): PaperTermMatch {
  const maxConcepts = options.maxConceptsPerPaper ?? 40;
  const nestedHeads = options.nestedHeads ?? true;
  const keepEvidence = options.evidence ?? true;
  const compiled = compile(vocabulary);
  const { trie, discovered } = compiled;
  const terms = vocabulary.terms;
  const hits = new Map<number, Hit>();
  const record = (term: number, field: TextField, text: string, start: number, end: number, at: number, single: boolean, container = -1): void => {
    let hit = hits.get(term);
    if (!hit) hits.set(term, (hit = { count: 0, inTitle: false, first: at, forms: [], evidence: keepEvidence ? [] : NO_EVIDENCE, short: false, long: false, nested: 0, container: -1 }));
    hit.count++;
    if (container !== -1) {
      hit.nested++;
      hit.container = container;
    }
    if (field === 'title') hit.inTitle = true;
    if (single) hit.short = true;
    else hit.long = true;
    // A repeated spelling is recognised in place, without slicing a new string.
    if (!hit.forms.some((known) => known.length === end - start && text.startsWith(known, start))) {
      let form = text.slice(start, end);
      if (form.indexOf('\n') !== -1 || form.indexOf('  ') !== -1) form = form.replace(/\s+/g, ' ');
      if (!hit.forms.includes(form)) hit.forms.push(form);
    }
    if (keepEvidence) hit.evidence.push({ field, start, end });
  };

  // A short form the corpus uses with several meanings takes this paper's own definition, if it gives one. Only
  // ambiguous short forms are looked for, so the definitions are read when the paper first meets one.
  let local: Map<string, number> | null = null;
  let localRead = false;
  const readLocal = (): Map<string, number> | null => {
    if (localRead) return local;
    localRead = true;
    if (compiled.ambiguous.size > 0) {
      for (const text of [paper.title, paper.abstract]) {
        if (text.indexOf('(') === -1) continue;
        for (const definition of findAcronymDefinitions(text, compiled.ambiguousShort)) {
          const term = compiled.phraseTerm.get(termKey(definition.long));
          if (term !== undefined) (local ??= new Map()).set(termKey(definition.short), term);
        }
      }
    }
    return local;
  };

  const counts = [0, 0];
  for (let f = 0; f < FIELDS.length; f++) {
    const text = paper[FIELDS[f]!];
    const n = text === '' ? 0 : scanWordIds(compiled, text, fieldWords[f]!);
    if (n === -1) return matchPaperTerms(paper, resetSurfaces(vocabulary), options);
    counts[f] = n;
  }

  let position = 0;
  let paperMark = -1;
  /**
   * The meaning of a one-word match in this paper: its own definition, else the expansion its context supports. A
   * definition is only read for an ambiguous short form, so a word that is not one keeps its term.
   */
  const resolveShort = (term: number, wordId: number, text: string, start: number, end: number): number => {
    if (!compiled.ambiguousIds.has(wordId)) return term;
    const key = wordKey(text.slice(start, end));
    const own = readLocal()?.get(key);
    if (own !== undefined) return own;
    const choices = compiled.ambiguous.get(key);
    if (choices === undefined) return term;
    if (paperMark === -1) paperMark = markPaperWords(compiled, paper, counts);
    return resolveByContext(choices, compiled.termWords, compiled.marks, paperMark);
  };
  for (let f = 0; f < FIELDS.length; f++) {
    const field = FIELDS[f]!;
    const text = paper[field];
    if (text === '') continue;
    const n = counts[f]!;
    const { buffer: { starts, ends, flags }, ids } = fieldWords[f]!;
    let i = 0;
    while (i < n) {
      const firstId = ids[i]!;
      const firstNode = trieFirst(trie, firstId);
      if (firstNode === -1) {
        i++;
        continue;
      }
      let node = firstNode;
      let bestEnd = -1;
      let bestTerm = -1;
      let bestFlags = 0;
      let bestExact = '';
      for (let j = i; j < n; j++) {
        if (j > i) {
          if ((flags[j]! & BREAK_BEFORE) !== 0 || trie.inner[node] === 0) break;
          node = trieChild(trie, node, ids[j]!);
          if (node === -1) break;
        }
        if (trie.term[node] !== -1) {
          bestEnd = j;
          bestTerm = trie.term[node]!;
          bestFlags = trie.flags[node]!;
          bestExact = trie.exact[node]!;
        }
      }
      if (bestTerm === -1) {
        i++;
        continue;
      }
      const start = starts[i]!;
      if (bestEnd === i && bestFlags !== 0 && !caseAllows(text, start, ends[i]!, bestFlags, bestExact)) {
        i++;
        continue;
      }
      // A discovered phrase does not swallow the start of a known term that runs past its end ("Sequence-Level
      // Reward" must not hide "Reward Shaping").
      if (bestEnd > i && discovered[bestTerm] === 1 && knownRunsPast(compiled, ids, flags, n, i + 1, bestEnd)) {
        i++;
        continue;
      }
      const term = bestEnd === i ? resolveShort(bestTerm, firstId, text, starts[i]!, ends[i]!) : bestTerm;
      let end = bestEnd;
      if (compiled.family[term] === 1) end = familyTail(text, starts, ends, flags, n, end);
      record(term, field, text, start, ends[end]!, position + i, bestEnd === i);
      // Known terms inside a discovered phrase count too ("reward shaping" in "sequence-level reward shaping").
      if (end > i && discovered[term] === 1) {
        for (let k = i; k <= end; ) {
          let sub = trieFirst(trie, ids[k]!);
          let subEnd = -1;
          let subTerm = -1;
          for (let j = k; j <= end && sub !== -1; j++) {
            if (j > k) {
              if ((flags[j]! & BREAK_BEFORE) !== 0 || trie.inner[sub] === 0) break;
              sub = trieChild(trie, sub, ids[j]!);
              if (sub === -1) break;
            }
            const found = trie.term[sub]!;
            // Known terms anywhere inside; with nestedHeads, a discovered phrase that ends the outer one ("ship control"
            // in "safe ship control").
            if (found !== -1 && found !== term && (discovered[found] === 0 || (nestedHeads && j === end && k > i && j > k)) && (j > k || trie.flags[sub] === 0 || caseAllows(text, starts[k]!, ends[k]!, trie.flags[sub]!, trie.exact[sub]!))) {
              subEnd = j;
              subTerm = found;
            }
          }
          if (subTerm === -1) {
            k++;
            continue;
          }
          if (subEnd === k) subTerm = resolveShort(subTerm, ids[k]!, text, starts[k]!, ends[k]!);
          record(subTerm, field, text, starts[k]!, ends[subEnd]!, position + k, subEnd === k, discovered[subTerm] === 1 ? term : -1);
          k = subEnd + 1;
        }
      }
      i = end + 1;
    }
    position += n;
  }

  // Chinese labels from the notes, for concepts of this paper or known ones.
  const labelsZh: [string, string][] = [];
  const labelTerms: number[] = [];
  if ((options.chineseLabels ?? true) && paper.notes.length > 0) {
    const notes = notesText(paper);
    for (const found of findChineseLabels(notes)) {
      const key = termKey(found.english);
      const term = readLocal()?.get(key) ?? compiled.phraseTerm.get(key);
      if (term === undefined) continue;
      const id = terms[term]!.id;
      if (!labelsZh.some(([other, label]) => other === id && label === found.chinese)) {
        labelsZh.push([id, found.chinese]);
        labelTerms.push(term);
      }
      if (keepEvidence) hits.get(term)?.evidence.push({ field: 'notes', start: found.start, end: found.end });
    }
  }

  const length = Math.max(position, 1);
  const redundant = redundantNestings(hits, compiled, terms);
  const hitTerms: number[] = [];
  const hitScores: number[] = [];
  const hitList: Hit[] = [];
  const { confidence: termConfidence, weight: termWeight, passing: termPassing } = compiled;
  for (const [term, hit] of hits) {
    // Confidence that the term is a concept at all: known terms are; a discovered phrase earns it by recurring, more
    // so when the title is among its occurrences. Met once (a title phrase the abstract never repeats, or a passing
    // phrase of the abstract), it is as likely wording as a concept (Hulth 2003: frequency separates the two).
    const isDiscovered = discovered[term] === 1;
    const recurs = hit.count >= 2;
    const confidence = termConfidence[term]! + (isDiscovered ? (hit.inTitle ? (recurs ? 0.35 : TITLE_ONCE) : 0) + (recurs ? 0.25 : 0) : 0);
    // Met once, in the abstract only: a discovered phrase is as likely wording; a lexicon paradigm ("pre-training") or
    // piece of general vocabulary (type other: "reward function", "KL divergence") is background rather than topic.
    const once = !recurs && !hit.inTitle;
    const passing = once ? termPassing[term]! : 1;
    // Salience within the paper: frequency, title, a definition (short and long form both used), an early first mention.
    const defined = hit.short && hit.long;
    const salience = 1 + Math.log(hit.count) + (hit.inTitle ? 0.8 : 0) + (defined ? 0.3 : 0) + 0.2 * (1 - hit.first / length);
    // Broad terms of the corpus ("reinforcement learning" in an RL list) say less about one paper.
    const score = confidence * salience * (0.6 + 0.4 * termWeight[term]!) * (redundant.has(term) ? 0.5 : 1) * passing;
    hitTerms.push(term);
    hitScores.push(Math.round(score * 1e4) / 1e4);
    hitList.push(hit);
  }
  // Most salient first, then by concept id; the first maxConcepts are kept.
  const idRank = compiled.idRank;
  const order = hitTerms.map((_, h) => h).sort((a, b) => hitScores[b]! - hitScores[a]! || idRank[hitTerms[a]!]! - idRank[hitTerms[b]!]!);
  if (order.length > maxConcepts) order.length = maxConcepts;
  const mentions: Mention[] = new Array<Mention>(order.length);
  const mentionTerms: number[] = new Array<number>(order.length);
  for (let m = 0; m < order.length; m++) {
    const h = order[m]!;
    const term = hitTerms[h]!;
    const hit = hitList[h]!;
    mentions[m] = { paperId: paper.id, conceptId: terms[term]!.id, count: hit.count, score: hitScores[h]!, inTitle: hit.inTitle, forms: hit.forms, evidence: hit.evidence };
    mentionTerms[m] = term;
  }
  return { paperId: paper.id, mentions, labelsZh, mentionTerms, labelTerms };
}

/** Dense rank of each term's id in code-unit order: equal ids share a rank. */
function rankIds(terms: Vocabulary['terms']): Int32Array {
  const order = terms.map((_, t) => t).sort((a, b) => (terms[a]!.id < terms[b]!.id ? -1 : terms[a]!.id > terms[b]!.id ? 1 : 0));
  const rank = new Int32Array(terms.length);
  for (let r = 1; r < order.length; r++) rank[order[r]!] = rank[order[r - 1]!]! + (terms[order[r]!]!.id === terms[order[r - 1]!]!.id ? 0 : 1);
  return rank;
}

const FIELDS = ['title', 'abstract'] as const;
/** The evidence of every mention when `evidence` is off: shared, never written to. */
const NO_EVIDENCE: Evidence[] = Object.freeze([]) as unknown as Evidence[];
/** Confidence a discovered phrase gains from the title when the abstract never repeats it (0.35 when it does). */
const TITLE_ONCE = 0.1;
/** Score factor of a discovered phrase met once, in the abstract only, unless it is a coined name. */
const PASSING_DISCOVERED = 0.7;
/** Score factor of a lexicon term of a broad type met once, in the abstract only. */
const PASSING_BACKGROUND = 0.85;
const BACKGROUND_TYPES: ReadonlySet<ConceptType> = new Set<ConceptType>(['paradigm', 'other']);

/**
 * A discovered head met only inside one longer discovered phrase of the paper ("Regions Differentiation" only in
 * "Skill Regions Differentiation") names the same thing twice; one of the two is ranked down. The longer phrase is
 * kept when its extra word names something ("Skill", "Self-Guided", "Chinese"); the head is kept when the extra word
 * is a plain adjective ("High Diffusion Efficiency", "Optimal Imitation-Exploration Balance").
 */
function redundantNestings(hits: ReadonlyMap<number, Hit>, compiled: CompiledVocabulary, terms: Vocabulary['terms']): Set<number> {
  const redundant = new Set<number>();
  for (const [term, hit] of hits) {
    if (hit.nested === 0 || hit.nested < hit.count || !hits.has(hit.container)) continue;
    const pair = term * terms.length + hit.container;
    let down = compiled.redundantOf.get(pair);
    if (down === undefined) {
      const head = termKey(terms[term]!.label);
      const outer = termKey(terms[hit.container]!.label);
      const extra = outer.endsWith(` ${head}`) ? outer.slice(0, outer.length - head.length - 1).split(' ') : [];
      down = extra.length === 1 && lexiconTags(extra[0]!)?.[0] === 'JJ' ? hit.container : term;
      compiled.redundantOf.set(pair, down);
    }
    redundant.add(down);
  }
  return redundant;
}

/** True when a lexicon term starts within tokens [from, end] and ends after `end`. */
function knownRunsPast(compiled: CompiledVocabulary, ids: Int32Array, flags: Uint8Array, n: number, from: number, end: number): boolean {
  for (let k = from; k <= end; k++) {
    const trie = compiled.trie;
    let node = trieFirst(trie, ids[k]!);
    for (let j = k; j < n && node !== -1; j++) {
      if (j > k) {
        if ((flags[j]! & BREAK_BEFORE) !== 0 || trie.inner[node] === 0) break;
        node = trieChild(trie, node, ids[j]!);
        if (node === -1) break;
      }
      const found = trie.term[node]!;
      if (j > end && found !== -1 && compiled.lexicon[found] === 1) return true;
    }
  }
  return false;
}

/** `matchPaper` over many papers, in input order. Safe to run on chunks in worker threads. */
export function matchPapers(papers: readonly Paper[], vocabulary: Vocabulary, options: MatchPaperOptions = {}): PaperMatch[] {
  return papers.map((paper) => matchPaper(paper, vocabulary, options));
}

/** Written like an acronym: no lowercase letter except a plural "s" ("IT", "LLMs"), or inner capitals ("MoL"). */
function isUpperish(text: string): boolean {
  const body = text.endsWith('s') ? text.slice(0, -1) : text;
  return !/[a-z]/.test(body) || /^[A-Za-z][a-z]*[A-Z]/.test(body);
}

/** A coined name: one token with a digit or a capital after its first letter ("Video-R1", "BeyondAIME", "KL-Cov"), not a capitalised word. */
function isCoinedName(label: string): boolean {
  return label.length >= 3 && !/\s/.test(label) && /\d|^.[^A-Z]*[A-Z]/.test(label);
}

function hasCapital(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

const FAMILY_SUFFIX = /^(?:\d[\w.]*|[A-Za-z]\d[\w.]*|instruct|base|chat|it|math|coder|code|vl|preview|mini|turbo|pro|max|plus|flash|lite|zero|exp|mix|moe)$/i;

/** Sizes and versions glued to a family name: "-14B", "-7B-Instruct", "-0414", "-A3B". */
function familyTail(text: string, starts: Int32Array, ends: Int32Array, flags: Uint8Array, n: number, end: number): number {
  let j = end;
  while (j + 1 < n && (flags[j + 1]! & HYPHEN_BEFORE) !== 0 && FAMILY_SUFFIX.test(text.slice(starts[j + 1]!, ends[j + 1]!))) j++;
  return j;
}

/** Whether a one-word surface may match a phrase with case flags. */
function caseAllows(text: string, start: number, end: number, phraseFlags: number, exact: string): boolean {
  const surface = text.slice(start, end);
  if ((phraseFlags & PHRASE_NEEDS_CAPITAL) !== 0 && !hasCapital(surface)) return false;
  if ((phraseFlags & PHRASE_EXACT_CASE) !== 0 && surface !== exact && surface !== `${exact}s` && !(exact === '' && isUpperish(surface))) return false;
  return true;
}

/** The choice with most of its content words in the paper (the first on a tie). */
function resolveByContext(choices: readonly number[], termWords: readonly Int32Array[], marks: Int32Array, mark: number): number {
  let best = choices[0]!;
  let bestScore = 0;
  for (const choice of choices) {
    let score = 0;
    const words = termWords[choice];
    if (words !== undefined) for (let w = 0; w < words.length; w++) if (marks[words[w]!] === mark) score++;
    if (score > bestScore) [best, bestScore] = [choice, score];
  }
  return best;
}
