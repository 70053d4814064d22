/**
 * Notebook: how the GRPO family of methods spreads over the months.
 *
 * The family is GRPO itself and every concept whose label or aliases build on it (DAPO, GRPO-S, S-GRPO, …:
 * methods typed "method" whose parent is GRPO, or whose label contains "GRPO"). For each month: how many papers
 * mention any member, and which members.
 *
 *   npx tsx notebooks/grpo-family-over-months.ts [inputs...] [--out DIR]
 *
 * Writes DIR/notebooks/grpo-family-over-months.csv and .md (DIR defaults to output/).
 */
import { analyze, toCsv, writeFilesAtomic } from '../src/index.ts';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex === -1 ? 'output' : (args[outIndex + 1] ?? 'output');
const inputs = args.filter((_, index) => outIndex === -1 || (index !== outIndex && index !== outIndex + 1));
const result = await analyze(inputs.length > 0 ? inputs : ['data'], { seed: 42 });

// 1. The family: GRPO, its children in the lexicon, and methods named after it.
const grpo = result.concepts.find((concept) => concept.label === 'GRPO');
if (!grpo) throw new Error('no GRPO in these lists');
const family = result.concepts.filter(
  (concept) => concept.id === grpo.id || concept.parent === grpo.id || (concept.type !== 'other' && /grpo/i.test([concept.label, ...concept.aliases].join(' '))),
);
const familyIds = new Set(family.map((concept) => concept.id));
const labelOf = new Map(family.map((concept) => [concept.id, concept.label]));

// 2. Papers per month mentioning any member, and the members seen.
const monthOf = new Map(result.papers.map((paper) => [paper.id, paper.month ?? 'undated']));
const byMonth = new Map<string, { papers: Set<string>; members: Map<string, number> }>();
for (const mention of result.mentions) {
  if (!familyIds.has(mention.conceptId)) continue;
  const month = monthOf.get(mention.paperId) ?? 'undated';
  const entry = byMonth.get(month) ?? { papers: new Set<string>(), members: new Map<string, number>() };
  entry.papers.add(mention.paperId);
  entry.members.set(mention.conceptId, (entry.members.get(mention.conceptId) ?? 0) + 1);
  byMonth.set(month, entry);
}
const papersPerMonth = new Map<string, number>();
for (const paper of result.papers) papersPerMonth.set(paper.month ?? 'undated', (papersPerMonth.get(paper.month ?? 'undated') ?? 0) + 1);
const months = [...papersPerMonth.keys()].sort();
const rows = months.map((month) => {
  const entry = byMonth.get(month);
  const members = entry ? [...entry.members].sort((a, b) => b[1] - a[1]).map(([id, count]) => `${labelOf.get(id) ?? id} (${count})`) : [];
  return { month, family: entry?.papers.size ?? 0, all: papersPerMonth.get(month) ?? 0, members };
});

const csv = toCsv(['month', 'papers_with_family', 'papers', 'share', 'members'], rows.map((row) => [row.month, row.family, row.all, row.all === 0 ? 0 : row.family / row.all, row.members.join(' | ')]));
const markdown = [
  '# The GRPO family over the months',
  '',
  `Family (${family.length}): ${family.map((concept) => `${concept.label} (${concept.papers})`).join(', ')}.`,
  '',
  '| month | papers with a family member | all papers | members |',
  '|---|---:|---:|---|',
  ...rows.map((row) => `| ${row.month} | ${row.family} | ${row.all} | ${row.members.join(', ')} |`),
  '',
].join('\n');
await writeFilesAtomic(out, [
  { path: 'notebooks/grpo-family-over-months.csv', data: csv },
  { path: 'notebooks/grpo-family-over-months.md', data: markdown },
]);
console.log(`GRPO family: ${family.length} concepts over ${rows.length} months -> ${out}/notebooks/grpo-family-over-months.md`);
