/**
 * Rebuilds data/encoding/zh-model.json, the character bigram model `repairEncoding` uses to choose among the
 * characters a damaged UTF-8 sequence could have been (see src/ingest/char-model.ts).
 *
 * Source: the clean paper lists in ../shared/corpus/paper-lists, EXCEPT the held-out lists named in
 * bench/encoding-holdout.ts (rare-disease--52635eb5, bib--survey-from-rl-syn-data,
 * vision-language-model-game--9a54f469, vlm-grpo--1eae6020, moe-llm--8d33c93b), which `eval:encoding`
 * measures on. The seed (data/rl-entropy-papers.md) is itself damaged and is never read.
 *
 * Lines are deduplicated first (the same paper's notes appear in many lists). Every line with a non-ASCII
 * character is counted, with ASCII folded into classes (see `modelToken`). All bigrams are kept (Kneser–Ney needs
 * their types). Trigrams are kept only when one of their characters can lose a byte (only those can tell two
 * readings of a damaged text apart) and when seen at least twice (their pair's follower count stays exact), which
 * keeps the file near 0.5 MB.
 *
 *   npm run build:char-model
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelToken, type CharModelData } from '../src/ingest/char-model.ts';
import { CODE_PAGES, codePage } from '../src/ingest/code-pages.ts';
import { corpusListsDir, HELD_OUT_LISTS } from './encoding-holdout.ts';

const MIN_BIGRAM_COUNT = 1;
const MIN_TRIGRAM_COUNT = 2;

/** Bytes some code page may drop (see code-pages.ts): a character whose UTF-8 holds one can be damaged. */
const DROPPABLE = new Set(CODE_PAGES.flatMap((name) => codePage(name).droppedBytes));
const utf8 = new TextEncoder();
const canLoseByte = (token: string): boolean => token.length > 0 && token.charCodeAt(0) >= 0x80 && [...utf8.encode(token)].some((byte) => DROPPABLE.has(byte));
const outPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'encoding', 'zh-model.json');

const dir = corpusListsDir();
const held = new Set<string>(HELD_OUT_LISTS);
const files = readdirSync(dir).filter((name) => name.endsWith('.md') && !held.has(name)).sort();
const lines = new Set<string>();
for (const name of files) {
  for (const line of readFileSync(join(dir, name), 'utf8').split(/\r?\n/)) {
    if (/[^\x00-\x7f]/.test(line)) lines.add(line);
  }
}

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
let kept = 0;
for (const oldId of order) {
  const row = pairs.get(oldId);
  if (!row) continue;
  const flat: number[] = [];
  const entries = [...row].map(([next, count]) => [renumber.get(next) ?? 0, count] as const).sort((a, b) => a[0] - b[0]);
  for (const [next, count] of entries) {
    if (count < MIN_BIGRAM_COUNT) continue;
    flat.push(next, count);
    kept++;
  }
  if (flat.length > 0) bigrams[String(renumber.get(oldId))] = flat;
}
const trigrams: Record<string, number[]> = {};
let keptTrigrams = 0;
for (const [key, next] of [...triples].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const [first, second] = key.split(',').map(Number);
  const pairDamageable = canLoseByte(tokens[first ?? 0] ?? '') || canLoseByte(tokens[second ?? 0] ?? '');
  const flat: number[] = [next.size];
  for (const [id, count] of [...next].sort((a, b) => (renumber.get(a[0]) ?? 0) - (renumber.get(b[0]) ?? 0))) {
    if (count < MIN_TRIGRAM_COUNT || !(pairDamageable || canLoseByte(tokens[id] ?? ''))) continue;
    flat.push(renumber.get(id) ?? 0, count);
    keptTrigrams++;
  }
  if (flat.length > 1) trigrams[`${renumber.get(first ?? 0)},${renumber.get(second ?? 0)}`] = flat;
}
const data: CharModelData = {
  format: 'papergraph-char-ngram',
  version: 2,
  description: `Character bigrams of ${lines.size} distinct non-ASCII lines from ${files.length} clean lists of ../shared/corpus (held out: ${HELD_OUT_LISTS.join(', ')}). Rebuild: npm run build:char-model.`,
  tokens: order.map((id) => tokens[id] ?? ''),
  counts: order.map((id) => counts[id] ?? 0),
  followers,
  bigrams,
  trigrams,
};
const json = JSON.stringify(data);
writeFileSync(outPath, json + '\n');
process.stdout.write(`wrote ${outPath}: ${tokens.length} tokens, ${kept} bigrams, ${keptTrigrams} trigrams, ${(json.length / 1024).toFixed(0)} KiB from ${files.length} lists\n`);
