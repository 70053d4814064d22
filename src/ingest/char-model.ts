/**
 * A character bigram model of the text found in paper-list notes (mostly Chinese, with the punctuation,
 * emoji and Latin runs around it), used to choose among the characters a damaged UTF-8 sequence could have
 * been.
 *
 * Probabilities are Witten–Bell interpolated bigrams (Witten & Bell, "The zero-frequency problem", IEEE
 * Trans. Inf. Theory 37(4), 1991; as presented in Chen & Goodman, "An empirical study of smoothing techniques
 * for language modeling", 1998): P(c | p) = (C(p c) + T(p) · P(c)) / (C(p) + T(p)), where T(p) is the number
 * of distinct characters seen after p. The unigram P(c) keeps an escape mass for unseen characters, shared
 * evenly over a nominal alphabet, so an unseen character is possible but never preferred to a seen one.
 *
 * ASCII is folded into classes before counting (every letter is `a`, every digit `0`, tabs are spaces);
 * other characters stand for themselves. The model ships as `data/encoding/zh-model.json`, rebuilt from
 * clean lists by `bench/build-char-model.ts`.
 */
import { PapergraphError } from '../core/errors.ts';

/** The JSON form of the model (see data/encoding/zh-model.json). */
export interface CharModelData {
  format: 'papergraph-char-bigram';
  version: 1;
  description: string;
  /** Token strings; index = token id. */
  tokens: string[];
  /** Occurrences of each token. */
  counts: number[];
  /** Distinct tokens seen after each token, before pruning. */
  followers: number[];
  /** Number of tokens seen once (the escape mass for unseen characters). */
  singletons: number;
  /** Bigram counts kept after pruning: previous token id -> flat [next id, count, next id, count, …]. */
  bigrams: Record<string, number[]>;
}

export interface CharModel {
  readonly tokenIds: ReadonlyMap<string, number>;
  /** Token id of each ASCII code point, and of each non-ASCII code point the model saw. */
  readonly asciiIds: Int32Array;
  readonly codePointIds: ReadonlyMap<number, number>;
  readonly logUnigram: Float64Array;
  readonly logUnseen: number;
  readonly counts: Float64Array;
  readonly followers: Float64Array;
  readonly unigram: Float64Array;
  readonly unseen: number;
  readonly bigrams: ReadonlyMap<number, number>;
  readonly size: number;
}

/** Nominal number of characters the escape mass is shared over. */
const UNSEEN_ALPHABET = 30_000;

/** The model token for a code point: ASCII letters -> `a`, digits -> `0`, tab -> space; others unchanged. */
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
export function createCharModel(data: CharModelData): CharModel {
  if (data.format !== 'papergraph-char-bigram' || data.version !== 1) {
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
  let total = 0;
  for (const count of counts) total += count;
  const escape = Math.max(1, data.singletons);
  const unigram = new Float64Array(size);
  const logUnigram = new Float64Array(size);
  for (let id = 0; id < size; id++) {
    unigram[id] = (counts[id] ?? 0) / (total + escape);
    logUnigram[id] = Math.log(unigram[id] ?? 0);
  }
  const unseen = escape / (total + escape) / UNSEEN_ALPHABET;
  const bigrams = new Map<number, number>();
  for (const [previous, flat] of Object.entries(data.bigrams)) {
    const previousId = Number(previous);
    for (let index = 0; index + 1 < flat.length; index += 2) {
      bigrams.set(previousId * size + (flat[index] ?? 0), flat[index + 1] ?? 0);
    }
  }
  return { tokenIds, asciiIds, codePointIds, logUnigram, logUnseen: Math.log(unseen), counts, followers, unigram, unseen, bigrams, size };
}

/** Token id of a code point in the model, or -1 when the model never saw it. */
export function tokenId(model: CharModel, codePoint: number): number {
  if (codePoint < 0x80) return model.asciiIds[codePoint] ?? -1;
  return model.codePointIds.get(codePoint) ?? -1;
}

/** log P(next | previous) with Witten–Bell interpolation; ids are from `tokenId` (-1 for unseen). */
export function logBigram(model: CharModel, previousId: number, nextId: number): number {
  const base = nextId < 0 ? model.unseen : (model.unigram[nextId] ?? model.unseen);
  if (previousId < 0) return Math.log(base);
  const seen = model.counts[previousId] ?? 0;
  const distinct = model.followers[previousId] ?? 0;
  if (seen === 0 || distinct === 0) return Math.log(base);
  const pair = nextId < 0 ? 0 : (model.bigrams.get(previousId * model.size + nextId) ?? 0);
  return Math.log((pair + distinct * base) / (seen + distinct));
}
