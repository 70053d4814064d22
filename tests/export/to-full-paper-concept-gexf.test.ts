import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Concept, Mention, Paper, PaperTheme, Theme } from '../../src/core/types.ts';
import { toFullPaperConceptGexf } from '../../src/export/to-full-paper-concept-gexf.ts';
import { join } from 'node:path';
import { python, withTempFiles, xmllintSchema } from '../helpers/real-readers.ts';

const SCHEMA = new URL('../schemas/gexf-1.2draft/gexf.xsd', import.meta.url).pathname;
const READ = `
import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
p = g.nodes["paper:2101.00001"]
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "weight": g["paper:2101.00001"]["concept:grpo"]["weight"], "theme": p["theme"],
                  "quality": [p["themeStrength"], p["themeWeak"], p["themeStability"], p["themeStable"], "kmeansThemeStrength" in p]}))
`;

const paper = (id: string, title: string, month: string | null): Paper => ({
  id, version: 1, title, month, paperUrl: `https://arxiv.org/abs/${id}`, codeUrl: '', abstract: '', notes: [], anchor: '', sources: [{ file: 'x.jsonl', line: 1 }], categories: ['cs.LG'],
});
const concept = (id: string, label: string): Concept => ({ id, label, type: 'method', aliases: [], labelsZh: [], parent: null, origin: 'lexicon', papers: 1, mentions: 1, firstMonth: null });
const mention = (paperId: string, conceptId: string, score: number): Mention => ({ paperId, conceptId, count: 2, score, inTitle: false, forms: [], evidence: [] });

describe('toFullPaperConceptGexf', () => {
  it('writes well-formed GEXF in pieces, with every paper, concept and mention, themes, and hostile text cleaned', () => {
    const papers = [paper('2101.00001', 'A <b>&</b> "title"\u0001', '2021-01'), paper('__proto__', 'constructor', null)];
    const concepts = [concept('grpo', 'GRPO'), concept('entropy-collapse', 'entropy collapse')];
    const mentions = [mention('2101.00001', 'grpo', 1.5), mention('2101.00001', 'entropy-collapse', 0.25), mention('__proto__', 'grpo', 1)];
    const themes: Theme[] = [{ method: 'louvain', id: 0, label: 'GRPO & co', topConcepts: ['grpo'], concepts: ['grpo'], papers: ['2101.00001'], size: 1, stability: 0.5, stable: false }];
    const paperThemes: PaperTheme[] = [{ paperId: '2101.00001', method: 'louvain', themeId: 0, strength: 0.75, weak: true }];
    const pieces = [...toFullPaperConceptGexf({ papers, concepts, mentions, themes, paperThemes }, { pieceLength: 1 })];
    expect(pieces.length).toBeGreaterThan(5);
    const xml = pieces.join('');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.match(/<node /g)).toHaveLength(4);
    expect(xml.match(/<edge /g)).toHaveLength(3);
    expect(xml).toContain('<nodes count="4">');
    expect(xml).toContain('<edges count="3">');
    expect(xml).toContain('label="A &lt;b&gt;&amp;&lt;/b&gt; &quot;title&quot;"');
    expect(xml).toContain('<attvalue for="themeLabel" value="GRPO &amp; co"/>');
    expect(xml).toContain('source="paper:2101.00001" target="concept:grpo" weight="1.5"');
    expect(xml).not.toContain('\u0001');
    // One element per line, and edges carry their count but not the paper's month again.
    expect(xml).toContain('<edge id="0" source="paper:2101.00001" target="concept:grpo" weight="1.5"><attvalues><attvalue for="count" value="2"/></attvalues></edge>\n');
    expect(xml.match(/<attributes class="edge"[^]*?<\/attributes>/)?.[0]).not.toContain('firstMonth');
    const old = [...toFullPaperConceptGexf({ papers, concepts, mentions, themes, paperThemes }, { version: '1.2draft' })].join('');
    const read = withTempFiles({ 'full.gexf': old }, (dir) => python(READ, [join(dir, 'full.gexf')])) as { nodes: number; edges: number; weight: number; theme: number; quality: unknown[] };
    // The paper's strength, weak flag and theme stability, typed; no k-means theme, so no k-means strength.
    expect(read).toEqual({ nodes: 4, edges: 3, weight: 1.5, theme: 0, quality: [0.75, true, 0.5, false, false] });
    const valid = withTempFiles({ 'full.gexf': old }, (dir) => xmllintSchema(SCHEMA, join(dir, 'full.gexf')));
    expect(valid.stderr).toMatch(/validates/);
  });
});
