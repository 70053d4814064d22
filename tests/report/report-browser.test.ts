/**
 * Opens report.html in headless Chromium, as a reader would: the page must load without console errors, draw
 * every chart and the graph, find "GRPO" with the search box, list a concept's papers when it is clicked (in the
 * graph and in a theme section), show each theme's stability and each paper's strength, and show a malicious title
 * as text. Screenshots go to output/.
 *
 * Needs Debian's chromium at /usr/bin/chromium (.ci/run installs it). Skipped with a message only when it is
 * missing outside CI; in CI (CI set) a missing browser fails the test.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharts } from '../../src/charts/build-charts.ts';
import { buildReportScript } from '../../src/io/build-report-script.ts';
import { toHtmlReport } from '../../src/report/to-html-report.ts';
import { makeStabilityFixture } from './stability-fixture.ts';
import { analyze } from '../../src/pipeline.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const OUTPUT = resolve(import.meta.dirname, '../../output');
const available = existsSync(CHROMIUM);
if (!available && process.env['CI']) throw new Error(`report-browser.test: ${CHROMIUM} is missing in CI; .ci/run must install Debian's chromium`);
if (!available) console.warn(`report-browser.test: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);

describe.skipIf(!available)('report.html in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const errors: string[] = [];
  const fixture = makeStabilityFixture();

  beforeAll(async () => {
    const html = toHtmlReport(fixture, { charts: buildCharts(fixture), assets: { script: await buildReportScript() } });
    await mkdir(join(OUTPUT, 'report-test'), { recursive: true });
    const file = join(OUTPUT, 'report-test', 'report.html');
    await writeFile(file, html);
    profile = await mkdtemp(join(tmpdir(), 'papergraph-chromium-'));
    // A fresh profile per run: launchPersistentContext passes it as --user-data-dir.
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, viewport: { width: 1280, height: 900 } });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      errors.push(`a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) errors.push(`network request: ${request.url()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('draws the concept graph on a canvas', async () => {
    await page.locator('#graph').scrollIntoViewIfNeeded();
    await page.waitForSelector('#graph[data-rendered="true"] canvas', { timeout: 30_000 });
    const drawn = await page.evaluate(() => {
      const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('#graph canvas'));
      return canvases.some((canvas) => canvas.width > 0 && canvas.height > 0);
    });
    expect(drawn).toBe(true);
    // The canvas has pixels that are not background: read them back through a screenshot of the element.
    const shot = await page.locator('#graph').screenshot();
    expect(shot.byteLength).toBeGreaterThan(5_000);
  });

  it('renders every chart with marks once scrolled to', async () => {
    const names = await page.locator('[data-chart]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-chart') ?? ''));
    expect(names.length).toBe(buildCharts(fixture).length);
    for (const name of names) {
      const chart = page.locator(`[data-chart="${name}"]`);
      await chart.scrollIntoViewIfNeeded();
      await page.waitForSelector(`[data-chart="${name}"][data-rendered]`, { timeout: 30_000 });
      expect(await chart.getAttribute('data-rendered'), name).toBe('true');
      const marks = await chart.locator('svg .mark-rect path, svg .mark-symbol path, svg .mark-line path, svg .mark-area path, svg .mark-rule line, svg .mark-text text').count();
      expect(marks, `${name} has marks`).toBeGreaterThan(0);
    }
  });

  it('finds GRPO with the search box and lists its papers', async () => {
    await page.locator('#graph-search').scrollIntoViewIfNeeded();
    await page.fill('#graph-search', 'grpo');
    await expect.poll(() => page.locator('#search-results button').first().textContent()).toContain('GRPO');
    await page.press('#graph-search', 'Enter');
    await expect.poll(() => page.locator('#concept-panel h3').textContent()).toBe('GRPO');
    const grpoPapers = [...fixture.mentions].filter((mention) => mention.conceptId === 'grpo').length;
    expect(await page.locator('#concept-panel li').count()).toBe(grpoPapers);
    await page.screenshot({ path: join(OUTPUT, 'report-graph.png') });
  });

  it('lists a concept’s papers when the concept is clicked in the graph', async () => {
    await page.fill('#graph-search', '');
    await page.locator('#graph').scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    const point = await page.evaluate(() => (window as unknown as { papergraphReport: { nodeViewportPosition(id: string): { x: number; y: number } | null } }).papergraphReport.nodeViewportPosition('rlvr'));
    expect(point).not.toBeNull();
    const box = await page.locator('#graph').boundingBox();
    if (point === null || box === null) throw new Error('no position for the node');
    expect(point.x > 0 && point.x < box.width && point.y > 0 && point.y < box.height, 'RLVR, a neighbour of the selected GRPO, is in view').toBe(true);
    await page.mouse.move(box.x + point.x, box.y + point.y);
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await expect.poll(() => page.locator('#concept-panel h3').textContent()).toBe('RLVR');
    expect(await page.locator('#concept-panel li').count()).toBe([...fixture.mentions].filter((mention) => mention.conceptId === 'rlvr').length);
  });

  it('lists a concept’s papers when its chip in a theme section is clicked', async () => {
    const chip = page.locator('#theme-2 [data-concept="entropy-collapse"]');
    await chip.scrollIntoViewIfNeeded();
    await chip.click();
    await expect.poll(() => page.locator('#concept-panel h3').textContent()).toBe('entropy collapse');
    expect(await page.locator('#concept-panel').textContent()).toContain('The Entropy Mechanism of Reinforcement Learning');
  });

  it('shows each theme’s stability and each paper’s strength as text', async () => {
    const rows = await page.locator('#overview tbody tr').allInnerTexts();
    expect(rows[0]).toContain('0.90 stable');
    expect(rows[3]).toContain('0.60 fragile');
    expect(await page.locator('#theme-3 > p.muted').innerText()).toContain('stability 0.70 (fragile)');
    const weak = page.locator('#theme-3 li', { hasText: 'A Note on Reward Models' });
    expect(await weak.innerText()).toContain('strength 0.31, weakly assigned');
    const strongest = await page.locator('#theme-1 ol.papers > li').first().innerText();
    expect(strongest).toMatch(/arXiv \d{4}\.\d{5} strength \d\.\d\d/);
  });

  it('shows a malicious title as text and runs none of it', async () => {
    const title = 'Process Reward Models That Think <script>alert(1)</script> & Verify';
    const shown = await page.locator('.paper-title', { hasText: '<script>alert(1)</script>' }).first().textContent();
    expect(shown).toBe(title);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('.zh', { hasText: '<b>与</b>' }).count()).toBeGreaterThan(0);
  });

  it('had no console errors, dialogs or network requests', async () => {
    await page.screenshot({ path: join(OUTPUT, 'report-page.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!available)('report.html for the seed list in Chromium', () => {
  it('loads without errors, draws its charts and graph, and finds GRPO', async () => {
    const result = await analyze([resolve(import.meta.dirname, '../../data/rl-entropy-papers.md')]);
    const html = toHtmlReport(result, { charts: buildCharts(result), assets: { script: await buildReportScript() } });
    await mkdir(join(OUTPUT, 'report-seed'), { recursive: true });
    const file = join(OUTPUT, 'report-seed', 'report.html');
    await writeFile(file, html);
    const profile = await mkdtemp(join(tmpdir(), 'papergraph-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, viewport: { width: 1280, height: 900 } });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.locator('#graph').scrollIntoViewIfNeeded();
      await page.waitForSelector('#graph[data-rendered="true"] canvas', { timeout: 30_000 });
      await page.fill('#graph-search', 'GRPO');
      await page.press('#graph-search', 'Enter');
      await expect.poll(() => page.locator('#concept-panel h3').textContent()).toBe('GRPO');
      expect(await page.locator('#concept-panel li').count()).toBeGreaterThan(0);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUTPUT, 'report-seed-graph.png') });
      for (const chart of buildCharts(result)) {
        await page.locator(`[data-chart="${chart.name}"]`).scrollIntoViewIfNeeded();
        await page.waitForSelector(`[data-chart="${chart.name}"][data-rendered]`, { timeout: 30_000 });
        expect(await page.locator(`[data-chart="${chart.name}"]`).getAttribute('data-rendered'), chart.name).toBe('true');
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
