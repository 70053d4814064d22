/**
 * The data the interactive parts of report.html read: the concept graph (positions from the layout, colours from
 * the theme palette, each concept with the listed papers that mention it) and the papers the report lists
 * (build-report-model.ts; every paper of a list of ordinary size), in compact arrays. Shared by
 * the serialiser (to-html-report.ts) and the browser script (client/report-client.ts), which only imports the types.
 */
import type { AnalysisResult } from '../core/result.ts';
import type { ConceptNodeAttributes, EdgeAttributes } from '../graph/attributes.ts';
import { themeColor } from '../core/palette.ts';
import { primaryThemes } from '../analysis/primary-themes.ts';
import { compareText } from '../analysis/select-top-concepts.ts';
import { themeDisplayLabel } from '../analysis/theme-display-label.ts';
import { noteTitleZh } from './note-title-zh.ts';
import { safeUrl } from './escape-html.ts';

export interface ReportDataNode {
  id: string;
  label: string;
  zh: string;
  aliases: string[];
  type: string;
  x: number;
  y: number;
  size: number;
  color: string;
  theme: number;
  /** Papers that mention the concept. */
  paperCount: number;
  /** The listed ones: indices into ReportData.papers, newest first. */
  papers: number[];
}

export interface ReportDataPaper {
  id: string;
  title: string;
  month: string;
  url: string;
  arxiv: string;
  code: string;
  zh: string;
  theme: number;
}

export interface ReportData {
  nodes: ReportDataNode[];
  /** [source index, target index, papers together]. */
  edges: [number, number, number][];
  papers: ReportDataPaper[];
  themes: { id: number; name: string; color: string }[];
  /** True when the layout gave no positions and the nodes were put on circles by theme. */
  fallbackLayout: boolean;
}

/** `listed`: ids of the papers the report lists; all papers when not given. */
export function toReportData(result: AnalysisResult, listed: ReadonlySet<string> | null = null): ReportData {
  const { themes, conceptTheme, paperTheme } = primaryThemes(result);
  const papers = result.papers.filter((paper) => listed === null || listed.has(paper.id)).sort((a, b) => compareText(b.month ?? '', a.month ?? '') || compareText(a.id, b.id));
  const paperIndex = new Map(papers.map((paper, index) => [paper.id, index]));
  const conceptPapers = new Map<string, number[]>();
  for (const mention of result.mentions) {
    const index = paperIndex.get(mention.paperId);
    if (index === undefined) continue;
    const list = conceptPapers.get(mention.conceptId);
    if (list) list.push(index);
    else conceptPapers.set(mention.conceptId, [index]);
  }
  const conceptsById = new Map(result.concepts.map((concept) => [concept.id, concept]));
  const graph = result.conceptGraph;
  const raw = graph.mapNodes((id, attributes) => ({ id, attributes: attributes as ConceptNodeAttributes }));
  const fallbackLayout = raw.length > 1 && raw.every((node) => node.attributes.x === raw[0]?.attributes.x && node.attributes.y === raw[0]?.attributes.y);
  const maxPapers = Math.max(1, ...raw.map((node) => node.attributes.papers));
  const nodes: ReportDataNode[] = raw.map((node, rank) => {
    const concept = conceptsById.get(node.id);
    const theme = conceptTheme.get(node.id) ?? node.attributes.theme;
    const position = fallbackLayout ? circlePosition(rank, raw.length, theme) : { x: node.attributes.x, y: node.attributes.y };
    return {
      id: node.id,
      label: concept?.label ?? node.attributes.label,
      zh: (concept?.labelsZh ?? []).join(' / '),
      aliases: concept?.aliases ?? [],
      type: concept?.type ?? node.attributes.conceptType,
      x: round(position.x),
      y: round(position.y),
      size: round(3 + 11 * Math.sqrt(node.attributes.papers / maxPapers)),
      color: themeColor(theme),
      theme,
      paperCount: concept?.papers ?? node.attributes.papers,
      papers: [...new Set(conceptPapers.get(node.id) ?? [])].sort((a, b) => a - b),
    };
  });
  const nodeIndex = new Map(nodes.map((node, index) => [node.id, index]));
  const edges: [number, number, number][] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    const a = nodeIndex.get(source);
    const b = nodeIndex.get(target);
    if (a !== undefined && b !== undefined) edges.push([a, b, (attributes as EdgeAttributes).count]);
  });
  return {
    nodes,
    edges,
    papers: papers.map((paper) => ({
      id: paper.id,
      title: paper.title,
      month: paper.month ?? '',
      url: safeUrl(paper.paperUrl),
      arxiv: paper.id.startsWith('title:') ? '' : paper.id,
      code: safeUrl(paper.codeUrl),
      zh: noteTitleZh(paper),
      theme: paperTheme.get(paper.id) ?? -1,
    })),
    themes: themes.map((theme) => ({ id: theme.id, name: themeDisplayLabel(theme.id, theme.label), color: themeColor(theme.id) })),
    fallbackLayout,
  };
}

function circlePosition(rank: number, count: number, theme: number): { x: number; y: number } {
  const angle = (2 * Math.PI * rank) / Math.max(1, count);
  const radius = 1 + Math.max(0, theme) * 0.15;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
