/**
 * A character n-gram model of the text found in paper-list notes (mostly Chinese, with the punctuation,
 * emoji and Latin runs around it), used to choose among the characters a damaged UTF-8 sequence could have
 * been.
 *
 * Bigrams are interpolated Kneser–Ney (Kneser & Ney, "Improved backing-off for m-gram language modeling",
 * ICASSP 1995; Chen & Goodman, "An empirical study of smoothing techniques for language modeling", 1998):
 * P(c | p) = max(C(p c) − D, 0) / C(p) + D · T(p) / C(p) · Pcont(c), where T(p) is the number of distinct
 * characters seen after p and Pcont(c) is the share of bigram types ending in c. Trigrams interpolate with that
 * bigram the Witten–Bell way (Witten & Bell, "The zero-frequency problem", IEEE Trans. Inf. Theory 37(4), 1991):
 * P(c | a b) = (C(a b c) + T(a b) · P(c | b)) / (C(a b) + T(a b)). Unseen characters keep a small share of the
 * mass, spread over a nominal alphabet, so an unseen character is possible but never preferred to a seen one.
 * The defaults (discount 0.75, every context trusted) are the best of the settings tried on a development split
 * of the corpus by bench/tune-encoding.ts (not on the lists `eval:encoding` holds out).
 *
 * Trigrams are kept only when one of their characters can lose a byte under the damage model (its UTF-8 has a
 * byte some code page leaves undefined, or 0xAD): only those ever differ between two readings of a damaged
 * text, so the others would cost space and decide nothing.
 *
 * ASCII is folded into classes before counting (every letter is `a`, every digit `0`, tabs are spaces, CR is
 * a newline); other characters stand for themselves. The model ships as `data/encoding/zh-model.json`, rebuilt
 * from clean lists by `bench/build-char-model.ts`.
 */
import { PapergraphError } from '../core/errors.ts';

/** The JSON form of the model (see data/encoding/zh-model.json). */
export interface CharModelData {
  format: 'papergraph-char-ngram';
  version: 2;
  description: string;
  /** Token strings; index = token id. */
  tokens: string[];
  /** Occurrences of each token. */
  counts: number[];
  /** Distinct tokens seen after each token. */
  followers: number[];
  /** Bigram counts: previous token id -> flat [next id, count, next id, count, …]. */
  bigrams: Record<string, number[]>;
  /** Trigram counts: "id1,id2" -> [distinct followers of the pair, next id, count, next id, count, …]. */
  trigrams: Record<string, number[]>;
}

export interface CharModel {
  /** Token id of each ASCII code point, and of each non-ASCII code point the model saw. */
  readonly asciiIds: Int32Array;
  readonly codePointIds: ReadonlyMap<number, number>;
  readonly continuation: Float64Array;
  readonly unseenContinuation: number;
  readonly counts: Float64Array;
  readonly followers: Float64Array;
  /** Key `previous * size + next`. */
  readonly bigrams: ReadonlyMap<number, number>;
  /** Key `(first * size + second) * size + next`. */
  readonly trigrams: ReadonlyMap<number, number>;
  /** Distinct followers of a pair, key `first * size + second`. */
  readonly pairFollowers: ReadonlyMap<number, number>;
  readonly size: number;
  /** Kneser–Ney absolute discount. */
  readonly discount: number;
  /** Contexts seen fewer times than this are not trusted: the lower order is used alone. */
  readonly minContextCount: number;
}

export interface CreateCharModelOptions {
  /** Kneser–Ney absolute discount, 0 < discount < 1. Default 0.75. */
  discount?: number;
  /** Contexts (a character, or a pair for trigrams) seen fewer times than this back off entirely. Default 1. */
  minContextCount?: number;
}

const DEFAULTS = Object.freeze({ discount: 0.75, minContextCount: 1 });

/** Nominal number of characters the model never saw, sharing the mass kept for them. */
const UNSEEN_ALPHABET = 30_000;

/** The model token for a code point: ASCII letters -> `a`, digits -> `0`, tab -> space, CR -> newline; others unchanged. */
export function modelToken(codePoint: number): string {
  if (codePoint < 0x80) {
    if ((codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a)) return 'a';
    if (codePoint >= 0x30 && codePoint <= 0x39) return '0';
    if (codePoint === 0x09) return ' ';
    if (codePoint === 0x0d) return '\n';
  }
  return String.fromCodePoint(codePoint);
}

/** Builds the model's lookup tables once from its JSON form. */
export function createCharModel(data: CharModelData, options: CreateCharModelOptions = {}): CharModel {
  const discount = options.discount ?? DEFAULTS.discount;
  const minContextCount = options.minContextCount ?? DEFAULTS.minContextCount;
  if (!(discount > 0 && discount < 1)) throw new PapergraphError('ingest', `character model discount must be between 0 and 1, got ${discount}`);
  if (!(minContextCount >= 1)) throw new PapergraphError('ingest', `character model minContextCount must be at least 1, got ${minContextCount}`);
  if (data.format !== 'papergraph-char-ngram' || data.version !== 2) {
    throw new PapergraphError('ingest', 'unknown character model format; rebuild it with `npm run build:char-model`');
  }
  const size = data.tokens.length;
  const tokenIds = new Map<string, number>();
  data.tokens.forEach((token, id) => tokenIds.set(token, id));
  const asciiIds = new Int32Array(0x80);
  for (let codePoint = 0; codePoint < 0x80; codePoint++) asciiIds[codePoint] = tokenIds.get(modelToken(codePoint)) ?? -1;
  const codePointIds = new Map<number, number>();
  data.tokens.forEach((token, id) => {
    const codePoint = token.codePointAt(0) ?? 0;
    if (codePoint >= 0x80 && token.length === String.fromCodePoint(codePoint).length) codePointIds.set(codePoint, id);
  });
  const counts = Float64Array.from(data.counts);
  const followers = Float64Array.from(data.followers);
  const bigrams = new Map<number, number>();
  const predecessors = new Float64Array(size);
  let bigramTypes = 0;
  for (const [previous, flat] of Object.entries(data.bigrams)) {
    const previousId = Number(previous);
    for (let index = 0; index + 1 < flat.length; index += 2) {
      bigrams.set(previousId * size + (flat[index] ?? 0), flat[index + 1] ?? 0);
      predecessors[flat[index] ?? 0] = (predecessors[flat[index] ?? 0] ?? 0) + 1;
      bigramTypes++;
    }
  }
  // Pcont(c) ∝ distinct predecessors + 1 for seen characters, ∝ 1/2 for each of the unseen alphabet.
  const continuationTotal = bigramTypes + size + UNSEEN_ALPHABET / 2;
  const continuation = new Float64Array(size);
  const unseenContinuation = 0.5 / continuationTotal;
  for (let id = 0; id < size; id++) continuation[id] = ((predecessors[id] ?? 0) + 1) / continuationTotal;
  const trigrams = new Map<number, number>();
  const pairFollowers = new Map<number, number>();
  for (const [pair, flat] of Object.entries(data.trigrams)) {
    const [first, second] = pair.split(',').map(Number);
    const pairKey = (first ?? 0) * size + (second ?? 0);
    pairFollowers.set(pairKey, flat[0] ?? 0);
    for (let index = 1; index + 1 < flat.length; index += 2) trigrams.set(pairKey * size + (flat[index] ?? 0), flat[index + 1] ?? 0);
  }
  return { asciiIds, codePointIds, continuation, unseenContinuation, counts, followers, bigrams, trigrams, pairFollowers, size, discount, minContextCount };
}

/** Token id of a code point in the model, or -1 when the model never saw it. */
export function tokenId(model: CharModel, codePoint: number): number {
  if (codePoint < 0x80) return model.asciiIds[codePoint] ?? -1;
  return model.codePointIds.get(codePoint) ?? -1;
}

/** P(next | previous): interpolated Kneser–Ney; the continuation distribution alone when the context is unseen. */
function bigramProbability(model: CharModel, previousId: number, nextId: number): number {
  const lower = nextId < 0 ? model.unseenContinuation : (model.continuation[nextId] ?? model.unseenContinuation);
  // An unseen context says nothing about what follows: the lower order alone, like any novel context.
  if (previousId < 0) return lower;
  const seen = model.counts[previousId] ?? 0;
  const distinct = model.followers[previousId] ?? 0;
  if (seen < model.minContextCount || distinct === 0) return lower;
  const pair = nextId < 0 ? 0 : (model.bigrams.get(previousId * model.size + nextId) ?? 0);
  return Math.max(pair - model.discount, 0) / seen + (model.discount * distinct / seen) * lower;
}

/** log P(next | previous); ids are from `tokenId` (-1 for unseen). */
export function logBigram(model: CharModel, previousId: number, nextId: number): number {
  return Math.log(bigramProbability(model, previousId, nextId));
}

/** log P(next | first second), interpolated with the bigram; falls back to the bigram when the pair has no trigrams kept. */
export function logTrigram(model: CharModel, firstId: number, secondId: number, nextId: number): number {
  const bigram = bigramProbability(model, secondId, nextId);
  if (firstId < 0 || secondId < 0) return Math.log(bigram);
  const pairKey = firstId * model.size + secondId;
  const distinct = model.pairFollowers.get(pairKey);
  if (distinct === undefined || distinct === 0) return Math.log(bigram);
  const seen = model.bigrams.get(pairKey) ?? 0;
  if (seen < model.minContextCount) return Math.log(bigram);
  const triple = nextId < 0 ? 0 : (model.trigrams.get(pairKey * model.size + nextId) ?? 0);
  return Math.log((triple + distinct * bigram) / (seen + distinct));
}
