/**
 * Dashboard speed in a real browser (issue 5): the current build served by the real server, headless
 * Chromium (/usr/bin/chromium), a 10-channel model fitted on simulated data (engine randomScenario).
 *
 *   npm run bench dashboard
 *
 * Prints: first load of the executive page (navigation start → DOMContentLoaded, → first chart drawn
 * with data), what-if latency after slider moves (the app's own `whatif-ms`: slider event → updated
 * numbers in the DOM; keyboard steps and a mouse drag), and Optimise time for 10 channels (`optimise-ms`:
 * click → allocation back from the Web Worker). Targets: first load ≤ 1 s, what-if ≤ 16 ms,
 * Optimise ≤ 100 ms.
 */
import type { Page } from 'playwright-core';
import { PAGE_CHARTS, startHarness, waitForCharts } from '../apps/dashboard/e2e/harness.ts';

const LOADS = 5;
const MOVES = 30;
const OPTIMISES = 12;

const sorted = (v: readonly number[]) => [...v].sort((a, b) => a - b);
const quantile = (v: readonly number[], q: number) => sorted(v)[Math.min(v.length - 1, Math.floor(q * v.length))];
const fmt = (v: number) => `${v.toFixed(1)} ms`;
const stats = (v: readonly number[]) => `median ${fmt(quantile(v, 0.5))}, p90 ${fmt(quantile(v, 0.9))}, max ${fmt(Math.max(...v))} (n = ${v.length})`;
const label = (text: string) => text.padEnd(62);
const verdict = (v: number, target: number) => (v <= target ? 'median within target' : 'median OVER TARGET');

// Records, from navigation start (performance.now()), when the first chart is marked rendered while its
// canvas already shows a drawing (the app can mark an empty chart rendered, which must not count).
const FIRST_CHART_SCRIPT = `
  window.mixwiseFirstChart = null;
  new MutationObserver((mutations) => {
    if (window.mixwiseFirstChart !== null) return;
    for (const m of mutations) {
      const el = m.target;
      if (el.getAttribute('data-rendered') !== 'true' || !(el.getAttribute('data-testid') || '').startsWith('chart-')) continue;
      const canvas = el.querySelector('canvas');
      if (!canvas || canvas.width === 0) continue;
      const blank = document.createElement('canvas');
      blank.width = canvas.width; blank.height = canvas.height;
      if (canvas.toDataURL() !== blank.toDataURL()) { window.mixwiseFirstChart = performance.now(); return; }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
`;

/** Clears the what-if timing, does `action`, waits for the what-if it caused, returns the app's figure. */
async function whatIf(page: Page, action: () => Promise<unknown>): Promise<number> {
  await page.getByTestId('whatif-ms').evaluate((el) => { el.textContent = ''; });
  await action();
  await page.waitForFunction(`(document.querySelector('[data-testid="whatif-ms"]')?.textContent ?? '') !== ''`);
  return Number(await page.getByTestId('whatif-ms').textContent());
}

const t0 = performance.now();
const h = await startHarness({ nChannels: 10, seed: 5, iterations: 100 });
const names = (await h.get<{ channels: { name: string }[] }>(`api/runs/${h.run.id}/summary`)).channels.map((c) => c.name);
console.log(`set-up (build, server, 10-channel fit of 104 weeks, browser): ${((performance.now() - t0) / 1000).toFixed(1)} s; channels ${names.join(', ')}`);
try {
  // --- first load -----------------------------------------------------------------------------
  const dcl: number[] = [], chart: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const { page, context } = await h.openPage(); // a new context each time: empty cache
    await page.addInitScript(FIRST_CHART_SCRIPT);
    await page.goto(h.pageUrl('executive'));
    await page.waitForFunction('window.mixwiseFirstChart !== null', undefined, { timeout: 30_000 });
    const t = await page.evaluate(`({ dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, chart: window.mixwiseFirstChart })`) as { dcl: number; chart: number };
    dcl.push(t.dcl);
    chart.push(t.chart);
    await context.close();
  }
  console.log(`${label('first load, navigation start → DOMContentLoaded:')}${stats(dcl)}`);
  console.log(`${label('first load, navigation start → first chart drawn with data:')}${stats(chart)}   target ≤ 1000 ms: ${verdict(quantile(chart, 0.5), 1000)}`);

  // --- what-if ------------------------------------------------------------------------------------
  const { page, context } = await h.openPage();
  await page.goto(h.pageUrl('simulator'));
  await page.waitForFunction(`(document.querySelector('[data-testid="whatif-ms"]')?.textContent ?? '–') !== '–'`);
  await waitForCharts(page, PAGE_CHARTS.simulator);
  const keys: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    const slider = page.getByTestId(`slider-${names[i % names.length]}`);
    keys.push(await whatIf(page, () => slider.press(i % 3 === 2 ? 'ArrowLeft' : 'ArrowRight')));
  }
  console.log(`${label(`what-if after a keyboard step (${names.length} channels):`)}${stats(keys)}   target ≤ 16 ms: ${verdict(quantile(keys, 0.5), 16)}`);

  const box = await page.getByTestId(`slider-${names[0]}`).boundingBox();
  if (!box) throw new Error('the first slider is not visible');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  const drag: number[] = [];
  for (let i = 1; i <= MOVES; i++) drag.push(await whatIf(page, () => page.mouse.move(box.x + box.width * (0.2 + i * 0.02), y)));
  await page.mouse.up();
  console.log(`${label('what-if while dragging a slider with the mouse:')}${stats(drag)}   target ≤ 16 ms: ${verdict(quantile(drag, 0.5), 16)}`);

  // --- optimise ---------------------------------------------------------------------------------
  const opt: number[] = [], engine: number[] = [];
  for (let i = 0; i < OPTIMISES; i++) {
    await whatIf(page, () => page.getByTestId('reset-button').click());
    await whatIf(page, () => page.getByTestId(`slider-${names[(3 * i) % names.length]}`).press(i % 2 === 0 ? 'PageUp' : 'PageDown'));
    await whatIf(page, () => page.getByTestId('optimise-button').click());
    const result = await page.getByTestId('optimise-result').innerText();
    if (!result.startsWith('Optimised split')) throw new Error(`Optimise did not succeed: ${result}`);
    opt.push(Number(await page.getByTestId('optimise-ms').textContent()));
    const m = /Optimise: [\d.]+ ms \(engine ([\d.]+) ms\)/.exec((await page.locator('.timing').textContent()) ?? '');
    if (m) engine.push(Number(m[1]));
  }
  console.log(`${label('Optimise, 10 channels, click → result (worker round trip):')}${stats(opt)}   target ≤ 100 ms: ${verdict(quantile(opt, 0.5), 100)}`);
  if (engine.length > 0) console.log(`${label('Optimise, 10 channels, engine time inside the worker:')}${stats(engine)}`);
  await context.close();
} finally {
  await h.close();
}
