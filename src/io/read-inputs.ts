/**
 * Finds and reads the input files: each path is a file or a folder (searched recursively for paper lists).
 *
 * Throws a PapergraphError for a path that does not exist, a folder with no lists, and a file given by name that
 * is binary or not text; files inside folders that cannot be used are returned as skipped, with the reason.
 * Files are read in a fixed order (folders sorted by name), so the same inputs give the same outputs.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { PapergraphError } from '../core/errors.ts';

/** Extensions taken from folders. Files named explicitly are read whatever their extension. */
export const LIST_EXTENSIONS = ['.md', '.markdown', '.txt', '.jsonl', '.jsonl.gz', '.bib'] as const;

export interface InputFile {
  /** Path for display: relative to cwd when inside it. */
  path: string;
  absolutePath: string;
  /** Raw bytes; decoding is the caller's job (text lists are UTF-8, .gz is compressed). */
  bytes: Uint8Array;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ReadInputsResult {
  files: InputFile[];
  skipped: SkippedFile[];
}

export async function readInputs(paths: readonly string[], cwd: string = process.cwd()): Promise<ReadInputsResult> {
  if (paths.length === 0) throw new PapergraphError('io', 'no input given: name a paper list file or a folder of lists');
  const files: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => null);
    if (info === null) throw new PapergraphError('io', `input not found: ${path} (looked at ${absolute})`);
    if (info.isDirectory()) {
      const found = (await listFiles(absolute)).filter((file) => hasListExtension(file));
      if (found.length === 0) {
        throw new PapergraphError('io', `no paper lists in folder ${path}: expected files ending in ${LIST_EXTENSIONS.join(', ')}`);
      }
      for (const file of found) {
        if (seen.has(file)) continue;
        seen.add(file);
        const bytes = new Uint8Array(await readFile(file));
        const problem = binaryProblem(bytes, file);
        if (problem) skipped.push({ path: displayPath(file, cwd), reason: problem });
        else files.push({ path: displayPath(file, cwd), absolutePath: file, bytes });
      }
    } else {
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      const bytes = new Uint8Array(await readFile(absolute));
      const problem = binaryProblem(bytes, absolute);
      if (problem) throw new PapergraphError('io', `cannot read ${path}: ${problem}`);
      files.push({ path: displayPath(absolute, cwd), absolutePath: absolute, bytes });
    }
  }
  return { files, skipped };
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function hasListExtension(path: string): boolean {
  const lower = path.toLowerCase();
  return LIST_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** A reason the file is not a text list, or null. Gzip is fine for .gz files; other files must be UTF-8 text. */
function binaryProblem(bytes: Uint8Array, path: string): string | null {
  if (path.toLowerCase().endsWith('.gz')) {
    return bytes[0] === 0x1f && bytes[1] === 0x8b ? null : 'it ends in .gz but is not gzip data';
  }
  const head = bytes.subarray(0, 65536);
  if (head.includes(0)) return 'it is a binary file (it contains NUL bytes), not a text paper list';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'it is not UTF-8 text';
  }
  return null;
}

function displayPath(absolute: string, cwd: string): string {
  const relativePath = relative(cwd, absolute);
  return relativePath !== '' && !relativePath.startsWith('..') && !relativePath.startsWith(sep) ? relativePath : absolute;
}
