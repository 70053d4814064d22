/**
 * The last step of concept extraction: per-paper matches → corpus concepts.
 *
 * A concept is a vocabulary term found in at least one paper. Its counts, first month and Chinese labels come
 * from the papers; its aliases are the vocabulary's known forms plus every surface form met. A discovered term's
 * label is recomputed as its most common surface form in the corpus (original case). Concepts are sorted by papers
 * desc, then label; mentions by paper id, then score desc.
 */
import type { Concept, Mention, Paper } from '../core/types.ts';
import type { PaperMatch } from './match-papers.ts';
import type { Vocabulary } from './vocabulary.ts';
import { canonicalForm } from './vocabulary.ts';

export interface AggregateMentionsResult {
  concepts: Concept[];
  mentions: Mention[];
}

export function aggregateMentions(papers: readonly Paper[], matches: readonly PaperMatch[], vocabulary: Vocabulary): AggregateMentionsResult {
  const termById = new Map(vocabulary.terms.map((term) => [term.id, term] as const));
  const month = new Map(papers.map((paper) => [paper.id, paper.month] as const));
  interface Tally {
    papers: number;
    mentions: number;
    firstMonth: string | null;
    forms: Map<string, number>;
    labelsZh: Set<string>;
  }
  const tallies = new Map<string, Tally>();
  const mentions: Mention[] = [];
  /** Chinese labels per concept id, with the number of papers whose notes give each. */
  const zhById = new Map<string, Map<string, number>>();
  for (const match of matches) {
    const paperMonth = month.get(match.paperId) ?? null;
    for (const mention of match.mentions) {
      let tally = tallies.get(mention.conceptId);
      if (!tally) tallies.set(mention.conceptId, (tally = { papers: 0, mentions: 0, firstMonth: null, forms: new Map(), labelsZh: new Set() }));
      tally.papers++;
      tally.mentions += mention.count;
      if (paperMonth !== null && (tally.firstMonth === null || paperMonth < tally.firstMonth)) tally.firstMonth = paperMonth;
      for (const form of mention.forms) tally.forms.set(form, (tally.forms.get(form) ?? 0) + 1);
      mentions.push(mention);
    }
    for (const [id, label] of match.labelsZh) {
      let counts = zhById.get(id);
      if (!counts) zhById.set(id, (counts = new Map()));
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  const concepts: Concept[] = [];
  for (const [id, tally] of tallies) {
    const term = termById.get(id);
    if (term === undefined) continue;
    const label = term.origin === 'discovered' && tally.forms.size > 0 ? canonicalForm(tally.forms) : term.label;
    const aliases = new Set<string>();
    for (const alias of term.aliases) aliases.add(alias);
    for (const form of [...tally.forms.keys()].sort()) aliases.add(form);
    if (term.origin === 'discovered') aliases.add(term.label);
    aliases.delete(label);
    const labelsZh = new Set([...term.labelsZh, ...pruneChineseLabels(zhById.get(id), term.labelsZh)]);
    concepts.push({
      id,
      label,
      type: term.type,
      aliases: dedupeAliases([...aliases], label),
      labelsZh: [...labelsZh],
      parent: term.parent,
      origin: term.origin,
      papers: tally.papers,
      mentions: tally.mentions,
      firstMonth: tally.firstMonth,
    });
  }
  concepts.sort((a, b) => b.papers - a.papers || compare(a.label, b.label) || compare(a.id, b.id));
  mentions.sort((a, b) => compare(a.paperId, b.paperId) || b.score - a.score || compare(a.conceptId, b.conceptId));
  return { concepts, mentions };
}

/**
 * Chinese labels read from notes, without those that are another label of the same concept with words glued in
 * front ("近年来强化学习", "开源大推理模型" beside "强化学习", "推理模型"): a label is dropped when a shorter label it
 * ends with is given by more papers, or is a shipped label.
 */
function pruneChineseLabels(counts: ReadonlyMap<string, number> | undefined, shipped: readonly string[]): string[] {
  if (counts === undefined) return [];
  const support = (label: string): number => (shipped.includes(label) ? Infinity : (counts.get(label) ?? 0));
  const all = [...shipped, ...counts.keys()];
  return [...counts.keys()].filter((label) => !all.some((other) => other.length < label.length && label.endsWith(other) && support(other) > support(label)));
}

/** Aliases without duplicates of each other or of the label (case- and whitespace-insensitive; the first spelling met is kept). */
export function dedupeAliases(aliases: readonly string[], label: string): string[] {
  const seen = new Set([label.replace(/\s+/g, ' ').toLowerCase()]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const normal = alias.replace(/\s+/g, ' ').trim();
    if (normal === '' || seen.has(normal.toLowerCase())) continue;
    seen.add(normal.toLowerCase());
    kept.push(normal);
  }
  return kept;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
