/**
 * The per-paper step of concept extraction: find the vocabulary's terms in one paper and score how central each
 * is to it. Built for throughput — the vocabulary is compiled once (per vocabulary object) into a trie over word
 * keys; a paper costs one tokenizer pass per field, one memoised key per word and a few Map lookups per word.
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
import type { Evidence, Mention, Paper, TextField } from '../core/types.ts';
import { PapergraphError } from '../core/errors.ts';
import { notesText } from '../text/notes-text.ts';
import { termKey, wordKey } from '../text/normalize.ts';
import { tokenize, type Token } from '../text/tokenize.ts';
import { findAcronymDefinitions } from './acronyms.ts';
import { findChineseLabels } from './find-chinese-labels.ts';
import { PHRASE_EXACT_CASE, PHRASE_NEEDS_CAPITAL, type Vocabulary } from './vocabulary.ts';

export interface MatchPaperOptions {
  /** Keep at most this many concepts per paper, the most salient. Default 40. */
  maxConceptsPerPaper?: number;
  /** Read Chinese labels from the notes. Default true. */
  chineseLabels?: boolean;
}

/** What one paper gives: its mentions (sorted by score desc) and the Chinese labels its notes attach to concepts. */
export interface PaperMatch {
  paperId: string;
  mentions: Mention[];
  /** [concept id, Chinese label]. */
  labelsZh: [string, string][];
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  term: number;
  flags: number;
}

interface CompiledVocabulary {
  root: Map<string, TrieNode>;
  phraseTerm: Map<string, number>;
  ambiguous: Map<string, number[]>;
  /** Content words of each term's phrases, for resolving ambiguous short forms by context. */
  termWords: Set<string>[];
}

const compiledCache = new WeakMap<Vocabulary, CompiledVocabulary>();

function compile(vocabulary: Vocabulary): CompiledVocabulary {
  const cached = compiledCache.get(vocabulary);
  if (cached) return cached;
  if (!vocabulary || !Array.isArray(vocabulary.terms) || !Array.isArray(vocabulary.phrases)) {
    throw new PapergraphError('concepts', 'matchPapers needs a vocabulary from buildVocabulary()');
  }
  const root = new Map<string, TrieNode>();
  const phraseTerm = new Map<string, number>();
  const termWords: Set<string>[] = vocabulary.terms.map(() => new Set<string>());
  for (const [key, term, flags] of vocabulary.phrases) {
    phraseTerm.set(key, term);
    const words = key.split(' ');
    let level = root;
    let node: TrieNode | undefined;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      node = level.get(word);
      if (!node) level.set(word, (node = { next: null, term: -1, flags: 0 }));
      if (i < words.length - 1) level = node.next ??= new Map();
    }
    if (node && node.term === -1) {
      node.term = term;
      node.flags = flags;
    }
    if (words.length > 1) for (const word of words) termWords[term]?.add(word);
  }
  const compiled = { root, phraseTerm, ambiguous: new Map(vocabulary.ambiguous), termWords };
  compiledCache.set(vocabulary, compiled);
  return compiled;
}

interface Hit {
  count: number;
  inTitle: boolean;
  first: number;
  forms: string[];
  evidence: Evidence[];
  defined: boolean;
}

export function matchPaper(paper: Paper, vocabulary: Vocabulary, options: MatchPaperOptions = {}): PaperMatch {
  const maxConcepts = options.maxConceptsPerPaper ?? 40;
  const compiled = compile(vocabulary);
  const hits = new Map<number, Hit>();

  // Local definitions override the corpus-wide meaning of a short form.
  const local = new Map<string, number>();
  for (const text of [paper.title, paper.abstract]) {
    if (text.indexOf('(') === -1) continue;
    for (const definition of findAcronymDefinitions(text)) {
      const term = compiled.phraseTerm.get(termKey(definition.long));
      if (term !== undefined) local.set(termKey(definition.short), term);
    }
  }

  let position = 0;
  let paperWords: Set<string> | null = null;
  for (const field of ['title', 'abstract'] as const) {
    const text = paper[field];
    if (text === '') continue;
    const tokens = tokenize(text);
    const keys = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) keys[i] = wordKey(tokens[i]!.text);
    let i = 0;
    while (i < tokens.length) {
      let level: Map<string, TrieNode> | null = compiled.root;
      let bestEnd = -1;
      let bestTerm = -1;
      let bestFlags = 0;
      for (let j = i; j < tokens.length && level !== null; j++) {
        if (j > i && tokens[j]!.breakBefore) break;
        const node = level.get(keys[j]!);
        if (node === undefined) break;
        if (node.term !== -1) {
          bestEnd = j;
          bestTerm = node.term;
          bestFlags = node.flags;
        }
        level = node.next;
      }
      if (bestTerm === -1) {
        i++;
        continue;
      }
      const first = tokens[i]!;
      if (bestEnd === i && (((bestFlags & PHRASE_NEEDS_CAPITAL) !== 0 && !hasCapital(first.text)) || ((bestFlags & PHRASE_EXACT_CASE) !== 0 && !isUpperish(first.text)))) {
        i++;
        continue;
      }
      let term = bestTerm;
      if (bestEnd === i) {
        const key = keys[i]!;
        const own = local.get(key);
        if (own !== undefined) term = own;
        else {
          const choices = compiled.ambiguous.get(key);
          if (choices !== undefined) {
            paperWords ??= wordsOf(paper);
            term = resolveByContext(choices, compiled.termWords, paperWords);
          }
        }
      }
      let end = bestEnd;
      if (vocabulary.terms[term]?.type === 'model') end = modelTail(tokens, end);
      const last = tokens[end]!;
      let hit = hits.get(term);
      if (!hit) hits.set(term, (hit = { count: 0, inTitle: false, first: position + i, forms: [], evidence: [], defined: false }));
      hit.count++;
      if (field === 'title') hit.inTitle = true;
      const form = text.slice(first.start, last.end).replace(/\s+/g, ' ');
      if (!hit.forms.includes(form)) hit.forms.push(form);
      hit.evidence.push({ field, start: first.start, end: last.end });
      // Known terms inside a discovered phrase count too ("reward shaping" in "sequence-level reward shaping").
      if (end > i && vocabulary.terms[term]?.origin === 'discovered') {
        for (let k = i; k <= end; ) {
          let sub: Map<string, TrieNode> | null = compiled.root;
          let subEnd = -1;
          let subTerm = -1;
          for (let j = k; j <= end && sub !== null; j++) {
            if (j > k && tokens[j]!.breakBefore) break;
            const node = sub.get(keys[j]!);
            if (node === undefined) break;
            if (node.term !== -1 && node.term !== term && vocabulary.terms[node.term]?.origin !== 'discovered' && !((node.flags & PHRASE_NEEDS_CAPITAL) !== 0 && j === k && !hasCapital(tokens[k]!.text))) {
              subEnd = j;
              subTerm = node.term;
            }
            sub = node.next;
          }
          if (subTerm === -1) {
            k++;
            continue;
          }
          let inner = hits.get(subTerm);
          if (!inner) hits.set(subTerm, (inner = { count: 0, inTitle: false, first: position + k, forms: [], evidence: [], defined: false }));
          inner.count++;
          if (field === 'title') inner.inTitle = true;
          const innerForm = text.slice(tokens[k]!.start, tokens[subEnd]!.end).replace(/\s+/g, ' ');
          if (!inner.forms.includes(innerForm)) inner.forms.push(innerForm);
          inner.evidence.push({ field, start: tokens[k]!.start, end: tokens[subEnd]!.end });
          k = subEnd + 1;
        }
      }
      i = end + 1;
    }
    position += tokens.length;
  }
  for (const term of local.values()) {
    const hit = hits.get(term);
    if (hit) hit.defined = true;
  }

  // Chinese labels from the notes, for concepts of this paper or known ones.
  const labelsZh: [string, string][] = [];
  if ((options.chineseLabels ?? true) && paper.notes.length > 0) {
    const notes = notesText(paper);
    for (const found of findChineseLabels(notes)) {
      const key = termKey(found.english);
      const term = local.get(key) ?? compiled.phraseTerm.get(key);
      if (term === undefined) continue;
      const id = vocabulary.terms[term]!.id;
      if (!labelsZh.some(([other, label]) => other === id && label === found.chinese)) labelsZh.push([id, found.chinese]);
      hits.get(term)?.evidence.push({ field: 'notes', start: found.start, end: found.end });
    }
  }

  const length = Math.max(position, 1);
  const mentions: Mention[] = [];
  for (const [term, hit] of hits) {
    const info = vocabulary.terms[term]!;
    // Confidence that the term is a concept at all: known terms are; a discovered phrase earns it by being in the
    // title, recurring, or reading as a name.
    const discovered = info.origin === 'discovered';
    const confidence = info.confidence + (discovered ? (hit.inTitle ? 0.35 : 0) + (hit.count >= 2 ? 0.25 : 0) : 0);
    // Salience within the paper: frequency, title, a local definition, an early first mention.
    const salience = 1 + Math.log(hit.count) + (hit.inTitle ? 0.8 : 0) + (hit.defined ? 0.3 : 0) + 0.2 * (1 - hit.first / length);
    // Broad terms of the corpus ("reinforcement learning" in an RL list) say less about one paper.
    const score = confidence * salience * (0.6 + 0.4 * info.weight);
    mentions.push({ paperId: paper.id, conceptId: info.id, count: hit.count, score: Math.round(score * 1e4) / 1e4, inTitle: hit.inTitle, forms: hit.forms, evidence: hit.evidence });
  }
  mentions.sort((a, b) => b.score - a.score || (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0));
  if (mentions.length > maxConcepts) mentions.length = maxConcepts;
  return { paperId: paper.id, mentions, labelsZh };
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

function hasCapital(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

/** Model sizes and versions glued to a model name: "-14B", "-7B-Instruct", "-0414", "-Distill". */
function modelTail(tokens: readonly Token[], end: number): number {
  let j = end;
  while (j + 1 < tokens.length && tokens[j + 1]!.hyphenBefore) {
    const text = tokens[j + 1]!.text;
    if (/\d/.test(text) || /^(?:instruct|base|chat|it|math|coder|code|vl|preview|mini|turbo|pro|max|plus|flash|lite|zero|exp|mix|moe)$/i.test(text)) j++;
    else break;
  }
  return j;
}

function wordsOf(paper: Paper): Set<string> {
  const words = new Set<string>();
  for (const token of tokenize(`${paper.title}\n\n${paper.abstract}`)) words.add(wordKey(token.text));
  return words;
}

function resolveByContext(choices: readonly number[], termWords: readonly Set<string>[], paperWords: ReadonlySet<string>): number {
  let best = choices[0]!;
  let bestScore = 0;
  for (const choice of choices) {
    let score = 0;
    for (const word of termWords[choice] ?? []) if (paperWords.has(word)) score++;
    if (score > bestScore) [best, bestScore] = [choice, score];
  }
  return best;
}
