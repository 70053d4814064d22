/**
 * Writes a set of output files completely or not at all: everything goes to a fresh temporary folder beside the
 * target, then each file is moved into place. If anything fails before the move, the target is left as it was.
 * Files of earlier runs that this run does not produce are left alone (a user's own files in the folder are safe).
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { PapergraphError } from '../core/errors.ts';

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators (`charts/top-concepts.svg`). */
  path: string;
  data: string | Uint8Array;
}

export async function writeFilesAtomic(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const target = resolve(outDir);
  for (const file of files) {
    const full = resolve(target, file.path);
    if (!full.startsWith(target + sep)) throw new PapergraphError('io', `refusing to write ${file.path}: it is outside ${outDir}`);
  }
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), `.${baseName(target)}-partial-`));
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.data);
    }
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

function baseName(path: string): string {
  return path.split(sep).filter(Boolean).pop() ?? 'output';
}
