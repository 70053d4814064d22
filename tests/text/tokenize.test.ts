import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.ts';
import { notesText } from '../../src/text/notes-text.ts';
import { maskMarkup } from '../../src/text/mask-markup.ts';

describe('tokenize', () => {
  it('keeps offsets into the input', () => {
    const text = 'Group Relative Policy Optimization (GRPO) works.';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('splits hyphenated words but remembers the hyphen', () => {
    const tokens = tokenize('entropy-collapse and GLM-4');
    expect(tokens.map((token) => token.text)).toEqual(['entropy', 'collapse', 'and', 'GLM', '4']);
    expect(tokens.map((token) => token.hyphenBefore)).toEqual([false, true, false, false, true]);
  });

  it('keeps a dot between digits inside a word', () => {
    expect(tokenize('Qwen2.5-14B and v1.1.').map((token) => token.text)).toEqual(['Qwen2.5', '14B', 'and', 'v1.1']);
  });

  it('treats a colon as a clause end', () => {
    expect(tokenize('ComputerRL: Scaling RL').map((token) => token.sentenceBefore)).toEqual([true, true, false]);
  });

  it('marks sentence ends and punctuation breaks', () => {
    const tokens = tokenize('We use RL. Then, SFT helps');
    expect(tokens.map((token) => token.sentenceBefore)).toEqual([true, false, false, true, false, false]);
    expect(tokens[4]!.breakBefore).toBe(true);
  });

  it('drops a possessive s and breaks there', () => {
    const tokens = tokenize("the model's policy");
    expect(tokens.map((token) => token.text)).toEqual(['the', 'model', 'policy']);
    expect(tokens[2]!.breakBefore).toBe(true);
  });

  it('masks LaTeX and HTML without moving offsets', () => {
    const text = 'a \\textbf{Dynamic Entropy} <i>weighting</i> $x$';
    expect(maskMarkup(text)).toHaveLength(text.length);
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.text)).toEqual(['a', 'Dynamic', 'Entropy', 'weighting', 'x']);
    expect(tokens.map((token) => token.breakBefore)).toEqual([true, false, false, true, true]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('handles empty input, CJK and a 1 MB line', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('熵坍缩（entropy collapse）').map((token) => token.text)).toEqual(['entropy', 'collapse']);
    const huge = 'policy entropy '.repeat(70_000);
    expect(tokenize(huge)).toHaveLength(140_000);
  });
});

describe('notesText', () => {
  it('joins headings and texts the documented way', () => {
    expect(notesText({ notes: [{ heading: 'A', text: 'x' }, { heading: 'B', text: 'y' }] })).toBe('A\nx\n\nB\ny');
    expect(notesText({ notes: [] })).toBe('');
  });
});
