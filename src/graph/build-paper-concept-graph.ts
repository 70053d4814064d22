/**
 * The bipartite paper–concept graph: one node per paper and per concept, one edge per mention, weighted by the
 * mention's score (with its raw count kept beside it). Node keys and attributes follow graph/attributes.ts.
 */
import Graph from 'graphology';
import type { Concept, Paper } from '../core/types.ts';
import { PapergraphError } from '../core/errors.ts';
import { conceptNodeKey, paperNodeKey, type ConceptNodeAttributes, type EdgeAttributes, type PaperNodeAttributes } from './attributes.ts';
import type { MentionList } from '../core/mention-list.ts';

export type PaperConceptGraph = Graph<PaperNodeAttributes | ConceptNodeAttributes, EdgeAttributes>;

export function buildPaperConceptGraph(papers: readonly Paper[], concepts: readonly Concept[], mentions: MentionList): PaperConceptGraph {
  const graph: PaperConceptGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.setAttribute('graphKind', 'paper-concept');
  for (const paper of papers) graph.addNode(paperNodeKey(paper.id), paperAttributes(paper));
  for (const concept of concepts) graph.addNode(conceptNodeKey(concept.id), conceptAttributes(concept));
  const months = new Map(papers.map((paper) => [paper.id, paper.month ?? '']));
  for (const mention of mentions) {
    const source = paperNodeKey(mention.paperId);
    const target = conceptNodeKey(mention.conceptId);
    if (!graph.hasNode(source) || !graph.hasNode(target)) {
      throw new PapergraphError('graph', `mention of ${mention.conceptId} in ${mention.paperId} refers to a paper or concept that is not in the input; pass the papers and concepts the mentions came from`);
    }
    graph.mergeEdge(source, target, { weight: mention.score, count: mention.count, firstMonth: months.get(mention.paperId) ?? '' });
  }
  return graph;
}

export function paperAttributes(paper: Paper): PaperNodeAttributes {
  return {
    kind: 'paper',
    label: paper.title,
    title: paper.title,
    month: paper.month ?? '',
    arxivId: paper.id.startsWith('title:') ? '' : paper.id,
    paperUrl: paper.paperUrl,
    codeUrl: paper.codeUrl,
    theme: -1,
    themeLabel: '',
    kmeansTheme: -1,
    kmeansThemeLabel: '',
    weightedDegree: 0,
    betweenness: 0,
    pagerank: 0,
    x: 0,
    y: 0,
    size: 1,
    color: '#999999',
  };
}

export function conceptAttributes(concept: Concept): ConceptNodeAttributes {
  return {
    kind: 'concept',
    label: concept.label,
    conceptType: concept.type,
    aliases: concept.aliases.join(' | '),
    labelZh: concept.labelsZh.join(' | '),
    papers: concept.papers,
    mentions: concept.mentions,
    firstMonth: concept.firstMonth ?? '',
    theme: -1,
    themeLabel: '',
    kmeansTheme: -1,
    kmeansThemeLabel: '',
    weightedDegree: 0,
    betweenness: 0,
    pagerank: 0,
    x: 0,
    y: 0,
    size: 1,
    color: '#999999',
  };
}
