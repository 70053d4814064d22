/**
 * The task run in each extraction worker (io/worker-pool.ts): JSONL lines → parsed and filtered papers → the
 * vocabulary's concepts in each (concepts/match-papers.ts) → a CompactChunk. Parsing happens here too, so
 * JSON.parse runs on every core, and abstracts never reach the main thread.
 */
import { issue, type Issue } from '../core/issues.ts';
import type { Paper } from '../core/types.ts';
import { matchPapers, type MatchPaperOptions } from '../concepts/match-papers.ts';
import type { Vocabulary } from '../concepts/vocabulary.ts';
import { parseArxivRecord, type ArxivRecordFilter } from '../ingest/parse-arxiv-record.ts';
import { compactChunkTransfer, type CompactChunk, type LineChunk } from '../stream/compact-chunk.ts';
import type { Task } from './worker-pool.ts';

export interface ExtractTaskInit {
  vocabulary: Vocabulary;
  filter: ArxivRecordFilter;
  match: MatchPaperOptions;
}

export function createTask(init: ExtractTaskInit): Task<LineChunk, CompactChunk> {
  return (input) => {
    const result = extractChunk(input, init);
    return { result, transfer: compactChunkTransfer(result) };
  };
}

/** The same work on the calling thread. */
export function extractChunk(input: LineChunk, init: ExtractTaskInit): CompactChunk {
  const termIndex = termIndexOf(init.vocabulary);
  const texts = input.text === '' ? [] : input.text.split('\n');
  const papers: Paper[] = [];
  const issues: Issue[] = [];
  let filtered = 0;
  for (let i = 0; i < texts.length; i++) {
    const line = input.lineNumbers[i] ?? 0;
    const parsed = parseArxivRecord(texts[i] ?? '', { file: input.file, line }, init.filter);
    if (parsed.issue) issues.push(parsed.issue);
    else if (parsed.paper === null) filtered++;
    if (parsed.paper) {
      papers.push(parsed.paper);
      if (parsed.paper.abstract === '') {
        issues.push(issue('missing-abstract', 'info', `${parsed.paper.id}: no abstract; concepts come from the title only`, { file: input.file, line, paperId: parsed.paper.id }));
      }
    }
  }
  const matches = matchPapers(papers, init.vocabulary, init.match);
  let total = 0;
  for (const match of matches) total += match.mentions.length;
  const mentionOffsets = new Int32Array(papers.length + 1);
  const mentionTerms = new Int32Array(total);
  const mentionCounts = new Int32Array(total);
  const mentionScores = new Float64Array(total);
  const mentionInTitle = new Uint8Array(total);
  const forms = new Map<number, Map<string, number>>();
  const labelsZh: [number, string][] = [];
  let k = 0;
  for (let p = 0; p < matches.length; p++) {
    const match = matches[p];
    if (match === undefined) continue;
    for (const mention of match.mentions) {
      const term = termIndex.get(mention.conceptId) ?? -1;
      mentionTerms[k] = term;
      mentionCounts[k] = mention.count;
      mentionScores[k] = mention.score;
      mentionInTitle[k] = mention.inTitle ? 1 : 0;
      k++;
      let tally = forms.get(term);
      if (!tally) forms.set(term, (tally = new Map()));
      for (const form of mention.forms) tally.set(form, (tally.get(form) ?? 0) + 1);
    }
    mentionOffsets[p + 1] = k;
    for (const [id, label] of match.labelsZh) labelsZh.push([termIndex.get(id) ?? -1, label]);
  }
  const formList: [number, string, number][] = [];
  for (const [term, tally] of forms) for (const [form, count] of tally) formList.push([term, form, count]);
  return {
    ids: papers.map((paper) => paper.id),
    versions: Int32Array.from(papers, (paper) => paper.version ?? -1),
    titles: papers.map((paper) => paper.title),
    months: papers.map((paper) => paper.month ?? ''),
    paperUrls: papers.map((paper) => paper.paperUrl),
    categories: papers.map((paper) => paper.categories.join(' ')),
    lines: Int32Array.from(papers, (paper) => paper.sources[0]?.line ?? 0),
    mentionOffsets,
    mentionTerms,
    mentionCounts,
    mentionScores,
    mentionInTitle,
    forms: formList,
    labelsZh,
    linesRead: texts.length,
    filtered,
    issues,
  };
}

const termIndexes = new WeakMap<Vocabulary, Map<string, number>>();

function termIndexOf(vocabulary: Vocabulary): Map<string, number> {
  let index = termIndexes.get(vocabulary);
  if (!index) termIndexes.set(vocabulary, (index = new Map(vocabulary.terms.map((term, position) => [term.id, position]))));
  return index;
}
