/**
 * The mentions as integers: each paper's concepts (concept numbers, in mention order) and mention counts in one
 * compressed-row table, built in two passes over the mentions. detectThemes builds it once; the TF-IDF rows
 * (build-paper-vectors.ts), every method's labels (label-themes.ts) and the concept votes are then counted from it
 * instead of a pass over the mentions with string-keyed lookups per mention each time: at 1M papers (36M mentions)
 * those passes took about 100 s of the themes stage for the labels alone.
 *
 * Rows follow `paperIds`; a mention of a paper not in it gets a row of its own after them. Concept numbers follow
 * `concepts`; a mention of a concept not among them gets a number after them (`conceptIds` names every number),
 * so nothing in the mentions is lost. Counts are kept as integers unless some count is not one.
 */
import type { Concept } from '../core/types.ts';
import type { MentionList } from '../core/mention-list.ts';

export interface PaperConcepts {
  /** Paper id → row. */
  rowOf: ReadonlyMap<string, number>;
  rowCount: number;
  /** Concept id of each concept number: the given concepts' ids, then any other concept the mentions name. */
  conceptIds: readonly string[];
  /** Numbers below this are the given concepts. */
  knownConcepts: number;
  /** `concepts[offsets[r] .. offsets[r + 1]]` are the concept numbers of row r's mentions, in mention order. */
  offsets: Uint32Array;
  concepts: Uint32Array;
  /** Each mention's count, beside `concepts`. */
  counts: Int32Array | Float64Array;
  /** Papers with at least one mention. */
  mentionedPapers: number;
}

export function buildPaperConcepts(paperIds: readonly string[], concepts: readonly Concept[], mentions: MentionList): PaperConcepts {
  const conceptIds = concepts.map((concept) => concept.id);
  const conceptIndex = new Map(conceptIds.map((id, i) => [id, i]));
  const rowOf = new Map(paperIds.map((id, i) => [id, i]));
  // 1. Mentions per row (a paper's mentions usually come in a run, so its row is looked up once per run), the
  //    concept numbers of unknown concepts, and whether every count is a 32-bit integer.
  let perRow: Uint32Array = new Uint32Array(paperIds.length + 1);
  let lastPaper: string | null = null;
  let row = -1;
  let integral = true;
  for (const mention of mentions) {
    if (mention.paperId !== lastPaper) {
      lastPaper = mention.paperId;
      let found = rowOf.get(lastPaper);
      if (found === undefined) {
        found = rowOf.size;
        rowOf.set(lastPaper, found);
        if (found >= perRow.length) perRow = grow(perRow, found + 1);
      }
      row = found;
    }
    perRow[row]!++;
    if (!conceptIndex.has(mention.conceptId)) {
      conceptIndex.set(mention.conceptId, conceptIds.length);
      conceptIds.push(mention.conceptId);
    }
    if (integral && !(Number.isInteger(mention.count) && Math.abs(mention.count) < 2 ** 31)) integral = false;
  }
  const rowCount = rowOf.size;
  const offsets = new Uint32Array(rowCount + 1);
  let mentionedPapers = 0;
  for (let r = 0; r < rowCount; r++) {
    offsets[r + 1] = offsets[r]! + perRow[r]!;
    if (perRow[r]! > 0) mentionedPapers++;
  }
  // 2. Concept numbers and counts, each row filled in mention order.
  const total = offsets[rowCount]!;
  const table = new Uint32Array(total);
  const counts = integral ? new Int32Array(total) : new Float64Array(total);
  const cursor = offsets.slice(0, rowCount);
  lastPaper = null;
  for (const mention of mentions) {
    if (mention.paperId !== lastPaper) {
      lastPaper = mention.paperId;
      row = rowOf.get(lastPaper)!;
    }
    const at = cursor[row]!++;
    table[at] = conceptIndex.get(mention.conceptId)!;
    counts[at] = mention.count;
  }
  return { rowOf, rowCount, conceptIds, knownConcepts: concepts.length, offsets, concepts: table, counts, mentionedPapers };
}

/** Theme of each row from paper ids per theme (-1 for a row in no theme; a paper listed twice keeps the later). */
export function themeOfRows(paperConcepts: PaperConcepts, themePapers: readonly (readonly string[])[]): Int32Array {
  const theme = new Int32Array(paperConcepts.rowCount).fill(-1);
  themePapers.forEach((papers, t) => {
    for (const id of papers) {
      const row = paperConcepts.rowOf.get(id);
      if (row !== undefined) theme[row] = t;
    }
  });
  return theme;
}

function grow(array: Uint32Array, size: number): Uint32Array {
  const larger = new Uint32Array(Math.max(size, Math.ceil(array.length * 1.5)));
  larger.set(array);
  return larger;
}
