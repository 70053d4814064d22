/**
 * A static picture of the concept network: concepts at their layout positions (graph attributes x, y, set by the
 * layout stage), sized by papers, coloured by theme (core/palette.ts), links drawn faintly by strength, and labels
 * placed so that they never collide (place-labels.ts). Positions are mapped to pixels here, with `scale: null`, so
 * label placement and drawing agree exactly.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import type { ConceptNodeAttributes, EdgeAttributes } from '../graph/attributes.ts';
import { primaryThemes } from '../analysis/primary-themes.ts';
import { compareText } from '../analysis/select-top-concepts.ts';
import { themeDisplayLabel } from '../analysis/theme-display-label.ts';
import { chartBase } from './chart-config.ts';
import { labelGroups } from './label-groups.ts';
import { placeLabels } from './place-labels.ts';
import { themeColorScale } from './theme-color-scale.ts';

export interface ConceptNetworkChartOptions {
  /** Concepts drawn (most papers first). Default: 80. */
  maxNodes?: number;
  /** Links drawn (strongest first). Default: 300. */
  maxEdges?: number;
  width?: number;
  height?: number;
}

const MARGIN = 16;

export function conceptNetworkChart(result: Pick<AnalysisResult, 'conceptGraph' | 'themes' | 'paperThemes' | 'concepts'>, options: ConceptNetworkChartOptions = {}): TopLevelSpec {
  const width = options.width ?? 760;
  const height = options.height ?? 560;
  const graph = result.conceptGraph;
  const { themes, conceptTheme } = primaryThemes(result);
  const themeLabels = new Map(themes.map((theme) => [theme.id, themeDisplayLabel(theme.id, theme.label)]));
  const zh = new Map(result.concepts.map((concept) => [concept.id, concept.labelsZh.join(' / ')]));

  // 1. The concepts drawn and their pixel positions (layout bounds fitted to the frame, aspect ratio kept).
  const nodes = graph
    .mapNodes((id, attributes) => ({ id, attributes: attributes as ConceptNodeAttributes }))
    .sort((a, b) => b.attributes.papers - a.attributes.papers || compareText(a.id, b.id))
    .slice(0, options.maxNodes ?? 80);
  const xs = nodes.map((node) => node.attributes.x);
  const ys = nodes.map((node) => node.attributes.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const factor = Math.min((width - 2 * MARGIN) / spanX, (height - 2 * MARGIN) / spanY);
  const offsetX = (width - spanX * factor) / 2;
  const offsetY = (height - spanY * factor) / 2;
  const maxPapers = Math.max(1, ...nodes.map((node) => node.attributes.papers));
  const radiusOf = (papers: number): number => 3 + 9 * Math.sqrt(papers / maxPapers);
  const points = nodes.map((node) => {
    const themeId = conceptTheme.get(node.id) ?? node.attributes.theme;
    return {
      id: node.id,
      label: node.attributes.label,
      labelZh: zh.get(node.id) ?? '',
      papers: node.attributes.papers,
      theme: themeLabels.get(themeId) ?? themeDisplayLabel(-1, ''),
      themeId,
      px: round(offsetX + (node.attributes.x - minX) * factor),
      // Layout y grows upwards; pixels grow downwards.
      py: round(height - (offsetY + (node.attributes.y - minY) * factor)),
      radius: round(radiusOf(node.attributes.papers)),
    };
  });
  const byId = new Map(points.map((point) => [point.id, point]));

  // 2. The strongest links among them.
  const edges: { px: number; py: number; px2: number; py2: number; count: number; weight: number }[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    const a = byId.get(source);
    const b = byId.get(target);
    if (a === undefined || b === undefined) return;
    const { count, weight } = attributes as EdgeAttributes;
    edges.push({ px: a.px, py: a.py, px2: b.px, py2: b.py, count, weight: round(weight) });
  });
  edges.sort((a, b) => b.count - a.count || b.weight - a.weight || a.px - b.px || a.py - b.py);
  edges.splice(options.maxEdges ?? 300);

  // 3. Labels that fit.
  const labels = placeLabels(
    points.map((point) => ({ id: point.id, x: point.px, y: point.py, radius: point.radius, text: point.label, priority: point.papers })),
    { width, height, fontSize: 11, mayCoverPoints: 5 },
  );
  const scale = themeColorScale(themes.map((theme) => ({ themeId: theme.id, label: themeDisplayLabel(theme.id, theme.label) })).concat(points.some((point) => point.themeId < 0) ? [{ themeId: -1, label: themeDisplayLabel(-1, '') }] : []));
  const maxCount = Math.max(1, ...edges.map((edge) => edge.count));
  const pixel = (field: string) => ({ field, type: 'quantitative' as const, scale: null, axis: null });
  return {
    ...chartBase('Concept network', `The ${points.length} most mentioned concepts at their layout positions, coloured by theme; links join concepts mentioned in the same papers`),
    width,
    height,
    layer: [
      {
        data: { values: edges },
        mark: { type: 'rule', color: '#8c8c8c' },
        encoding: {
          x: pixel('px'),
          y: pixel('py'),
          x2: { field: 'px2' },
          y2: { field: 'py2' },
          opacity: { field: 'count', type: 'quantitative', scale: { domain: [1, maxCount], range: [0.12, 0.55] }, legend: null },
          strokeWidth: { field: 'count', type: 'quantitative', scale: { domain: [1, maxCount], range: [0.5, 2.5] }, legend: null },
        },
      },
      {
        data: { values: points },
        mark: { type: 'circle', stroke: 'white', strokeWidth: 1, opacity: 0.95 },
        encoding: {
          x: pixel('px'),
          y: pixel('py'),
          size: { field: 'radius', type: 'quantitative', scale: { type: 'pow', exponent: 2, domain: [0, 12], range: [0, 452] }, legend: null },
          color: { field: 'theme', type: 'nominal', title: 'Theme', scale, legend: { orient: 'bottom', columns: 2, labelLimit: 0 } },
          tooltip: [
            { field: 'label', title: 'Concept' },
            { field: 'labelZh', title: '中文' },
            { field: 'papers', title: 'Papers', type: 'quantitative' },
            { field: 'theme', title: 'Theme' },
          ],
        },
      },
      // Vega-Lite cannot encode align and baseline, so each placement gets its own text layer.
      ...labelGroups(labels).map((group) => ({
        data: { values: group.labels },
        mark: { type: 'text' as const, fontSize: 11, color: '#222222', align: group.align, baseline: group.baseline },
        encoding: { x: pixel('x'), y: pixel('y'), text: { field: 'text', type: 'nominal' as const } },
      })),
    ],
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
