import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions } from '../../src/concepts/acronyms.ts';

const pairs = (text: string): [string, string][] => findAcronymDefinitions(text).map((definition) => [definition.short, definition.long]);

describe('findAcronymDefinitions (Schwartz–Hearst)', () => {
  it('pairs a long form followed by its short form', () => {
    expect(pairs('We propose Group Relative Policy Optimization (GRPO), a variant of PPO.')).toEqual([['GRPO', 'Group Relative Policy Optimization']]);
  });

  it('pairs a short form followed by its long form', () => {
    expect(pairs('GRPO (Group Relative Policy Optimization) is widely used.')).toEqual([['GRPO', 'Group Relative Policy Optimization']]);
  });

  it('finds letters inside words for mixed-case acronyms', () => {
    expect(pairs('We propose the Decoupled Clip and Dynamic sAmpling Policy Optimization (DAPO) algorithm.')).toEqual([
      ['DAPO', 'Decoupled Clip and Dynamic sAmpling Policy Optimization'],
    ]);
  });

  it('reads plural short forms as singular', () => {
    expect(pairs('Large language models (LLMs) reason.')).toEqual([['LLM', 'Large language models']]);
  });

  it('accepts short forms with digits and hyphens', () => {
    expect(pairs('the General Language Model (GLM-4) family')).toEqual([['GLM-4', 'General Language Model']]);
    expect(pairs('Sequence-Level Group Relative Policy Optimization (GRPO-S) helps')[0]?.[0]).toBe('GRPO-S');
  });

  it('prefers the long form whose initials spell the short form', () => {
    expect(pairs('soft actor-critic (SAC) and proximal policy optimization (PPO)')).toEqual([
      ['SAC', 'soft actor-critic'],
      ['PPO', 'proximal policy optimization'],
    ]);
  });

  it('does not take a sentence opener into the long form', () => {
    expect(pairs('Recently, Group Relative Policy Optimization (GRPO) was used.')).toEqual([['GRPO', 'Group Relative Policy Optimization']]);
  });

  it('ignores parentheses that are not definitions', () => {
    expect(pairs('We trained on 5 datasets (see Table 2) and (x).')).toEqual([]);
    expect(pairs('unclosed (GRPO')).toEqual([]);
  });

  it('reads through LaTeX markup', () => {
    expect(pairs('\\textbf{Group Token Policy Optimization} (\\textbf{GTPO}), we')).toEqual([['GTPO', 'Group Token Policy Optimization']]);
  });
});
