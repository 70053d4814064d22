import { describe, expect, it } from 'vitest';
import { buildPaperVectors } from '../../src/cluster/build-paper-vectors.ts';
import { buildPaperConcepts } from '../../src/cluster/paper-concepts.ts';
import { fixtureCorpus } from './fixture-corpus.ts';

describe('buildPaperVectors', () => {
  const corpus = fixtureCorpus(10, 3);
  const paperIds = corpus.papers.map((paper) => paper.id);

  it('gives L2-normalised rows with ascending columns and the smoothed idf of each feature', () => {
    const vectors = buildPaperVectors(corpus.papers, corpus.mentions, { termWeight: 0, minPapers: 1, maxShare: 1 });
    for (let i = 0; i < vectors.rowCount; i++) {
      const from = vectors.offsets[i]!;
      const to = vectors.offsets[i + 1]!;
      let norm = 0;
      for (let e = from; e < to; e++) {
        norm += vectors.values[e]! ** 2;
        if (e > from) expect(vectors.columns[e]!).toBeGreaterThan(vectors.columns[e - 1]!);
      }
      if (to > from) expect(norm).toBeCloseTo(1, 12);
    }
    // A paper with a single concept feature: its value is 1 whatever the idf.
    const single = corpus.papers.findIndex((paper) => corpus.mentions.filter((m) => m.paperId === paper.id).length === 1);
    if (single >= 0) expect(vectors.values[vectors.offsets[single]!]).toBeCloseTo(1, 12);
  });

  it('gives the same rows from the integer mention table, whatever the mention order, with unknown papers and concepts', () => {
    const stray = { ...corpus.mentions[0]!, paperId: 'not-a-paper' };
    const unknownConcept = { ...corpus.mentions[1]!, conceptId: 'not-a-concept', count: 3 };
    const repeated = { ...corpus.mentions[2]!, count: 4 };
    const mixed = [...corpus.mentions.filter((_, i) => i % 3 === 1), stray, unknownConcept, ...corpus.mentions.filter((_, i) => i % 3 !== 1), repeated];
    const paperConcepts = buildPaperConcepts(paperIds, corpus.concepts, mixed);
    expect(paperConcepts.conceptIds.at(-1)).toBe('not-a-concept');
    const options = { minPapers: 1 };
    const fromMentions = buildPaperVectors(corpus.papers, mixed, options);
    // The table alone: the mention list beside it is not read.
    const fromTable = buildPaperVectors(corpus.papers, [], { ...options, paperConcepts });
    expect(fromTable).toEqual(fromMentions);
    expect(fromTable.features).toContain('c:not-a-concept');
  });
});
