import { describe, expect, it } from 'vitest';
import { buildCooccurrenceGraph } from '../../src/graph/build-cooccurrence-graph.ts';
import { extractConcepts } from '../../src/concepts/extract-concepts.ts';
import type { Concept, Mention, Paper } from '../../src/core/types.ts';

function paper(id: string, month: string, title: string, abstract: string): Paper {
  return { id, version: 1, title, month, paperUrl: '', codeUrl: '', abstract, notes: [], anchor: '', sources: [{ file: 'x.md', line: 1 }], categories: [] };
}
function concept(id: string, papers: number): Concept {
  return { id, label: id, type: 'method', aliases: [], labelsZh: [], parent: null, origin: 'lexicon', papers, mentions: papers, firstMonth: null };
}
function mention(paperId: string, conceptId: string): Mention {
  return { paperId, conceptId, count: 1, score: 1, inTitle: false, forms: [conceptId], evidence: [] };
}

describe('buildCooccurrenceGraph', () => {
  const papers = [paper('p1', '2025-02', 'a', ''), paper('p2', '2025-01', 'b', ''), paper('p3', '2025-03', 'c', '')];
  const concepts = [concept('a', 3), concept('b', 2), concept('c', 2), concept('rare', 1)];
  const mentions = [mention('p1', 'a'), mention('p1', 'b'), mention('p2', 'a'), mention('p2', 'b'), mention('p2', 'c'), mention('p3', 'a'), mention('p3', 'c'), mention('p3', 'rare')];

  it('counts each pair once per paper and keeps the first month they met', () => {
    const graph = buildCooccurrenceGraph(papers, concepts, mentions, { normalization: 'count' });
    expect(graph.order).toBe(3);
    expect(graph.getEdgeAttributes('a', 'b')).toEqual({ weight: 2, count: 2, firstMonth: '2025-01' });
    expect(graph.getEdgeAttributes('b', 'c')).toMatchObject({ count: 1, firstMonth: '2025-01' });
  });

  it('weights by association strength: observed over expected co-occurrences', () => {
    const graph = buildCooccurrenceGraph(papers, concepts, mentions);
    // a in 3 papers, b in 2, together in 2, N = 3 papers: 2 * 3 / (3 * 2) = 1.
    expect(graph.getEdgeAttribute('a', 'b', 'weight')).toBeCloseTo(1);
    // b and c: 1 * 3 / (2 * 2) = 0.75.
    expect(graph.getEdgeAttribute('b', 'c', 'weight')).toBeCloseTo(0.75);
  });

  it('keeps concepts named like object properties (constructor, __proto__, toString) working as nodes', () => {
    const hostile = [
      paper('h1', '2025-01', 'constructor and __proto__ with toString', 'The constructor method, the __proto__ method and the toString method.'),
      paper('h2', '2025-02', 'constructor and __proto__ with toString again', 'The constructor method, the __proto__ method and the toString method.'),
    ];
    const lexicon = ['constructor', '__proto__', 'toString'].map((label) => ({ label, type: 'method' as const, aliases: [] }));
    const extracted = extractConcepts(hostile, { lexicon, minPapers: 1 });
    const ids = extracted.concepts.map((entry) => entry.id);
    expect(ids).toEqual(expect.arrayContaining(['constructor-term', 'proto', 'tostring']));
    const graph = buildCooccurrenceGraph(hostile, extracted.concepts, extracted.mentions, { minPapers: 1 });
    expect(graph.hasEdge('constructor-term', 'tostring')).toBe(true);
  });
});
