/**
 * The theme map (strategic diagram, Callon et al. 1991): each theme at its centrality (links to other themes) and
 * density (links inside), sized by papers, with the quadrants split at the medians and named — motor, niche,
 * emerging or declining, basic and transversal.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisResult } from '../core/result.ts';
import { summarizeThemeMap, THEME_QUADRANT_TITLES } from '../analysis/summarize-theme-map.ts';
import { primaryThemes } from '../analysis/primary-themes.ts';
import { themeDisplayLabel } from '../analysis/theme-display-label.ts';
import { chartBase } from './chart-config.ts';
import { labelGroups } from './label-groups.ts';
import { placeLabels } from './place-labels.ts';
import { themeColorScale } from './theme-color-scale.ts';

const WIDTH = 520;
const HEIGHT = 420;

export function themeMapChart(result: Pick<AnalysisResult, 'conceptGraph' | 'themes' | 'paperThemes' | 'concepts'>): TopLevelSpec {
  const summary = summarizeThemeMap(result);
  const best = new Map(primaryThemes(result).themes.map((theme) => [theme.id, theme.topConcepts[0] ?? '']));
  const labelOf = new Map(result.concepts.map((concept) => [concept.id, concept.label]));
  const values = summary.rows.map((row) => ({
    ...row,
    theme: themeDisplayLabel(row.themeId, row.label),
    topConcept: labelOf.get(best.get(row.themeId) ?? '') ?? '',
    quadrantTitle: THEME_QUADRANT_TITLES[row.quadrant],
  }));
  const scale = themeColorScale(values.map((value) => ({ themeId: value.themeId, label: value.theme })));
  const maxCentrality = Math.max(...values.map((value) => value.centrality), 1e-6) * 1.15;
  const maxDensity = Math.max(...values.map((value) => value.density), 1e-6) * 1.15;
  const x = { field: 'centrality', type: 'quantitative' as const, title: 'Centrality (links to other themes, Σ equivalence index)', scale: { domain: [0, maxCentrality], nice: false } };
  const y = { field: 'density', type: 'quantitative' as const, title: 'Density (links inside the theme, per concept)', scale: { domain: [0, maxDensity], nice: false } };
  const maxPapers = Math.max(1, ...values.map((value) => value.papers));
  // Bubbles are named by number and best concept (full names are in the legend); a bubble whose name finds no free
  // place gets its number inside.
  const bubbles = values.map((value) => ({
    id: String(value.themeId),
    x: (value.centrality / maxCentrality) * WIDTH,
    y: HEIGHT - (value.density / maxDensity) * HEIGHT,
    // Circle area is linear in papers between the size range's ends (120 and 1600 square pixels).
    radius: Math.sqrt((120 + (1480 * value.papers) / maxPapers) / Math.PI),
    text: value.topConcept === '' ? String(value.themeId + 1) : `${value.themeId + 1}. ${value.topConcept}`,
    priority: value.papers,
  }));
  const labels = placeLabels(bubbles, { width: WIDTH, height: HEIGHT, fontSize: 12.7 });
  const placed = new Set(labels.map((label) => label.id));
  const numbers = bubbles
    .filter((bubble) => !placed.has(bubble.id))
    .map((bubble) => ({ id: bubble.id, text: String(Number(bubble.id) + 1), x: Math.round(bubble.x * 10) / 10, y: Math.round(bubble.y * 10) / 10, align: 'center' as const, baseline: 'middle' as const }));
  const pixel = (field: string) => ({ field, type: 'quantitative' as const, scale: null, axis: null });
  const corner = (text: string, position: { x: number; y: number; align: 'left' | 'right'; baseline: 'top' | 'bottom' }) => ({
    mark: { type: 'text' as const, text, align: position.align, baseline: position.baseline, color: '#888888', fontSize: 12, fontStyle: 'italic', x: position.x, y: position.y },
  });
  return {
    ...chartBase('Theme map', 'Strategic diagram (Callon et al. 1991): quadrants split at the median centrality and density; bubble size is papers'),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      { data: { values: [{ median: summary.centralityMedian }] }, mark: { type: 'rule', color: '#aaaaaa', strokeDash: [4, 4] }, encoding: { x: { field: 'median', type: 'quantitative', scale: { domain: [0, maxCentrality], nice: false }, title: x.title } } },
      { data: { values: [{ median: summary.densityMedian }] }, mark: { type: 'rule', color: '#aaaaaa', strokeDash: [4, 4] }, encoding: { y: { field: 'median', type: 'quantitative', scale: { domain: [0, maxDensity], nice: false }, title: y.title } } },
      { data: { values: [{}] }, ...corner(THEME_QUADRANT_TITLES.motor, { x: WIDTH - 6, y: 6, align: 'right', baseline: 'top' }) },
      { data: { values: [{}] }, ...corner(THEME_QUADRANT_TITLES.niche, { x: 6, y: 6, align: 'left', baseline: 'top' }) },
      { data: { values: [{}] }, ...corner(THEME_QUADRANT_TITLES.emerging, { x: 6, y: HEIGHT - 6, align: 'left', baseline: 'bottom' }) },
      { data: { values: [{}] }, ...corner(THEME_QUADRANT_TITLES.basic, { x: WIDTH - 6, y: HEIGHT - 6, align: 'right', baseline: 'bottom' }) },
      {
        data: { values },
        mark: { type: 'circle', opacity: 0.85, stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          y,
          size: { field: 'papers', type: 'quantitative', title: 'Papers', scale: { domain: [0, maxPapers], range: [120, 1600] }, legend: null },
          color: { field: 'theme', type: 'nominal', title: 'Theme', scale },
          tooltip: [
            { field: 'theme', title: 'Theme' },
            { field: 'quadrantTitle', title: 'Quadrant' },
            { field: 'centrality', title: 'Centrality', type: 'quantitative', format: '.3f' },
            { field: 'density', title: 'Density', type: 'quantitative', format: '.3f' },
            { field: 'papers', title: 'Papers', type: 'quantitative' },
            { field: 'concepts', title: 'Concepts', type: 'quantitative' },
          ],
        },
      },
      // Theme names placed around their bubbles without collisions, in pixels (the scales are linear from 0).
      ...labelGroups([...labels, ...numbers]).map((group) => ({
        data: { values: group.labels },
        mark: { type: 'text' as const, fontSize: 12, fontWeight: 600 as const, color: group.align === 'center' && group.baseline === 'middle' ? 'white' : '#222222', align: group.align, baseline: group.baseline },
        encoding: { x: pixel('x'), y: pixel('y'), text: { field: 'text', type: 'nominal' as const } },
      })),
    ],
  };
}
