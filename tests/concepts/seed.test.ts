import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePaperList } from '../../src/ingest/parse-paper-list.ts';
import { extractConcepts } from '../../src/concepts/extract-concepts.ts';
import { termKey } from '../../src/text/normalize.ts';

const text = readFileSync(new URL('../../data/rl-entropy-papers.md', import.meta.url), 'utf8');
const { papers } = parsePaperList(text, { file: 'data/rl-entropy-papers.md' });
const result = extractConcepts(papers);

/** The concepts issue 2 requires on the seed, each under one canonical label with its expansion as an alias. */
const REQUIRED: [string, string][] = [
  ['GRPO', 'group relative policy optimization'],
  ['PPO', 'proximal policy optimization'],
  ['DAPO', 'decoupled clip and dynamic sampling policy optimization'],
  ['SAC', 'soft actor-critic'],
  ['entropy collapse', 'entropy collapse'],
  ['entropy regularization', 'entropy regularization'],
  ['RLVR', 'reinforcement learning with verifiable rewards'],
  ['RLHF', 'reinforcement learning from human feedback'],
  ['SFT', 'supervised fine-tuning'],
  ['KL regularization', 'KL regularization'],
  ['exploration', 'exploration'],
];

describe('extractConcepts on the seed list', () => {
  it.each(REQUIRED)('finds %s under one label with its expansion', (label, expansion) => {
    const matches = result.concepts.filter((concept) => [concept.label, ...concept.aliases].some((form) => termKey(form) === termKey(label)));
    expect(matches).toHaveLength(1);
    const concept = matches[0]!;
    expect(concept.label).toBe(label);
    expect(concept.papers).toBeGreaterThan(0);
    expect([concept.label, ...concept.aliases].map(termKey)).toContain(termKey(expansion));
  });

  it('gives unique ids and sorted output', () => {
    const ids = result.concepts.map((concept) => concept.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < result.concepts.length; i++) expect(result.concepts[i - 1]!.papers).toBeGreaterThanOrEqual(result.concepts[i]!.papers);
    for (let i = 1; i < result.mentions.length; i++) {
      const [a, b] = [result.mentions[i - 1]!, result.mentions[i]!];
      expect(a.paperId < b.paperId || (a.paperId === b.paperId && a.score >= b.score)).toBe(true);
    }
  });

  it('keeps evidence offsets that point at the forms', () => {
    const byId = new Map(papers.map((paper) => [paper.id, paper]));
    for (const mention of result.mentions.slice(0, 200)) {
      const paper = byId.get(mention.paperId)!;
      for (const evidence of mention.evidence) {
        if (evidence.field === 'notes') continue;
        const found = paper[evidence.field].slice(evidence.start, evidence.end).replace(/\s+/g, ' ');
        expect(found.length).toBeGreaterThan(0);
      }
    }
  });

  it('is deterministic and does not mutate its input', () => {
    const before = JSON.stringify(papers);
    const again = extractConcepts(papers);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
    expect(JSON.stringify(papers)).toBe(before);
  });

  it('gives every concept a first month from its papers', () => {
    const grpo = result.concepts.find((concept) => concept.label === 'GRPO')!;
    expect(grpo.firstMonth).toMatch(/^\d{4}-\d{2}$/);
  });
});
