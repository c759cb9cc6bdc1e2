// Shared set-up of the dashboard's browser tests (dashboard.test.ts) and speed bench (bench/dashboard.bench.ts):
// build the current app, serve it with the real server, fit one run through the API, open headless Chromium.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { randomScenario } from '@mixwise/engine';
import { wideTable, writeCsvAtomic } from '@mixwise/data';
import { startServer } from '@mixwise/server';
import type { ColumnRole, RunManifest, Upload } from '@mixwise/contracts';

/** The Debian chromium binary (`apt-get install chromium`); a browser is never downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** apps/dashboard. */
export const DASHBOARD_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Screenshots of the e2e run (out/ is not committed). */
export const SCREENSHOT_DIR = resolve(DASHBOARD_ROOT, '../../out/e2e-screenshots');
/** The app's pages and the charts each must draw (`data-testid="chart-<name>"`). */
export const PAGE_CHARTS: Readonly<Record<'executive' | 'simulator' | 'explorer' | 'data' | 'about', readonly string[]>> = {
  executive: ['waterfall', 'roi-share', 'contributions'],
  simulator: ['before-after', 'scenarios'],
  explorer: ['actual-vs-fitted', 'input-series', 'correlations', 'residuals', 'residual-histogram', 'response-curves', 'adstock', 'roi-intervals', 'pareto'],
  data: [],
  about: [],
};

/** A simulated data file and the roles the upload should detect for its columns. */
export interface SimulatedCsv {
  readonly path: string;
  readonly rows: number;
  readonly target: string;
  /** Spend columns (`<channel>_spend`). */
  readonly channelColumns: readonly string[];
  readonly expectedRoles: Readonly<Record<string, ColumnRole>>;
}

/**
 * Writes a weekly simulated data set (engine randomScenario, 104 weeks) as a wide CSV.
 * @param path the CSV file to write
 * @param seed scenario seed
 * @param nChannels 1–10 channels
 */
export async function writeSimulatedCsv(path: string, seed: number, nChannels: number): Promise<SimulatedCsv> {
  const sim = randomScenario(seed, { nTimes: 104, nChannels });
  const wide = wideTable(sim.table, sim.extraColumns ?? []);
  await writeCsvAtomic(path, wide.columns, wide.rows);
  const expectedRoles: Record<string, ColumnRole> = { date: 'date', [sim.table.target.name]: 'target' };
  for (const c of sim.table.channels) expectedRoles[`${c.name}_spend`] = 'channel';
  for (const c of sim.table.controls) expectedRoles[c.name] = 'control';
  for (const e of sim.table.events) expectedRoles[e.name] = 'event';
  return { path, rows: sim.table.dates.length, target: sim.table.target.name, channelColumns: sim.table.channels.map((c) => `${c.name}_spend`), expectedRoles };
}

/**
 * Builds the current apps/dashboard sources with Vite's JS API into `outDir` (never the checked-in dist).
 * @param outDir an empty or throw-away folder
 */
export async function buildDashboard(outDir: string): Promise<void> {
  await build({ root: DASHBOARD_ROOT, build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`the dashboard build wrote no index.html into ${outDir}`);
}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/**
 * Fits a run the way the Data page does: upload the CSV, take the detected roles, POST /api/runs, and
 * poll until the run is done.
 * @param baseUrl the server's URL (ending in /)
 * @param csvPath the data file
 * @param options fit options (small iterations keep it fast)
 * @returns the finished run's manifest
 * @throws Error when the fit fails, is cancelled or takes over 3 minutes
 */
export async function fitViaApi(baseUrl: string, csvPath: string, options: { iterations: number; seed: number }): Promise<RunManifest> {
  const form = new FormData();
  form.append('file', new Blob([await readFile(csvPath)], { type: 'text/csv' }), 'fixture.csv');
  const upload = await api<Upload>(`${baseUrl}api/uploads`, { method: 'POST', body: form });
  const of = (role: ColumnRole) => upload.columns.filter((c) => c.suggestedRole === role).map((c) => c.name);
  const roles = { date: of('date')[0], target: of('target')[0], channels: of('channel'), controls: of('control'), events: of('event') };
  const started = await api<RunManifest>(`${baseUrl}api/runs`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ uploadId: upload.uploadId, name: 'fixture', roles, options }),
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    const run = await api<RunManifest>(`${baseUrl}api/runs/${started.id}`);
    if (run.status === 'done') return run;
    if (run.status === 'failed' || run.status === 'cancelled') throw new Error(`the fixture fit ended ${run.status}: ${run.error?.message ?? ''}`);
    if (Date.now() > deadline) throw new Error('the fixture fit took over 3 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A page with everything it reported as broken (uncaught exceptions, console errors). */
export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** `pageerror: …` and `console error: …` lines, in order. */
  readonly problems: string[];
}

/** The running set-up: one server, one fitted run, one browser. */
export interface Harness {
  /** Server URL, ending in '/'. */
  readonly url: string;
  /** The run fitted during set-up. */
  readonly run: RunManifest;
  readonly csv: SimulatedCsv;
  readonly browser: Browser;
  /** Temp folder holding the build, runs, uploads and the CSV. */
  readonly tmp: string;
  /** GET a JSON answer of the API, e.g. `api/runs/<id>/summary`. */
  get<T>(path: string): Promise<T>;
  /** A fresh browser context (own cache and storage) and page, watched for errors. */
  openPage(): Promise<WatchedPage>;
  /** The app's URL for a page and run: `<url>#/<page>?run=<id>`. */
  pageUrl(page: string, runId?: string): string;
  close(): Promise<void>;
}

/**
 * Fails with the install command when the Debian chromium binary is missing.
 * @throws Error naming `apt-get install chromium`
 */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`headless Chromium is missing at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\` (the browser tests never download one)`);
  }
}

/**
 * Builds the dashboard into a temp folder, starts the real server on a free port (temp runs and data
 * folders, that build as the dashboard), fits one run of simulated data through the API, and launches
 * headless Chromium. Call `close()` when done.
 * @param options channels and seed of the simulated data; search iterations of the fixture fit
 * @throws Error when chromium is missing, the build or the fit fails
 */
export async function startHarness(options: { nChannels?: number; seed?: number; iterations?: number } = {}): Promise<Harness> {
  requireChromium();
  const tmp = await mkdtemp(join(tmpdir(), 'mixwise-e2e-'));
  const cleanups: (() => Promise<unknown>)[] = [() => rm(tmp, { recursive: true, force: true })];
  const close = async () => { for (const f of cleanups.reverse()) await f().catch(() => undefined); };
  try {
    const dist = join(tmp, 'dist');
    const [csv] = await Promise.all([
      writeSimulatedCsv(join(tmp, 'fixture.csv'), options.seed ?? 3, options.nChannels ?? 3),
      buildDashboard(dist),
    ]);
    const server = await startServer({ runsDir: join(tmp, 'runs'), dataDir: join(tmp, 'data'), port: 0, dashboardDir: dist });
    cleanups.push(() => server.app.close());
    const [run, browser] = await Promise.all([
      fitViaApi(server.url, csv.path, { iterations: options.iterations ?? 100, seed: 1 }),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] }),
    ]);
    cleanups.push(() => browser.close());
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    return {
      url: server.url, run, csv, browser, tmp, close,
      get: <T>(path: string) => api<T>(server.url + path),
      pageUrl: (page: string, runId: string = run.id) => `${server.url}#/${page}?run=${encodeURIComponent(runId)}`,
      async openPage() {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
        page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
        return { page, context, problems };
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}

// The few DOM shapes the in-page functions below use (this file is also compiled without the DOM library, by bench/).
interface CanvasLike { readonly width: number; readonly height: number; toDataURL(): string }
interface ElementLike { getAttribute(name: string): string | null; querySelector(selector: string): unknown; readonly textContent: string | null }
interface PageGlobals {
  readonly document: { querySelector(selector: string): ElementLike | null; createElement(tag: 'canvas'): CanvasLike & { width: number; height: number } };
  mixwiseChartFrames?: Record<string, string>;
}

/**
 * Waits until every named chart (`data-testid="chart-<name>"`) has `data-rendered="true"` and its canvas
 * shows a drawing (not blank) that no longer changes between two looks 250 ms apart. The second part
 * matters: the app can set data-rendered before the chart has its data (see the e2e notes in docs/server.md).
 * @param page the page
 * @param names chart names
 * @param timeout ms
 */
export async function waitForCharts(page: Page, names: readonly string[], timeout = 20_000): Promise<void> {
  if (names.length === 0) return;
  await page.evaluate(() => { delete (globalThis as unknown as PageGlobals).mixwiseChartFrames; });
  await page.waitForFunction((list) => {
    const g = globalThis as unknown as PageGlobals;
    const frames = (g.mixwiseChartFrames ??= {});
    let ready = true;
    for (const name of list) {
      const el = g.document.querySelector(`[data-testid="chart-${name}"]`);
      const canvas = el?.querySelector('canvas') as CanvasLike | null | undefined;
      if (!el || el.getAttribute('data-rendered') !== 'true' || !canvas || canvas.width === 0) { ready = false; continue; }
      const blank = g.document.createElement('canvas');
      blank.width = canvas.width;
      blank.height = canvas.height;
      const frame = canvas.toDataURL();
      if (frame === blank.toDataURL() || frames[name] !== frame) ready = false;
      frames[name] = frame;
    }
    return ready;
  }, names, { timeout, polling: 250 });
}

/**
 * Clears the simulator's what-if timing, runs `action`, and waits until the what-if result it caused
 * is on screen.
 * @returns the what-if's time in ms, as the page shows it
 */
export async function afterWhatIf(page: Page, action: () => Promise<unknown>): Promise<number> {
  const timing = page.getByTestId('whatif-ms');
  await timing.evaluate((el) => { el.textContent = ''; });
  await action();
  await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).document.querySelector('[data-testid="whatif-ms"]')?.textContent ?? '') !== '');
  return Number(await timing.textContent());
}

/** Opens the simulator for the harness's run and waits for the first prediction and both charts. */
export async function openSimulator(h: Pick<Harness, 'pageUrl'>, page: Page): Promise<void> {
  await page.goto(h.pageUrl('simulator'));
  await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).document.querySelector('[data-testid="whatif-ms"]')?.textContent ?? '–') !== '–');
  await waitForCharts(page, PAGE_CHARTS.simulator);
}

/** The `data-testid` of every chart on the page, sorted. */
export async function chartIds(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-testid^="chart-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.sort();
}
