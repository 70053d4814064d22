import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findChineseLabels } from '../../src/concepts/find-chinese-labels.ts';
import { extractConcepts } from '../../src/concepts/extract-concepts.ts';
import { parsePaperList } from '../../src/ingest/parse-paper-list.ts';
import { notesText } from '../../src/text/notes-text.ts';
import { makePaper } from './make-paper.ts';

describe('findChineseLabels', () => {
  it('pairs a Chinese term with its English form in brackets', () => {
    const found = findChineseLabels('本文提出了群相对策略优化（GRPO）方法，缓解熵坍缩（entropy collapse）问题。通过监督微调 (SFT) 训练。');
    expect(found.map((label) => [label.chinese, label.english])).toEqual([
      ['群相对策略优化', 'GRPO'],
      ['熵坍缩', 'entropy collapse'],
      ['监督微调', 'SFT'],
    ]);
  });

  it('keeps offsets on the Chinese label', () => {
    const text = '缓解熵坍缩（entropy collapse）';
    const [label] = findChineseLabels(text);
    expect(text.slice(label!.start, label!.start + label!.chinese.length)).toBe('熵坍缩');
  });

  it('leaves out clause openers and verbs glued to the term, but never the head itself', () => {
    const found = findChineseLabels('近年来强化学习（RL）很热门。尽管大语言模型（LLM）很强，推动大语言模型（LLM）发展。采用对抗训练（adversarial training）。');
    expect(found.map((label) => label.chinese)).toEqual(['强化学习', '大语言模型', '大语言模型', '对抗训练']);
  });

  it('ignores brackets without a Chinese term before or English inside', () => {
    expect(findChineseLabels('GRPO (Group Relative Policy Optimization) 和（中文）')).toEqual([]);
  });
});

describe('Chinese labels in extraction', () => {
  const paper = makePaper(
    'zh1',
    'Mitigating entropy collapse in GRPO',
    'We study entropy collapse in Group Relative Policy Optimization (GRPO) for large language models.',
    [{ heading: '📌 背景痛点', text: '在群相对策略优化（GRPO）训练中会出现熵坍缩（entropy collapse）。' }],
  );

  it('attaches the Chinese label to the concept as labelsZh, with notes evidence', () => {
    const { concepts, mentions } = extractConcepts([paper], { lexicon: [] });
    const grpo = concepts.find((concept) => concept.label === 'GRPO')!;
    expect(grpo.labelsZh).toContain('群相对策略优化');
    const mention = mentions.find((entry) => entry.conceptId === grpo.id)!;
    const notes = mention.evidence.filter((evidence) => evidence.field === 'notes');
    expect(notes.length).toBeGreaterThan(0);
    const text = notesText(paper);
    expect(text.slice(notes[0]!.start, notes[0]!.start + 7)).toBe('群相对策略优化');
  });

  it('drops a label that is a better-attested label of the same concept with words in front', () => {
    const note = (text: string) => [{ heading: '📌 背景痛点', text }];
    const papers = [
      makePaper('z1', 'Entropy collapse', 'We study entropy collapse.', note('缓解熵坍缩（entropy collapse）。')),
      makePaper('z2', 'Entropy collapse again', 'Entropy collapse returns.', note('发现熵坍缩（entropy collapse）。')),
      makePaper('z3', 'Entropy collapse once more', 'Entropy collapse persists.', note('模型严重熵坍缩（entropy collapse）。')),
    ];
    const { concepts } = extractConcepts(papers, { lexicon: [] });
    expect(concepts.find((concept) => concept.label.toLowerCase() === 'entropy collapse')!.labelsZh).toEqual(['熵坍缩']);
  });

  it('reads labels from a real list with notes', () => {
    const text = readFileSync(new URL('../fixtures/concepts/grm-rl-notes.md', import.meta.url), 'utf8');
    const { papers } = parsePaperList(text, { file: 'grm-rl-notes.md' });
    const { concepts } = extractConcepts(papers);
    const grm = concepts.find((concept) => concept.label === 'generative reward model')!;
    expect(grm.labelsZh).toContain('生成式奖励模型');
    const rlhf = concepts.find((concept) => concept.label === 'RLHF')!;
    expect(rlhf.labelsZh.some((label) => label.endsWith('强化学习'))).toBe(true);
  });
});
