/**
 * The main thread's side of streaming extraction: compact chunks (in input order) → one compact corpus, with
 * memory bounded by the vocabulary plus a few numbers per mention — never the papers' texts.
 *
 * Papers are deduplicated by id as ingest/merge-papers.ts does: the highest arXiv version is kept (the first read
 * on a tie), in the position where the id first appeared; a missing month or categories are filled from the other
 * records; every source is kept; each extra record is reported (`duplicate-in-list` within a file,
 * `duplicate-paper` across files). Mentions live in growable typed arrays; a replaced record's mentions are left
 * unused in them (duplicates are rare).
 *
 * `finish()` aggregates concepts exactly as concepts/aggregate-mentions.ts does (papers, mentions, first month,
 * label from the most common surface form for discovered terms, aliases, Chinese labels; same order) and returns
 * papers with their metadata only (no abstract, no notes) and mentions as CSR arrays in paper order. Per-paper
 * surface forms and evidence offsets are not kept in streaming mode (corpus-level forms are, for labels/aliases).
 */
import { issue, type Issue } from '../core/issues.ts';
import type { Concept, Paper, SourceRef } from '../core/types.ts';
import { canonicalForm, type Vocabulary } from '../concepts/vocabulary.ts';
import { dedupeAliases } from '../concepts/aggregate-mentions.ts';
import type { CompactChunk } from './compact-chunk.ts';
import { MentionTable } from '../core/mention-list.ts';

export interface CompactMentions {
  /** Mentions of papers[p] are at [offsets[p], offsets[p + 1]), most salient first. */
  offsets: Int32Array;
  /** Index into `conceptIds`. */
  concepts: Int32Array;
  counts: Int32Array;
  scores: Float64Array;
  inTitle: Uint8Array;
}

export interface CompactCorpus {
  papers: Paper[];
  /** Records read before deduplication. */
  papersRead: number;
  linesRead: number;
  filtered: number;
  concepts: Concept[];
  /** Concept id of each index used in `mentions.concepts` (the vocabulary's term ids). */
  conceptIds: string[];
  mentions: CompactMentions;
  issues: Issue[];
}

export interface CorpusAccumulator {
  add(chunk: CompactChunk, file: string): void;
  /** Papers kept so far. */
  readonly papers: number;
  /** Once, at the end: the accumulator hands over its mention columns and cannot be used after. */
  finish(): CompactCorpus;
}

export function createCorpusAccumulator(vocabulary: Vocabulary): CorpusAccumulator {
  const terms = vocabulary.terms;
  // Paper columns, by slot.
  const ids: string[] = [];
  const titles: string[] = [];
  const months: string[] = [];
  const urls: string[] = [];
  const categories: string[] = [];
  let versions = new Int32Array(1024);
  let starts = new Int32Array(1024);
  let lengths = new Int32Array(1024);
  const sources: SourceRef[] = [];
  const extraSources = new Map<number, SourceRef[]>();
  const slotOf = new Map<string, number>();
  // Mentions, appended.
  let size = 0;
  let mTerms = new Int32Array(1 << 16);
  let mCounts = new Int32Array(1 << 16);
  let mScores = new Float64Array(1 << 16);
  let mTitle = new Uint8Array(1 << 16);
  const forms: Map<string, number>[] = terms.map(() => new Map());
  const labelsZh: Set<string>[] = terms.map(() => new Set());
  const issues: Issue[] = [];
  let papersRead = 0;
  let linesRead = 0;
  let filtered = 0;

  let finished = false;
  const assertOpen = (): void => {
    if (finished) throw new Error('stream/accumulate-chunks: the corpus accumulator was already finished');
  };
  const ensureMentions = (extra: number): void => {
    if (size + extra <= mTerms.length) return;
    // Growth by half: at 36M mentions (1M papers) doubling left up to 600 MB of unused capacity.
    let capacity = Math.ceil(mTerms.length * 1.5);
    while (capacity < size + extra) capacity = Math.ceil(capacity * 1.5);
    mTerms = grow(mTerms, new Int32Array(capacity));
    mCounts = grow(mCounts, new Int32Array(capacity));
    mScores = grow(mScores, new Float64Array(capacity));
    mTitle = grow(mTitle, new Uint8Array(capacity));
  };
  const ensureSlots = (slots: number): void => {
    if (slots <= versions.length) return;
    const capacity = Math.max(slots, versions.length * 2);
    versions = grow(versions, new Int32Array(capacity));
    starts = grow(starts, new Int32Array(capacity));
    lengths = grow(lengths, new Int32Array(capacity));
  };

  return {
    get papers() {
      return ids.length;
    },
    add(chunk, file) {
      assertOpen();
      linesRead += chunk.linesRead;
      filtered += chunk.filtered;
      for (const entry of chunk.issues) issues.push(entry);
      const count = chunk.ids.length;
      papersRead += count;
      // The chunk's mentions are contiguous in paper order: appended in one copy per column.
      const first = chunk.mentionOffsets[0] ?? 0;
      const last = chunk.mentionOffsets[count] ?? first;
      const base = size - first;
      ensureMentions(last - first);
      mTerms.set(chunk.mentionTerms.subarray(first, last), size);
      mCounts.set(chunk.mentionCounts.subarray(first, last), size);
      mScores.set(chunk.mentionScores.subarray(first, last), size);
      mTitle.set(chunk.mentionInTitle.subarray(first, last), size);
      size += last - first;
      for (let p = 0; p < count; p++) {
        const id = chunk.ids[p] ?? '';
        const from = chunk.mentionOffsets[p] ?? 0;
        const to = chunk.mentionOffsets[p + 1] ?? from;
        const source: SourceRef = { file, line: chunk.lines[p] ?? 0 };
        const version = chunk.versions[p] ?? -1;
        const start = base + from;
        const existing = slotOf.get(id);
        if (existing === undefined) {
          const slot = ids.length;
          ensureSlots(slot + 1);
          slotOf.set(id, slot);
          ids.push(id);
          titles.push(chunk.titles[p] ?? '');
          months.push(chunk.months[p] ?? '');
          urls.push(chunk.paperUrls[p] ?? '');
          categories.push(chunk.categories[p] ?? '');
          versions[slot] = version;
          starts[slot] = start;
          lengths[slot] = to - from;
          sources.push(source);
          continue;
        }
        // A duplicate: keep the higher version in the first position (merge-papers.ts).
        const kept = sources[existing];
        const others = extraSources.get(existing) ?? [];
        extraSources.set(existing, others);
        const replace = Math.max(version, 0) > Math.max(versions[existing] ?? -1, 0);
        if (replace) {
          const oldMonth = months[existing] ?? '';
          const oldCategories = categories[existing] ?? '';
          if (kept) others.unshift(kept);
          sources[existing] = source;
          titles[existing] = chunk.titles[p] ?? '';
          months[existing] = (chunk.months[p] ?? '') || oldMonth;
          urls[existing] = chunk.paperUrls[p] ?? '';
          categories[existing] = (chunk.categories[p] ?? '') || oldCategories;
          versions[existing] = version;
          starts[existing] = start;
          lengths[existing] = to - from;
        } else {
          others.push(source);
          if ((months[existing] ?? '') === '') months[existing] = chunk.months[p] ?? '';
          if ((categories[existing] ?? '') === '') categories[existing] = chunk.categories[p] ?? '';
        }
        const first = sources[existing];
        const sameFile = first?.file === file && others.every((other) => other.file === file);
        issues.push(
          issue(sameFile ? 'duplicate-in-list' : 'duplicate-paper', 'info', `${id} read more than once; kept ${(versions[existing] ?? -1) >= 0 ? `v${versions[existing]}` : 'the first'} from ${first?.file ?? '?'}:${first?.line ?? '?'}`, {
            file: replace ? (kept?.file ?? file) : file,
            line: replace ? (kept?.line ?? 0) : source.line,
            paperId: id,
          }),
        );
      }
      for (const [term, form, n] of chunk.forms) {
        const tally = forms[term];
        if (tally) tally.set(form, (tally.get(form) ?? 0) + n);
      }
      for (const [term, label] of chunk.labelsZh) labelsZh[term]?.add(label);
    },
    finish() {
      assertOpen();
      finished = true;
      const n = ids.length;
      // 1. Papers (metadata only) and their mentions in CSR, in slot order.
      const papers: Paper[] = new Array<Paper>(n);
      const offsets = new Int32Array(n + 1);
      for (let slot = 0; slot < n; slot++) offsets[slot + 1] = (offsets[slot] ?? 0) + (lengths[slot] ?? 0);
      const total = offsets[n] ?? 0;
      const tallyPapers = new Int32Array(terms.length);
      const tallyMentions = new Float64Array(terms.length);
      const tallyFirst: string[] = new Array<string>(terms.length).fill('');
      for (let slot = 0; slot < n; slot++) {
        const id = ids[slot] ?? '';
        const version = versions[slot] ?? -1;
        const month = months[slot] ?? '';
        const category = categories[slot] ?? '';
        const first = sources[slot] ?? { file: '', line: 0 };
        papers[slot] = {
          id,
          version: version >= 0 ? version : null,
          title: titles[slot] ?? '',
          month: month === '' ? null : month,
          paperUrl: urls[slot] ?? '',
          codeUrl: '',
          abstract: '',
          notes: [],
          anchor: '',
          sources: [first, ...(extraSources.get(slot) ?? [])],
          categories: category === '' ? [] : category.split(' '),
        };
        const from = starts[slot] ?? 0;
        const length = lengths[slot] ?? 0;
        for (let k = from; k < from + length; k++) {
          const term = mTerms[k] ?? -1;
          if (term < 0) continue;
          tallyPapers[term] = (tallyPapers[term] ?? 0) + 1;
          tallyMentions[term] = (tallyMentions[term] ?? 0) + (mCounts[k] ?? 0);
          const seen = tallyFirst[term] ?? '';
          if (month !== '' && (seen === '' || month < seen)) tallyFirst[term] = month;
        }
      }
      // Each mention column in slot order; the appended column is let go before the next is copied, so at most
      // one column exists twice.
      const inSlotOrder = <T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T => {
        for (let slot = 0; slot < n; slot++) {
          const start = starts[slot] ?? 0;
          to.set(from.subarray(start, start + (lengths[slot] ?? 0)) as never, offsets[slot] ?? 0);
        }
        return to;
      };
      const concepts = inSlotOrder(mTerms, new Int32Array(total));
      mTerms = new Int32Array(0);
      const counts = inSlotOrder(mCounts, new Int32Array(total));
      mCounts = new Int32Array(0);
      const scores = inSlotOrder(mScores, new Float64Array(total));
      mScores = new Float64Array(0);
      const inTitle = inSlotOrder(mTitle, new Uint8Array(total));
      mTitle = new Uint8Array(0);
      size = 0;
      // 2. Concepts, as aggregate-mentions.ts builds them.
      const conceptList: Concept[] = [];
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t];
        if (term === undefined || (tallyPapers[t] ?? 0) === 0) continue;
        const tallyForms = forms[t] ?? new Map<string, number>();
        const label = term.origin === 'discovered' && tallyForms.size > 0 ? canonicalForm(tallyForms) : term.label;
        const aliases = new Set<string>(term.aliases);
        for (const form of [...tallyForms.keys()].sort()) aliases.add(form);
        if (term.origin === 'discovered') aliases.add(term.label);
        aliases.delete(label);
        conceptList.push({
          id: term.id,
          label,
          type: term.type,
          aliases: dedupeAliases([...aliases], label),
          labelsZh: [...new Set([...term.labelsZh, ...(labelsZh[t] ?? [])])],
          parent: term.parent,
          origin: term.origin,
          papers: tallyPapers[t] ?? 0,
          mentions: tallyMentions[t] ?? 0,
          firstMonth: (tallyFirst[t] ?? '') === '' ? null : (tallyFirst[t] ?? null),
        });
      }
      conceptList.sort((a, b) => b.papers - a.papers || compare(a.label, b.label) || compare(a.id, b.id));
      return {
        papers,
        papersRead,
        linesRead,
        filtered,
        concepts: conceptList,
        conceptIds: terms.map((term) => term.id),
        mentions: { offsets, concepts, counts, scores, inTitle },
        issues,
      };
    },
  };
}

/**
 * The mentions as a MentionTable over the compact columns (no copy): iterated in the order aggregate-mentions.ts
 * gives Mention[] (paper id, then score desc, then concept id), with no per-paper forms or evidence.
 */
export function toMentionTable(corpus: Pick<CompactCorpus, 'papers' | 'mentions' | 'conceptIds'>): MentionTable {
  return new MentionTable({ paperIds: corpus.papers.map((paper) => paper.id), conceptIds: corpus.conceptIds, ...corpus.mentions });
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
