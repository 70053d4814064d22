/**
 * A stand-in for concepts/extract-concepts.ts, for benchmarking only until the real extractor lands: word 1–3-grams
 * of titles and abstracts (stop words removed, plurals folded) that occur in at least 3 papers and at most 30 % of
 * them, at most 400 of them by document frequency; an n-gram fully covered by a longer kept n-gram with the same
 * papers is dropped. Not part of the library.
 */
import type { Concept, Mention, Paper } from '../src/core/types.ts';
import { tokenizeWords } from '../src/cluster/paper-terms.ts';

export function standInConcepts(papers: readonly Paper[]): { concepts: Concept[]; mentions: Mention[] } {
  const perPaper = papers.map((paper) => {
    const counts = new Map<string, number>();
    for (const text of [paper.title, paper.abstract]) {
      const tokens = tokenizeWords(text);
      for (let i = 0; i < tokens.length; i++) {
        for (let len = 1; len <= 3; len++) {
          const gram = tokens.slice(i, i + len);
          if (gram.length < len || gram.some((t) => t === null || t === undefined)) break;
          const key = gram.join(' ');
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
    return counts;
  });
  const df = new Map<string, number>();
  for (const counts of perPaper) for (const key of counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = papers.length;
  const kept = [...df.entries()]
    .filter(([, count]) => count >= 3 && count <= 0.3 * n)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 400)
    .map(([key]) => key);
  const keptSet = new Set(kept);
  const final = kept.filter((key) => !kept.some((other) => other !== key && other.includes(key) && df.get(other) === df.get(key)));
  const finalSet = new Set(final.filter((key) => keptSet.has(key)));
  const concepts: Concept[] = [];
  const mentions: Mention[] = [];
  const months = new Map<string, string>();
  papers.forEach((paper, i) => {
    for (const [key, count] of perPaper[i] ?? []) {
      if (!finalSet.has(key)) continue;
      mentions.push({ paperId: paper.id, conceptId: key.replace(/ /g, '-'), count, score: count, inTitle: false, forms: [key], evidence: [] });
      const month = paper.month ?? '';
      const seen = months.get(key);
      if (month !== '' && (seen === undefined || month < seen)) months.set(key, month);
    }
  });
  for (const key of finalSet) {
    const total = mentions.filter((m) => m.conceptId === key.replace(/ /g, '-')).reduce((s, m) => s + m.count, 0);
    concepts.push({ id: key.replace(/ /g, '-'), label: key, type: 'other', aliases: [], labelsZh: [], parent: null, origin: 'discovered', papers: df.get(key) ?? 0, mentions: total, firstMonth: months.get(key) ?? null });
  }
  return { concepts, mentions };
}
