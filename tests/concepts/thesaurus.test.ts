import { describe, expect, it } from 'vitest';
import { parseThesaurus, resolveThesaurus } from '../../src/concepts/thesaurus.ts';
import { extractConcepts } from '../../src/concepts/extract-concepts.ts';
import { makePaper } from './make-paper.ts';

describe('parseThesaurus', () => {
  it('reads the VOSviewer format with its header', () => {
    const { entries, issues } = parseThesaurus('label\treplace by\nentropy-collapse\tentropy collapse\nstate of the art\t\n', 'th.txt');
    expect(issues).toEqual([]);
    expect(entries).toEqual([
      { label: 'entropy-collapse', replaceBy: 'entropy collapse' },
      { label: 'state of the art', replaceBy: '' },
    ]);
  });

  it('reports lines without a tab with file and line', () => {
    const { entries, issues } = parseThesaurus('label\treplace by\nno tab here\n\tPPO\n', 'th.txt');
    expect(entries).toEqual([]);
    expect(issues.map((entry) => [entry.code, entry.file, entry.line])).toEqual([
      ['unparsable-line', 'th.txt', 2],
      ['unparsable-line', 'th.txt', 3],
    ]);
  });

  it('follows chains and compares by key', () => {
    const resolved = resolveThesaurus([
      { label: 'A-B', replaceBy: 'c d' },
      { label: 'c d', replaceBy: 'E' },
    ]);
    expect(resolved.get('a b')).toBe('e');
  });
});

describe('thesaurus in extraction', () => {
  const papers = [
    makePaper('p1', 'Proximal policy optimization for robots', 'We study PPO and soft actor-critic (SAC) in MuJoCo with an entropy bonus.'),
    makePaper('p2', 'Soft actor-critic revisited', 'SAC with entropy regularization is compared with PPO on MuJoCo.'),
  ];

  it('merges one term into another', () => {
    const { concepts } = extractConcepts(papers, { thesaurus: [{ label: 'SAC', replaceBy: 'PPO' }] });
    expect(concepts.find((concept) => concept.label === 'SAC')).toBeUndefined();
    const ppo = concepts.find((concept) => concept.label === 'PPO')!;
    expect(ppo.papers).toBe(2);
    expect(ppo.aliases).toContain('SAC');
  });

  it('drops a term with an empty replacement', () => {
    const { concepts } = extractConcepts(papers, { thesaurus: [{ label: 'MuJoCo', replaceBy: '' }] });
    expect(concepts.find((concept) => concept.label === 'MuJoCo')).toBeUndefined();
  });
});
