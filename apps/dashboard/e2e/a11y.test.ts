// Browser end-to-end test of the dashboard's accessibility (WCAG 2.2 AA) and German-style input: the skip
// link, page titles and focus on the page's h1 after a change of page; a fit started with the keyboard
// keeps focus on Train, announces its phases and its end in polite status regions and lands on the new
// run's h1; no horizontal scrolling at 320 px (reflow, 1.4.10); "150.000" refused with why, not read as 150.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { SummaryResult } from '@mixwise/engine';
import { join } from 'node:path';
import { openSimulator, startHarness, waitForCharts, PAGE_CHARTS, SCREENSHOT_DIR, type Harness } from './harness.ts';

let h: Harness;
let summary: SummaryResult;
before(async () => {
  h = await startHarness({ nChannels: 3, seed: 5, iterations: 50 });
  summary = await h.get<SummaryResult>(`api/runs/${h.run.id}/summary`);
}, { timeout: 180_000 });
after(async () => { await h?.close(); });

interface Focused { readonly tag: string; readonly text: string; readonly testId: string | null }
const focused = (page: Page): Promise<Focused> => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim().slice(0, 60), testId: el?.getAttribute('data-testid') ?? null };
});
const scrollWidth = (page: Page): Promise<number> => page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
/** The page is at most `width` px wide; else the innermost elements reaching past it, to say what overflows. */
async function assertFits(page: Page, name: string, width = 320): Promise<void> {
  const w = await scrollWidth(page);
  if (w <= width) return;
  const culprits = await page.evaluate((max) => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > max + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > max + 1)
      && !e.parentElement?.closest('.table-wrap, .chart-canvas'))
    .slice(0, 3).map((e) => {
      const chain: string[] = [];
      for (let a: Element | null = e; a !== null && a !== document.body; a = a.parentElement) chain.push(`${a.tagName.toLowerCase()}.${String(a.className)}[${a.getAttribute('data-testid') ?? ''}] ${Math.round(a.getBoundingClientRect().width)}px`);
      return chain.join(' < ');
    }), width);
  assert.fail(`${name}: ${w} px wide at ${width} px; past the edge: ${culprits.join('; ')}`);
}

test('a11y: skip link to the main content; each page has its own title; after a change of page focus is on its h1', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('executive', h.run.id));
    await page.getByRole('heading', { level: 1, name: 'Executive summary' }).waitFor();
    assert.equal(await page.title(), 'Executive – Mixwise');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).testId, 'skip-link', 'the first Tab reaches the skip link');
    assert.equal(await page.getByTestId('skip-link').innerText(), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).tag, 'MAIN', 'Enter on the skip link moves focus to <main>');
    assert.match(page.url(), /#\/executive/, 'the skip link does not change the route');

    await page.getByTestId('nav-simulator').click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal((await focused(page)).text, 'Budget simulator');
    assert.equal(await page.title(), 'Budget simulator – Mixwise');
    await page.getByTestId('nav-data').click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === 'Data and training');
    assert.equal(await page.title(), 'Data – Mixwise');

    // The Executive charts carry their data as a table (text alternative of the canvas).
    await page.getByTestId('nav-executive').click();
    await waitForCharts(page, PAGE_CHARTS.executive);
    const data = page.getByTestId('data-table-waterfall');
    await data.locator('summary').click();
    const rows = await data.locator('tbody th[scope="row"]').allInnerTexts();
    assert.deepEqual(rows, ['Baseline', ...summary.channels.map((c) => c.name), 'Total']);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a11y: a fit started with the keyboard keeps focus on Train, names its progress bar, announces its phases and "Fit finished", then focuses the new run\'s h1', { timeout: 150_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('data'));
    await page.getByTestId('upload-input').setInputFiles(h.csv.path);
    await page.getByTestId('roles-ok').waitFor();
    assert.match(await page.getByTestId('upload-status').innerText(), /rows/);
    await page.getByTestId('option-iterations').fill('50');
    await page.getByTestId('train-button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('train-status').waitFor();
    // Busy, Train says so (aria-disabled) but keeps focus; a second Enter starts nothing.
    await page.waitForFunction(() => document.querySelector('[data-testid="train-button"]')?.getAttribute('aria-disabled') === 'true');
    assert.equal((await focused(page)).testId, 'train-button');
    const bar = page.getByRole('progressbar', { name: 'Fit progress' });
    assert.equal(await bar.count(), 1, 'the progress bar has an accessible name');
    const phase = page.getByTestId('train-phase');
    assert.equal(await phase.getAttribute('role'), 'status');
    assert.match(await phase.innerText(), /^Fit (queued|running|finished)/);
    // The fit ends: the app shows the new run with focus on its h1, and the app-wide status region says so.
    await page.waitForURL(/#\/executive/, { timeout: 120_000 });
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 20_000 });
    assert.equal((await focused(page)).text, 'Executive summary');
    const announcer = page.getByTestId('announcer');
    assert.equal(await announcer.getAttribute('role'), 'status');
    assert.match(await announcer.innerText(), /^Fit finished/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test.only('a11y: at 320 px wide the Executive, Data and Simulator pages scroll only vertically (reflow)', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto(h.pageUrl('executive', h.run.id));
    await waitForCharts(page, PAGE_CHARTS.executive);
    await assertFits(page, 'executive');
    await openSimulator(h, page);
    await assertFits(page, 'simulator');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'simulator-320px.png'), fullPage: true });
    await page.goto(h.pageUrl('data', h.run.id));
    await page.getByTestId('upload-input').setInputFiles(h.csv.path);
    await page.getByTestId('roles-ok').waitFor();
    await assertFits(page, 'data');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'data-320px.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a11y: German-style amounts (150.000, 1.500) are refused with why, never read 1000× too small', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const ch = summary.channels[0].name;
    const field = page.getByTestId(`spend-${ch}`);
    const before = await field.inputValue();
    await field.fill('150.000');
    const problem = page.getByTestId(`spend-problem-${ch}`);
    await problem.waitFor();
    assert.match(await problem.innerText(), /"150\.000" looks like "\." separating thousands: read as a decimal it would be 150, 1000× too small; type 150000 or 150,000/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await field.blur();
    assert.equal(await field.inputValue(), before, 'the spend stays as it was');

    const total = page.getByTestId('total-budget');
    await total.fill('1.500');
    const totalProblem = page.getByTestId('total-budget-problem');
    await totalProblem.waitFor();
    assert.match(await totalProblem.innerText(), /"1\.500" looks like "\." separating thousands/);
    assert.equal(await total.getAttribute('aria-invalid'), 'true');
    // The slider's value is said as a spend per period, not a raw float.
    assert.match(await page.getByTestId(`slider-${ch}`).getAttribute('aria-valuetext') ?? '', /^[\d,.]+ per week$/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
