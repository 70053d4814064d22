/**
 * Streaming extraction for large JSONL inputs (the arXiv metadata snapshot, millions of lines): files → concepts
 * and compact mentions, with memory bounded by the vocabulary and a few numbers per mention, never by the texts.
 *
 *   1 sample      about `sampleSize` lines spread evenly over the files (the snapshot is ordered by date, so a
 *                 prefix would be biased): a plain file is sampled by seeking, a gzip file is streamed decoding
 *                 every s-th line only; eight times as many with a category/month filter; parsed and filtered
 *   2 vocabulary  buildVocabulary on the sample (concepts/vocabulary.ts): plain data, sent once to each worker
 *   3 extract     read the files again in chunks of lines; workers parse, filter and match each chunk
 *                 (io/extract-worker.ts) and return typed arrays, consumed in input order
 *   4 aggregate   deduplicate and count in the main thread (stream/accumulate-chunks.ts)
 *
 * The result is the same for any number of workers (chunks are cut by line count and merged in order). Progress and
 * stage boundaries are reported through callbacks; stopping through an AbortSignal terminates the workers.
 */
import { PapergraphError } from '../core/errors.ts';
import type { Issue } from '../core/issues.ts';
import type { Paper } from '../core/types.ts';
import { buildVocabulary, type BuildVocabularyOptions, type Vocabulary } from '../concepts/vocabulary.ts';
import type { MatchPaperOptions } from '../concepts/match-papers.ts';
import { assertArxivRecordFilter, parseArxivRecord, type ArxivRecordFilter } from '../ingest/parse-arxiv-record.ts';
import { readJsonlBatches, readJsonlByteBatches, sampleJsonlLines, totalFileBytes } from '../io/read-jsonl.ts';
import { createWorkerPool } from '../io/worker-pool.ts';
import type { ExtractTaskInit } from '../io/extract-worker.ts';
import type { CompactChunk, LineChunk } from './compact-chunk.ts';
import { createCorpusAccumulator, type CompactCorpus } from './accumulate-chunks.ts';

export const STREAM_STAGES = ['sample', 'vocabulary', 'extract', 'aggregate'] as const;
export type StreamStage = (typeof STREAM_STAGES)[number];

export interface ExtractStreamOptions {
  /** Category prefixes and month range applied while reading. Default: none. */
  filter?: ArxivRecordFilter;
  /** Worker threads; 0 runs extraction on the main thread. Default: os.availableParallelism(). */
  workers?: number;
  /** Lines per chunk sent to a worker. Default: 2000. */
  chunkLines?: number;
  /**
   * Papers the vocabulary is built on, at most. Default: 5000 — part-of-speech discovery costs about 2 ms of CPU per
   * paper (measured on synthetic arXiv records), so this stage is a fixed ~10 s whatever the corpus size; a larger
   * sample finds more rare discovered terms, which the pruned concept graph mostly leaves out anyway.
   */
  sampleSize?: number;
  /** Options of buildVocabulary and matchPapers (lexicon, thesaurus, …). */
  concepts?: BuildVocabularyOptions & MatchPaperOptions;
  /** A vocabulary built earlier: skips steps 1–2. */
  vocabulary?: Vocabulary;
  /** Lines longer than this many bytes are reported and skipped. Default: 16 MiB. */
  maxLineBytes?: number;
  signal?: AbortSignal;
  /** Called when a stage starts (the bench times stages with it). */
  onStage?: (stage: StreamStage) => void;
  /** Items done in the current stage, and the fraction of the input read (0..1) when known. */
  onProgress?: (stage: StreamStage, done: number, fraction: number | null) => void;
}

export const EXTRACT_STREAM_DEFAULTS = Object.freeze({ chunkLines: 2000, sampleSize: 5000 });

/** One input: the path to read and the path shown in sources and issues. */
export interface StreamInput {
  path: string;
  display: string;
}

export interface ExtractStreamResult extends CompactCorpus {
  vocabulary: Vocabulary;
  /** Papers per input file, before deduplication. */
  perFile: { path: string; papers: number }[];
}

const EXTRACT_TASK = new URL('../io/extract-worker.ts', import.meta.url);

export async function extractStream(inputs: readonly StreamInput[], options: ExtractStreamOptions = {}): Promise<ExtractStreamResult> {
  const filter = options.filter ?? {};
  assertArxivRecordFilter(filter);
  const chunkLines = options.chunkLines ?? EXTRACT_STREAM_DEFAULTS.chunkLines;
  const sampleSize = options.sampleSize ?? options.concepts?.sampleSize ?? EXTRACT_STREAM_DEFAULTS.sampleSize;
  if (!Number.isInteger(chunkLines) || chunkLines < 1) throw new PapergraphError('stream', `chunkLines must be a positive integer, got ${chunkLines}`);
  const readOptions = { ...(options.maxLineBytes !== undefined ? { maxLineBytes: options.maxLineBytes } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  const checkAborted = (): void => {
    if (options.signal?.aborted) throw new PapergraphError('stream', 'stopped before the end (interrupted)');
  };

  // 1–2. Vocabulary from a sample spread over the files.
  let vocabulary = options.vocabulary;
  if (vocabulary === undefined) {
    options.onStage?.('sample');
    const sample = await samplePapers(inputs, sampleSize, filter, readOptions, (done, fraction) => options.onProgress?.('sample', done, fraction));
    checkAborted();
    options.onStage?.('vocabulary');
    vocabulary = buildVocabulary(sample, { ...(options.concepts ?? {}), sampleSize });
  }

  // 3. Extraction in workers, in input order.
  options.onStage?.('extract');
  const init: ExtractTaskInit = { vocabulary, filter, match: matchOptions(options.concepts) };
  const pool = await createWorkerPool<LineChunk, CompactChunk>(EXTRACT_TASK, init, {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const accumulator = createCorpusAccumulator(vocabulary);
  const perFile: { path: string; papers: number }[] = [];
  const skippedLines: Issue[] = [];
  try {
    const totalBytes = await totalFileBytes(inputs.map((input) => input.path));
    let bytesBefore = 0;
    for (const input of inputs) {
      const before = accumulator.papers;
      let fileBytes = 0;
      let lastRead = 0;
      const chunks = async function* (): AsyncGenerator<LineChunk> {
        const run = createLineRun(chunkLines);
        for await (const batch of readJsonlByteBatches(input.path, { ...readOptions, file: input.display })) {
          fileBytes = batch.totalBytes;
          lastRead = batch.bytesRead;
          for (const entry of batch.issues) skippedLines.push(entry);
          for (const line of batch.lines) {
            run.add(line.bytes, line.line);
            if (run.lines === chunkLines) yield run.take(input.display);
          }
        }
        if (run.lines > 0) yield run.take(input.display);
      };
      for await (const chunk of pool.map(chunks(), (input) => [input.bytes.buffer as ArrayBuffer, input.lineNumbers.buffer as ArrayBuffer])) {
        accumulator.add(chunk, input.display);
        options.onProgress?.('extract', accumulator.papers, totalBytes > 0 ? (bytesBefore + lastRead) / totalBytes : null);
      }
      checkAborted();
      bytesBefore += fileBytes;
      perFile.push({ path: input.display, papers: accumulator.papers - before });
    }
  } finally {
    await pool.close();
  }
  checkAborted();

  // 4. Aggregation.
  options.onStage?.('aggregate');
  const corpus = accumulator.finish();
  return { ...corpus, issues: [...skippedLines, ...corpus.issues], vocabulary, perFile };
}

async function samplePapers(
  inputs: readonly StreamInput[],
  sampleSize: number,
  filter: ArxivRecordFilter,
  readOptions: { maxLineBytes?: number; signal?: AbortSignal },
  progress: (done: number, fraction: number | null) => void,
): Promise<Paper[]> {
  const sizes = await Promise.all(inputs.map((input) => totalFileBytes([input.path])));
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const filtered = filter.categories !== undefined || filter.from !== undefined || filter.to !== undefined;
  // With a filter, look at more lines: many will not pass it.
  const wanted = sampleSize * (filtered ? 8 : 1);
  const sample: Paper[] = [];
  let bytesBefore = 0;
  for (const [f, input] of inputs.entries()) {
    const fileBytes = sizes[f] ?? 0;
    const quota = Math.max(1, Math.ceil((wanted * fileBytes) / Math.max(1, totalBytes)));
    const keep = (text: string): void => {
      const { paper } = parseArxivRecord(text, { file: input.display, line: 0 }, filter);
      if (paper) sample.push(paper);
    };
    // A plain file: seek to evenly spaced lines. Gzip: stream it, decoding every s-th line only.
    const seeked = await sampleJsonlLines(input.path, quota, readOptions);
    if (seeked !== null) {
      for (const text of seeked) keep(text);
    } else {
      let stride = 0;
      const take = (line: number): boolean => stride === 0 || (line - 1) % stride === 0;
      for await (const batch of readJsonlBatches(input.path, { ...readOptions, file: input.display, keepLine: take })) {
        if (stride === 0) {
          const bytesPerLine = Math.max(1, batch.bytesRead / Math.max(1, batch.lines.length));
          stride = Math.max(1, Math.floor(fileBytes / bytesPerLine / quota));
        }
        for (const line of batch.lines) if (take(line.line)) keep(line.text);
        progress(sample.length, totalBytes > 0 ? (bytesBefore + batch.bytesRead) / totalBytes : null);
      }
    }
    bytesBefore += fileBytes;
    progress(sample.length, totalBytes > 0 ? bytesBefore / totalBytes : null);
  }
  return sample;
}

/**
 * Lines copied into one buffer, `\n` between them, until taken as a LineChunk. Each chunk gets its own buffers (moved
 * to a worker, never shared with the file reader's).
 */
function createLineRun(chunkLines: number): { readonly lines: number; add(bytes: Uint8Array, line: number): void; take(file: string): LineChunk } {
  let bytes = new Uint8Array(1 << 20);
  let used = 0;
  let numbers = new Int32Array(chunkLines);
  let lines = 0;
  return {
    get lines() {
      return lines;
    },
    add(line, number) {
      const need = used + line.length + 1;
      if (need > bytes.length) {
        const bigger = new Uint8Array(Math.max(need, bytes.length * 2));
        bigger.set(bytes.subarray(0, used));
        bytes = bigger;
      }
      if (lines > 0) bytes[used++] = 0x0a;
      bytes.set(line, used);
      used += line.length;
      numbers[lines++] = number;
    },
    take(file) {
      const chunk: LineChunk = { file, bytes: bytes.subarray(0, used), lineNumbers: numbers.subarray(0, lines) };
      bytes = new Uint8Array(bytes.length);
      numbers = new Int32Array(chunkLines);
      used = 0;
      lines = 0;
      return chunk;
    },
  };
}

function matchOptions(concepts: (BuildVocabularyOptions & MatchPaperOptions) | undefined): MatchPaperOptions {
  const options: MatchPaperOptions = {};
  if (concepts?.maxConceptsPerPaper !== undefined) options.maxConceptsPerPaper = concepts.maxConceptsPerPaper;
  if (concepts?.chineseLabels !== undefined) options.chineseLabels = concepts.chineseLabels;
  return options;
}
