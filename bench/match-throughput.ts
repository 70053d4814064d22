/**
 * Throughput of the per-paper matching step (matchPapers) on one core, the step issue 8 runs in worker threads.
 *
 * Reads every list in ../shared/corpus/paper-lists (+ the seed), builds the vocabulary once, then matches the
 * papers repeated to `--papers N` (default 30000) and reports papers/s and words/s. The vocabulary build is timed
 * separately. Times are CPU time of this process (process.cpuUsage), so a machine shared with other jobs does not
 * distort them; wall time is printed beside. Run bundled, so that tsx's loader thread does not add its own CPU time:
 *
 *   npx esbuild bench/match-throughput.ts --bundle --platform=node --format=esm --external:natural \
 *     --outfile=output/match-throughput.mjs && node output/match-throughput.mjs [--papers N] [--no-zh]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePaperList } from '../src/ingest/parse-paper-list.ts';
import { mergePapers } from '../src/ingest/merge-papers.ts';
import { buildVocabulary } from '../src/concepts/vocabulary.ts';
import { matchPapers } from '../src/concepts/match-papers.ts';
import type { Paper } from '../src/core/types.ts';

const args = process.argv.slice(2);
const index = args.indexOf('--papers');
const target = index >= 0 ? Number(args[index + 1]) : 30_000;
const folder = '../shared/corpus/paper-lists';
const all: Paper[] = [];
for (const name of readdirSync(folder).sort()) all.push(...parsePaperList(readFileSync(join(folder, name), 'utf8'), { file: name }).papers);
all.push(...parsePaperList(readFileSync('data/rl-entropy-papers.md', 'utf8')).papers);
const papers = mergePapers(all).papers.filter((paper) => paper.abstract !== '');
const words = papers.reduce((sum, paper) => sum + paper.abstract.split(/\s+/).length + paper.title.split(/\s+/).length, 0);

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
let t = cpuMs();
const vocabulary = buildVocabulary(papers);
const buildMs = cpuMs() - t;
console.log(`corpus: ${papers.length} distinct papers with abstracts, ${(words / papers.length).toFixed(0)} words each on average`);
console.log(`buildVocabulary: ${buildMs.toFixed(0)} ms CPU (${vocabulary.terms.length} terms, ${vocabulary.phrases.length} phrases; ${(papers.length / (buildMs / 1000)).toFixed(0)} papers/s)`);
const cloned = structuredClone(vocabulary);
console.log(`vocabulary is structured-cloneable: ${JSON.stringify(cloned) === JSON.stringify(vocabulary)}`);

const batch: Paper[] = [];
for (let i = 0; batch.length < target; i++) batch.push(papers[i % papers.length]!);
matchPapers(papers, vocabulary); // warm-up: compile the trie, fill the key caches
// As a worker would: match a chunk, hand its results on (here: count them), keep nothing.
let t0 = cpuMs();
let streamed = 0;
for (let start = 0; start < batch.length; start += 1000) {
  for (const match of matchPapers(batch.slice(start, start + 1000), vocabulary, { chineseLabels: !process.argv.includes('--no-zh') })) streamed += match.mentions.length;
}
const streamMs = cpuMs() - t0;
t = cpuMs();
const wall = performance.now();
const matches = matchPapers(batch, vocabulary, { chineseLabels: !process.argv.includes('--no-zh') });
const matchMs = cpuMs() - t;
const wallMs = performance.now() - wall;
const mentions = matches.reduce((sum, match) => sum + match.mentions.length, 0);

console.log(`matchPapers, chunks of 1000 consumed as they come: ${(batch.length / (streamMs / 1000)).toFixed(0)} papers per CPU-second (${streamed} mentions)`);
console.log(`matchPapers, all ${batch.length} results kept in memory: ${matchMs.toFixed(0)} ms CPU (${wallMs.toFixed(0)} ms wall) = ${(batch.length / (matchMs / 1000)).toFixed(0)} papers per CPU-second, ${((batch.length * words) / papers.length / (matchMs / 1000) / 1e6).toFixed(2)} M words/s (${mentions} mentions)`);
