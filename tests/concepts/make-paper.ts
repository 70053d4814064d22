import type { NoteSection, Paper } from '../../src/core/types.ts';

/** A paper for tests: only the fields concept extraction reads need values. */
export function makePaper(id: string, title: string, abstract: string, notes: NoteSection[] = [], month: string | null = '2025-05'): Paper {
  return { id, version: 1, title, month, paperUrl: '', codeUrl: '', abstract, notes, anchor: id, sources: [{ file: 'test.md', line: 1 }], categories: [] };
}
