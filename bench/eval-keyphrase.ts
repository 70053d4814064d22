/**
 * Open discovery alone on the Inspec keyphrase benchmark (Hulth 2003), scored by the standard evaluator
 * (../shared/keyphrase/eval.py: lowercase, Porter-stemmed exact match, macro F1@5 and F1@10).
 *
 * The extractor runs with an empty lexicon (acronym pairing and part-of-speech discovery only), single-word terms
 * allowed, heads like "problem"/"system" kept and only the longest phrase counted (the indexers' convention; concept
 * lists drop such heads and count nested general terms too); document
 * frequencies for term specificity come from inspec-train only, never from the split being scored. Each
 * abstract's ranked concepts (best surface form first) are the predictions.
 *
 *   npm run eval:keyphrase [-- --split inspec-dev --keep]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countDocumentFrequencies } from '../src/concepts/vocabulary.ts';
import { extractConcepts } from '../src/concepts/extract-concepts.ts';
import type { Paper } from '../src/core/types.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1]! : fallback;
};
const root = option('--data', '../shared/keyphrase');
const split = option('--split', 'inspec-dev');
const trainSplit = option('--train', 'inspec-train');

function readSplit(name: string): Paper[] {
  return readFileSync(join(root, name, 'docs.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const doc = JSON.parse(line) as { id: string; title: string; abstract: string };
      return { id: doc.id, version: null, title: doc.title, month: null, paperUrl: '', codeUrl: '', abstract: doc.abstract, notes: [], anchor: doc.id, sources: [], categories: [] };
    });
}

const started = performance.now();
const background = countDocumentFrequencies(readSplit(trainSplit), { trimHeads: false });
const papers = readSplit(split);
const result = extractConcepts(papers, {
  lexicon: [],
  background,
  singleWords: true,
  trimHeads: false,
  nestedHeads: false,
  discoveredPerPaper: 40,
  minPapers: 1_000_000,
  maxConceptsPerPaper: 20,
});
const predictions: Record<string, string[]> = {};
for (const paper of papers) predictions[paper.id] = [];
for (const mention of result.mentions) {
  const list = predictions[mention.paperId];
  // The fullest surface form stands for the concept (an expansion rather than its acronym).
  const form = mention.forms.reduce<string | undefined>((best, candidate) => (best === undefined || candidate.split(/\s+/).length > best.split(/\s+/).length ? candidate : best), undefined);
  if (list && form !== undefined) list.push(form);
}
const elapsedMs = performance.now() - started;

const dir = mkdtempSync(join(tmpdir(), 'papergraph-keyphrase-'));
const file = join(dir, 'predictions.json');
writeFileSync(file, JSON.stringify(predictions));
const output = execFileSync('python3', [join(root, 'eval.py'), file, '--data', join(root, split), '--k', '5,10'], { encoding: 'utf8' });
if (args.includes('--keep')) console.log(`predictions: ${file}`);
else rmSync(dir, { recursive: true, force: true });
console.log(output.trimEnd());
const f1 = /F1@10=([\d.]+)/.exec(output)?.[1];
console.log(`\n${split}: ${papers.length} abstracts in ${elapsedMs.toFixed(0)} ms; macro F1@10 = ${f1 ?? '?'} (target ≥ 36; TF-IDF baseline 35.0 on the test split)`);
