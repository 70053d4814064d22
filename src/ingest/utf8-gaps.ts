/**
 * UTF-8 with gaps: read a byte string as UTF-8 when some continuation bytes may be missing, and list for each
 * character every code point it could have been.
 *
 * Follows the UTF-8 definition of RFC 3629 (§3–4: lead bytes C2–F4 announce 1–3 continuation bytes 80–BF,
 * with the second-byte limits after E0, ED, F0, F4 that exclude overlongs, surrogates and code points past
 * U+10FFFF). Only continuation bytes can be missing here (every byte a code page drops is in 80–BF), so a lead
 * byte always starts a character and character boundaries are certain; what is unknown is, per character,
 * where its missing bytes were and what they were. The candidates are every placement of the missing bytes
 * among the continuation slots, with every value from the dropped set, that gives a valid, acceptable
 * code point.
 */

/**
 * A byte run read as characters. Character i could be any of `candidates[offsets[i]] … candidates[offsets[i+1] - 1]`
 * (one code point when nothing is missing). Flat arrays, because a long run has many characters.
 */
export interface GapParse {
  /** Number of characters. */
  length: number;
  offsets: number[];
  candidates: number[];
  /** Continuation bytes present in the run (how much UTF-8 structure the run shows). */
  present: number;
  /** Continuation bytes that had to be inserted. */
  missing: number;
}

export interface ParseUtf8WithGapsOptions {
  /** Values a missing byte may take. */
  droppedBytes: readonly number[];
  /** Most bytes one character may have lost. Default 2. */
  maxMissingPerChar?: number;
  /** Which decoded code points count as a possible reading. Default: all. */
  accept?: (codePoint: number) => boolean;
  /**
   * Candidate lists already worked out for a damaged character, keyed by its lead and present bytes; pass the
   * same map to calls with the same `droppedBytes` and `accept` to skip the enumeration. Default: none.
   */
  cache?: Map<number, readonly number[]>;
}

const isContinuation = (byte: number): boolean => byte >= 0x80 && byte <= 0xbf;

/** Continuation bytes a lead byte announces, or -1 when the byte cannot start a character. */
export function continuationCount(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return -1;
}

/** The code point of one complete sequence, or -1 when it is not valid UTF-8. */
export function decodeSequence(lead: number, tail: readonly number[]): number {
  const count = continuationCount(lead);
  if (count !== tail.length) return -1;
  for (const byte of tail) if (!isContinuation(byte)) return -1;
  const second = tail[0] ?? 0;
  if (lead === 0xe0 && second < 0xa0) return -1;
  if (lead === 0xed && second > 0x9f) return -1;
  if (lead === 0xf0 && second < 0x90) return -1;
  if (lead === 0xf4 && second > 0x8f) return -1;
  let codePoint = count === 1 ? lead & 0x1f : count === 2 ? lead & 0x0f : lead & 0x07;
  for (const byte of tail) codePoint = (codePoint << 6) | (byte & 0x3f);
  return codePoint;
}

/** Every way to put `missing` bytes among `present.length + missing` slots, keeping `present` in order. */
function candidateTails(present: readonly number[], missing: number, dropped: readonly number[]): number[][] {
  const total = present.length + missing;
  const tails: number[][] = [];
  const build = (slot: number, used: number, tail: number[]): void => {
    if (slot === total) {
      if (used === present.length) tails.push(tail.slice());
      return;
    }
    const inserted = slot - used;
    if (used < present.length) {
      tail.push(present[used] ?? 0);
      build(slot + 1, used + 1, tail);
      tail.pop();
    }
    if (inserted < missing) {
      for (const byte of dropped) {
        tail.push(byte);
        build(slot + 1, used, tail);
        tail.pop();
      }
    }
  };
  build(0, 0, []);
  return tails;
}

/** Key of a damaged character in the candidate cache: lead, number of present bytes (≤ 2), present bytes. */
function cacheKey(lead: number, present: readonly number[]): number {
  return lead + present.length * 0x100 + (present[0] ?? 0) * 0x400 + (present[1] ?? 0) * 0x40000;
}

function enumerateCandidates(lead: number, present: readonly number[], missing: number, dropped: readonly number[], accept: (codePoint: number) => boolean): number[] {
  const found: number[] = [];
  const seen = new Set<number>();
  for (const tail of candidateTails(present, missing, dropped)) {
    const codePoint = decodeSequence(lead, tail);
    if (codePoint >= 0 && !seen.has(codePoint) && accept(codePoint)) {
      seen.add(codePoint);
      found.push(codePoint);
    }
  }
  return found;
}

/**
 * Reads `bytes` (all 0x80 or above) as UTF-8 with gaps. Returns null when no reading exists: a byte that can
 * never start a character where one must start, more continuation bytes than the lead announces, too many
 * missing bytes, or a character with no acceptable candidate.
 */
export function parseUtf8WithGaps(bytes: ArrayLike<number>, options: ParseUtf8WithGapsOptions): GapParse | null {
  const maxMissing = options.maxMissingPerChar ?? 2;
  const accept = options.accept ?? (() => true);
  const cache = options.cache;
  const offsets: number[] = [0];
  const candidates: number[] = [];
  const present: number[] = [];
  let presentTotal = 0;
  let missingTotal = 0;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const count = continuationCount(lead);
    if (count < 0) return null;
    index++;
    present.length = 0;
    while (index < bytes.length && isContinuation(bytes[index] ?? 0)) {
      present.push(bytes[index] ?? 0);
      index++;
    }
    const missing = count - present.length;
    if (missing < 0 || missing > maxMissing) return null;
    if (missing === 0) {
      const codePoint = decodeSequence(lead, present);
      if (codePoint < 0 || !accept(codePoint)) return null;
      candidates.push(codePoint);
    } else {
      const key = cacheKey(lead, present);
      let found = cache?.get(key);
      if (found === undefined) {
        found = enumerateCandidates(lead, present, missing, options.droppedBytes, accept);
        cache?.set(key, found);
      }
      if (found.length === 0) return null;
      for (const codePoint of found) candidates.push(codePoint);
    }
    offsets.push(candidates.length);
    presentTotal += present.length;
    missingTotal += missing;
  }
  return { length: offsets.length - 1, offsets, candidates, present: presentTotal, missing: missingTotal };
}
