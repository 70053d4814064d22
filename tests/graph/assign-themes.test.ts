import { describe, expect, it } from 'vitest';
import { NO_THEME_COLOR, THEME_PALETTE, themeColor } from '../../src/core/palette.ts';
import { assignThemes } from '../../src/graph/assign-themes.ts';
import { buildPaperConceptGraph } from '../../src/graph/build-paper-concept-graph.ts';
import { concepts, mentions, papers, paperThemes, themes } from '../fixtures/graph/hostile-corpus.ts';

describe('assignThemes', () => {
  const graph = buildPaperConceptGraph(papers, concepts, mentions);
  assignThemes(graph, themes, paperThemes);

  it('writes the Louvain theme, its label and its palette colour on concepts', () => {
    expect(graph.getNodeAttributes('concept:grpo')).toMatchObject({ theme: 0, themeLabel: 'GRPO & entropy', color: THEME_PALETTE[0] });
    expect(graph.getNodeAttributes('concept:__proto__')).toMatchObject({ theme: 1, themeLabel: '<trap> "ids"', color: THEME_PALETTE[1] });
  });

  it('takes the k-means theme where the concept ranks highest', () => {
    // grpo is first in k-means 0 and second in k-means 1.
    expect(graph.getNodeAttribute('concept:grpo', 'kmeansTheme')).toBe(0);
    expect(graph.getNodeAttribute('concept:entropy-collapse', 'kmeansThemeLabel')).toBe('k-means 熵');
  });

  it('writes paper themes from PaperTheme and greys nodes in no theme', () => {
    expect(graph.getNodeAttributes('paper:2509.00003')).toMatchObject({ theme: 1, kmeansTheme: 0 });
    expect(graph.getNodeAttributes('paper:title:no-date-paper')).toMatchObject({ theme: -1, themeLabel: '', kmeansTheme: 1, color: NO_THEME_COLOR });
    expect(graph.getNodeAttributes('concept:bell')).toMatchObject({ theme: -1, kmeansTheme: -1, color: NO_THEME_COLOR });
  });

  it("writes each paper's strength and weak flag and each node's theme stability, null where none applies", () => {
    expect(graph.getNodeAttributes('paper:2509.00003')).toMatchObject({ themeStrength: 0.6, themeWeak: true, themeStability: 0.4, themeStable: false, kmeansThemeStrength: 0.7, kmeansThemeWeak: false, kmeansThemeStability: 0.9, kmeansThemeStable: true });
    expect(graph.getNodeAttributes('paper:title:no-date-paper')).toMatchObject({ themeStrength: null, themeWeak: null, themeStability: null, kmeansThemeStrength: 0.2, kmeansThemeWeak: true, kmeansThemeStability: null, kmeansThemeStable: null });
    expect(graph.getNodeAttributes('concept:grpo')).toMatchObject({ themeStability: 0.82, themeStable: true, kmeansThemeStability: 0.9 });
    expect(graph.getNodeAttributes('concept:grpo')).not.toHaveProperty('themeStrength');
  });

  it('cycles through the shared palette beyond its length and greys no theme', () => {
    expect(themeColor(THEME_PALETTE.length)).toBe(THEME_PALETTE[0]);
    expect(themeColor(-1)).toBe(NO_THEME_COLOR);
    expect(new Set(THEME_PALETTE).size).toBe(THEME_PALETTE.length);
  });
});

describe('assignThemes with Leiden communities', () => {
  const leiden = themes.map((theme) => (theme.method === 'louvain' ? { ...theme, method: 'leiden' as const, label: `leiden ${theme.label}` } : theme));
  const leidenPapers = paperThemes.map((paperTheme) => (paperTheme.method === 'louvain' ? { ...paperTheme, method: 'leiden' as const } : paperTheme));

  it('uses Leiden when the themes have no Louvain communities', () => {
    const graph = buildPaperConceptGraph(papers, concepts, mentions);
    assignThemes(graph, leiden, leidenPapers);
    expect(graph.getNodeAttributes('concept:grpo')).toMatchObject({ theme: 0, themeLabel: 'leiden GRPO & entropy' });
    expect(graph.getNodeAttribute('paper:2509.00003', 'theme')).toBe(1);
  });

  it('takes the method asked for when both are present', () => {
    const graph = buildPaperConceptGraph(papers, concepts, mentions);
    assignThemes(graph, [...themes, ...leiden.filter((theme) => theme.method === 'leiden')], [...paperThemes, ...leidenPapers.filter((p) => p.method === 'leiden')], { graphMethod: 'leiden' });
    expect(graph.getNodeAttribute('concept:grpo', 'themeLabel')).toBe('leiden GRPO & entropy');
  });
});
