/**
 * `papergraph analyze [inputs...]`: the whole pipeline, written into one output folder.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { analyze, ANALYZE_DEFAULTS } from '../../pipeline.ts';
import { buildOutputFiles } from '../../outputs.ts';
import { writeFilesAtomic } from '../../io/write-files.ts';
import { readChartFonts } from '../../io/read-fonts.ts';
import { buildReportScript } from '../../io/build-report-script.ts';
import { readConceptOptions } from '../concept-options.ts';
import type { CliContext } from '../context.ts';
import { parseIntegerOption, parseNumberOption } from '../parse-options.ts';
import { summarizeRun } from '../summarize-run.ts';

export const DEFAULT_INPUT = 'data';
export const DEFAULT_OUT = 'output';

interface AnalyzeCommandOptions {
  out: string;
  seed: number;
  k: string;
  resolution: number;
  normalization: 'count' | 'association';
  graphInput: 'papers' | 'concepts';
  minPapers: number;
  repair: boolean;
  lexicon?: string;
  thesaurus?: string;
  json: boolean;
  gexfVersion: '1.3' | '1.2draft';
}

export function registerAnalyzeCommand(program: Command, context: CliContext): void {
  program
    .command('analyze')
    .description('analyse paper lists into concepts, graphs, themes, charts, exports and a report')
    .argument('[inputs...]', 'paper list files or folders of lists', [DEFAULT_INPUT])
    .option('-o, --out <dir>', 'output folder (written completely or not at all)', DEFAULT_OUT)
    .option('--seed <n>', 'seed for layout, Louvain and k-means', parseIntegerOption('--seed'), ANALYZE_DEFAULTS.seed)
    .option('-k, --k <n|auto>', 'number of k-means clusters, or auto (silhouette)', 'auto')
    .option('--resolution <r>', 'community detection resolution', parseNumberOption('--resolution'), ANALYZE_DEFAULTS.resolution)
    .addOption(new Option('--graph-input <graph>', 'find graph communities among papers (linked to their most similar papers) or among concepts (co-occurrence graph)').choices(['papers', 'concepts']).default(ANALYZE_DEFAULTS.graphInput))
    .addOption(new Option('--normalization <how>', 'co-occurrence weight').choices(['association', 'count']).default(ANALYZE_DEFAULTS.normalization))
    .option('--min-papers <n>', 'concepts in fewer papers stay out of the concept graph', parseIntegerOption('--min-papers'), ANALYZE_DEFAULTS.minPapers)
    .option('--lexicon <file>', 'extra lexicon (JSON) extending or overriding the shipped one')
    .option('--thesaurus <file>', 'VOSviewer thesaurus: label<TAB>replace by; empty replacement drops the term')
    .addOption(new Option('--gexf-version <version>', 'GEXF version (1.2draft for older readers)').choices(['1.3', '1.2draft']).default('1.3'))
    .option('--no-repair', 'do not repair damaged encodings')
    .option('--json', 'print the run summary as JSON on stdout', false)
    .addHelpText(
      'after',
      `\nExamples:\n  papergraph analyze                      # ${DEFAULT_INPUT}/ into ${DEFAULT_OUT}/\n  papergraph analyze lists/ more.md -o out --seed 7 -k 6\n`,
    )
    .action(async (inputs: string[], options: AnalyzeCommandOptions) => {
      const k = options.k === 'auto' ? 'auto' : parseIntegerOption('--k')(options.k);
      const conceptFiles = await readConceptOptions(options, context.cwd);
      const analysis = await analyze(inputs, {
        cwd: context.cwd,
        seed: options.seed,
        k,
        resolution: options.resolution,
        graphInput: options.graphInput,
        normalization: options.normalization,
        minPapers: options.minPapers,
        repair: options.repair,
        concepts: conceptFiles.concepts,
      });
      const result = { ...analysis, issues: [...conceptFiles.issues, ...analysis.issues] };
      const { files, issues } = await buildOutputFiles(result, { fonts: await readChartFonts(), reportScript: await buildReportScript(), gexfVersion: options.gexfVersion });
      await writeFilesAtomic(resolve(context.cwd, options.out), files);
      const summary = summarizeRun({ ...result, issues: [...result.issues, ...issues] }, options.out, files.length);
      if (options.json) context.stdout(`${JSON.stringify(summary.json, null, 2)}\n`);
      else context.stderr(summary.text);
    });
}
