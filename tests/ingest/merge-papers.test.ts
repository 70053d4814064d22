import { describe, expect, it } from 'vitest';
import { mergePapers } from '../../src/ingest/merge-papers.ts';
import type { Paper } from '../../src/core/types.ts';

function paper(overrides: Partial<Paper>): Paper {
  return { id: '2501.00001', version: 1, title: 'T', month: '2025-01', paperUrl: '', codeUrl: '', abstract: '', notes: [], anchor: '', categories: [], sources: [{ file: 'a.md', line: 1 }], ...overrides };
}

describe('mergePapers', () => {
  it('keeps the latest version, fills what it lacks from the others, and records every source', () => {
    const v1 = paper({ version: 1, abstract: 'old abstract', notes: [{ heading: 'h', text: 't' }], codeUrl: 'https://code', sources: [{ file: 'a.md', line: 3 }] });
    const v2 = paper({ version: 2, title: 'T v2', sources: [{ file: 'b.md', line: 9 }] });
    const { papers, issues, read } = mergePapers([v1, v2]);
    expect(read).toBe(2);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({ version: 2, title: 'T v2', abstract: 'old abstract', codeUrl: 'https://code', notes: [{ heading: 'h', text: 't' }] });
    expect(papers[0]?.sources).toEqual([{ file: 'b.md', line: 9 }, { file: 'a.md', line: 3 }]);
    expect(issues).toMatchObject([{ code: 'duplicate-paper', file: 'a.md', line: 3, paperId: '2501.00001' }]);
  });

  it('keeps the first record on a tie and reports duplicates inside one list separately', () => {
    const first = paper({ title: 'first', sources: [{ file: 'a.md', line: 1 }] });
    const second = paper({ title: 'second', sources: [{ file: 'a.md', line: 5 }] });
    const { papers, issues } = mergePapers([first, second]);
    expect(papers[0]?.title).toBe('first');
    expect(issues[0]?.code).toBe('duplicate-in-list');
  });

  it('keeps the order of first appearance and does not touch its input', () => {
    const input = [paper({ id: 'b' }), paper({ id: '__proto__' }), paper({ id: 'b', version: 3 }), paper({ id: 'constructor' })];
    const copy = structuredClone(input);
    expect(mergePapers(input).papers.map((entry) => entry.id)).toEqual(['b', '__proto__', 'constructor']);
    expect(input).toEqual(copy);
  });
});
