/**
 * `papergraph fix-encoding <file> [-o out]`: repairs mojibake in one text file (see ingest/repair-encoding.ts)
 * and writes the repaired text to `out`, or to stdout. The input is only read, never written; `-o` naming the
 * input (by any spelling, or a link to it) is refused. A summary goes to stderr: spans repaired, characters
 * recovered, the repaired Markdown headings (so the note titles can be checked at a glance) and the uncertain
 * spans with their lines, showing where the kept reading and the runner-up differ (the first 20 of each list;
 * `--max-listed` for more). The full list of uncertain spans is in the `encoding-uncertain` issues.
 */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { differingWindow } from '../../ingest/differing-window.ts';
import { repairEncoding, type RepairEncodingResult } from '../../ingest/repair-encoding.ts';
import { isSameFile, readTextFile, writeFileAtomic } from '../../io/text-files.ts';
import { CliExit, type CliContext } from '../context.ts';

interface FixEncodingFlags {
  output?: string;
  maxListed: string;
}

const DEFAULT_MAX_LISTED = 20;

export function registerFixEncodingCommand(program: Command, context: CliContext): void {
  program
    .command('fix-encoding')
    .description('repair mojibake (UTF-8 read as Windows-1254/1252 or Latin-1, even with lost bytes) in a text file.')
    .argument('<file>', 'text file to repair (never modified)')
    .option('-o, --output <path>', 'write the repaired text here instead of stdout (must differ from the input)')
    .option('--max-listed <n>', 'list at most this many headings and uncertain spans in the summary', String(DEFAULT_MAX_LISTED))
    .action(async (file: string, flags: FixEncodingFlags) => {
      const maxListed = Number(flags.maxListed);
      if (!Number.isInteger(maxListed) || maxListed < 0) throw new CliExit(1, `error: --max-listed must be a whole number, got "${flags.maxListed}"`);
      const input = resolve(context.cwd, file);
      const output = flags.output === undefined ? null : resolve(context.cwd, flags.output);
      if (output !== null && (output === input || (await isSameFile(input, output)))) {
        throw new CliExit(1, `error: refusing to overwrite the input ${file}; give -o another path`);
      }
      const text = await readTextFile(input);
      const result = repairEncoding(text, { file });
      if (output === null) context.stdout(result.text);
      else await writeFileAtomic(output, result.text);
      context.stderr(summarize(file, flags.output ?? null, result, maxListed));
    });
}

function summarize(file: string, output: string | null, result: RepairEncodingResult, maxListed: number): string {
  const { stats } = result;
  const lines: string[] = [];
  if (stats.spans === 0) {
    lines.push(`${file}: no mojibake found; text unchanged${output === null ? '' : ` (copied to ${output})`}`);
    return lines.join('\n') + '\n';
  }
  lines.push(`${file}: ${stats.spans} span(s) repaired, ${stats.charactersRecovered} character(s) recovered, ${stats.bytesInserted} missing byte(s) restored, ${stats.uncertain} uncertain${output === null ? '' : ` -> ${output}`}`);
  const headings = repairedHeadings(result);
  if (headings.length > 0) {
    lines.push(`repaired headings (${headings.length} distinct):`);
    for (const { line, heading, times } of headings.slice(0, maxListed)) lines.push(`  line ${line}: ${heading}${times > 1 ? `  (x${times})` : ''}`);
    if (headings.length > maxListed) lines.push(`  … ${headings.length - maxListed} more (--max-listed to see them)`);
  }
  const uncertain = result.spans.filter((span) => span.uncertain);
  if (uncertain.length > 0) {
    lines.push(`uncertain spans (${uncertain.length}; best reading kept):`);
    for (const span of uncertain.slice(0, maxListed)) {
      const [kept, other] = differingWindow(span.repaired, span.alternatives[0] ?? '');
      lines.push(`  line ${span.line}: kept "${kept}", could be "${other}"`);
    }
    if (uncertain.length > maxListed) lines.push(`  … ${uncertain.length - maxListed} more (--max-listed to see them)`);
  }
  for (const problem of result.issues.filter((entry) => entry.code === 'encoding-unrepairable')) lines.push(`  line ${problem.line ?? '?'}: ${problem.message}`);
  return lines.join('\n') + '\n';
}

/** Markdown headings on repaired lines, in order of first appearance, identical headings counted once. */
function repairedHeadings(result: RepairEncodingResult): Array<{ line: number; heading: string; times: number }> {
  const textLines = result.text.split('\n');
  const byText = new Map<string, { line: number; heading: string; times: number }>();
  const seenLines = new Set<number>();
  for (const span of result.spans) {
    if (seenLines.has(span.line)) continue;
    seenLines.add(span.line);
    const heading = textLines[span.line - 1]?.trim() ?? '';
    if (!heading.startsWith('#')) continue;
    const entry = byText.get(heading);
    if (entry) entry.times++;
    else byText.set(heading, { line: span.line, heading, times: 1 });
  }
  return [...byText.values()];
}
