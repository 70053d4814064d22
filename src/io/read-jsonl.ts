/**
 * Reads a `.jsonl` or `.jsonl.gz` file line by line with bounded memory.
 *
 * The bytes come from a file stream (through zlib's gunzip when the file starts with the gzip magic bytes, whatever
 * its name) and are split on `\n` here rather than by node:readline, because readline buffers a line until its end
 * however long it is: this reader drops a line as soon as it grows past `maxLineBytes` and reports it (code
 * `huge-line`, with its line number) instead of holding gigabytes for one broken record. `\r\n` endings and a
 * leading BOM are accepted; blank lines are skipped (their numbers still count). An empty file yields nothing.
 *
 * Lines come in batches (one per chunk read), each with the count of file bytes consumed so far, so a caller can
 * report progress and pays the async-iteration cost once per chunk rather than once per line; `readJsonl` is the
 * line-by-line view of the same thing.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { issue, type Issue } from '../core/issues.ts';
import { PapergraphError } from '../core/errors.ts';

export interface ReadJsonlOptions {
  /** Path shown in issues. Default: the path read. */
  file?: string;
  /** A line longer than this (in bytes) is reported and skipped. Default: 16 MiB. */
  maxLineBytes?: number;
  /** Bytes read from disk at a time. Default: 1 MiB. */
  chunkBytes?: number;
  /** Stops reading (the generator ends) when aborted. */
  signal?: AbortSignal;
  /** Only lines for which this returns true are decoded and yielded (the others are still counted). Default: all. */
  keepLine?: (line: number) => boolean;
}

export const READ_JSONL_DEFAULTS = Object.freeze({ maxLineBytes: 16 * 1024 * 1024, chunkBytes: 1024 * 1024 });

/** One non-blank line: its 1-based number and its text (without the line ending). */
export interface JsonlLine {
  line: number;
  text: string;
}

export interface JsonlBatch {
  lines: JsonlLine[];
  /** Lines dropped in this batch for being longer than `maxLineBytes`. */
  issues: Issue[];
  /** Bytes of the file (compressed bytes for gzip) consumed so far. */
  bytesRead: number;
  /** Size of the file in bytes. */
  totalBytes: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export function readJsonlBatches(path: string, options: ReadJsonlOptions = {}): AsyncGenerator<JsonlBatch> {
  return readLineBatches(path, options, (bytes, start, end, line) => ({ line, text: bytes.toString('utf8', start, end) }));
}

/** One non-blank line as UTF-8 bytes (without the line ending), valid until the next batch is asked for. */
export interface JsonlLineBytes {
  line: number;
  bytes: Buffer;
}

/** A batch of `readJsonlByteBatches`: as JsonlBatch, with undecoded lines. */
export interface JsonlByteBatch extends Omit<JsonlBatch, 'lines'> {
  lines: JsonlLineBytes[];
}

/**
 * The lines of `readJsonlBatches`, left undecoded: views into the bytes read, for a caller that copies them on (to
 * another thread, which decodes them there). Decoding a line's bytes as UTF-8 gives the text `readJsonlBatches` gives.
 */
export function readJsonlByteBatches(path: string, options: ReadJsonlOptions = {}): AsyncGenerator<JsonlByteBatch> {
  return readLineBatches(path, options, (bytes, start, end, line) => ({ line, bytes: bytes.subarray(start, end) }));
}

async function* readLineBatches<T>(
  path: string,
  options: ReadJsonlOptions,
  take: (bytes: Buffer, start: number, end: number, line: number) => T,
): AsyncGenerator<Omit<JsonlBatch, 'lines'> & { lines: T[] }> {
  const file = options.file ?? path;
  const maxLineBytes = options.maxLineBytes ?? READ_JSONL_DEFAULTS.maxLineBytes;
  const chunkBytes = options.chunkBytes ?? READ_JSONL_DEFAULTS.chunkBytes;
  const keepLine = options.keepLine;
  if (!(maxLineBytes > 0)) throw new PapergraphError('io/read-jsonl', `maxLineBytes must be positive, got ${maxLineBytes}`);
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile()) throw new PapergraphError('io/read-jsonl', `cannot read ${file}: not a file`);
  const totalBytes = info.size;
  if (totalBytes === 0) return;

  const gzip = await isGzip(path);
  const raw = createReadStream(path, { highWaterMark: chunkBytes });
  const source: AsyncIterable<Buffer> = gzip ? raw.pipe(createGunzip({ chunkSize: Math.min(chunkBytes, 256 * 1024) })) : raw;
  if (gzip) raw.on('error', (error) => (source as NodeJS.ReadableStream & { destroy(error?: Error): void }).destroy(error));

  let lineNumber = 0;
  /** Pieces of the current, unfinished line. */
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** True while the rest of an over-long line is being skipped. */
  let skipping = false;
  let skippedBytes = 0;
  let first = true;

  const finishLine = (piece: Buffer, lines: T[], issues: Issue[]): void => {
    lineNumber++;
    if (skipping) {
      issues.push(hugeLine(file, lineNumber, skippedBytes + piece.length, maxLineBytes));
      skipping = false;
      skippedBytes = 0;
      return;
    }
    let bytes: Buffer;
    if (pendingBytes === 0) bytes = piece;
    else {
      pending.push(piece);
      bytes = Buffer.concat(pending, pendingBytes + piece.length);
      pending = [];
      pendingBytes = 0;
    }
    if (bytes.length > maxLineBytes) {
      issues.push(hugeLine(file, lineNumber, bytes.length, maxLineBytes));
      return;
    }
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === CARRIAGE_RETURN) end--;
    let start = 0;
    if (first) {
      first = false;
      if (end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    }
    if (isBlank(bytes, start, end)) return;
    if (keepLine !== undefined && !keepLine(lineNumber)) return;
    lines.push(take(bytes, start, end, lineNumber));
  };

  try {
    for await (const chunk of source) {
      if (options.signal?.aborted) return;
      const lines: T[] = [];
      const issues: Issue[] = [];
      let start = 0;
      for (;;) {
        const end = chunk.indexOf(NEWLINE, start);
        if (end === -1) break;
        finishLine(chunk.subarray(start, end), lines, issues);
        start = end + 1;
      }
      if (start < chunk.length) {
        const rest = chunk.subarray(start);
        if (skipping) skippedBytes += rest.length;
        else if (pendingBytes + rest.length > maxLineBytes) {
          // Drop what we hold of this line and skip the rest of it.
          skipping = true;
          skippedBytes = pendingBytes + rest.length;
          pending = [];
          pendingBytes = 0;
        } else {
          // Copy: the stream may reuse its buffer.
          pending.push(Buffer.from(rest));
          pendingBytes += rest.length;
        }
      }
      if (lines.length > 0 || issues.length > 0) yield { lines, issues, bytesRead: raw.bytesRead, totalBytes };
    }
    if (pendingBytes > 0 || skipping) {
      const lines: T[] = [];
      const issues: Issue[] = [];
      finishLine(Buffer.alloc(0), lines, issues);
      if (lines.length > 0 || issues.length > 0) yield { lines, issues, bytesRead: totalBytes, totalBytes };
    }
  } catch (error) {
    if (error instanceof PapergraphError) throw error;
    throw new PapergraphError('io/read-jsonl', `cannot read ${file}${gzip ? ' (gzip)' : ''}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    raw.destroy();
  }
}

/** The same lines one at a time; over-long lines come as `{ line, text: null, issue }`. */
export async function* readJsonl(path: string, options: ReadJsonlOptions = {}): AsyncGenerator<JsonlLine | { line: number; text: null; issue: Issue }> {
  for await (const batch of readJsonlBatches(path, options)) {
    const merged: (JsonlLine | { line: number; text: null; issue: Issue })[] = [
      ...batch.lines,
      ...batch.issues.map((entry) => ({ line: entry.line ?? 0, text: null, issue: entry })),
    ];
    merged.sort((a, b) => a.line - b.line);
    yield* merged;
  }
}

/**
 * About `count` lines spread evenly over a plain (not gzip) file, read by seeking, without reading the rest:
 * the line that starts after each of `count` evenly spaced byte offsets (the first line for offset 0). Lines over
 * `maxLineBytes` are left out. Returns null for a gzip file (it cannot be sought; stream it instead).
 */
export async function sampleJsonlLines(path: string, count: number, options: Pick<ReadJsonlOptions, 'maxLineBytes'> = {}): Promise<string[] | null> {
  const maxLineBytes = options.maxLineBytes ?? READ_JSONL_DEFAULTS.maxLineBytes;
  if (await isGzip(path)) return null;
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const out: string[] = [];
    if (size === 0 || count < 1) return out;
    let window = Buffer.alloc(16 * 1024);
    let lastStart = -1;
    for (let k = 0; k < count; k++) {
      const offset = Math.floor((k * size) / count);
      // Start of the next line at or after offset (offset 0 is a line start).
      let start = offset;
      if (offset > 0) {
        start = -1;
        for (let position = offset - 1; position < size && start === -1; position += window.length) {
          const { bytesRead } = await handle.read(window, 0, window.length, position);
          if (bytesRead === 0) break;
          const at = window.subarray(0, bytesRead).indexOf(NEWLINE);
          if (at !== -1) start = position + at + 1;
        }
        if (start === -1 || start >= size) continue;
      }
      if (start === lastStart) continue;
      lastStart = start;
      // The line from start to the next newline.
      let end = -1;
      let length = 0;
      while (end === -1 && length <= maxLineBytes) {
        if (window.length < length + 16 * 1024) {
          const bigger = Buffer.alloc(Math.min(maxLineBytes + 1, window.length * 2) + 16 * 1024);
          window.copy(bigger, 0, 0, length);
          window = bigger;
        }
        const { bytesRead } = await handle.read(window, length, window.length - length, start + length);
        if (bytesRead === 0) {
          end = length;
          break;
        }
        const at = window.subarray(length, length + bytesRead).indexOf(NEWLINE);
        if (at !== -1) end = length + at;
        length += bytesRead;
      }
      if (end === -1 || end > maxLineBytes) continue;
      let stop = end;
      if (stop > 0 && window[stop - 1] === CARRIAGE_RETURN) stop--;
      let from = 0;
      if (start === 0 && stop >= 3 && window[0] === 0xef && window[1] === 0xbb && window[2] === 0xbf) from = 3;
      if (!isBlank(window, from, stop)) out.push(window.toString('utf8', from, stop));
    }
    return out;
  } finally {
    await handle.close();
  }
}

/** Sum of the sizes of the files (missing files count 0), for progress over several inputs. */
export async function totalFileBytes(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const path of paths) total += (await stat(path).catch(() => null))?.size ?? 0;
  return total;
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== CARRIAGE_RETURN) return false;
  }
  return true;
}

function hugeLine(file: string, line: number, bytes: number, limit: number): Issue {
  return issue('huge-line', 'warning', `line of ${bytes} bytes is longer than the ${limit}-byte limit; skipped`, { file, line });
}
