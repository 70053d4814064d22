/**
 * Builds the one script report.html inlines: src/report/client/report-client.ts bundled with sigma, graphology,
 * vega and vega-embed from node_modules by esbuild, minified, as an IIFE. Built at run time rather than committed,
 * so it always matches the installed libraries; the result is cached for the life of the process. Licence comments
 * of the bundled libraries are kept at the end of the script.
 *
 * The report's charts arrive already compiled to Vega (to-html-report.ts compiles them in Node), so the Vega-Lite
 * compiler, a quarter of the bundle, is replaced by a stub: vega-embed only calls it for Vega-Lite input.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PapergraphError } from '../core/errors.ts';

let cached: Promise<string> | null = null;

export function buildReportScript(): Promise<string> {
  cached ??= bundle().catch((error: unknown) => {
    cached = null;
    throw new PapergraphError('io', `could not bundle the report script (is esbuild installed?): ${String(error)}`, { cause: error });
  });
  return cached;
}

async function bundle(): Promise<string> {
  const entry = fileURLToPath(new URL('../report/client/report-client.ts', import.meta.url));
  const output = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    write: false,
    legalComments: 'eof',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'papergraph-no-vega-lite',
        setup(builder) {
          builder.onResolve({ filter: /^vega-lite$/ }, () => ({ path: 'vega-lite-stub', namespace: 'papergraph' }));
          builder.onLoad({ filter: /.*/, namespace: 'papergraph' }, () => ({
            contents: "export const version = 'not bundled'; export function compile() { throw new Error('papergraph report: charts are compiled to Vega before embedding'); }",
            loader: 'js',
          }));
        },
      },
    ],
  });
  const file = output.outputFiles[0];
  if (file === undefined) throw new Error('esbuild produced no output');
  // The script is inlined in a <script> element: never let it contain a closing tag.
  return file.text.replace(/<\/(script)/gi, '<\\/$1');
}
