import { describe, expect, it } from 'vitest';
import { assignThemeAttributes } from '../../src/cluster/assign-theme-attributes.ts';
import { detectThemes } from '../../src/cluster/detect-themes.ts';
import { buildCooccurrenceGraph } from '../../src/graph/build-cooccurrence-graph.ts';
import { buildPaperConceptGraph } from '../../src/graph/build-paper-concept-graph.ts';
import { paperNodeKey, type PaperNodeAttributes } from '../../src/graph/attributes.ts';
import { fixtureCorpus } from './fixture-corpus.ts';

describe('assignThemeAttributes', () => {
  it('writes each paper its theme and label, and each concept a theme', () => {
    const { papers, concepts, mentions } = fixtureCorpus(8, 3);
    const conceptGraph = buildCooccurrenceGraph(papers, concepts, mentions);
    const paperConceptGraph = buildPaperConceptGraph(papers, concepts, mentions);
    const result = detectThemes({ papers, concepts, mentions, conceptGraph }, { stabilityRuns: 0, graphConsensusRuns: 3, kmeansConsensusRuns: 5, k: 3 });
    assignThemeAttributes({ ...result, mentions, graphMethod: 'leiden', graphInput: 'papers', conceptGraph, paperConceptGraph });
    for (const row of result.paperThemes.filter((r) => r.method === 'kmeans')) {
      const attributes = paperConceptGraph.getNodeAttributes(paperNodeKey(row.paperId)) as PaperNodeAttributes;
      expect(attributes.kmeansTheme).toBe(row.themeId);
      expect(attributes.kmeansThemeLabel).toBe(result.themes.find((t) => t.method === 'kmeans' && t.id === row.themeId)?.label);
      expect(attributes.theme).toBeGreaterThanOrEqual(0);
      expect([attributes.kmeansThemeStrength, attributes.kmeansThemeWeak]).toEqual([row.strength, row.weak]);
      // Stability was not measured (stabilityRuns: 0): left null, so exports leave it out.
      expect(attributes.kmeansThemeStability).toBeNull();
      const graphRow = result.paperThemes.find((r) => r.method === 'leiden' && r.paperId === row.paperId);
      expect([attributes.themeStrength, attributes.themeWeak]).toEqual([graphRow?.strength, graphRow?.weak]);
    }
    conceptGraph.forEachNode((_node, attributes) => {
      expect(attributes.theme).toBeGreaterThanOrEqual(0);
      expect(attributes.themeLabel).not.toBe('');
    });
  });
});
