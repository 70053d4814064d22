import { describe, expect, it } from 'vitest';
import { extractConcepts } from '../../src/concepts/extract-concepts.ts';
import { buildVocabulary } from '../../src/concepts/vocabulary.ts';
import { matchPaper, matchPapers } from '../../src/concepts/match-papers.ts';
import { aggregateMentions } from '../../src/concepts/aggregate-mentions.ts';
import { parseLexicon } from '../../src/concepts/lexicon.ts';
import { makePaper } from './make-paper.ts';

const labelsOf = (papers: Parameters<typeof extractConcepts>[0], options: Parameters<typeof extractConcepts>[1] = {}): string[] =>
  extractConcepts(papers, options).concepts.map((concept) => concept.label);

describe('variant merging', () => {
  const papers = [
    makePaper('a', 'Entropy Collapse in RL', 'We observe entropy-collapse and entropy collapse; Entropy Collapse again. Policies are regularised.'),
    makePaper('b', 'On entropy collapses', 'Policy entropy collapses quickly; entropy regularisation and entropy regularization help.'),
  ];

  it('merges case, plural and hyphen variants under the most common form', () => {
    const { concepts } = extractConcepts(papers, { lexicon: [] });
    const collapse = concepts.filter((concept) => /entropy.collapse/i.test(concept.label));
    expect(collapse).toHaveLength(1);
    expect(collapse[0]!.label).toBe('entropy collapse');
    // Aliases keep one spelling per case-insensitive form: the hyphen and plural variants, not "Entropy Collapse".
    expect(collapse[0]!.aliases).toEqual(expect.arrayContaining(['entropy-collapse', 'entropy collapses']));
    expect(collapse[0]!.papers).toBe(2);
  });

  it('merges British and American spellings', () => {
    const { concepts } = extractConcepts(papers);
    const regularization = concepts.filter((concept) => /regulari[sz]ation/i.test(concept.label));
    expect(regularization).toHaveLength(1);
    expect(regularization[0]!.label).toBe('entropy regularization');
  });
});

describe('acronyms across papers', () => {
  it('applies a definition from one paper where the short form appears alone', () => {
    const papers = [
      makePaper('a', 'Foo', 'We introduce Sparse Latent Alignment (SLA) for agents.'),
      makePaper('b', 'Bar', 'Our method improves SLA on three tasks.'),
    ];
    const { concepts, mentions } = extractConcepts(papers, { lexicon: [] });
    const sla = concepts.find((concept) => concept.label === 'SLA')!;
    expect(sla.aliases).toContain('Sparse Latent Alignment');
    expect(sla.papers).toBe(2);
    expect(mentions.filter((mention) => mention.conceptId === sla.id).map((mention) => mention.paperId)).toEqual(['a', 'b']);
  });

  it('groups model sizes under the family name', () => {
    const papers = [makePaper('a', 'Scaling', 'We train Qwen2.5-14B and Qwen2.5-7B-Instruct, and GLM-4-9B-0414.')];
    const { concepts, mentions } = extractConcepts(papers);
    const qwen = concepts.find((concept) => concept.label === 'Qwen2.5')!;
    expect(mentions.find((mention) => mention.conceptId === qwen.id)!.forms).toEqual(['Qwen2.5-14B', 'Qwen2.5-7B-Instruct']);
    expect(concepts.some((concept) => concept.label === 'GLM-4')).toBe(true);
  });

  it('resolves an ambiguous short form per paper from its own definition or its context', () => {
    const papers = [
      makePaper('a', 'Reward models', 'A process reward model (PRM) scores steps. The PRM is trained on math.'),
      makePaper('b', 'Reward models 2', 'Our process reward model (PRM) guides search with PRM scores for each reasoning step.'),
      makePaper('c', 'Robots', 'We propose probabilistic roadmap motion (PRM) planning. PRM builds a roadmap of the robot configuration space.'),
      makePaper('d', 'More robots', 'PRM samples a roadmap in the configuration space of the robot.'),
      makePaper('e', 'More math', 'A PRM scores every reasoning step of the math solution.'),
    ];
    const { concepts, mentions } = extractConcepts(papers, { lexicon: [] });
    const idOf = (paperId: string): string[] => mentions.filter((mention) => mention.paperId === paperId && mention.forms.includes('PRM')).map((mention) => mention.conceptId);
    const reward = concepts.find((concept) => concept.aliases.includes('process reward model'))!;
    const roadmap = concepts.find((concept) => concept.aliases.includes('probabilistic roadmap motion'))!;
    expect(reward.id).not.toBe(roadmap.id);
    expect(idOf('a')).toEqual([reward.id]);
    expect(idOf('c')).toEqual([roadmap.id]);
    expect(idOf('d')).toEqual([roadmap.id]);
    expect(idOf('e')).toEqual([reward.id]);
  });
});

describe('the three steps', () => {
  const papers = [
    makePaper('p1', 'GRPO for reasoning', 'We apply Group Relative Policy Optimization (GRPO) to mathematical reasoning with verifiable rewards.'),
    makePaper('p2', 'PPO again', 'Proximal policy optimization (PPO) and GRPO are compared on AIME24.'),
  ];

  it('give the same result as extractConcepts, and the vocabulary survives structuredClone', () => {
    const vocabulary = buildVocabulary(papers);
    const cloned = structuredClone(vocabulary);
    const matches = matchPapers(papers, cloned);
    const { concepts, mentions } = aggregateMentions(papers, matches, cloned);
    const direct = extractConcepts(papers);
    expect(concepts).toEqual(direct.concepts);
    expect(mentions).toEqual(direct.mentions);
    expect(matchPaper(papers[0]!, vocabulary).mentions).toEqual(matches[0]!.mentions);
  });

  it('scores title concepts of a paper above passing mentions', () => {
    const match = matchPaper(papers[0]!, buildVocabulary(papers));
    expect(match.mentions[0]!.conceptId).toBe('grpo');
    expect(match.mentions[0]!.inTitle).toBe(true);
  });
});

describe('salience of nested phrases', () => {
  const papers = [
    makePaper('a', 'Ship control revisited', 'We study ship control at sea. Ship control is hard for vessels.'),
    makePaper('b', 'Harbour ship control', 'We propose harbour ship control for ports. Harbour ship control beats tugs.'),
    makePaper('c', 'Robust ship control', 'We propose robust ship control for ports. Robust ship control beats tugs.'),
  ];
  const vocabulary = buildVocabulary(papers, { lexicon: [] });
  const ranked = (index: number): string[] => matchPaper(papers[index]!, vocabulary).mentions.map((mention) => mention.conceptId);

  it('ranks a head met only inside a longer phrase below that phrase when the extra word names something', () => {
    expect(ranked(1)).toEqual(['harbour-ship-control', 'ship-control']);
    const [outer, head] = matchPaper(papers[1]!, vocabulary).mentions;
    expect(head!.score).toBeLessThan(outer!.score * 0.6);
  });

  it('ranks the longer phrase below its head when the extra word is a plain adjective', () => {
    expect(ranked(2)).toEqual(['ship-control', 'robust-ship-control']);
  });
});

describe('lexicon files', () => {
  it('reports bad entries with file and line and keeps the good ones', () => {
    const text = '{\n "entries": [\n  { "label": "Foo", "type": "method" },\n  { "label": "Bar", "type": "nonsense" },\n  { "type": "method" }\n ]\n}';
    const { entries, issues } = parseLexicon(text, 'lex.json');
    expect(entries.map((entry) => entry.label)).toEqual(['Foo']);
    expect(issues.map((entry) => [entry.code, entry.file, entry.line])).toEqual([
      ['bad-json-line', 'lex.json', 4],
      ['bad-json-line', 'lex.json', 5],
    ]);
    expect(parseLexicon('not json', 'x.json').issues[0]!.code).toBe('bad-json-line');
  });

  it('lets a user entry override a shipped one by label or alias', () => {
    const papers = [makePaper('a', 'Soft actor-critic', 'We use soft actor-critic (SAC) in MuJoCo.')];
    const { concepts } = extractConcepts(papers, { extraLexicon: [{ label: 'Soft Actor-Critic', type: 'paradigm', aliases: ['SAC'] }] });
    const sac = concepts.filter((concept) => concept.label === 'Soft Actor-Critic' || concept.label === 'SAC');
    expect(sac).toHaveLength(1);
    expect(sac[0]!.label).toBe('Soft Actor-Critic');
    expect(sac[0]!.type).toBe('paradigm');
  });
});

describe('hostile inputs', () => {
  it('handles prototype words, empty abstracts, HTML titles and a 1 MB line', () => {
    const papers = [
      makePaper('__proto__', '__proto__ constructor toString hasOwnProperty', 'The constructor of __proto__ calls toString on valueOf prototype chains.'),
      makePaper('constructor', '<b>Bold</b> <i>entropy collapse</i> &amp; GRPO', ''),
      makePaper('huge', 'Huge', `${'policy entropy collapse in reinforcement learning '.repeat(20_000)}`),
    ];
    const result = extractConcepts(papers);
    expect(result.issues.map((entry) => entry.code)).toContain('missing-abstract');
    const ids = result.concepts.map((concept) => concept.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.concepts.find((concept) => concept.label === 'entropy collapse')?.papers).toBe(2);
    const html = result.mentions.filter((mention) => mention.paperId === 'constructor');
    for (const mention of html) for (const form of mention.forms) expect(form).not.toMatch(/[<>]/);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('returns nothing for no papers', () => {
    expect(extractConcepts([])).toEqual({ concepts: [], mentions: [], issues: [] });
  });
});
