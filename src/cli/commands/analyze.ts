/**
 * `papergraph analyze [inputs...]`: the whole pipeline, written into one output folder.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { analyze, ANALYZE_DEFAULTS } from '../../pipeline.ts';
import { buildOutputFiles } from '../../outputs.ts';
import { assertOutputFolder, writeFilesAtomic } from '../../io/write-files.ts';
import { readChartFonts } from '../../io/read-fonts.ts';
import { buildReportScript } from '../../io/build-report-script.ts';
import { readConceptOptions } from '../concept-options.ts';
import type { CliContext } from '../context.ts';
import { parseIntegerOption, parseNumberOption } from '../parse-options.ts';
import { summarizeRun } from '../summarize-run.ts';
import { CliExit } from '../context.ts';
import { onInterrupt } from '../interrupt.ts';
import { analyzeStreamWithProgress } from '../analyze-stream-progress.ts';
import { fullPaperConceptGraphFiles, resolveStreamInputs } from '../stream-inputs.ts';
import { EXTRACT_STREAM_DEFAULTS } from '../../stream/extract-stream.ts';

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
  category?: string[];
  from?: string;
  to?: string;
  workers?: number;
  vocabularySample?: number;
  quiet: boolean;
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
    .option('--category <prefix...>', 'JSONL inputs: keep papers in these arXiv categories (prefix: cs keeps cs.LG)')
    .option('--from <YYYY-MM>', 'JSONL inputs: keep papers from this month on')
    .option('--to <YYYY-MM>', 'JSONL inputs: keep papers up to this month')
    .option('--workers <n>', 'JSONL inputs: threads for extraction and the theme clustering runs (default: all cores; 0 = main thread)', parseIntegerOption('--workers'))
    .option('--vocabulary-sample <n>', `JSONL inputs: papers the vocabulary is learned from (default: ${EXTRACT_STREAM_DEFAULTS.sampleSize})`, parseIntegerOption('--vocabulary-sample'))
    .option('--quiet', 'no progress on stderr', false)
    .addHelpText(
      'after',
      `\nExamples:\n  papergraph analyze                      # ${DEFAULT_INPUT}/ into ${DEFAULT_OUT}/\n  papergraph analyze lists/ more.md -o out --seed 7 -k 6\n`,
    )
    .action(async (inputs: string[], options: AnalyzeCommandOptions) => {
      await assertOutputFolder(resolve(context.cwd, options.out));
      const k = options.k === 'auto' ? 'auto' : parseIntegerOption('--k')(options.k);
      const conceptFiles = await readConceptOptions(options, context.cwd);
      const common = { seed: options.seed, k: k as number | 'auto', resolution: options.resolution, normalization: options.normalization, minPapers: options.minPapers, graphInput: options.graphInput, concepts: conceptFiles.concepts };
      // Large JSONL inputs (arXiv snapshot) take the streaming route (issue 8), with progress and Ctrl-C.
      const streamInputs = resolveStreamInputs(inputs, context.cwd);
      const filter = { ...(options.category ? { categories: options.category.flatMap((value) => value.split(',')).filter(Boolean) } : {}), ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
      if (streamInputs === null && Object.keys(filter).length > 0) throw new CliExit(2, 'error: --category, --from and --to apply to JSONL inputs (.jsonl, .jsonl.gz)');
      if (streamInputs === null && options.vocabularySample !== undefined) throw new CliExit(2, 'error: --vocabulary-sample applies to JSONL inputs (.jsonl, .jsonl.gz); paper lists are read whole');
      if (options.vocabularySample !== undefined && options.vocabularySample < 1) throw new CliExit(2, `error: --vocabulary-sample must be at least 1, got ${options.vocabularySample}`);
      const interrupt = streamInputs ? onInterrupt(context) : null;
      try {
        const analysis = streamInputs
          ? await analyzeStreamWithProgress(streamInputs, { ...common, filter, ...(options.workers !== undefined ? { workers: options.workers } : {}), ...(options.vocabularySample !== undefined ? { sampleSize: options.vocabularySample } : {}) }, context, options.quiet, interrupt)
          : await analyze(inputs, { ...common, cwd: context.cwd, repair: options.repair });
        const result = { ...analysis, issues: [...conceptFiles.issues, ...analysis.issues] };
        const { files, issues } = await buildOutputFiles(result, { fonts: await readChartFonts(), reportScript: await buildReportScript(), gexfVersion: options.gexfVersion });
        // The streaming route keeps a bounded paper–concept graph; the complete one is streamed to disk.
        if (streamInputs) files.push(...fullPaperConceptGraphFiles(result));
        interrupt?.arm();
        await writeFilesAtomic(resolve(context.cwd, options.out), files, interrupt ? { signal: interrupt.signal } : {});
        const summary = summarizeRun({ ...result, issues: [...result.issues, ...issues] }, options.out, files.length);
        if (options.json) context.stdout(`${JSON.stringify(summary.json, null, 2)}\n`);
        else context.stderr(summary.text);
      } catch (error) {
        if (interrupt?.signal.aborted) throw new CliExit(130, 'interrupted: nothing was written');
        throw error;
      } finally {
        interrupt?.release();
      }
    });
}
