/**
 * The browser side of report.html, bundled with sigma, graphology and vega-embed into one inline script by
 * io/build-report-script.ts. It reads the JSON the serialiser embedded and:
 * 1. renders every chart with vega-embed (SVG, tooltips; text from inputs is never parsed as HTML);
 * 2. draws the concept graph with sigma.js: zoom and pan, hover shows a concept's neighbours, click lists its papers;
 * 3. wires the search box, the theme filter and the concept chips of the theme sections to the same selection.
 * Everything it writes into the page goes through textContent or setAttribute, never innerHTML.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import embed from 'vega-embed';
import type { ReportData, ReportDataNode } from '../report-data.ts';

interface ChartEntry {
  name: string;
  spec: Parameters<typeof embed>[1];
}

interface NodeView {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  theme: number;
}

interface EdgeView {
  size: number;
  color: string;
  count: number;
}

const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const FADED = '#e4e4e4';

const data = readJson<ReportData>('papergraph-data');
const charts = readJson<ChartEntry[]>('papergraph-charts');
const state: { hovered: string | null; selected: string | null; theme: number | null } = { hovered: null, selected: null, theme: null };
const byId = new Map<string, ReportDataNode>(data.nodes.map((node) => [node.id, node]));

let renderer: Sigma<NodeView, EdgeView> | null = null;
let strongLink = 0;
let graphDrawn = false;
whenNear(document.getElementById('graph'), () => {
  renderer = drawGraph();
  graphDrawn = true;
  if (state.selected !== null) focusCamera(state.selected);
});
for (const chart of charts) whenNear(document.querySelector<HTMLElement>(`[data-chart="${CSS.escape(chart.name)}"]`), () => void renderChart(chart));
wireControls();
(window as unknown as { papergraphReport: unknown }).papergraphReport = { selectConcept, nodeViewportPosition };

function readJson<T>(id: string): T {
  const element = document.getElementById(id);
  if (element === null || element.textContent === null) throw new Error(`papergraph report: missing #${id}`);
  return JSON.parse(element.textContent) as T;
}

/**
 * Runs `draw` once, when the element comes within a screen of the viewport: the page shows its text at once and
 * draws each chart, and the graph, only when the reader gets near it.
 */
function whenNear(target: Element | null, draw: () => void): void {
  if (target === null) return;
  if (typeof IntersectionObserver === 'undefined') {
    draw();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      draw();
    },
    { rootMargin: '100% 0px' },
  );
  observer.observe(target);
}

async function renderChart(chart: ChartEntry): Promise<void> {
  const container = document.querySelector<HTMLElement>(`[data-chart="${CSS.escape(chart.name)}"]`);
  if (container === null) return;
  try {
    await embed(container, chart.spec, { renderer: 'svg', mode: 'vega', actions: { export: true, source: false, compiled: false, editor: false }, downloadFileName: chart.name });
    container.dataset['rendered'] = 'true';
  } catch (error) {
    container.dataset['rendered'] = 'failed';
    container.textContent = `This chart could not be drawn: ${String(error)}`;
    console.error(`papergraph report: chart ${chart.name} failed`, error);
  }
}

function drawGraph(): Sigma<NodeView, EdgeView> | null {
  const container = document.getElementById('graph');
  const status = document.getElementById('graph-status');
  if (container === null) return null;
  if (data.nodes.length === 0) {
    if (status) status.textContent = 'The concept graph is empty: no concept was mentioned by enough papers.';
    return null;
  }
  const graph = new Graph<NodeView, EdgeView>({ type: 'undirected', multi: false });
  for (const node of data.nodes) graph.addNode(node.id, { label: node.label, x: node.x, y: node.y, size: node.size, color: node.color, theme: node.theme });
  const maxCount = Math.max(1, ...data.edges.map((edge) => edge[2]));
  // At rest only the strongest links are drawn (about three per concept), so the picture is not a hairball; a
  // hovered or selected concept shows all of its links.
  const counts = data.edges.map((edge) => edge[2]).sort((a, b) => b - a);
  strongLink = counts[Math.min(counts.length - 1, data.nodes.length * 3)] ?? 0;
  for (const [source, target, count] of data.edges) {
    const a = data.nodes[source];
    const b = data.nodes[target];
    if (a === undefined || b === undefined || graph.hasEdge(a.id, b.id)) continue;
    graph.addEdge(a.id, b.id, { size: 0.5 + (2.5 * count) / maxCount, color: '#cfcfcf', count });
  }
  try {
    const sigma = new Sigma<NodeView, EdgeView>(graph, container, {
      // Sizes are screen pixels (sigma 4 defaults to graph units); labels show for nodes drawn at 5 px or more.
      settings: { itemSizesReference: 'screen', labelRenderedSizeThreshold: 5, zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio) },
      nodeReducer: (node, display, attributes) => reduceNode(graph, node, display, attributes),
      edgeReducer: (edge, display, attributes) => reduceEdge(graph, edge, display, attributes),
    });
    sigma.on('enterNode', ({ node }) => {
      state.hovered = node;
      container.style.cursor = 'pointer';
      sigma.refresh({ skipIndexation: true });
    });
    sigma.on('leaveNode', () => {
      state.hovered = null;
      container.style.cursor = '';
      sigma.refresh({ skipIndexation: true });
    });
    sigma.on('clickNode', ({ node }) => selectConcept(node, { scroll: false }));
    sigma.on('clickStage', () => {
      state.selected = null;
      sigma.refresh({ skipIndexation: true });
    });
    container.dataset['rendered'] = 'true';
    return sigma;
  } catch (error) {
    if (status) status.textContent = 'This browser cannot draw the interactive graph (WebGL is unavailable); the static concept network chart shows the same graph.';
    console.warn('papergraph report: graph not drawn', error);
    return null;
  }
}

function focusOf(): string | null {
  return state.hovered ?? state.selected;
}

function reduceNode(graph: Graph<NodeView, EdgeView>, node: string, display: NodeDisplayData, attributes: NodeView): Partial<NodeDisplayData> {
  const view: Partial<NodeDisplayData> = { ...display, labelFont: LABEL_FONT, labelSize: 12 };
  if (state.theme !== null && attributes.theme !== state.theme) return { ...view, visibility: 'hidden', labelVisibility: 'hidden' };
  const focus = focusOf();
  if (focus === null) return view;
  if (node === focus) return { ...view, highlighted: true, labelVisibility: 'visible', zIndex: 2 };
  if (graph.hasNode(focus) && graph.areNeighbors(node, focus)) return { ...view, labelVisibility: 'visible', zIndex: 1 };
  return { ...view, color: FADED, labelVisibility: 'hidden', zIndex: 0 };
}

function reduceEdge(graph: Graph<NodeView, EdgeView>, edge: string, display: EdgeDisplayData, attributes: EdgeView): Partial<EdgeDisplayData> {
  const [source, target] = graph.extremities(edge);
  if (state.theme !== null && (graph.getNodeAttribute(source, 'theme') !== state.theme || graph.getNodeAttribute(target, 'theme') !== state.theme)) return { ...display, visibility: 'hidden' };
  const focus = focusOf();
  if (focus === null) return attributes.count >= strongLink || state.theme !== null ? display : { ...display, visibility: 'hidden' };
  if (source === focus || target === focus) return { ...display, color: '#7a7a7a' };
  return { ...display, visibility: 'hidden' };
}

function selectConcept(id: string, options: { scroll?: boolean } = {}): boolean {
  const node = byId.get(id);
  if (node === undefined) return false;
  state.selected = id;
  showConceptPanel(node);
  if (graphDrawn) focusCamera(id);
  if (options.scroll ?? true) document.getElementById('graph-section')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return true;
}

function focusCamera(id: string): void {
  if (renderer === null) return;
  renderer.refresh({ skipIndexation: true });
  const display = renderer.getNodeDisplayData(id);
    // Centre on the concept without zooming in past the point where its neighbours leave the view.
  const camera = renderer.getCamera();
  if (display) void camera.animate({ x: display.x, y: display.y, ratio: Math.min(camera.getState().ratio, 0.9) }, { duration: 400 });
}

function nodeViewportPosition(id: string): { x: number; y: number } | null {
  if (renderer === null) return null;
  const display = renderer.getNodeDisplayData(id);
  if (!display) return null;
  return renderer.framedGraphToViewport({ x: display.x, y: display.y });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) created.textContent = text;
  if (className !== undefined) created.className = className;
  return created;
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = element('a', text);
  anchor.setAttribute('href', href);
  anchor.setAttribute('rel', 'noopener noreferrer');
  anchor.setAttribute('target', '_blank');
  return anchor;
}

function showConceptPanel(node: ReportDataNode): void {
  const panel = document.getElementById('concept-panel');
  if (panel === null) return;
  panel.replaceChildren();
  const heading = element('h3', node.label);
  heading.style.borderLeftColor = node.color;
  panel.append(heading);
  if (node.zh !== '') panel.append(element('p', node.zh, 'zh'));
  const theme = data.themes.find((candidate) => candidate.id === node.theme);
  panel.append(element('p', `${node.type}${theme === undefined ? '' : ` · theme ${theme.name}`}`, 'muted'));
  if (node.aliases.length > 0) panel.append(element('p', `Also written: ${node.aliases.join(', ')}`, 'muted'));
  const count = `${node.paperCount} ${node.paperCount === 1 ? 'paper' : 'papers'}`;
  panel.append(element('p', node.paperCount > node.papers.length ? `${count}, ${node.papers.length} of them listed in this report:` : `${count}:`, 'count'));
  const list = element('ul', undefined, 'concept-papers');
  for (const index of node.papers) {
    const paper = data.papers[index];
    if (paper === undefined) continue;
    const item = element('li');
    if (paper.month !== '') item.append(element('span', paper.month, 'month'), ' ');
    item.append(paper.url === '' ? element('span', paper.title, 'title') : link(paper.url, paper.title));
    if (paper.arxiv !== '') item.append(' ', link(`https://arxiv.org/abs/${encodeURIComponent(paper.arxiv)}`, 'arXiv'));
    if (paper.code !== '') item.append(' ', link(paper.code, 'code'));
    if (paper.zh !== '') item.append(element('div', paper.zh, 'zh'));
    list.append(item);
  }
  panel.append(list);
}

function searchConcepts(query: string): ReportDataNode[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const scored: { node: ReportDataNode; score: number }[] = [];
  for (const node of data.nodes) {
    const label = node.label.toLowerCase();
    const others = [...node.aliases, node.zh].map((text) => text.toLowerCase());
    const score = label === needle ? 0 : label.startsWith(needle) ? 1 : label.includes(needle) ? 2 : others.some((text) => text.includes(needle)) ? 3 : -1;
    if (score >= 0) scored.push({ node, score });
  }
  return scored.sort((a, b) => a.score - b.score || b.node.paperCount - a.node.paperCount).map((entry) => entry.node).slice(0, 8);
}

function wireControls(): void {
  const search = document.getElementById('graph-search') as HTMLInputElement | null;
  const results = document.getElementById('search-results');
  if (search !== null && results !== null) {
    const show = (): ReportDataNode[] => {
      const found = searchConcepts(search.value);
      results.replaceChildren(
        ...found.map((node) => {
          const item = element('li');
          const button = element('button', node.zh === '' ? node.label : `${node.label} · ${node.zh}`, 'result');
          button.type = 'button';
          button.addEventListener('click', () => selectConcept(node.id, { scroll: false }));
          item.append(button);
          return item;
        }),
      );
      if (search.value.trim() !== '' && found.length === 0) results.append(element('li', 'No concept matches.', 'muted'));
      return found;
    };
    search.addEventListener('input', show);
    search.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      const first = show()[0];
      if (first !== undefined) selectConcept(first.id, { scroll: false });
    });
  }
  const filter = document.getElementById('theme-filter') as HTMLSelectElement | null;
  filter?.addEventListener('change', () => {
    state.theme = filter.value === '' ? null : Number(filter.value);
    renderer?.refresh({ skipIndexation: true });
  });
  for (const chip of Array.from(document.querySelectorAll<HTMLElement>('[data-concept]'))) {
    chip.addEventListener('click', () => {
      const id = chip.dataset['concept'];
      if (id !== undefined) selectConcept(id);
    });
  }
}
