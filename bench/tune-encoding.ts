/**
 * Chooses the character model's smoothing settings on a development split, never on the held-out lists that
 * `eval:encoding` reports. Dev lists: `mllm-medical--8843ac45.md` and `reward-model-vlm--496116e7.md` (each
 * shares one paper with the rest of the corpus); the model is counted from the remaining training lists (all
 * lists except dev and held out), the dev lists are damaged (Windows-1254), repaired under each setting, and
 * the share of Chinese characters restored is printed.
 *
 *   npx tsx bench/tune-encoding.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCharModel } from '../src/ingest/char-model.ts';
import { encodeMojibake } from '../src/ingest/encode-mojibake.ts';
import { repairEncoding } from '../src/ingest/repair-encoding.ts';
import { countCharNgrams } from './count-char-ngrams.ts';
import { corpusListsDir, HELD_OUT_LISTS } from './encoding-holdout.ts';

const DEV_LISTS = ['mllm-medical--8843ac45.md', 'reward-model-vlm--496116e7.md'];
const dir = corpusListsDir();
const excluded = new Set<string>([...HELD_OUT_LISTS, ...DEV_LISTS]);
const lines = new Set<string>();
for (const name of readdirSync(dir).filter((file) => file.endsWith('.md') && !excluded.has(file)).sort()) {
  for (const line of readFileSync(join(dir, name), 'utf8').split(/\r?\n/)) if (/[^\x00-\x7f]/.test(line)) lines.add(line);
}
const data = countCharNgrams(lines, 'dev model');
const dev = DEV_LISTS.map((name) => readFileSync(join(dir, name), 'utf8'));
const CJK = /[\u3400-\u9fff]/u;

function accuracy(discount: number, minContextCount: number): { wrong: number; zh: number; uncertain: number } {
  const model = createCharModel(data, { discount, minContextCount });
  let wrong = 0;
  let zh = 0;
  let uncertain = 0;
  for (const clean of dev) {
    const result = repairEncoding(encodeMojibake(clean), { model });
    uncertain += result.stats.uncertain;
    const cleanLines = clean.split('\n');
    const repairedLines = result.text.split('\n');
    cleanLines.forEach((line, index) => {
      const a = [...line];
      const b = [...(repairedLines[index] ?? '')];
      a.forEach((char, at) => {
        if (!CJK.test(char)) return;
        zh++;
        if (a.length !== b.length || b[at] !== char) wrong++;
      });
    });
  }
  return { wrong, zh, uncertain };
}

for (const discount of [0.6, 0.75, 0.9]) {
  for (const minContextCount of [1, 3, 5, 10]) {
    const { wrong, zh, uncertain } = accuracy(discount, minContextCount);
    process.stdout.write(`discount ${discount}  minContextCount ${String(minContextCount).padStart(2)}  zh restored ${((100 * (zh - wrong)) / zh).toFixed(2)}% (${wrong} wrong of ${zh})  uncertain spans ${uncertain}\n`);
  }
}
