import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCharts } from '../../src/charts/build-charts.ts';
import { escapeHtml, safeUrl, toScriptJson } from '../../src/report/escape-html.ts';
import { escapeMarkdown } from '../../src/report/escape-markdown.ts';
import { evidenceSentence } from '../../src/report/evidence-sentence.ts';
import { noteTitleZh } from '../../src/report/note-title-zh.ts';
import { toHtmlReport } from '../../src/report/to-html-report.ts';
import { toMarkdownReport } from '../../src/report/to-markdown-report.ts';
import type { Paper } from '../../src/core/types.ts';
import { makeReportFixture } from '../fixtures/report/analysis-result.ts';
import { makeStabilityFixture } from './stability-fixture.ts';

const GOLDEN = resolve(import.meta.dirname, '../golden/report/report.md');

function paper(abstract: string): Paper {
  return { id: 'x', version: 1, title: 'T', month: '2025-01', paperUrl: '', codeUrl: '', abstract, notes: [], anchor: '', sources: [], categories: [] };
}

describe('toMarkdownReport', () => {
  const result = makeReportFixture();
  const charts = buildCharts(result).map((chart) => ({ name: chart.name, title: chart.title, file: `charts/${chart.name}.png` }));

  it('matches the golden report for the fixture, with stability measured and a weak paper', async () => {
    const actual = toMarkdownReport(makeStabilityFixture(), { charts });
    if (!existsSync(GOLDEN)) await writeFile(GOLDEN, actual);
    expect(actual).toBe(await readFile(GOLDEN, 'utf8'));
  });

  it('links every chart image and every paper', () => {
    const markdown = toMarkdownReport(result, { charts });
    for (const chart of charts) expect(markdown).toContain(`](${chart.file})`);
    for (const item of result.papers) if (!item.id.startsWith('title:')) expect(markdown).toContain(`https://arxiv.org/abs/${item.id}`);
  });

  it('shows HTML in titles as text', () => {
    const markdown = toMarkdownReport(result, { charts });
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('Think &lt;script&gt;alert(1)&lt;/script&gt; &amp; Verify');
  });
});

describe('toHtmlReport', () => {
  const result = makeReportFixture();
  const html = toHtmlReport(result, { charts: buildCharts(result), assets: { script: '/* bundle */' } });

  it('escapes every input text, in the page and in the embedded JSON', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Think &lt;script&gt;alert(1)&lt;/script&gt; &amp; Verify');
    expect(html).not.toContain('<b>与</b>');
    const scripts = html.match(/<script\b/g) ?? [];
    expect(scripts).toHaveLength(3);
  });

  it('loads nothing from the network', () => {
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']https?:/i);
    expect(html).toContain("default-src 'none'");
  });

  it('has the sections a reader needs', () => {
    for (const id of ['overview', 'graph-section', 'charts', 'themes', 'papers', 'method']) expect(html).toContain(`id="${id}"`);
    for (const chart of buildCharts(result)) expect(html).toContain(`data-chart="${chart.name}"`);
  });
});

describe('escaping helpers', () => {
  it('escapes HTML, rejects non-http links, and keeps JSON inert in a script', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl(' https://arxiv.org/abs/1 ')).toBe('https://arxiv.org/abs/1');
    expect(toScriptJson({ t: '</script><script>alert(1)</script>' })).not.toContain('</script');
    expect(JSON.parse(toScriptJson({ t: '</script>\u2028' }))).toEqual({ t: '</script>\u2028' });
    expect(escapeMarkdown('a|b *c* [d](e) <f>')).toBe('a\\|b \\*c\\* \\[d\\](e) &lt;f&gt;');
  });
});

describe('evidenceSentence', () => {
  it('cuts the sentence around the evidence, not at decimal points', () => {
    const text = 'First sentence. We use Qwen2.5 with GRPO here. Last one.';
    const start = text.indexOf('GRPO');
    expect(evidenceSentence(paper(text), { field: 'abstract', start, end: start + 4 })).toEqual({ before: 'We use Qwen2.5 with ', match: 'GRPO', after: ' here.' });
  });

  it('shortens long sentences with ellipses and rejects bad offsets', () => {
    const text = `${'word '.repeat(100)}GRPO${' tail'.repeat(100)}.`;
    const start = text.indexOf('GRPO');
    const sentence = evidenceSentence(paper(text), { field: 'abstract', start, end: start + 4 }, 60);
    expect(sentence?.before.startsWith('…')).toBe(true);
    expect(sentence?.after.endsWith('…')).toBe(true);
    expect((sentence?.before.length ?? 0) + (sentence?.after.length ?? 0)).toBeLessThanOrEqual(60);
    expect(evidenceSentence(paper('short'), { field: 'abstract', start: 3, end: 99 })).toBeNull();
  });
});

describe('noteTitleZh', () => {
  it('reads the Chinese title from the notes heading', () => {
    const item = { ...paper(''), notes: [{ heading: '🌟 论文解读 | 熵机制：强化学习', text: '' }] };
    expect(noteTitleZh(item)).toBe('熵机制：强化学习');
    expect(noteTitleZh(paper(''))).toBe('');
  });
});
