/**
 * Measures `repairEncoding` on the damage model of ../shared/corpus/README.md: take each held-out clean list
 * (bench/encoding-holdout.ts; the character model never saw them), damage it (`encodeMojibake`, Windows-1254,
 * undefined bytes and soft hyphens dropped), repair it, and compare line by line with the clean original
 * (character alignment by longest common subsequence). Also repairs the clean originals themselves — every
 * list of the corpus, not only the held-out ones — and counts characters changed (must be 0). As a baseline,
 * "round-trip" is what plain re-decoding without restoring bytes gets (ftfy's approach), the same alignment.
 *
 *   npm run eval:encoding
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codePage } from '../src/ingest/code-pages.ts';
import { encodeMojibake } from '../src/ingest/encode-mojibake.ts';
import { repairEncoding } from '../src/ingest/repair-encoding.ts';
import { corpusListsDir, HELD_OUT_LISTS } from './encoding-holdout.ts';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const PUNCT_OR_EMOJI = /[\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]/u;

interface Tally { zh: number; zhOk: number; nonAscii: number; nonAsciiOk: number; punct: number; punctOk: number; zhRoundTrip: number; wrongFlagged: number }
const emptyTally = (): Tally => ({ zh: 0, zhOk: 0, nonAscii: 0, nonAsciiOk: 0, punct: 0, punctOk: 0, zhRoundTrip: 0, wrongFlagged: 0 });

/** Marks which characters of `original` appear, in order, in `candidate` (LCS; lines are short). */
function matched(original: string[], candidate: string[]): boolean[] {
  const n = original.length;
  const m = candidate.length;
  if (n * m > 4_000_000) return original.map((char, index) => candidate[index] === char);
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = original[i] === candidate[j]
        ? (table[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
        : Math.max(table[(i + 1) * (m + 1) + j] ?? 0, table[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const ok = new Array<boolean>(n).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (original[i] === candidate[j]) { ok[i] = true; i++; j++; }
    else if ((table[(i + 1) * (m + 1) + j] ?? 0) >= (table[i * (m + 1) + j + 1] ?? 0)) i++;
    else j++;
  }
  return ok;
}

/** ftfy-style round trip: back to bytes through the code page, decode as UTF-8, missing bytes become U+FFFD. */
function roundTrip(damaged: string): string {
  const page = codePage('windows-1254');
  return damaged.replace(/[^\x00-\x7f]+/g, (run) => {
    const bytes = Uint8Array.from([...run].map((char) => page.toByte.get(char.charCodeAt(0)) ?? 0x3f));
    return new TextDecoder('utf-8').decode(bytes);
  });
}

function tallyFile(clean: string, repaired: string, baseline: string, tally: Tally, uncertainLines: ReadonlySet<number> = new Set()): void {
  const cleanLines = clean.split('\n');
  const repairedLines = repaired.split('\n');
  const baselineLines = baseline.split('\n');
  cleanLines.forEach((line, index) => {
    if (!/[^\x00-\x7f]/.test(line)) return;
    const original = [...line];
    const ok = line === repairedLines[index] ? original.map(() => true) : matched(original, [...(repairedLines[index] ?? '')]);
    const okBaseline = matched(original, [...(baselineLines[index] ?? '')]);
    original.forEach((char, at) => {
      if (char.charCodeAt(0) < 0x80) return;
      tally.nonAscii++;
      if (ok[at]) tally.nonAsciiOk++;
      else if (uncertainLines.has(index + 1)) tally.wrongFlagged++;
      if (CJK.test(char)) {
        tally.zh++;
        if (ok[at]) tally.zhOk++;
        if (okBaseline[at]) tally.zhRoundTrip++;
      } else if (PUNCT_OR_EMOJI.test(char)) {
        tally.punct++;
        if (ok[at]) tally.punctOk++;
      }
    });
  });
}

function changedCharacters(clean: string, repaired: string): number {
  if (clean === repaired) return 0;
  const a = clean.split('\n');
  const b = repaired.split('\n');
  let changed = 0;
  a.forEach((line, index) => {
    const other = b[index] ?? '';
    if (line === other) return;
    const original = [...line];
    changed += original.length - matched(original, [...other]).filter(Boolean).length;
  });
  return changed;
}

const pct = (ok: number, all: number): string => (all === 0 ? '—' : `${((100 * ok) / all).toFixed(2)}%`);
const dir = corpusListsDir();
const rows: string[][] = [];
const total = emptyTally();
let totalUncertain = 0;
let totalChanged = 0;
let totalMs = 0;
for (const name of HELD_OUT_LISTS) {
  const clean = readFileSync(join(dir, name), 'utf8');
  const damaged = encodeMojibake(clean);
  const started = performance.now();
  const result = repairEncoding(damaged, { file: name });
  totalMs += performance.now() - started;
  const tally = emptyTally();
  tallyFile(clean, result.text, roundTrip(damaged), tally, new Set(result.spans.filter((span) => span.uncertain).map((span) => span.line)));
  const changed = changedCharacters(clean, repairEncoding(clean).text);
  totalChanged += changed;
  totalUncertain += result.stats.uncertain;
  for (const key of Object.keys(total) as Array<keyof Tally>) total[key] += tally[key];
  rows.push([name, String(tally.zh), pct(tally.zhOk, tally.zh), pct(tally.zhRoundTrip, tally.zh), pct(tally.nonAsciiOk, tally.nonAscii), pct(tally.punctOk, tally.punct), String(changed), String(result.stats.uncertain)]);
}
rows.push(['TOTAL (held out)', String(total.zh), pct(total.zhOk, total.zh), pct(total.zhRoundTrip, total.zh), pct(total.nonAsciiOk, total.nonAscii), pct(total.punctOk, total.punct), String(totalChanged), String(totalUncertain)]);

// The same held-out lists damaged through Windows-1252 (its own undefined bytes dropped): detection is per code page.
const total1252 = emptyTally();
for (const name of HELD_OUT_LISTS) {
  const clean = readFileSync(join(dir, name), 'utf8');
  tallyFile(clean, repairEncoding(encodeMojibake(clean, { codePage: 'windows-1252' })).text, clean, total1252);
}

// Zero changes to clean text: every list of the corpus, held out or not.
let cleanChanged = 0;
const allLists = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
for (const name of allLists) {
  const clean = readFileSync(join(dir, name), 'utf8');
  cleanChanged += changedCharacters(clean, repairEncoding(clean).text);
}

const header = ['held-out list', 'zh chars', 'zh restored', 'zh round-trip', 'non-ASCII restored', 'punct+emoji restored', 'clean chars changed', 'uncertain spans'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
const format = (row: string[]): string => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
process.stdout.write([format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(format)].join('\n') + '\n');
const wrong = total.nonAscii - total.nonAsciiOk;
process.stdout.write(`\nnon-ASCII characters not restored: ${wrong}, of which ${total.wrongFlagged} on a line reported with an uncertain span\n`);
process.stdout.write(`same lists damaged through windows-1252: zh restored ${pct(total1252.zhOk, total1252.zh)}, non-ASCII ${pct(total1252.nonAsciiOk, total1252.nonAscii)}, punct+emoji ${pct(total1252.punctOk, total1252.punct)}\n`);
process.stdout.write(`clean originals repaired unchanged: ${cleanChanged} character(s) changed across all ${allLists.length} corpus lists\n`);
process.stdout.write(`repair time on the damaged held-out lists: ${totalMs.toFixed(0)} ms (first call includes loading the model)\n`);
process.stdout.write(`model built from the other ${allLists.length - HELD_OUT_LISTS.length} lists (npm run build:char-model); held out: ${HELD_OUT_LISTS.join(', ')}\n`);
