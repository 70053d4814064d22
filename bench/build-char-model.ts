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
import { countCharNgrams } from './count-char-ngrams.ts';
import { corpusListsDir, HELD_OUT_LISTS } from './encoding-holdout.ts';

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

const data = countCharNgrams(lines, `Character n-grams of ${lines.size} distinct non-ASCII lines from ${files.length} clean lists of ../shared/corpus (held out: ${HELD_OUT_LISTS.join(', ')}). Rebuild: npm run build:char-model.`);
const json = JSON.stringify(data);
writeFileSync(outPath, json + '\n');
process.stdout.write(`wrote ${outPath}: ${data.tokens.length} tokens, ${Object.values(data.bigrams).reduce((sum, flat) => sum + flat.length / 2, 0)} bigrams, ${Object.values(data.trigrams).reduce((sum, flat) => sum + (flat.length - 1) / 2, 0)} trigrams, ${(json.length / 1024).toFixed(0)} KiB from ${files.length} lists\n`);
