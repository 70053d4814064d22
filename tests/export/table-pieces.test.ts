import { describe, expect, it } from 'vitest';
import { toCsv, toCsvPieces } from '../../src/export/csv.ts';
import { toPapersJsonPieces } from '../../src/export/to-analysis-tables.ts';
import { jsonArrayPieces } from '../../src/export/json-pieces.ts';
import { toThemesJsonPieces } from '../../src/export/to-themes-json.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';
import type { Paper } from '../../src/core/types.ts';

const paper = (i: number): Paper => ({
  id: `2401.${String(i).padStart(5, '0')}`,
  version: 1 + (i % 3),
  title: `Paper ${i}: "quoted", with a\nline break and 中文`,
  month: i % 7 === 0 ? null : '2024-01',
  paperUrl: `https://arxiv.org/abs/2401.${i}`,
  codeUrl: '',
  abstract: 'x'.repeat(i % 500),
  notes: i % 5 === 0 ? [{ heading: '🌟 论文解读 | 标题', text: '笔记' }] : [],
  anchor: '',
  sources: [{ file: 'list.md', line: i }],
  categories: i % 2 === 0 ? ['cs.LG', 'cs.CL'] : [],
});

describe('tables in pieces', () => {
  it('papers.json in pieces is JSON.stringify(papers, null, 2), also when it spans several pieces', () => {
    for (const count of [0, 1, 3, 4000]) {
      const papers = Array.from({ length: count }, (_, i) => paper(i));
      const pieces = [...toPapersJsonPieces({ papers })];
      if (count === 4000) expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join('')).toBe(`${JSON.stringify(papers, null, 2)}\n`);
    }
  });

  it('a CSV in pieces is the same text as in one string, read lazily row by row', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [i, `r"${i}", x`, i % 2 === 0, i / 7, null]);
    const pieces = [...toCsvPieces(['a', 'b', 'c', 'd', 'e'], rows, 4096)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(toCsv(['a', 'b', 'c', 'd', 'e'], rows));
    expect([...toCsvPieces(['a'], [])].join('')).toBe(toCsv(['a'], []));
    let read = 0;
    function* endless(): Generator<number[]> {
      for (;;) yield [read++];
    }
    toCsvPieces(['n'], endless(), 100).next();
    expect(read).toBeLessThan(50);
  });

  it('a JSON array in pieces at any depth is the same text as JSON.stringify', () => {
    const items = [{ a: 1, b: [1, { c: 'x\ny' }], d: {} }, [], 'text', null, { e: [] }];
    for (const depth of [0, 1, 3]) {
      const text = [...jsonArrayPieces(items, depth, 8)].join('');
      expect(JSON.parse(text)).toEqual(items);
      expect(text).toBe(JSON.stringify(items, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`));
    }
    expect([...jsonArrayPieces([], 2)].join('')).toBe('[]');
  });

  it('themes.json in pieces is the pretty-printed document', () => {
    const result = makeReportFixture();
    const labels = new Map(result.concepts.map((concept) => [concept.id, concept.label]));
    const document = {
      clustering: result.clustering,
      themes: result.themes.map((theme) => ({ ...theme, topConceptLabels: theme.topConcepts.map((id) => labels.get(id) ?? id) })),
      paperThemes: result.paperThemes,
    };
    expect([...toThemesJsonPieces(result)].join('')).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });
});
