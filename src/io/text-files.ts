/**
 * Reads one UTF-8 text file and writes one file atomically (temporary file in the same folder, then rename),
 * so a failed write never leaves a half-written file and never touches anything but the target.
 *
 * Misuse throws a PapergraphError (`papergraph/io: …`) that names the path and says what is wrong: missing,
 * a folder, binary (NUL bytes), or not UTF-8.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PapergraphError } from '../core/errors.ts';

/** How many leading bytes are checked for NUL when telling text from binary. */
const BINARY_SNIFF_BYTES = 8192;

export async function readTextFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new PapergraphError('io', `file not found: ${path}`);
  if (info.isDirectory()) throw new PapergraphError('io', `${path} is a folder; name a text file`);
  if (!info.isFile()) throw new PapergraphError('io', `${path} is not a regular file`);
  const bytes = new Uint8Array(await readFile(path));
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) throw new PapergraphError('io', `${path} looks binary (it contains NUL bytes); expected a UTF-8 text file`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new PapergraphError('io', `${path} is not valid UTF-8; save it as UTF-8 first`, { cause: error });
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new PapergraphError('io', `could not write ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** True when both paths name the same existing file (same device and inode), or resolve to the same path. */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  if (left === null || right === null) return false;
  return left.dev === right.dev && left.ino === right.ino;
}
