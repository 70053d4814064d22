/**
 * Which `analyze` inputs take the streaming route (stream/analyze-stream.ts): `.jsonl` and `.jsonl.gz` files, and
 * folders that hold only such files. Paper lists (Markdown, …) go through pipeline.ts as before. Also the extra
 * output of that route: the complete paper–concept graph, streamed to disk.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { AnalysisResult } from '../core/result.ts';
import type { OutputFile } from '../io/write-files.ts';
import type { StreamInput } from '../stream/extract-stream.ts';
import { toFullPaperConceptGexf } from '../export/to-full-paper-concept-gexf.ts';

const STREAM_EXTENSIONS = ['.jsonl', '.jsonl.gz', '.ndjson', '.ndjson.gz'] as const;

export function isStreamPath(path: string): boolean {
  const lower = path.toLowerCase();
  return STREAM_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** The streaming inputs, or null when any input is not JSONL (then the whole run uses the in-memory pipeline). */
export function resolveStreamInputs(inputs: readonly string[], cwd: string): StreamInput[] | null {
  const files: StreamInput[] = [];
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    const info = statOrNull(absolute);
    if (info === null) return null;
    if (info.isDirectory()) {
      const found = listFiles(absolute);
      if (found.length === 0 || !found.every(isStreamPath)) return null;
      for (const file of found) files.push({ path: file, display: display(file, cwd) });
    } else if (isStreamPath(absolute)) files.push({ path: absolute, display: display(absolute, cwd) });
    else return null;
  }
  return files.length > 0 ? files : null;
}

/** `graph-full.gexf`, streamed, when the result's paper–concept graph holds fewer papers than the corpus. */
export function fullPaperConceptGraphFiles(result: AnalysisResult): OutputFile[] {
  let graphPapers = 0;
  result.paperConceptGraph.forEachNode((_key, attributes) => {
    if (attributes['kind'] === 'paper') graphPapers++;
  });
  return graphPapers < result.papers.length ? [{ path: 'graph-full.gexf', data: toFullPaperConceptGexf(result) }] : [];
}

function statOrNull(path: string): { isDirectory(): boolean } | null {
  return statSync(path, { throwIfNoEntry: false }) ?? null;
}

function listFiles(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function display(absolute: string, cwd: string): string {
  const path = relative(cwd, absolute);
  return path !== '' && !path.startsWith('..') && !path.startsWith(sep) ? path : absolute;
}
