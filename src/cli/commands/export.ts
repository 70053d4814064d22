/**
 * `papergraph export [inputs...] --format gexf|graphml|vosviewer|csv|json --out DIR`: the analysis, then only the
 * chosen graph exports, written completely or not at all.
 *
 *   1. analyze(inputs)   2. toGraphExports(result) (export/to-graph-exports.ts)   3. writeFilesAtomic(out, files)
 *
 * Problems met while exporting (control characters removed from labels) are printed on stderr as warnings, after
 * the files are written; the run still succeeds.
 */
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { analyze, ANALYZE_DEFAULTS } from '../../pipeline.ts';
import { EXPORT_FORMATS, EXPORT_GRAPHS, toGraphExports, type ExportFormat, type ExportGraphs } from '../../export/to-graph-exports.ts';
import { GEXF_VERSIONS, type GexfVersion } from '../../export/to-gexf.ts';
import { assertOutputFolder, writeFilesAtomic } from '../../io/write-files.ts';
import type { CliContext } from '../context.ts';
import { parseIntegerOption } from '../parse-options.ts';

const DEFAULT_FORMATS: ExportFormat[] = ['gexf'];

interface ExportCommandOptions {
  format: ExportFormat[];
  out: string;
  gexfVersion: GexfVersion;
  graph: ExportGraphs;
  seed: number;
  timeline: boolean;
}

export function registerExportCommand(program: Command, context: CliContext): void {
  program
    .command('export')
    .description('analyse paper lists and export the graphs for Gephi, Gephi Lite, VOSviewer, networkx or spreadsheets')
    .argument('[inputs...]', 'paper list files or folders of lists', ['data'])
    .addOption(new Option('-f, --format <formats...>', `export format(s), space- or comma-separated: ${EXPORT_FORMATS.join(', ')}`).argParser(parseFormats).default(DEFAULT_FORMATS))
    .option('-o, --out <dir>', 'output folder (written completely or not at all)', 'output')
    .addOption(new Option('--gexf-version <version>', 'GEXF version (1.2draft for older readers)').choices(GEXF_VERSIONS).default('1.3'))
    .addOption(new Option('--graph <which>', 'concepts (co-occurrence), papers (paper–concept) or both').choices(EXPORT_GRAPHS).default('both'))
    .option('--seed <n>', 'seed for layout, Louvain and k-means', parseIntegerOption('--seed'), ANALYZE_DEFAULTS.seed)
    .option('--no-timeline', 'static GEXF, without start dates for the timeline')
    .addHelpText(
      'after',
      '\nFiles: <graph>.gexf, <graph>.graphml, <graph>.vosviewer-{map,network}.txt + <graph>.vosviewer.json,\n' +
        '<graph>.{nodes,edges}.csv, <graph>.graphology.json, for concept-graph and paper-concept-graph.\n\n' +
        'Examples:\n  papergraph export data/ --format gexf --out out\n' +
        '  papergraph export list.md --format gexf graphml csv --gexf-version 1.2draft --graph concepts\n',
    )
    .action(async (inputs: string[], options: ExportCommandOptions) => {
      await assertOutputFolder(resolve(context.cwd, options.out));
      const result = await analyze(inputs, { cwd: context.cwd, seed: options.seed });
      const { files, issues } = toGraphExports(result, {
        formats: [...new Set(options.format)],
        graphs: options.graph,
        gexfVersion: options.gexfVersion,
        dynamic: options.timeline,
      });
      await writeFilesAtomic(resolve(context.cwd, options.out), files);
      for (const found of issues) context.stderr(`warning: ${found.message}\n`);
      context.stderr(`papergraph export: ${files.length} file${files.length === 1 ? '' : 's'} written to ${options.out}\n`);
    });
}

/** Accumulates `--format gexf graphml` and `--format gexf,graphml`, checking each name. */
function parseFormats(value: string, previous: ExportFormat[] | undefined): ExportFormat[] {
  const chosen = previous === undefined || previous === DEFAULT_FORMATS ? [] : [...previous];
  for (const name of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(name)) throw new InvalidArgumentError(`unknown format "${name}": use ${EXPORT_FORMATS.join(', ')}`);
    chosen.push(name as ExportFormat);
  }
  return chosen;
}
