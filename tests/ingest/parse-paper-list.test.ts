import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanCodeUrl, joinHardWraps, parsePaperList } from '../../src/ingest/parse-paper-list.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/paper-lists/${name}`, import.meta.url), 'utf8');
const parse = (name: string) => parsePaperList(fixture(name), { file: name });

describe('parsePaperList', () => {
  it('reads every field of a list item and its notes block', () => {
    const { papers, issues, listTitle } = parse('seed-excerpt.md');
    expect(listTitle).toBe('Paper List of Terms(RL+entropy)');
    expect(papers).toHaveLength(3);
    const [first] = papers;
    expect(first).toMatchObject({
      id: '2508.14040',
      version: 1,
      title: 'ComputerRL: Scaling End-to-End Online Reinforcement Learning for Computer Use Agents',
      month: '2025-08',
      paperUrl: 'http://arxiv.org/pdf/2508.14040v1',
      codeUrl: '',
      anchor: 'computerrl--scaling-end-to-end-online-reinforcement-learning-for-computer-use-agents',
      sources: [{ file: 'seed-excerpt.md', line: 2 }],
    });
    expect(first?.abstract).toMatch(/^We introduce ComputerRL, a framework for autonomous desktop intelligence that enables agents/);
    expect(first?.abstract).not.toContain('\n');
    expect(first?.abstract).toContain('supervised fine-tuning, effectively mitigating entropy collapse');
    expect(first?.notes.length).toBeGreaterThanOrEqual(4);
    expect(issues.filter((entry) => entry.severity !== 'info')).toEqual([]);
  });

  it('strips the trailing dot the generator leaves on code links', () => {
    const paper = parse('seed-excerpt.md').papers[2];
    expect(paper?.id).toBe('2508.07534');
    expect(parse('bib-derived.md').papers[1]?.codeUrl).toBe('https://github.com/MiniMax-AI/SynLogic');
    expect(cleanCodeUrl('https://huggingface.co/a-m-team/AM-Thinking-v1}{Hugging')).toBe('https://huggingface.co/a-m-team/AM-Thinking-v1');
    expect(cleanCodeUrl('https://github.com/x/y/.')).toBe('https://github.com/x/y/');
  });

  it('reads bib-derived lists and keeps LaTeX in abstracts as text', () => {
    const { papers, listTitle } = parse('bib-derived.md');
    expect(listTitle).toBe('Paper List from BIB File: tmp0v9vy7jo.bib');
    expect(papers.map((paper) => paper.id)).toEqual(['2506.02096', '2505.19641']);
    expect(papers[0]?.abstract).toContain('\\textbf{SynthRL}');
  });

  it('reads notes wrapped in ``` fences as note sections', () => {
    const { papers, issues } = parse('fenced-notes.md');
    expect(papers).toHaveLength(2);
    for (const paper of papers) {
      expect(paper.abstract.length).toBeGreaterThan(200);
      expect(paper.notes.some((note) => note.heading.includes('论文解读'))).toBe(true);
      expect(paper.notes.every((note) => !note.text.includes('```'))).toBe(true);
    }
    expect(issues.filter((entry) => entry.severity !== 'info')).toEqual([]);
  });

  it('keeps papers without notes and reports it', () => {
    const { papers, issues } = parse('no-notes.md');
    expect(papers).toHaveLength(3);
    expect(papers.every((paper) => paper.notes.length === 0 && paper.abstract !== '')).toBe(true);
    expect(issues.filter((entry) => entry.code === 'missing-notes')).toHaveLength(3);
  });

  it('returns no papers for an empty list, and says so', () => {
    const { papers, issues } = parse('empty-list.md');
    expect(papers).toEqual([]);
    expect(issues.map((entry) => entry.code)).toEqual(['no-papers']);
    expect(parsePaperList('', { file: 'x.md' }).issues.map((entry) => entry.code)).toEqual(['empty-file']);
  });

  it('resolves anchors with LaTeX and parentheses', () => {
    const odd = parse('odd-anchors.md');
    const specs = odd.papers.find((paper) => paper.anchor.startsWith('$\\texttt{specs}$'));
    expect(specs?.abstract).not.toBe('');
    expect(odd.issues.filter((entry) => entry.code === 'unresolved-anchor' || entry.code === 'orphan-notes')).toEqual([]);
    const parenthesis = parse('parenthesis-anchor.md');
    expect(parenthesis.papers.find((paper) => paper.anchor.includes('(not-just-whether)'))?.abstract).toMatch(/\w/);
    expect(parenthesis.issues.filter((entry) => entry.code === 'unresolved-anchor' || entry.code === 'orphan-notes')).toEqual([]);
  });

  it('reads note headings at any level below the paper block', () => {
    const { papers } = parse('deep-note-headings.md');
    const withDeep = papers.find((paper) => paper.notes.some((note) => note.heading.startsWith('论文摘要总结')));
    expect(withDeep).toBeDefined();
    expect(withDeep?.abstract).toMatch(/cancer detection/);
  });

  it('survives hostile input: __proto__, HTML, a bad month, a dangling anchor, no arXiv link, duplicates', () => {
    const { papers, issues } = parse('hostile.md');
    expect(papers.map((paper) => paper.title)).toContain('__proto__ Pollution: constructor Attacks on toString Agents');
    expect(papers.find((paper) => paper.id === '2508.00001')?.abstract).toBe('We study __proto__ and constructor keys in agents that call toString.');
    expect(papers.filter((paper) => paper.id === '2507.00002')).toHaveLength(2);
    expect(papers.find((paper) => paper.id === '2507.00002')?.title).toBe('<script>alert("x")</script> & <b>Bold</b> Reward Models');
    const codes = (code: string) => issues.filter((entry) => entry.code === code);
    expect(codes('bad-date')).toMatchObject([{ file: 'hostile.md', line: 8, paperId: '2512.00003' }]);
    expect(papers.find((paper) => paper.id === '2512.00003')?.month).toBeNull();
    expect(codes('unresolved-anchor')).toMatchObject([{ line: 11 }]);
    expect(papers.find((paper) => paper.id === '2506.00004')).toMatchObject({ abstract: '', notes: [] });
    expect(codes('missing-arxiv-id')).toHaveLength(1);
    expect(papers.find((paper) => paper.title === 'A Paper Without an arXiv Link')?.id).toBe('title:a-paper-without-an-arxiv-link');
    const levelTwo = papers.find((paper) => paper.id === '2504.00005');
    expect(levelTwo?.abstract).toBe('Some lists write the note headings at level two.');
    expect(levelTwo?.notes.map((note) => note.heading)).toEqual(['🌟 论文解读 | 二级标题的笔记', '📌 背景痛点/本文动机']);
    expect(levelTwo?.notes[1]?.text).toBe('笔记正文。');
    expect(codes('unparsable-line').map((entry) => entry.line)).toEqual([23, 24]);
  });

  it('parses a 1 MB line in linear time without losing the paper', () => {
    const huge = `${'word '.repeat(210_000).trim()}`;
    const text = fixture('hostile.md').replace('Month thirteen does not exist.', `Month thirteen does not exist. ${huge}`);
    const { papers } = parsePaperList(text, { file: 'huge.md' });
    const paper = papers.find((entry) => entry.id === '2512.00003');
    expect(paper?.abstract.length).toBeGreaterThan(1_000_000);
    expect(papers).toHaveLength(7);
  });

  it('joins hard wraps with single spaces and keeps paragraphs', () => {
    expect(joinHardWraps(['a b', '  c', '', 'd', ''])).toBe('a b c\n\nd');
  });
});
