/**
 * Scores concept extraction against the hand-annotated development set ../shared/gold/seed-concepts.json,
 * as its README describes: an extracted concept matches a gold concept when any surface form the extractor
 * attributes to it (the mention's forms in that paper, the concept's label and aliases) equals the gold name or
 * one of its aliases, compared by lookup key (case, whitespace, plural/singular, hyphen/space, spelling).
 *
 * Prints recall over all gold concepts, recall over central ones (both over every concept the extractor keeps
 * for the paper), precision of the top 10 per paper (micro, over papers), a per-type breakdown and the worst misses.
 *
 *   npm run eval:concepts [-- --list FILE --gold FILE --verbose]
 */
import { readFileSync } from 'node:fs';
import { parsePaperList } from '../src/ingest/parse-paper-list.ts';
import { extractConcepts } from '../src/concepts/extract-concepts.ts';
import { termKey } from '../src/text/normalize.ts';
import type { Concept, Mention } from '../src/core/types.ts';

interface GoldConcept {
  name: string;
  type: string;
  aliases: string[];
  central: boolean;
}
type Gold = Record<string, { title: string; concepts: GoldConcept[] }>;

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1]! : fallback;
};
const listFile = option('--list', '../shared/seed/000_7adf6dc9e2fa0b55.txt');
const goldFile = option('--gold', '../shared/gold/seed-concepts.json');
const verbose = args.includes('--verbose');
const K = 10;

const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
const { papers } = parsePaperList(readFileSync(listFile, 'utf8'), { file: listFile });
const started = performance.now();
const result = extractConcepts(papers);
const elapsedMs = performance.now() - started;
const conceptById = new Map<string, Concept>(result.concepts.map((concept) => [concept.id, concept]));
const mentionsByPaper = new Map<string, Mention[]>();
for (const mention of result.mentions) {
  const list = mentionsByPaper.get(mention.paperId) ?? [];
  list.push(mention);
  mentionsByPaper.set(mention.paperId, list);
}

const keyCache = new Map<string, string>();
const key = (text: string): string => {
  let value = keyCache.get(text);
  if (value === undefined) keyCache.set(text, (value = termKey(text.replace(/\s+/g, ' '))));
  return value;
};
function formsOf(mention: Mention): Set<string> {
  const concept = conceptById.get(mention.conceptId);
  const forms = new Set<string>();
  for (const form of mention.forms) forms.add(key(form));
  if (concept) {
    forms.add(key(concept.label));
    for (const alias of concept.aliases) forms.add(key(alias));
  }
  return forms;
}
const goldKeys = (concept: GoldConcept): Set<string> => new Set([concept.name, ...concept.aliases].map(key));

let goldTotal = 0;
let goldFound = 0;
let centralTotal = 0;
let centralFound = 0;
let topTotal = 0;
let topCorrect = 0;
let papersScored = 0;
let goldFound20 = 0;
let kept = 0;
const byType = new Map<string, { total: number; found: number }>();
const misses: { paper: string; concept: GoldConcept }[] = [];
const falsePositives = new Map<string, number>();

for (const paper of papers) {
  const annotated = gold[paper.anchor];
  if (!annotated) continue;
  papersScored++;
  const mentions = mentionsByPaper.get(paper.id) ?? [];
  const mentionForms = mentions.map(formsOf);
  const allForms = new Set(mentionForms.flatMap((forms) => [...forms]));
  const top20Forms = new Set(mentionForms.slice(0, 20).flatMap((forms) => [...forms]));
  kept += mentions.length;
  for (const concept of annotated.concepts) if ([...goldKeys(concept)].some((k) => top20Forms.has(k))) goldFound20++;
  for (const concept of annotated.concepts) {
    const keys = goldKeys(concept);
    const found = [...keys].some((k) => allForms.has(k));
    goldTotal++;
    if (found) goldFound++;
    if (concept.central) {
      centralTotal++;
      if (found) centralFound++;
    }
    const tally = byType.get(concept.type) ?? { total: 0, found: 0 };
    tally.total++;
    if (found) tally.found++;
    byType.set(concept.type, tally);
    if (!found) misses.push({ paper: paper.title, concept });
  }
  const allGoldKeys = new Set(annotated.concepts.flatMap((concept) => [...goldKeys(concept)]));
  const top = mentions.slice(0, K);
  if (verbose) console.log(`\n## ${paper.title}`);
  top.forEach((mention, index) => {
    topTotal++;
    const correct = [...mentionForms[index]!].some((k) => allGoldKeys.has(k));
    if (correct) topCorrect++;
    else {
      const label = conceptById.get(mention.conceptId)?.label ?? mention.conceptId;
      falsePositives.set(label, (falsePositives.get(label) ?? 0) + 1);
    }
    if (verbose) console.log(`  ${correct ? '+' : '-'} ${conceptById.get(mention.conceptId)?.label} [${mention.forms.join(' | ')}] ${mention.score}`);
  });
  if (verbose) {
    for (const concept of annotated.concepts) {
      const keys = goldKeys(concept);
      if (![...keys].some((k) => allForms.has(k))) console.log(`  MISS ${concept.central ? '*' : ''}${concept.name} (${concept.aliases.join(' | ')})`);
    }
  }
}

const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : (a / b).toFixed(3));
console.log(`papers scored: ${papersScored} of ${papers.length}; gold concepts: ${goldTotal} (${centralTotal} central); extracted: ${result.concepts.length} concepts, ${result.mentions.length} mentions in ${elapsedMs.toFixed(0)} ms`);
console.log(`recall (all gold concepts):     ${pct(goldFound, goldTotal)}  (${goldFound}/${goldTotal}; target ≥ 0.85)`);
console.log(`recall (central concepts):      ${pct(centralFound, centralTotal)}  (${centralFound}/${centralTotal}; target ≥ 0.95)`);
console.log(`precision@${K} (top ${K} per paper): ${pct(topCorrect, topTotal)}  (${topCorrect}/${topTotal}; target ≥ 0.80)`);
console.log(`(concepts kept per paper: ${(kept / Math.max(papersScored, 1)).toFixed(1)} on average; recall within each paper's top 20: ${pct(goldFound20, goldTotal)})`);
console.log('\nrecall by gold type:');
for (const [type, tally] of [...byType.entries()].sort((a, b) => b[1].total - a[1].total)) {
  console.log(`  ${type.padEnd(12)} ${pct(tally.found, tally.total)}  (${tally.found}/${tally.total})`);
}
console.log('\nworst misses (central first):');
misses.sort((a, b) => Number(b.concept.central) - Number(a.concept.central));
for (const miss of misses.slice(0, verbose ? misses.length : 25)) {
  console.log(`  ${miss.concept.central ? '*' : ' '} ${miss.concept.name} [${miss.concept.type}] (${miss.concept.aliases.join(' | ')}) — ${miss.paper.slice(0, 60)}`);
}
console.log('\nmost frequent top-10 concepts not in gold:');
for (const [label, n] of [...falsePositives.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${n}× ${label}`);
