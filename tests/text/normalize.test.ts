import { describe, expect, it } from 'vitest';
import { americanSpelling, singular, termKey, wordKey } from '../../src/text/normalize.ts';
import { stem } from '../../src/text/stem.ts';
import { segmentChinese } from '../../src/text/segment-chinese.ts';

describe('term keys', () => {
  it('merge case, plural, hyphen and spelling variants', () => {
    expect(termKey('Entropy Collapse')).toBe(termKey('entropy-collapse'));
    expect(termKey('entropy regularisation')).toBe(termKey('Entropy Regularization'));
    expect(termKey('policies')).toBe(termKey('policy'));
    expect(termKey('LLMs')).toBe(termKey('LLM'));
    expect(termKey('behaviour modelling')).toBe(termKey('behavior modeling'));
  });

  it('keep words that only look plural', () => {
    for (const word of ['analysis', 'loss', 'bonus', 'series', 'dynamics', 'bias']) expect(singular(word)).toBe(word);
    expect(singular('approaches')).toBe('approach');
    expect(singular('rewards')).toBe('reward');
  });

  it('leave -ise words that are not British spellings alone', () => {
    expect(americanSpelling('promise')).toBe('promise');
    expect(americanSpelling('noise')).toBe('noise');
    expect(americanSpelling('optimise')).toBe('optimize');
  });

  it('are safe for prototype words', () => {
    expect(wordKey('__proto__')).toBe('__proto__');
    expect(wordKey('constructor')).toBe('constructor');
    expect(termKey('hasOwnProperty toString')).toBe('hasownproperty tostring');
  });
});

describe('stem', () => {
  it('is Porter', () => {
    expect(stem('regularization')).toBe('regular');
    expect(stem('policies')).toBe('polici');
  });
});

describe('segmentChinese', () => {
  it('finds word-like segments with offsets', () => {
    const text = '我们提出熵坍缩问题';
    for (const segment of segmentChinese(text)) expect(text.slice(segment.start, segment.end)).toBe(segment.text);
    expect(segmentChinese(text).length).toBeGreaterThan(1);
  });
});
