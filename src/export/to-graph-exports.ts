/**
 * Every graph export of one analysis as files for io/write-files.ts: for each chosen graph (the concept
 * co-occurrence graph, the paper–concept graph) and each chosen format, the files a user opens in Gephi, Gephi Lite,
 * VOSviewer, networkx or a spreadsheet. What the `export` command and the `analyze` outputs both call.
 *
 *   format      files (for the concept graph; `paper-concept-graph.*` likewise)
 *   gexf        concept-graph.gexf                                   (GEXF 1.3 by default, or 1.2draft)
 *   graphml     concept-graph.graphml
 *   vosviewer   concept-graph.vosviewer-map.txt, concept-graph.vosviewer-network.txt, concept-graph.vosviewer.json
 *   csv         concept-graph.nodes.csv, concept-graph.edges.csv     (Gephi spreadsheet import)
 *   json        concept-graph.graphology.json
 *
 * Issues: every exporter cleans the same text, so a removed control character is reported once per graph, not
 * once per format.
 */
import type { AbstractGraph } from 'graphology-types';
import { PapergraphError } from '../core/errors.ts';
import type { Issue } from '../core/issues.ts';
import { toCsvTables } from './to-csv-tables.ts';
import { GEXF_VERSIONS, toGexf, type GexfVersion } from './to-gexf.ts';
import { toGraphml } from './to-graphml.ts';
import { toGraphologyJson } from './to-graphology-json.ts';
import { toVosviewer } from './to-vosviewer.ts';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'vosviewer', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_GRAPHS = ['concepts', 'papers', 'both'] as const;
export type ExportGraphs = (typeof EXPORT_GRAPHS)[number];

export interface ExportFile {
  /** Relative path with `/` separators. */
  path: string;
  data: string;
}

export interface ToGraphExportsOptions {
  /** Default: every format. */
  formats?: readonly ExportFormat[];
  /** Default: 'both'. */
  graphs?: ExportGraphs;
  /** Default: '1.3'. */
  gexfVersion?: GexfVersion;
  /** Dynamic GEXF (timeline). Default: true. */
  dynamic?: boolean;
  /** Folder prefix of every path (`graphs/`), '' for none. Default: ''. */
  dir?: string;
  /** GEXF meta `lastmodifieddate` (YYYY-MM-DD); none by default, so outputs are byte-stable. */
  lastModifiedDate?: string | null;
}

export const TO_GRAPH_EXPORTS_DEFAULTS: Readonly<Required<ToGraphExportsOptions>> = Object.freeze({
  formats: EXPORT_FORMATS,
  graphs: 'both',
  gexfVersion: '1.3',
  dynamic: true,
  dir: '',
  lastModifiedDate: null,
});

export interface GraphExportsInput {
  conceptGraph: AbstractGraph;
  paperConceptGraph: AbstractGraph;
}

export interface GraphExportsResult {
  files: ExportFile[];
  issues: Issue[];
}

export function toGraphExports(input: GraphExportsInput, options: ToGraphExportsOptions = {}): GraphExportsResult {
  const settings = { ...TO_GRAPH_EXPORTS_DEFAULTS, ...options };
  assertOptions(settings);
  const prefix = settings.dir === '' ? '' : `${settings.dir.replace(/\/+$/, '')}/`;
  const chosen: [string, string, AbstractGraph][] = [];
  if (settings.graphs !== 'papers') chosen.push(['concept-graph', 'concept co-occurrence graph', input.conceptGraph]);
  if (settings.graphs !== 'concepts') chosen.push(['paper-concept-graph', 'paper–concept graph', input.paperConceptGraph]);

  const files: ExportFile[] = [];
  const issues: Issue[] = [];
  for (const [name, title, graph] of chosen) {
    const seen = new Set<string>();
    const collect = (found: readonly Issue[]) => {
      for (const one of found) {
        const what = one.message.replace(/^[^:]+: /, '');
        if (seen.has(what)) continue;
        seen.add(what);
        issues.push({ ...one, message: `export of the ${title}: ${what}` });
      }
    };
    const add = (suffix: string, data: string) => files.push({ path: `${prefix}${name}${suffix}`, data });
    for (const format of settings.formats) {
      switch (format) {
        case 'gexf': {
          const result = toGexf(graph, { version: settings.gexfVersion, dynamic: settings.dynamic, title: `papergraph: ${title}`, lastModifiedDate: settings.lastModifiedDate });
          add('.gexf', result.xml);
          collect(result.issues);
          break;
        }
        case 'graphml': {
          const result = toGraphml(graph);
          add('.graphml', result.xml);
          collect(result.issues);
          break;
        }
        case 'vosviewer': {
          const result = toVosviewer(graph);
          add('.vosviewer-map.txt', result.map);
          add('.vosviewer-network.txt', result.network);
          add('.vosviewer.json', result.json);
          collect(result.issues);
          break;
        }
        case 'csv': {
          const result = toCsvTables(graph);
          add('.nodes.csv', result.nodes);
          add('.edges.csv', result.edges);
          collect(result.issues);
          break;
        }
        case 'json': {
          const result = toGraphologyJson(graph);
          add('.graphology.json', result.json);
          collect(result.issues);
          break;
        }
      }
    }
  }
  return { files, issues };
}

function assertOptions(settings: Required<ToGraphExportsOptions>): void {
  const problems: string[] = [];
  for (const format of settings.formats) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) problems.push(`unknown format "${String(format)}": use ${EXPORT_FORMATS.join(', ')}`);
  }
  if (!(EXPORT_GRAPHS as readonly string[]).includes(settings.graphs)) problems.push(`graphs must be one of ${EXPORT_GRAPHS.join(', ')}, got "${String(settings.graphs)}"`);
  if (!(GEXF_VERSIONS as readonly string[]).includes(settings.gexfVersion)) problems.push(`gexfVersion must be one of ${GEXF_VERSIONS.join(', ')}, got "${String(settings.gexfVersion)}"`);
  if (problems.length > 0) throw new PapergraphError('export/to-graph-exports', problems.join('; '));
}
