import { describe, expect, it } from 'vitest';
import { toCsv, toCsvPieces } from '../../src/export/csv.ts';
import { MENTIONS_COLUMNS, toMentionsCsvPieces, toPapersJsonPieces } from '../../src/export/to-analysis-tables.ts';
import { MentionTable } from '../../src/core/mention-list.ts';
import { jsonArrayPieces } from '../../src/export/json-pieces.ts';
import { toThemesJsonPieces } from '../../src/export/to-themes-json.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';
import type { Mention, Paper } from '../../src/core/types.ts';

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

  it('mentions.csv is the CSV of its rows, with ids and forms quoted where they must be, from an array or a table', () => {
    const mention = (paperId: string, conceptId: string, count: number, score: number, forms: string[]): Mention => ({ paperId, conceptId, count, score, inTitle: count % 2 === 0, forms, evidence: [] });
    const mentions: Mention[] = [];
    for (let i = 0; i < 3000; i++) {
      const paperId = i % 97 === 0 ? `title:a "quoted", title ${Math.floor(i / 10)}` : `2401.${String(Math.floor(i / 10)).padStart(5, '0')}`;
      // Scores on the 4-decimal grid (as extraction makes them), and off it; a concept id with a comma.
      const score = i % 3 === 0 ? Math.round(i * 0.37) / 1e4 : i % 3 === 1 ? i / 7 : -i / 1e4;
      mentions.push(mention(paperId, i % 11 === 0 ? 'rl, "deep"' : `c${i % 13}`, 1 + (i % 4), score, i % 5 === 0 ? ['GRPO', 'a, b', 'say "x"'] : []));
    }
    const rows = mentions.map((m) => [m.paperId, m.conceptId, m.count, m.score, m.inTitle, m.forms.join(' | ')]);
    const pieces = [...toMentionsCsvPieces({ mentions })];
    expect(pieces.join('')).toBe(toCsv(MENTIONS_COLUMNS, rows));
    // The same rows from typed-array columns (the streaming route), which carry no forms.
    const papers = [...new Set(mentions.map((m) => m.paperId))].sort();
    const concepts = [...new Set(mentions.map((m) => m.conceptId))];
    const byPaper = papers.map((id) => mentions.filter((m) => m.paperId === id));
    const offsets = Int32Array.from([0, ...byPaper.map((list, i) => byPaper.slice(0, i + 1).reduce((sum, l) => sum + l.length, 0))]);
    const flat = byPaper.flat();
    const table = new MentionTable({
      paperIds: papers,
      conceptIds: concepts,
      offsets,
      concepts: Int32Array.from(flat, (m) => concepts.indexOf(m.conceptId)),
      counts: Int32Array.from(flat, (m) => m.count),
      scores: Float64Array.from(flat, (m) => m.score),
      inTitle: Uint8Array.from(flat, (m) => (m.inTitle ? 1 : 0)),
    });
    expect([...toMentionsCsvPieces({ mentions: table })].join('')).toBe(toCsv(MENTIONS_COLUMNS, flat.map((m) => [m.paperId, m.conceptId, m.count, m.score, m.inTitle, ''])));
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
