/**
 * Counts the character n-grams of clean lines into the JSON form of the character model (see
 * src/ingest/char-model.ts): tokens by frequency, their counts and follower counts, every bigram, and the
 * trigrams that touch a character able to lose a byte (seen at least twice). Used by build-char-model.ts.
 */
import { modelToken, type CharModelData } from '../src/ingest/char-model.ts';
import { CODE_PAGES, codePage } from '../src/ingest/code-pages.ts';

const MIN_BIGRAM_COUNT = 1;
const MIN_TRIGRAM_COUNT = 2;

/** Bytes some code page may drop (see code-pages.ts): a character whose UTF-8 holds one can be damaged. */
const DROPPABLE = new Set(CODE_PAGES.flatMap((name) => codePage(name).droppedBytes));
const utf8 = new TextEncoder();
const canLoseByte = (token: string): boolean => token.length > 0 && token.charCodeAt(0) >= 0x80 && [...utf8.encode(token)].some((byte) => DROPPABLE.has(byte));

export function countCharNgrams(lines: Iterable<string>, description: string): CharModelData {
  const ids = new Map<string, number>();
  const tokens: string[] = [];
  const counts: number[] = [];
  const pairs = new Map<number, Map<number, number>>();
  /** Trigrams: pair key (JSON "a,b" after renumbering) -> next -> count; built with old ids. */
  const triples = new Map<string, Map<number, number>>();
  function idOf(token: string): number {
    let id = ids.get(token);
    if (id === undefined) {
      id = tokens.length;
      ids.set(token, id);
      tokens.push(token);
      counts.push(0);
    }
    return id;
  }
  for (const line of lines) {
    let first = -1;
    let previous = idOf('\n');
    counts[previous] = (counts[previous] ?? 0) + 1;
    for (const char of line + '\n') {
      const id = idOf(modelToken(char.codePointAt(0) ?? 0));
      counts[id] = (counts[id] ?? 0) + 1;
      let row = pairs.get(previous);
      if (!row) pairs.set(previous, (row = new Map()));
      row.set(id, (row.get(id) ?? 0) + 1);
      if (first >= 0) {
        const key = `${first},${previous}`;
        let next = triples.get(key);
        if (!next) triples.set(key, (next = new Map()));
        next.set(id, (next.get(id) ?? 0) + 1);
      }
      first = previous;
      previous = id;
    }
  }

  // Renumber by frequency so the file reads top characters first.
  const order = tokens.map((_, id) => id).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || (tokens[a] ?? '').localeCompare(tokens[b] ?? ''));
  const renumber = new Map<number, number>();
  order.forEach((oldId, newId) => renumber.set(oldId, newId));
  const followers = order.map((oldId) => pairs.get(oldId)?.size ?? 0);
  const bigrams: Record<string, number[]> = {};
  for (const oldId of order) {
    const row = pairs.get(oldId);
    if (!row) continue;
    const flat: number[] = [];
    const entries = [...row].map(([next, count]) => [renumber.get(next) ?? 0, count] as const).sort((a, b) => a[0] - b[0]);
    for (const [next, count] of entries) {
      if (count < MIN_BIGRAM_COUNT) continue;
      flat.push(next, count);
    }
    if (flat.length > 0) bigrams[String(renumber.get(oldId))] = flat;
  }
  const trigrams: Record<string, number[]> = {};
  for (const [key, next] of [...triples].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [first, second] = key.split(',').map(Number);
    const pairDamageable = canLoseByte(tokens[first ?? 0] ?? '') || canLoseByte(tokens[second ?? 0] ?? '');
    const flat: number[] = [next.size];
    for (const [id, count] of [...next].sort((a, b) => (renumber.get(a[0]) ?? 0) - (renumber.get(b[0]) ?? 0))) {
      if (count < MIN_TRIGRAM_COUNT || !(pairDamageable || canLoseByte(tokens[id] ?? ''))) continue;
      flat.push(renumber.get(id) ?? 0, count);
    }
    if (flat.length > 1) trigrams[`${renumber.get(first ?? 0)},${renumber.get(second ?? 0)}`] = flat;
  }
  return {
    format: 'papergraph-char-ngram',
    version: 2,
    description,
    tokens: order.map((id) => tokens[id] ?? ''),
    counts: order.map((id) => counts[id] ?? 0),
    followers,
    bigrams,
    trigrams,
  };
}
