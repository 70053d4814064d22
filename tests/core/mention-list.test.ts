import { describe, expect, it } from 'vitest';
import { MentionTable, type MentionColumns } from '../../src/core/mention-list.ts';

// Three paper slots read in the order b, a, c; slot 0 (b) has a replaced duplicate's row (concept -1).
const columns = (): MentionColumns => ({
  paperIds: ['2401.00002', '2401.00001', '2401.00003'],
  conceptIds: ['grpo', 'ppo', 'rlvr'],
  offsets: Int32Array.from([0, 3, 5, 5]),
  concepts: Int32Array.from([2, -1, 0, 1, 0]),
  counts: Int32Array.from([4, 9, 1, 2, 3]),
  scores: Float64Array.from([0.9, 0.8, 0.25, 0.7, 0.5]),
  inTitle: Uint8Array.from([1, 1, 0, 0, 1]),
});

describe('MentionTable', () => {
  it('iterates the used rows by paper id, each paper in row order, with no forms or evidence', () => {
    const table = new MentionTable(columns());
    const rows = [...table].map((mention) => [mention.paperId, mention.conceptId, mention.count, mention.score, mention.inTitle, mention.forms.length, mention.evidence.length]);
    expect(rows).toEqual([
      ['2401.00001', 'ppo', 2, 0.7, false, 0, 0],
      ['2401.00001', 'grpo', 3, 0.5, true, 0, 0],
      ['2401.00002', 'rlvr', 4, 0.9, true, 0, 0],
      ['2401.00002', 'grpo', 1, 0.25, false, 0, 0],
    ]);
    expect(table.length).toBe(4);
  });

  it('can be iterated again, with new objects each time', () => {
    const table = new MentionTable(columns());
    const first = [...table];
    const second = [...table];
    expect(second).toEqual(first);
    expect(second[0]).not.toBe(first[0]);
  });

  it('rejects columns that do not fit their offsets, saying which', () => {
    expect(() => new MentionTable({ ...columns(), offsets: Int32Array.from([0, 3, 5]) })).toThrow(/3 papers need 4 offsets, got 3/);
    expect(() => new MentionTable({ ...columns(), scores: Float64Array.from([1, 2]) })).toThrow(/scores column has 2 rows, the offsets need 5/);
  });
});
