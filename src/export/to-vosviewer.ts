/**
 * VOSviewer files (van Eck & Waltman 2010, "Software survey: VOSviewer", Scientometrics 84(2)), in the formats of
 * the VOSviewer manual and app.vosviewer.com/docs/file-types:
 *
 * - map file: tab-separated, a header line (`id  label  description  url  x  y  cluster  weight<…>  score<…>`), one
 *   line per item; ids are 1, 2, … in graph order; a label or description holding a comma, semicolon or double quote
 *   is put in double quotes (inner quotes doubled); tabs and line breaks in text become spaces;
 * - network file: tab-separated `id1  id2  strength`, no header, one line per link;
 * - JSON (VOSviewer Online): `{ network: { items, links, clusters } }` with the same ids, weights and scores.
 *
 * Clusters are the graph themes (Louvain), numbered from 1 (theme id + 1, VOSviewer clusters run from 1 to 1000);
 * items in no theme share one last cluster "(no theme)". Weights: `Links` (degree), `Total link strength` (weighted
 * degree), `Papers` and `Mentions` for concepts (1 and the paper's mentions for papers); score `First year`: the
 * item's first month as a decimal year (2025-08 → 2025.5833), for the overlay visualisation. The description is HTML
 * (escaped): type, aliases, Chinese labels, themes. Text is cleaned as in every export (export/sanitize-text.ts).
 */
import type { AbstractGraph } from 'graphology-types';
import type { Issue } from '../core/issues.ts';
import { createTextSanitizer, formatNumber } from './sanitize-text.ts';

export interface ToVosviewerOptions {
  /** Significant digits of non-integer numbers. Default: 8. */
  digits?: number;
}

export const TO_VOSVIEWER_DEFAULTS: Readonly<Required<ToVosviewerOptions>> = Object.freeze({ digits: 8 });

export interface VosviewerResult {
  /** Map file (tab-separated). */
  map: string;
  /** Network file (tab-separated). */
  network: string;
  /** VOSviewer JSON, for VOSviewer Online. */
  json: string;
  issues: Issue[];
}

interface VosItem {
  id: number;
  label: string;
  description: string;
  url: string;
  x: number;
  y: number;
  cluster: number;
  weights: Record<string, number>;
  scores: Record<string, number>;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function toVosviewer(graph: AbstractGraph, options: ToVosviewerOptions = {}): VosviewerResult {
  const settings = { ...TO_VOSVIEWER_DEFAULTS, ...options };
  const sanitizer = createTextSanitizer('VOSviewer');
  const number = (value: number) => formatNumber(value, settings.digits);

  // 1. Clusters from graph themes; one extra cluster for items in no theme.
  const themeLabels = new Map<number, string>();
  let noThemeUsed = false;
  graph.forEachNode((node, attributes) => {
    const theme = attributes['theme'];
    if (typeof theme === 'number' && Number.isInteger(theme) && theme >= 0) {
      if (!themeLabels.has(theme)) themeLabels.set(theme, sanitizer.clean(String(attributes['themeLabel'] ?? ''), () => `theme label of node ${JSON.stringify(node)}`));
    } else noThemeUsed = true;
  });
  const themeIds = [...themeLabels.keys()].sort((a, b) => a - b);
  const clusterOf = new Map(themeIds.map((theme, position) => [theme, position + 1]));
  const noThemeCluster = themeIds.length + 1;

  // 2. Items.
  const ids = new Map<string, number>();
  const items: VosItem[] = [];
  graph.forEachNode((node, attributes) => {
    const id = items.length + 1;
    ids.set(node, id);
    const where = (field: string) => () => `${field} of node ${JSON.stringify(node)}`;
    const isPaper = attributes['kind'] === 'paper';
    const theme = attributes['theme'];
    const month = isPaper ? attributes['month'] : attributes['firstMonth'];
    const scores: Record<string, number> = {};
    const match = typeof month === 'string' ? MONTH.exec(month) : null;
    if (match) scores['First year'] = Number(match[1]) + (Number(match[2]) - 1) / 12;
    items.push({
      id,
      label: sanitizer.clean(String(attributes['label'] ?? node), where('label')),
      description: sanitizer.clean(describe(attributes), where('description')),
      url: sanitizer.clean(isPaper && typeof attributes['paperUrl'] === 'string' ? attributes['paperUrl'] : '', where('url')),
      x: finiteOr(attributes['x'], 0),
      y: finiteOr(attributes['y'], 0),
      cluster: typeof theme === 'number' ? (clusterOf.get(theme) ?? noThemeCluster) : noThemeCluster,
      weights: {
        Links: graph.degree(node),
        'Total link strength': Math.max(0, finiteOr(attributes['weightedDegree'], 0)),
        Papers: isPaper ? 1 : Math.max(0, finiteOr(attributes['papers'], 0)),
        Mentions: isPaper ? graph.reduceEdges(node, (sum, _edge, edgeAttributes) => sum + Math.max(0, finiteOr(edgeAttributes['count'], 0)), 0) : Math.max(0, finiteOr(attributes['mentions'], 0)),
      },
      scores,
    });
  });

  // 3. Links.
  const links: { source_id: number; target_id: number; strength: number }[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    links.push({ source_id: ids.get(source) ?? 0, target_id: ids.get(target) ?? 0, strength: Math.max(0, finiteOr(attributes['weight'], 0)) });
  });

  // 4. The three files.
  const weightKeys = ['Links', 'Total link strength', 'Papers', 'Mentions'];
  const hasScores = items.some((item) => 'First year' in item.scores);
  const header = ['id', 'label', 'description', 'url', 'x', 'y', 'cluster', ...weightKeys.map((key) => `weight<${key}>`), ...(hasScores ? ['score<First year>'] : [])];
  const mapLines = [header.join('\t')];
  for (const item of items) {
    const row = [String(item.id), mapText(item.label), mapText(item.description), mapText(item.url), number(item.x), number(item.y), String(item.cluster), ...weightKeys.map((key) => number(item.weights[key] ?? 0))];
    if (hasScores) row.push(item.scores['First year'] === undefined ? '' : number(item.scores['First year']));
    mapLines.push(row.join('\t'));
  }
  const networkLines = links.map((link) => `${link.source_id}\t${link.target_id}\t${number(link.strength)}`);
  const clusters = themeIds.map((theme) => ({ cluster: clusterOf.get(theme) ?? 0, label: themeLabels.get(theme) ?? '' }));
  if (noThemeUsed) clusters.push({ cluster: noThemeCluster, label: '(no theme)' });
  const json = {
    network: {
      items: items.map((item) => ({
        id: item.id,
        label: item.label,
        description: item.description,
        ...(item.url !== '' ? { url: item.url } : {}),
        x: Number(number(item.x)),
        y: Number(number(item.y)),
        cluster: item.cluster,
        weights: Object.fromEntries(weightKeys.map((key) => [key, Number(number(item.weights[key] ?? 0))])),
        scores: Object.fromEntries(Object.entries(item.scores).map(([key, value]) => [key, Number(number(value))])),
      })),
      links: links.map((link) => ({ ...link, strength: Number(number(link.strength)) })),
      clusters,
    },
  };
  return {
    map: `${mapLines.join('\n')}\n`,
    network: networkLines.length > 0 ? `${networkLines.join('\n')}\n` : '',
    json: `${JSON.stringify(json, null, 2)}\n`,
    issues: sanitizer.issues,
  };
}

/** A map-file text field: tabs and line breaks become spaces; quoted when it holds a comma, semicolon or quote. */
export function mapText(value: string): string {
  const flat = value.replace(/[\t\r\n]+/g, ' ');
  return /[",;]/.test(flat) ? `"${flat.replaceAll('"', '""')}"` : flat;
}

function describe(attributes: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  const add = (name: string, value: unknown) => {
    if (typeof value === 'string' && value !== '') parts.push(`<b>${html(name)}:</b> ${html(value)}`);
  };
  if (attributes['kind'] === 'paper') {
    add('Title', attributes['title']);
    add('Month', attributes['month']);
    add('arXiv', attributes['arxivId']);
  } else {
    add('Type', attributes['conceptType']);
    add('Aliases', attributes['aliases']);
    add('Chinese', attributes['labelZh']);
    add('First month', attributes['firstMonth']);
  }
  add('Theme', attributes['themeLabel']);
  add('k-means theme', attributes['kmeansThemeLabel']);
  return parts.join('<br>');
}

function html(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character] ?? character);
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
