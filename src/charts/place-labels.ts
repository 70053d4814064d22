/**
 * Greedy label placement without collisions, in the spirit of Imhof's cartographic rules and the "greedy
 * candidate positions" heuristic of Christensen, Marks & Shieber (1995, "An empirical study of algorithms for
 * point-feature label placement", ACM TOG 14(3)): points are labelled in priority order; each label tries eight
 * positions around its point (right first, then left, above, below, diagonals) and takes the first whose box
 * overlaps no placed label, no point and stays inside the frame; a label with no free position is left out (its
 * name stays in the tooltip). The few most important labels may be allowed to cover other points, so the hub of a
 * dense graph is never the one left unnamed. Text width is estimated from character classes, so it needs no font at hand.
 */
import { estimateTextWidth } from './estimate-text-width.ts';

export interface LabelPoint {
  id: string;
  x: number;
  y: number;
  /** Radius of the drawn point, in pixels. */
  radius: number;
  text: string;
  /** Higher is placed first. */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Anchor of the text. */
  x: number;
  y: number;
  align: 'left' | 'center' | 'right';
  baseline: 'top' | 'middle' | 'bottom';
}

export interface PlaceLabelsOptions {
  width: number;
  height: number;
  fontSize?: number;
  /** Gap between a point and its label, in pixels. Default: 3. */
  gap?: number;
  /** The labels of this many highest-priority points may cover other points (never other labels). Default: 0. */
  mayCoverPoints?: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function placeLabels(points: readonly LabelPoint[], options: PlaceLabelsOptions): PlacedLabel[] {
  const fontSize = options.fontSize ?? 11;
  const gap = options.gap ?? 3;
  const height = fontSize * 1.2;
  const obstacles: Box[] = points.map((point) => ({ x0: point.x - point.radius, y0: point.y - point.radius, x1: point.x + point.radius, y1: point.y + point.radius }));
  const placed: Box[] = [];
  const labels: PlacedLabel[] = [];
  const order = [...points].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const [rank, point] of order.entries()) {
    if (point.text === '') continue;
    const own = points.indexOf(point);
    const coverPoints = rank < (options.mayCoverPoints ?? 0);
    const width = estimateTextWidth(point.text, fontSize);
    const offset = point.radius + gap;
    const diagonal = offset * Math.SQRT1_2;
    const candidates: PlacedLabel[] = [
      { id: point.id, text: point.text, x: point.x + offset, y: point.y, align: 'left', baseline: 'middle' },
      { id: point.id, text: point.text, x: point.x - offset, y: point.y, align: 'right', baseline: 'middle' },
      { id: point.id, text: point.text, x: point.x, y: point.y - offset, align: 'center', baseline: 'bottom' },
      { id: point.id, text: point.text, x: point.x, y: point.y + offset, align: 'center', baseline: 'top' },
      { id: point.id, text: point.text, x: point.x + diagonal, y: point.y - diagonal, align: 'left', baseline: 'bottom' },
      { id: point.id, text: point.text, x: point.x - diagonal, y: point.y - diagonal, align: 'right', baseline: 'bottom' },
      { id: point.id, text: point.text, x: point.x + diagonal, y: point.y + diagonal, align: 'left', baseline: 'top' },
      { id: point.id, text: point.text, x: point.x - diagonal, y: point.y + diagonal, align: 'right', baseline: 'top' },
    ];
    for (const candidate of candidates) {
      const box = labelBox(candidate, width, height);
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > options.width || box.y1 > options.height) continue;
      if (placed.some((other) => overlaps(box, other))) continue;
      if (obstacles.some((other, index) => (index === own || !coverPoints) && overlaps(box, other))) continue;
      placed.push(box);
      labels.push({ ...candidate, x: round(candidate.x), y: round(candidate.y) });
      break;
    }
  }
  return labels;
}

function labelBox(label: PlacedLabel, width: number, height: number): Box {
  const x0 = label.align === 'left' ? label.x : label.align === 'right' ? label.x - width : label.x - width / 2;
  const y0 = label.baseline === 'top' ? label.y : label.baseline === 'bottom' ? label.y - height : label.y - height / 2;
  return { x0, y0, x1: x0 + width, y1: y0 + height };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
