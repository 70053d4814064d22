import { expect } from 'vitest';
import { THEME_METHODS, type PaperTheme, type Theme } from '../../src/core/types.ts';

interface Themed {
  themes: readonly Theme[];
  paperThemes: readonly PaperTheme[];
}

/** Every paper has exactly one theme per method, an existing one, with strength in 0..1. */
export function expectOneThemePerPaper(result: Themed, paperIds: readonly string[]): void {
  for (const method of THEME_METHODS) {
    const rows = result.paperThemes.filter((row) => row.method === method);
    expect(rows.map((row) => row.paperId).sort()).toEqual([...paperIds].sort());
    for (const row of rows) {
      expect(row.strength).toBeGreaterThanOrEqual(0);
      expect(row.strength).toBeLessThanOrEqual(1);
      expect(result.themes.some((theme) => theme.method === method && theme.id === row.themeId)).toBe(true);
    }
  }
}

/** Theme ids run densely from 0, largest first by `size`, and the themes list every paper once. */
export function expectThemesNumberedBySize(result: Themed, paperIds: readonly string[], size: (theme: Theme) => number): void {
  for (const method of THEME_METHODS) {
    const themes = result.themes.filter((theme) => theme.method === method);
    expect(themes.map((theme) => theme.id)).toEqual(themes.map((_, i) => i));
    for (let i = 1; i < themes.length; i++) expect(size(themes[i] as Theme)).toBeLessThanOrEqual(size(themes[i - 1] as Theme));
    expect(themes.flatMap((theme) => theme.papers).sort()).toEqual([...paperIds].sort());
  }
}
