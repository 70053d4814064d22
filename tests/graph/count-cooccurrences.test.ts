import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core/random.ts';
import { countCooccurrences, rankMonths } from '../../src/graph/count-cooccurrences.ts';

function pairs(counts: ReturnType<typeof countCooccurrences>): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  counts.forEachPair((i, j, count, first) => out.push([i, j, count, first]));
  return out;
}

describe('countCooccurrences', () => {
  it('counts each pair once per paper with its earliest month, the same in dense and hashed tables', () => {
    const random = createRandom(9);
    const n = 40;
    const lists = Array.from({ length: 300 }, () => Array.from({ length: Math.floor(random() * 8) }, () => Math.floor(random() * n)));
    const months = lists.map(() => (random() < 0.2 ? null : `20${10 + Math.floor(random() * 9)}-01`));
    const offsets = new Int32Array(lists.length + 1);
    lists.forEach((list, p) => (offsets[p + 1] = (offsets[p] ?? 0) + list.length));
    const ids = Int32Array.from(lists.flat());
    const { ranks, labels } = rankMonths(months);
    const dense = countCooccurrences(n, offsets, ids, ranks);
    const hashed = countCooccurrences(n, offsets, ids, ranks, { denseLimit: 0 });
    expect(pairs(hashed)).toEqual(pairs(dense));
    expect([...hashed.occurrences]).toEqual([...dense.occurrences]);
    // Independent recount.
    const expected = new Map<string, { count: number; first: string }>();
    let papers = 0;
    lists.forEach((list, p) => {
      const unique = [...new Set(list)].sort((a, b) => a - b);
      if (unique.length > 0) papers++;
      for (let a = 0; a < unique.length; a++)
        for (let b = a + 1; b < unique.length; b++) {
          const key = `${unique[a]},${unique[b]}`;
          const entry = expected.get(key) ?? { count: 0, first: '' };
          entry.count++;
          const month = months[p] ?? '';
          if (month !== '' && (entry.first === '' || month < entry.first)) entry.first = month;
          expected.set(key, entry);
        }
    });
    expect(dense.papers).toBe(papers);
    const got = new Map(pairs(dense).map(([i, j, count, first]) => [`${i},${j}`, { count, first: labels[first] ?? '' }]));
    expect(got).toEqual(expected);
  });
});
