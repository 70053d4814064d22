import { describe, expect, it } from 'vitest';
import { createRandom, sampleIndexes } from '../../src/core/random.ts';

describe('sampleIndexes', () => {
  it('draws distinct indexes in range, the same ones for the same seed', () => {
    const a = sampleIndexes(1000, 50, createRandom(7));
    expect(a.length).toBe(50);
    expect(new Set(a).size).toBe(50);
    for (const index of a) expect(index).toBeLessThan(1000);
    expect(Array.from(sampleIndexes(1000, 50, createRandom(7)))).toEqual(Array.from(a));
    expect(Array.from(sampleIndexes(1000, 50, createRandom(8)))).not.toEqual(Array.from(a));
  });

  it('takes every index, in order and without drawing, when the sample is as large as the set', () => {
    let draws = 0;
    const counting = (): number => {
      draws++;
      return 0.5;
    };
    expect(Array.from(sampleIndexes(5, 5, counting))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(sampleIndexes(3, 10, counting))).toEqual([0, 1, 2]);
    expect(draws).toBe(0);
  });
});
