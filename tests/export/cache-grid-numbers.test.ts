import { describe, expect, it } from 'vitest';
import { cacheGridNumbers } from '../../src/export/cache-grid-numbers.ts';
import { formatNumber as csvNumber } from '../../src/export/csv.ts';
import { formatNumber as exportNumber } from '../../src/export/sanitize-text.ts';

describe('cacheGridNumbers', () => {
  it('gives the text of the formatter for every value, on the grid or not', () => {
    for (const format of [csvNumber, (value: number) => exportNumber(value, 8), (value: number) => exportNumber(value, 3)]) {
      const cached = cacheGridNumbers(format);
      const values = [0, -0, 1, 2.5, 0.0001, 0.1235, 0.12345, 0.123449, 3.1666, 3.16665, 104.8575, 104.8576, 1e9, -0.25, NaN, Infinity, 1 / 3, 0.1 + 0.2];
      for (let i = 0; i < 20_000; i++) values.push(Math.round(i * 7.31) / 1e4, i / 9999);
      // Twice: the first pass fills the cache, the second reads it.
      for (let pass = 0; pass < 2; pass++) for (const value of values) expect(cached(value)).toBe(format(value));
    }
  });

  it('formats each grid value once, and only values within the grid', () => {
    const seen: number[] = [];
    const cached = cacheGridNumbers((value) => {
      seen.push(value);
      return String(value);
    }, { decimals: 2, size: 100 });
    for (let pass = 0; pass < 3; pass++) for (const value of [0.5, 0.25, 0.99, 1, 0.255, -0.5]) cached(value);
    // 0.5, 0.25 and 0.99 are cached; 1 (point 100) is past the grid, 0.255 between points, -0.5 below it.
    expect(seen.filter((value) => value === 0.5)).toHaveLength(1);
    expect(seen.filter((value) => value === 0.99)).toHaveLength(1);
    expect(seen.filter((value) => value === 1)).toHaveLength(3);
    expect(seen.filter((value) => value === 0.255)).toHaveLength(3);
    expect(seen.filter((value) => value === -0.5)).toHaveLength(3);
  });
});
