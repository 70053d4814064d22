/**
 * The complete paper–concept graph as GEXF 1.3 pieces, straight from the result's papers, concepts, mentions and
 * paper themes, never as a graphology graph: for corpora whose paper–concept graph is too large to hold (the
 * streaming route keeps a bounded one in `paperConceptGraph`). The pieces are yielded some 32K characters at a
 * time for io/write-files.ts to stream to disk, so memory does not grow with the file.
 *
 * GEXF 1.3 or 1.2draft. Same node declarations, node keys and columns as export/to-gexf.ts (graph-columns.ts,
 * `paper:`/`concept:` keys), as a static graph without layout (positions and sizes are not computed for millions of
 * nodes). Compact, because at a million papers the file holds some 36M edges: each node and edge on one line without
 * indentation, and edges carry their `count` but not the `firstMonth` of the other exports, which here is always
 * the paper's `month` (measured on 100k synthetic papers × 36 mentions: 940 → 628 MB, 13.2 → 9.5 s to generate).
 * Themes as assigned by graph/assign-themes.ts (the Louvain method when present, else Leiden; k-means) on paper
 * nodes, with the strength of each paper's assignment and its theme's stability (graph/theme-quality.ts). Text is
 * cleaned of characters XML forbids, as the other exporters do.
 */
import type { AnalysisResult } from '../core/result.ts';
import { conceptNodeKey, paperNodeKey } from '../graph/attributes.ts';
import { conceptAttributes, paperAttributes } from '../graph/build-paper-concept-graph.ts';
import { paperThemeEntries, themeQualityAttributesOf, themeStabilities } from '../graph/theme-quality.ts';
import { columnValue, EDGE_COLUMNS, nodeColumns, type Column } from './graph-columns.ts';
import { GEXF_NAMESPACES, type GexfVersion } from './to-gexf.ts';
import { createTextSanitizer, escapeXmlAttribute, formatNumber } from './sanitize-text.ts';
import { cacheGridNumbers } from './cache-grid-numbers.ts';
import { PIECE_LENGTH } from './piece-length.ts';

export interface ToFullPaperConceptGexfOptions {
  /** Characters after which a piece is handed on (export/piece-length.ts). Default: PIECE_LENGTH, about 32K. */
  pieceLength?: number;
  /** Significant digits of non-integer numbers. Default: 8. */
  digits?: number;
  /** Default: '1.3'. */
  version?: GexfVersion;
}

export function* toFullPaperConceptGexf(result: Pick<AnalysisResult, 'papers' | 'concepts' | 'mentions' | 'themes' | 'paperThemes'>, options: ToFullPaperConceptGexfOptions = {}): Generator<string> {
  const pieceLength = options.pieceLength ?? PIECE_LENGTH;
  const digits = options.digits ?? 8;
  const sanitizer = createTextSanitizer('GEXF 1.3');
  const columns = nodeColumns('paper-concept');
  const graphMethod = result.themes.some((theme) => theme.method === 'louvain') || !result.themes.some((theme) => theme.method === 'leiden') ? 'louvain' : 'leiden';
  const graphLabels = new Map(result.themes.filter((theme) => theme.method === graphMethod).map((theme) => [theme.id, theme.label]));
  const kmeansLabels = new Map(result.themes.filter((theme) => theme.method === 'kmeans').map((theme) => [theme.id, theme.label]));
  // Each paper's assignment of both methods, found once by paper id.
  const { graph: graphEntries, kmeans: kmeansEntries } = paperThemeEntries(result.paperThemes, graphMethod);
  const graphStabilities = themeStabilities(result.themes, graphMethod);
  const kmeansStabilities = themeStabilities(result.themes, 'kmeans');
  // Most columns repeat a few values over a million papers (kind, month, theme, its label and stability): each
  // column keeps the elements of its first MEMO_VALUES values, so those are escaped and formatted once.
  const memos = columns.map(() => new Map<string | number | boolean, string>());
  const values = (attributes: Record<string, unknown>, where: string): string => {
    let out = '';
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      const value = columnValue(column, attributes);
      if (value === null) continue;
      const memo = memos[c]!;
      let element = memo.get(value);
      if (element === undefined) {
        element = `<attvalue for="${column.key}" value="${escapeXmlAttribute(text(column, value, where))}"/>`;
        if (memo.size < MEMO_VALUES) memo.set(value, element);
      }
      out += element;
    }
    return out === '' ? '' : `<attvalues>${out}</attvalues>`;
  };
  const text = (column: Column, value: string | number | boolean, where: string): string =>
    typeof value === 'number'
      ? column.type === 'integer'
        ? String(value)
        : formatNumber(value, digits)
      : typeof value === 'boolean'
        ? String(value)
        : sanitizer.clean(value, () => `${column.key} of ${where}`);

  const ns = GEXF_NAMESPACES[options.version ?? '1.3'];
  let head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  head += `<gexf xmlns="${ns.gexf}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns.gexf} ${ns.schema}" version="${ns.version}">\n`;
  head += '  <meta>\n    <creator>papergraph</creator>\n    <description>papergraph: complete paper–concept graph</description>\n  </meta>\n';
  head += '  <graph mode="static" defaultedgetype="undirected">\n';
  head += declare('node', columns) + declare('edge', FULL_EDGE_COLUMNS);
  head += `    <nodes count="${result.papers.length + result.concepts.length}">\n`;
  yield head;

  let piece = '';
  for (const paper of result.papers) {
    const graphEntry = graphEntries.get(paper.id);
    const kmeansEntry = kmeansEntries.get(paper.id);
    const theme = graphEntry?.themeId ?? -1;
    const kmeans = kmeansEntry?.themeId ?? -1;
    const attributes: Record<string, unknown> = {
      ...paperAttributes(paper),
      theme,
      themeLabel: theme >= 0 ? (graphLabels.get(theme) ?? '') : '',
      kmeansTheme: kmeans,
      kmeansThemeLabel: kmeans >= 0 ? (kmeansLabels.get(kmeans) ?? '') : '',
      ...themeQualityAttributesOf('graph', graphStabilities, theme, theme >= 0 ? graphEntry : undefined),
      ...themeQualityAttributesOf('kmeans', kmeansStabilities, kmeans, kmeans >= 0 ? kmeansEntry : undefined),
    };
    const key = paperNodeKey(paper.id);
    piece += `<node id="${escapeXmlAttribute(sanitizer.clean(key, () => `id of ${key}`))}" label="${escapeXmlAttribute(sanitizer.clean(paper.title, () => `label of ${key}`))}">${values(attributes, key)}</node>\n`;
    if (piece.length >= pieceLength) {
      yield piece;
      piece = '';
    }
  }
  const targets = new Map<string, string>();
  for (const concept of result.concepts) {
    const key = conceptNodeKey(concept.id);
    const escaped = escapeXmlAttribute(sanitizer.clean(key, () => `id of ${key}`));
    targets.set(concept.id, escaped);
    piece += `<node id="${escaped}" label="${escapeXmlAttribute(sanitizer.clean(concept.label, () => `label of ${key}`))}">${values({ ...conceptAttributes(concept) }, key)}</node>\n`;
    if (piece.length >= pieceLength) {
      yield piece;
      piece = '';
    }
  }
  piece += `    </nodes>\n    <edges count="${result.mentions.length}">\n`;
  // Mentions come grouped by paper: each paper's escaped key is made once, not per edge.
  const weight = cacheGridNumbers((value) => formatNumber(value, digits));
  let id = 0;
  let paperId: string | null = null;
  let source = '';
  for (const mention of result.mentions) {
    if (mention.paperId !== paperId) {
      paperId = mention.paperId;
      source = escapeXmlAttribute(sanitizer.clean(paperNodeKey(paperId), () => 'source of an edge'));
    }
    let target = targets.get(mention.conceptId);
    if (target === undefined) {
      target = escapeXmlAttribute(sanitizer.clean(conceptNodeKey(mention.conceptId), () => 'target of an edge'));
      targets.set(mention.conceptId, target);
    }
    piece += `<edge id="${id++}" source="${source}" target="${target}" weight="${weight(mention.score)}"><attvalues><attvalue for="count" value="${mention.count}"/></attvalues></edge>\n`;
    if (piece.length >= pieceLength) {
      yield piece;
      piece = '';
    }
  }
  piece += '    </edges>\n  </graph>\n</gexf>\n';
  yield piece;
}

/** Values remembered per node column (bounded: titles and ids, which never repeat, fill it and then pass by). */
const MEMO_VALUES = 4096;

/** Edges carry their mention count; their month is the paper's (`month` on the paper node), so it is not repeated. */
const FULL_EDGE_COLUMNS = EDGE_COLUMNS.filter((column) => column.key !== 'firstMonth');

function declare(kind: 'node' | 'edge', columns: readonly Column[]): string {
  let out = `    <attributes class="${kind}" mode="static">\n`;
  for (const column of columns) out += `      <attribute id="${column.key}" title="${column.key}" type="${column.type}"/>\n`;
  return `${out}    </attributes>\n`;
}
