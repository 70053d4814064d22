import { describe, expect, it } from 'vitest';
import { assertArxivRecordFilter, parseArxivRecord } from '../../src/ingest/parse-arxiv-record.ts';

const where = { file: 'snap.jsonl', line: 7 };
const snapshot = {
  id: '0704.0001',
  submitter: 'Pavel Nadolsky',
  authors: "C. Bal\\'azs, E. L. Berger",
  title: 'Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies',
  abstract: '  A fully differential calculation in perturbative quantum chromodynamics is\npresented for the production of massive photon pairs.\n',
  categories: 'hep-ph cs.LG',
  versions: [
    { version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' },
    { version: 'v2', created: 'Tue, 24 Jul 2007 20:10:27 GMT' },
  ],
  update_date: '2008-11-13',
};

describe('parseArxivRecord', () => {
  it('reads a snapshot record: id, last version, first-version month, collapsed whitespace, categories', () => {
    const { paper, issue } = parseArxivRecord(JSON.stringify(snapshot), where);
    expect(issue).toBeNull();
    expect(paper).toEqual({
      id: '0704.0001',
      version: 2,
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      month: '2007-04',
      paperUrl: 'https://arxiv.org/abs/0704.0001',
      codeUrl: '',
      abstract: 'A fully differential calculation in perturbative quantum chromodynamics is presented for the production of massive photon pairs.',
      notes: [],
      anchor: '',
      sources: [{ file: 'snap.jsonl', line: 7 }],
      categories: ['hep-ph', 'cs.LG'],
    });
  });

  it('reads old-style ids and the plain {id,title,abstract,date} form', () => {
    expect(parseArxivRecord(JSON.stringify({ ...snapshot, id: 'math/0406594' }), where).paper?.id).toBe('math/0406594');
    const { paper } = parseArxivRecord(JSON.stringify({ id: '2508.14040v3', title: 'T', abstract: 'A', date: '2025-08-19' }), where);
    expect(paper).toMatchObject({ id: '2508.14040', version: 3, month: '2025-08', categories: [] });
    expect(parseArxivRecord(JSON.stringify({ id: 'x1', title: 'T', date: '2024-02' }), where).paper?.month).toBe('2024-02');
  });

  it('falls back to update_date, and to a title id when there is no id', () => {
    const { paper } = parseArxivRecord(JSON.stringify({ title: 'No Id Here', update_date: '2019-03-01' }), where);
    expect(paper).toMatchObject({ id: 'title:no-id-here', month: '2019-03', version: null });
  });

  it('reports a bad line with file and line', () => {
    for (const text of ['{not json', '[1,2]', 'null', '"text"']) {
      const { paper, issue } = parseArxivRecord(text, where);
      expect(paper).toBeNull();
      expect(issue).toMatchObject({ code: 'bad-json-line', file: 'snap.jsonl', line: 7 });
    }
    expect(parseArxivRecord('{"id":"1","title":"  "}', where).issue).toMatchObject({ code: 'missing-title', line: 7 });
  });

  it('survives trap keys', () => {
    const { paper } = parseArxivRecord('{"__proto__":{"title":"x"},"constructor":1,"title":"Real","id":"2101.00001"}', where);
    expect(paper?.title).toBe('Real');
    expect(({} as Record<string, unknown>)['title']).toBeUndefined();
  });

  it('filters by category prefix and month range while reading', () => {
    const text = JSON.stringify(snapshot);
    expect(parseArxivRecord(text, where, { categories: ['cs.LG'] }).paper).not.toBeNull();
    expect(parseArxivRecord(text, where, { categories: ['cs'] }).paper).not.toBeNull();
    expect(parseArxivRecord(text, where, { categories: ['cs.L'] })).toEqual({ paper: null, issue: null });
    expect(parseArxivRecord(text, where, { categories: ['math', 'hep-ph'] }).paper).not.toBeNull();
    expect(parseArxivRecord(text, where, { from: '2007-04', to: '2007-04' }).paper).not.toBeNull();
    expect(parseArxivRecord(text, where, { from: '2007-05' })).toEqual({ paper: null, issue: null });
    expect(parseArxivRecord(text, where, { to: '2007-03' })).toEqual({ paper: null, issue: null });
    expect(parseArxivRecord(JSON.stringify({ id: '1', title: 'T' }), where, { from: '2000-01' }).paper).toBeNull();
  });

  it('rejects a malformed filter', () => {
    expect(() => assertArxivRecordFilter({ from: '2007-4' })).toThrow(/papergraph\/ingest\/parse-arxiv-record/);
    expect(() => assertArxivRecordFilter({ from: '2008-01', to: '2007-01' })).toThrow(/after/);
    expect(() => assertArxivRecordFilter({ from: '2007-01', to: '2008-12' })).not.toThrow();
  });
});
