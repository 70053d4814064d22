/**
 * The concept co-occurrence graph: concepts are linked when they are mentioned in the same paper.
 *
 * Counting follows co-word analysis: each paper adds 1 to every pair of its concepts (binary counting, so a long
 * abstract does not weigh more than a short one). The edge `count` is that raw number of papers; the edge `weight`
 * is the count itself or, with `normalization: 'association'`, the association strength of van Eck & Waltman
 * (2009, "How to normalize co-occurrence data?", JASIST 60(8)): s_ij = c_ij / (c_i * c_j) scaled by the number of
 * papers, i.e. observed over expected co-occurrences. Only concepts in at least `minPapers` papers take part, at
 * most `maxConcepts` of them (most papers first), so the graph's size is bounded by those two options, not by the
 * corpus.
 */
import Graph from 'graphology';
import type { Concept, Paper } from '../core/types.ts';
import { PapergraphError } from '../core/errors.ts';
import type { ConceptNodeAttributes, EdgeAttributes } from './attributes.ts';
import { conceptAttributes } from './build-paper-concept-graph.ts';
import { countCooccurrences, rankMonths } from './count-cooccurrences.ts';
import type { MentionList } from '../core/mention-list.ts';

export const COOCCURRENCE_NORMALIZATIONS = ['count', 'association'] as const;
export type CooccurrenceNormalization = (typeof COOCCURRENCE_NORMALIZATIONS)[number];

export interface BuildCooccurrenceGraphOptions {
  /** Edge weight: raw paper count or association strength. Default: 'association'. */
  normalization?: CooccurrenceNormalization;
  /** Concepts mentioned in fewer papers are left out. Default: 2. */
  minPapers?: number;
  /** At most this many concepts (by papers, then mentions, then label). Default: 500. */
  maxConcepts?: number;
  /** Pairs co-occurring in fewer papers get no edge. Default: 1. */
  minCount?: number;
}

export const BUILD_COOCCURRENCE_GRAPH_DEFAULTS: Readonly<Required<BuildCooccurrenceGraphOptions>> = Object.freeze({
  normalization: 'association',
  minPapers: 2,
  maxConcepts: 500,
  minCount: 1,
});

export type ConceptGraph = Graph<ConceptNodeAttributes, EdgeAttributes>;

export function buildCooccurrenceGraph(
  papers: readonly Paper[],
  concepts: readonly Concept[],
  mentions: MentionList,
  options: BuildCooccurrenceGraphOptions = {},
): ConceptGraph {
  const settings = { ...BUILD_COOCCURRENCE_GRAPH_DEFAULTS, ...options };
  if (!(COOCCURRENCE_NORMALIZATIONS as readonly string[]).includes(settings.normalization)) {
    throw new PapergraphError('graph/build-cooccurrence-graph', `unknown normalization "${settings.normalization}": use one of ${COOCCURRENCE_NORMALIZATIONS.join(', ')}`);
  }
  const kept = [...concepts]
    .filter((concept) => concept.papers >= settings.minPapers)
    .sort((a, b) => b.papers - a.papers || b.mentions - a.mentions || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, settings.maxConcepts);
  const index = new Map(kept.map((concept, position) => [concept.id, position]));
  const months = new Map(papers.map((paper) => [paper.id, paper.month ?? '']));

  // 1. Each paper's kept concepts as integer ids (CSR: offsets + ids), papers in order of first mention.
  const paperIndex = new Map<string, number>();
  const paperMonths: string[] = [];
  const lists: number[][] = [];
  // A paper's mentions usually come in a run: its number is looked up once per run.
  let runPaper: string | null = null;
  let runNumber: number | undefined;
  for (const mention of mentions) {
    const position = index.get(mention.conceptId);
    if (position === undefined) continue;
    let p = mention.paperId === runPaper ? runNumber : paperIndex.get(mention.paperId);
    if (p === undefined) {
      p = lists.length;
      paperIndex.set(mention.paperId, p);
      paperMonths.push(months.get(mention.paperId) ?? '');
      lists.push([]);
    }
    runPaper = mention.paperId;
    runNumber = p;
    lists[p]?.push(position);
  }
  const offsets = new Int32Array(lists.length + 1);
  for (let p = 0; p < lists.length; p++) offsets[p + 1] = (offsets[p] ?? 0) + (lists[p]?.length ?? 0);
  const ids = new Int32Array(offsets[lists.length] ?? 0);
  for (let p = 0; p < lists.length; p++) ids.set(lists[p] ?? [], offsets[p] ?? 0);

  // 2. Pair counts in typed arrays (graph/count-cooccurrences.ts), with the first month each pair was seen.
  const n = kept.length;
  const { ranks, labels } = rankMonths(paperMonths);
  const counted = countCooccurrences(n, offsets, ids, ranks);

  // 3. The graph, nodes in concept order and edges in pair order, so the same input gives the same graph.
  const graph: ConceptGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.setAttribute('graphKind', 'cooccurrence');
  for (const concept of kept) graph.addNode(concept.id, conceptAttributes(concept));
  const totalPapers = counted.papers;
  const occurrences = counted.occurrences;
  counted.forEachPair((i, j, count, firstMonthRank) => {
    if (count < settings.minCount) return;
    const weight = settings.normalization === 'count' ? count : (count * totalPapers) / ((occurrences[i] ?? 1) * (occurrences[j] ?? 1));
    graph.addEdge(kept[i]?.id, kept[j]?.id, { weight, count, firstMonth: labels[firstMonthRank] ?? '' });
  });
  return graph;
}
