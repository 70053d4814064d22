import { describe, expect, it } from 'vitest';
import { labelThemes } from '../../src/cluster/label-themes.ts';
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

  it('labels each planted topic with its own concepts', () => {
    const labels = labelThemes({ themePapers, concepts: corpus.concepts, mentions: corpus.mentions });
    expect(labels[1]?.labelConcepts.some((id) => ['medical-qa', 'clinical-reasoning', 'radiology-report', 'ehr'].includes(id))).toBe(true);
  });
});
