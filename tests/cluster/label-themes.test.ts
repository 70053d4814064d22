import { describe, expect, it } from 'vitest';
import { labelThemes } from '../../src/cluster/label-themes.ts';
import { buildPaperConcepts } from '../../src/cluster/paper-concepts.ts';
import { fixtureCorpus } from './fixture-corpus.ts';

describe('labelThemes', () => {
  const corpus = fixtureCorpus(12, 4);
  const themePapers = [0, 1, 2, 3].map((t) => corpus.papers.filter((paper) => corpus.truth.get(paper.id) === t).map((paper) => paper.id));

  it('gives the same labels whether or not each paper’s mentions come in a row', () => {
    const inRuns = labelThemes({ themePapers, concepts: corpus.concepts, mentions: corpus.mentions });
    // Every other mention moved to the end, so most papers come back after other papers; a repeated mention too.
    const shuffled = [...corpus.mentions.filter((_, i) => i % 2 === 0), ...corpus.mentions.filter((_, i) => i % 2 === 1), corpus.mentions[0]!];
    expect(labelThemes({ themePapers, concepts: corpus.concepts, mentions: shuffled })).toEqual(inRuns);
  });

  it('gives the same labels counted from the integer mention table, with papers coming back, unknown papers and concepts', () => {
    const inRuns = labelThemes({ themePapers, concepts: corpus.concepts, mentions: corpus.mentions });
    const stray = { ...corpus.mentions[0]!, paperId: 'not-a-paper' };
    const unknownConcept = { ...corpus.mentions[1]!, conceptId: 'not-a-concept' };
    const mixed = [...corpus.mentions.filter((_, i) => i % 2 === 1), stray, ...corpus.mentions.filter((_, i) => i % 2 === 0), unknownConcept, corpus.mentions[0]!];
    const paperIds = corpus.papers.map((paper) => paper.id);
    const paperConcepts = buildPaperConcepts(paperIds, corpus.concepts, mixed);
    expect(paperConcepts.rowCount).toBe(paperIds.length + 1);
    expect(paperConcepts.concepts).toHaveLength(mixed.length);
    expect(paperConcepts.conceptIds.at(-1)).toBe('not-a-concept');
    // Counted from the table alone: the mention list given beside it is not read.
    const fromTable = labelThemes({ themePapers, concepts: corpus.concepts, mentions: [], paperConcepts });
    expect(fromTable).toEqual(labelThemes({ themePapers, concepts: corpus.concepts, mentions: mixed }));
    // The stray paper counts among the papers (N of the score), so the table must give what the mentions give.
    expect(fromTable).toEqual(labelThemes({ themePapers, concepts: corpus.concepts, mentions: [...corpus.mentions, stray] }));
    expect(labelThemes({ themePapers, concepts: corpus.concepts, mentions: [], paperConcepts: buildPaperConcepts(paperIds, corpus.concepts, corpus.mentions) })).toEqual(inRuns);
  });

  it('labels each planted topic with its own concepts', () => {
    const labels = labelThemes({ themePapers, concepts: corpus.concepts, mentions: corpus.mentions });
    expect(labels[1]?.labelConcepts.some((id) => ['medical-qa', 'clinical-reasoning', 'radiology-report', 'ehr'].includes(id))).toBe(true);
  });
});
