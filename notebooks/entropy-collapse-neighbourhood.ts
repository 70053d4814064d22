/**
 * Notebook: the neighbourhood of "entropy collapse".
 *
 * Which concepts appear together with entropy collapse, how strongly (association strength and raw paper
 * counts), and in which papers — with the sentence where each paper names it.
 *
 *   npx tsx notebooks/entropy-collapse-neighbourhood.ts [inputs...] [--out DIR]
 *
 * Writes DIR/notebooks/entropy-collapse-neighbourhood.md (DIR defaults to output/).
 */
import { analyze, evidenceSentence, writeFilesAtomic } from '../src/index.ts';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex === -1 ? 'output' : (args[outIndex + 1] ?? 'output');
const inputs = args.filter((_, index) => outIndex === -1 || (index !== outIndex && index !== outIndex + 1));
const result = await analyze(inputs.length > 0 ? inputs : ['data'], { seed: 42 });

// 1. Find the concept by its label or any alias.
const wanted = 'entropy collapse';
const concept = result.concepts.find((entry) => [entry.label, ...entry.aliases].some((form) => form.toLowerCase() === wanted));
if (!concept) throw new Error(`no concept named "${wanted}" in these lists`);

// 2. Its neighbours in the co-occurrence graph, strongest first.
const graph = result.conceptGraph;
const labels = new Map(result.concepts.map((entry) => [entry.id, entry]));
const neighbours = graph.hasNode(concept.id)
  ? graph
      .edges(concept.id)
      .map((edge) => {
        const other = graph.opposite(concept.id, edge);
        return { id: other, label: labels.get(other)?.label ?? other, weight: graph.getEdgeAttribute(edge, 'weight') as number, count: graph.getEdgeAttribute(edge, 'count') as number };
      })
      .sort((a, b) => b.count - a.count || b.weight - a.weight || a.label.localeCompare(b.label))
  : [];

// 3. The papers that mention it, with the sentence.
const papers = new Map(result.papers.map((paper) => [paper.id, paper]));
const mentions = [...result.mentions].filter((mention) => mention.conceptId === concept.id).sort((a, b) => b.score - a.score);

const lines = [
  `# The neighbourhood of "${concept.label}"`,
  '',
  `${concept.label} (${concept.type}${concept.labelsZh.length > 0 ? `, ${concept.labelsZh.join(' / ')}` : ''}) is mentioned in ${concept.papers} of ${result.papers.length} papers, first in ${concept.firstMonth ?? 'an undated paper'}.`,
  '',
  '## Concepts that appear with it',
  '',
  '| concept | papers together | association strength |',
  '|---|---:|---:|',
  ...neighbours.slice(0, 25).map((entry) => `| ${entry.label} | ${entry.count} | ${entry.weight.toFixed(2)} |`),
  '',
  '## Papers',
  '',
  ...mentions.map((mention) => {
    const paper = papers.get(mention.paperId);
    const evidence = mention.evidence.find((entry) => entry.field !== 'notes') ?? mention.evidence[0];
    const found = paper && evidence ? evidenceSentence(paper, evidence) : null;
    const sentence = found ? `${found.before}**${found.match}**${found.after}` : '';
    return `- **${paper?.title ?? mention.paperId}** (${paper?.month ?? 'undated'}, ${paper?.paperUrl ?? ''})${sentence ? `\n  > ${sentence}` : ''}`;
  }),
  '',
];
await writeFilesAtomic(out, [{ path: 'notebooks/entropy-collapse-neighbourhood.md', data: lines.join('\n') }]);
console.log(`${concept.label}: ${neighbours.length} neighbours, ${mentions.length} papers -> ${out}/notebooks/entropy-collapse-neighbourhood.md`);
