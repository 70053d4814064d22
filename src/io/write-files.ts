/**
 * Writes a set of output files completely or not at all: everything goes to a fresh temporary folder beside the
 * target, then each file is moved into place. If anything fails before the move, the target is left as it was.
 * Files of earlier runs that this run does not produce are left alone (a user's own files in the folder are safe).
 * A file's data may be a sequence of string pieces (a large GEXF): it is streamed to disk, never joined in memory.
 */
import { mkdir, mkdtemp, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { PapergraphError } from '../core/errors.ts';

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators (`charts/top-concepts.svg`). */
  path: string;
  /** The content, or its pieces in order (streamed to disk, never joined: for large exports). */
  data: string | Uint8Array | Iterable<string> | AsyncIterable<string>;
}

export interface WriteFilesOptions {
  /** Stops before anything is moved into place (Ctrl-C): the target is left as it was. */
  signal?: AbortSignal;
}

/**
 * Throws a clear error when `outDir` cannot be an output folder (it is an existing file). Commands call it before
 * a long analysis, so a wrong `--out` fails at once instead of after the work; writeFilesAtomic checks it again.
 */
export async function assertOutputFolder(outDir: string): Promise<void> {
  const info = await stat(outDir).catch(() => null);
  if (info !== null && !info.isDirectory()) throw new PapergraphError('io', `output path ${outDir} is a file, not a folder; give --out a folder (it is created when missing)`);
}

export async function writeFilesAtomic(outDir: string, files: readonly OutputFile[], options: WriteFilesOptions = {}): Promise<string[]> {
  const target = resolve(outDir);
  for (const file of files) {
    const full = resolve(target, file.path);
    if (!full.startsWith(target + sep)) throw new PapergraphError('io', `refusing to write ${file.path}: it is outside ${outDir}`);
  }
  await assertOutputFolder(target);
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), `.${baseName(target)}-partial-`));
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeData(path, file.data, options.signal);
    }
    if (options.signal?.aborted) throw new Error('interrupted before the files were moved into place; nothing was changed');
    await mkdir(target, { recursive: true });
    for (const file of files) {
      const destination = join(target, file.path);
      await mkdir(dirname(destination), { recursive: true });
      await rename(join(staging, file.path), destination);
    }
  } catch (error) {
    throw new PapergraphError('io', `could not write the outputs to ${outDir}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return files.map((file) => join(target, file.path));
}

async function writeData(path: string, data: OutputFile['data'], signal: AbortSignal | undefined): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) return writeFile(path, data);
  // Pieces are encoded straight into one of two 4 MB buffers while the other one is being written, so the disk works
  // while the next pieces are made, and no Buffer is allocated per piece. (A write stream made a Buffer of every
  // piece: at a million papers that copy, its allocation and the garbage collections it set off were 30–40 % of
  // writing mentions.csv.)
  const handle = await open(path, 'w');
  const buffers = [Buffer.allocUnsafe(WRITE_BUFFER_BYTES), Buffer.allocUnsafe(WRITE_BUFFER_BYTES)] as const;
  let current = 0;
  let used = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    await writing;
    writing = writeAll(handle, buffers[current]!, used);
    current = 1 - current;
    used = 0;
  };
  try {
    for await (const piece of data) {
      if (signal?.aborted) break;
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      if (used + piece.length * 3 > WRITE_BUFFER_BYTES) {
        await flush();
        if (piece.length * 3 > WRITE_BUFFER_BYTES) {
          await writing;
          writing = writeAll(handle, Buffer.from(piece, 'utf8'));
          continue;
        }
      }
      used += buffers[current]!.write(piece, used, 'utf8');
    }
    await flush();
    await writing;
  } finally {
    // A failed write is reported by the awaits above; here it must not be left unhandled.
    await writing.catch(() => undefined);
    await handle.close();
  }
}

/** Bytes of each of the two write buffers. */
const WRITE_BUFFER_BYTES = 1 << 22;

async function writeAll(handle: FileHandle, buffer: Uint8Array, length = buffer.length): Promise<void> {
  let at = 0;
  while (at < length) at += (await handle.write(buffer, at, length - at)).bytesWritten;
}

function baseName(path: string): string {
  return path.split(sep).filter(Boolean).pop() ?? 'output';
}
