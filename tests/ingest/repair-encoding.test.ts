import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/core/issues.ts';
import { createCharModel, type CharModelData } from '../../src/ingest/char-model.ts';
import { codePage, CODE_PAGES } from '../../src/ingest/code-pages.ts';
import { encodeMojibake } from '../../src/ingest/encode-mojibake.ts';
import { repairEncoding } from '../../src/ingest/repair-encoding.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/encoding/${name}`, import.meta.url), 'utf8');
const cleanNotes = fixture('clean-notes-zh.md');

const CLEAN_TEXTS: Record<string, string> = {
  chinese: cleanNotes,
  turkish: '„Türkçe metin: ağaç, şöyle, İstanbul, ğüşıöç" — Iğdır, Şişli, Çağrı, ÖĞRENCİ, ılık.',
  german: 'Größe, Übung, Straße, Ärger, schön, Bär, Köln — „Anführungszeichen“ und ‚einfache‘, Maß für Maß.',
  french: "Ça va ? « Citation » — l’été à Noël, garçon, élève, où, cœur, Œuvre, déjà vu, naïve, façade.",
  symbols: '© ® ™ € £ ¥ § ¶ ° ± × ÷ µ • … — – ‘ ’ “ ” ½ ¼ ¾ ¿ ¡ ‰ † ‡ → ✓ 🌟 📌 α β γ θ ≥ ≤ ∑ ² ³ ¹ · ¨ ¸ ´ ¯ ª º « » ¬',
  spanishAndNordic: 'Martín, señor, Ångström, Øresund, Þórr, Ðe, æøå, ÆØÅ, ÿ, Ý, ð.',
  mixed: 'GRPO 与 PPO：熵坍缩（entropy collapse）— “策略悬崖” 🌟 Größe ağaç élève ©2025 ±3 °C',
};

describe('repairEncoding on clean text', () => {
  for (const [name, text] of Object.entries(CLEAN_TEXTS)) {
    it(`leaves clean ${name} text exactly as it is`, () => {
      const result = repairEncoding(text, { file: `${name}.md` });
      expect(result.text).toBe(text);
      expect(result.spans).toEqual([]);
      expect(result.issues).toEqual([]);
      expect(result.stats).toEqual({ spans: 0, charactersRecovered: 0, uncertain: 0, bytesInserted: 0 });
    });
  }

  it('leaves all the clean texts together unchanged, line by line', () => {
    const text = Object.values(CLEAN_TEXTS).join('\n');
    expect(repairEncoding(text).text).toBe(text);
  });

  it('leaves ASCII, empty and trap-word text unchanged', () => {
    for (const text of ['', 'plain ASCII only\n', '__proto__ constructor toString', '\n\n\r\n']) expect(repairEncoding(text).text).toBe(text);
  });
});

describe('repairEncoding on damaged text', () => {
  it('restores a damaged Chinese paragraph exactly, missing bytes included', () => {
    const damaged = encodeMojibake(cleanNotes);
    expect(damaged).not.toBe(cleanNotes);
    expect(damaged).toContain('è®º'.slice(0, 1));
    const result = repairEncoding(damaged, { file: 'notes.md' });
    expect(result.text).toBe(cleanNotes);
    expect(result.stats.bytesInserted).toBeGreaterThan(0);
    expect(result.stats.charactersRecovered).toBeGreaterThan(300);
    expect(result.stats.uncertain).toBe(0);
  });

  it('repairs the seed title line: 🌟 论文解读', () => {
    const titleLine = fixture('seed-excerpt-damaged.md').split('\n')[5] ?? '';
    expect(titleLine.startsWith('### ğŸŒŸ è®ºæ–‡è§£è¯» | ComputerRLï¼š')).toBe(true);
    const result = repairEncoding(`${titleLine}\n`);
    expect(result.text).toBe('### 🌟 论文解读 | ComputerRL：推动桌面智能代理端到端在线强化学习规模化\n');
    expect(result.spans.map((span) => span.line)).toEqual([1, 1, 1]);
  });

  it('restores English punctuation, accents and symbols', () => {
    const clean = 'The “policy cliff” — it’s real: 10–20% gain, café, naïve, © 2025, 3×3, ±0.5 °C, α=0.1, “entropy”, 奖励、熵与策略。';
    expect(repairEncoding(encodeMojibake(clean)).text).toBe(clean);
  });

  it('joins a quote split over hard-wrapped lines', () => {
    const clean = 'we call it the “policy\ncliff” problem';
    expect(repairEncoding(encodeMojibake(clean)).text).toBe(clean);
  });

  for (const page of CODE_PAGES) {
    it(`repairs UTF-8 read as ${page}`, () => {
      const clean = '### 🌟 论文解读 | “策略悬崖”、熵坍缩 — café';
      const damaged = encodeMojibake(clean, { codePage: page });
      expect(damaged).not.toBe(clean);
      expect(repairEncoding(damaged).text).toBe(clean);
    });
  }

  it('repairs the damaged seed excerpt into readable Chinese with no mojibake left', () => {
    const damaged = fixture('seed-excerpt-damaged.md');
    const result = repairEncoding(damaged, { file: 'seed-excerpt.md' });
    expect(result.text).toContain('### 🌟 论文解读 | ComputerRL：推动桌面智能代理端到端在线强化学习规模化');
    expect(result.text).toContain('### 🌟 论文解读 | 超越图灵：记忆摊销推理（MAI）作为认知计算的基石');
    expect(result.text).toContain('### 📌 背景痛点/本文动机');
    expect(result.text).not.toMatch(/[ÃÂâäåæçèéğŸ€]/u);
    expect(result.text.split('\n').length).toBe(damaged.split('\n').length);
    const summary = result.issues.filter((entry) => entry.code === 'encoding-repaired');
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ severity: 'info', file: 'seed-excerpt.md' });
  });

  it('is deterministic and does not depend on earlier calls', () => {
    const damaged = fixture('seed-excerpt-damaged.md');
    expect(repairEncoding(damaged)).toEqual(repairEncoding(damaged));
  });

  it('repairs a 1 MB single line without trouble, and leaves a 1 MB clean line as the same string', () => {
    const unit = encodeMojibake('训练中的“熵” — token ');
    const huge = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const result = repairEncoding(huge);
    expect(result.text).toBe('训练中的“熵” — token '.repeat(Math.ceil(1_000_000 / unit.length)));
    const clean = 'a'.repeat(1_000_000) + 'ğ'.repeat(1000) + 'é';
    expect(repairEncoding(clean).text).toBe(clean);
  });
});

describe('repairEncoding when the reading is uncertain', () => {
  // A model that knows 中 and 与 equally well and nothing else: `ä¸` (中 or 与 with a byte lost) cannot be decided.
  const tieModel = createCharModel({
    format: 'papergraph-char-ngram',
    version: 2,
    description: 'test model: 中 and 与 equally likely',
    tokens: ['a', ' ', '\n', '中', '与', '—'],
    counts: [100, 50, 10, 20, 20, 5],
    followers: [0, 0, 0, 0, 0, 0],
    bigrams: {},
    trigrams: {},
  } satisfies CharModelData);

  it('keeps the best reading, marks the span uncertain and reports it with file and line', () => {
    const text = 'first line\nGRPO ä¸ PPO â€” ok\n';
    const result = repairEncoding(text, { file: 'list.md', model: tieModel });
    expect(result.text).toMatch(/^first line\nGRPO [中与] PPO — ok\n$/u);
    const span = result.spans.find((entry) => entry.original === 'ä¸');
    expect(span).toMatchObject({ line: 2, uncertain: true });
    expect(['中', '与']).toContain(span?.alternatives[0]);
    expect(span?.alternatives[0]).not.toBe(span?.repaired);
    expect(result.stats.uncertain).toBe(1);
    const warnings = result.issues.filter((entry) => entry.code === 'encoding-uncertain');
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', file: 'list.md', line: 2 })]);
  });

  it('flags the close calls of the real seed instead of deciding them silently', () => {
    const result = repairEncoding(fixture('seed-excerpt-damaged.md'), { file: 'seed-excerpt.md' });
    expect(result.stats.uncertain).toBeGreaterThan(0);
    const uncertain = result.spans.filter((span) => span.uncertain);
    expect(uncertain).toHaveLength(result.stats.uncertain);
    for (const span of uncertain) {
      expect(span.alternatives.length).toBeGreaterThan(0);
      expect(span.alternatives).not.toContain(span.repaired);
      expect(result.issues).toContainEqual(expect.objectContaining({ code: 'encoding-uncertain', file: 'seed-excerpt.md', line: span.line }));
    }
  });

  it('does not repair a lone damaged-looking letter without evidence on its line', () => {
    // `ä` alone could be a Chinese lead byte that lost both continuation bytes, but nothing else says so.
    const text = 'Bär and Ça\nGRPO â€” ok';
    expect(repairEncoding(text).text).toBe('Bär and Ça\nGRPO — ok');
  });
});

describe('code pages and the damage model', () => {
  it('matches the WHATWG Windows-1254 decoder on every defined byte', () => {
    const decoder = new TextDecoder('windows-1254');
    const page = codePage('windows-1254');
    for (let byte = 0x80; byte < 0x100; byte++) {
      const expected = decoder.decode(Uint8Array.of(byte)).codePointAt(0) ?? -1;
      const isUndefined = expected >= 0x80 && expected <= 0x9f;
      expect(page.toChar[byte]).toBe(isUndefined ? -1 : expected);
    }
    expect([...page.droppedBytes].sort((a, b) => a - b)).toEqual([0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e, 0xad]);
  });

  it('damages as the corpus README describes', () => {
    expect(encodeMojibake('🌟 论文解读')).toBe('ğŸŒŸ è®ºæ–‡è§£è¯»');
    expect(encodeMojibake('”')).toBe('â€');
    expect(encodeMojibake('soft\u00adhyphen')).toBe('softÂhyphen');
  });

  it('uses only issue codes from the catalogue', () => {
    const result = repairEncoding(encodeMojibake(cleanNotes));
    for (const entry of result.issues) expect(ISSUE_CODES).toContain(entry.code);
  });
});

describe('public surface', () => {
  it('exports repairEncoding and the uncertainty margin only', async () => {
    expect(Object.keys(await import('../../src/ingest/repair-encoding.ts')).sort()).toEqual(['UNCERTAIN_LOG_RATIO', 'repairEncoding']);
  });

  it('does not mutate or depend on the options object', () => {
    const options = Object.freeze({ file: 'frozen.md' });
    const damaged = encodeMojibake('“熵” — 论文解读、奖励');
    expect(repairEncoding(damaged, options).text).toBe('“熵” — 论文解读、奖励');
  });
});
