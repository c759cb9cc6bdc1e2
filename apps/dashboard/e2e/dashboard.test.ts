// Browser end-to-end tests of the dashboard: the current build, served by the real server, in headless
// Chromium (Debian package, /usr/bin/chromium). Screenshots go to out/e2e-screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  allocateBudget, beyondObservedRange, posteriorDiagnostics, roiPriorSentence, drawSource, explainAllocation, explainInformationValue, explainPlan, informationValue, minimumBudget, planModelFromMmm, targetEfficiency, planVersusCurrent, replicateModels, responseModelFromMmm,
  type MmmModel, type SummaryResult,
} from '@mixwise/engine';
import { buildConstraints, DEFAULT_CONTROL } from '../src/logic/constraints.ts';
import { afterPlanSentence } from '../src/logic/after-plan.ts';
import { optimiseSummary } from '../src/logic/optimise-summary.ts';
import { liftUncertainty } from '../src/logic/lift-uncertainty.ts';
import { whatIf } from '../src/logic/what-if.ts';
import { parseAmount } from '../src/logic/amount.ts';
import { formatSigned } from '@mixwise/charts';
import type { RunManifest } from '@mixwise/contracts';
import { PAGE_CHARTS, SCREENSHOT_DIR, chartIds, startHarness, waitForCharts, type Harness, afterWhatIf, openSimulator } from './harness.ts';

let h: Harness;
let summary: SummaryResult;
before(async () => {
  h = await startHarness({ nChannels: 3, seed: 3, iterations: 100 });
  summary = await h.get<SummaryResult>(`api/runs/${h.run.id}/summary`);
}, { timeout: 180_000 });
after(async () => { await h?.close(); });

/** A full-page screenshot, scrolled to the top first (else the sticky header lands mid-page in the image). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Parses formatCompact text ('1.23M', '45.6k', '−12') back to a number. */
function compact(text: string): number {
  const m = /^(−|-)?([\d.]+)([kMB]?)$/.exec(text.trim());
  assert.ok(m, `not a compact number: "${text}"`);
  const scale = { '': 1, k: 1e3, M: 1e6, B: 1e9 }[m[3] as '' | 'k' | 'M' | 'B'];
  return (m[1] ? -1 : 1) * Number(m[2]) * scale;
}

/** Plain CSV (no quoted fields) → header and rows. */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
  assert.ok(!text.includes('"'), 'no quoted fields expected');
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

async function download(page: Page, click: () => Promise<unknown>): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The scenario CSV as numbers per channel (and TOTAL). */
function scenarioRows(text: string): Map<string, { current: number; spend: number; change: number; kpi: number }> {
  const { header, rows } = parseCsv(text);
  assert.deepEqual(header, ['scenario', 'channel', 'current_spend', 'scenario_spend', 'change', 'predicted_kpi', 'roi', 'mroi']);
  return new Map(rows.map((r) => [r[1], { current: Number(r[2]), spend: Number(r[3]), change: Number(r[4]), kpi: Number(r[5]) }]));
}

const channelNames = () => summary.channels.map((c) => c.name);

test('every page draws all of its charts, with no page or console errors', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('executive'));
    for (const name of Object.keys(PAGE_CHARTS) as (keyof typeof PAGE_CHARTS)[]) {
      await page.getByTestId(`nav-${name}`).click();
      await page.getByTestId(`page-${name}`).waitFor();
      assert.match(page.url(), new RegExp(`#/${name}\\?run=${h.run.id}$`), 'navigation keeps the run');
      await waitForCharts(page, PAGE_CHARTS[name]);
      assert.deepEqual(await chartIds(page), PAGE_CHARTS[name].map((c) => `chart-${c}`).sort(), `the charts on ${name}`);
      for (const id of await chartIds(page)) {
        const box = await page.getByTestId(id).boundingBox();
        assert.ok(box && box.width > 200 && box.height > 200, `${id} has a visible size`);
      }
      if (name === 'executive') {
        assert.equal(compact(await page.locator('[data-testid="kpi-total-spend"] .kpi-value').innerText()) > 0, true);
        await page.getByTestId('recommendation-lift').waitFor();
        // The fit's warnings (summary.json) stand above the figures, one banner each.
        assert.deepEqual(await page.getByTestId('fit-warning').allInnerTexts(), summary.warnings.map((w) => `Warning: ${w.message}.`));
      }
      if (name === 'data') await page.getByTestId('upload-input').waitFor({ state: 'attached' });
      if (name === 'about') assert.match(await page.getByTestId('about').innerText(), /How Mixwise works/);
      await shot(page, name);
    }
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: moving a slider changes the prediction and redraws the before/after chart', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const top = [...summary.channels].sort((a, b) => b.contribution - a.contribution)[0].name;
    const kpiText = () => page.locator('[data-testid="predicted-kpi"] .kpi-value').innerText();
    const spendOf = async (ch: string) => parseAmount(await page.getByTestId(`spend-${ch}`).inputValue()) ?? NaN;
    const before = { kpi: await kpiText(), spend: await spendOf(top), channelKpi: compact(await page.getByTestId(`kpi-${top}`).innerText()) };
    const chart = page.getByTestId('chart-before-after');
    const chartBefore = await chart.screenshot();
    await chart.evaluate((el) => el.removeAttribute('data-rendered'));

    const ms = await afterWhatIf(page, () => page.getByTestId(`slider-${top}`).press('End')); // the slider's top: at least 3× current spend
    assert.ok(Number.isFinite(ms) && ms >= 0, `what-if timing shown: ${ms}`);
    const spend = await spendOf(top);
    const top3 = Number(await page.getByTestId(`slider-${top}`).getAttribute('max'));
    assert.ok(top3 >= 3 * before.spend * 0.999 && Math.abs(spend - top3) <= 1, `slider's top (${top3}) is at least 3× current (${before.spend}) and the field shows it: ${spend}`);
    await afterWhatIf(page, () => page.getByTestId(`slider-${top}`).press('ArrowLeft'));
    assert.ok(Math.abs(await spendOf(top) - 0.99 * top3) <= 1, `an arrow key moves 1% of the range: ${await spendOf(top)}`);
    await afterWhatIf(page, () => page.getByTestId(`slider-${top}`).press('End'));
    assert.ok(compact(await page.getByTestId(`kpi-${top}`).innerText()) > before.channelKpi, `${top}'s predicted KPI grows with its spend`);
    const after = await kpiText();
    assert.notEqual(after, before.kpi, 'the predicted KPI text changed');
    assert.ok(compact(after) > compact(before.kpi), `predicted KPI rises: ${before.kpi} → ${after}`);
    assert.match(await page.locator('[data-testid="predicted-kpi"] .kpi-hint').innerText(), /^\+\d+\.\d% vs current/);

    await waitForCharts(page, ['before-after']);
    assert.notDeepEqual(await chart.screenshot(), chartBefore, 'the before/after chart was redrawn with the new spend');
    await shot(page, 'simulator-moved');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: an exact amount typed for a channel moves it beyond the slider and the slider follows', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const [name] = channelNames();
    const field = page.getByTestId(`spend-${name}`), slider = page.getByTestId(`slider-${name}`);
    const current = parseAmount(await field.inputValue()) ?? NaN;
    const kpi0 = compact(await page.getByTestId(`kpi-${name}`).innerText());
    const target = Math.round(5 * current);
    await afterWhatIf(page, () => field.fill(target.toLocaleString('en-US'))); // with thousands separators, as shown
    assert.equal(Number(await slider.inputValue()), target, 'the slider holds the typed spend');
    assert.ok(Number(await slider.getAttribute('max')) >= target, 'its top reaches the typed spend instead of clamping it');
    assert.ok(compact(await page.getByTestId(`kpi-${name}`).innerText()) > kpi0, `${name}'s predicted KPI rises at 5× spend`);
    await field.fill('1,5');
    assert.equal(await field.getAttribute('aria-invalid'), 'true', 'an ambiguous amount is flagged');
    assert.equal(Number(await slider.inputValue()), target, 'and changes nothing');
    await field.press('Enter');
    assert.equal(parseAmount(await field.inputValue()), target, 'leaving the field shows the spend in force');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: a spend outside the levels the data cover is tagged, and only then', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const model = await h.get<MmmModel>(`api/runs/${h.run.id}/model`);
    const rm = responseModelFromMmm(model);
    const seen: string[] = [];
    for (const ch of rm.channels) {
      const slider = page.getByTestId(`slider-${ch.name}`);
      for (const key of ['Home', 'End']) {
        await afterWhatIf(page, () => slider.press(key));
        const expected = beyondObservedRange(Number(await slider.inputValue()), ch.observed);
        const tag = page.getByTestId(`beyond-data-${ch.name}`);
        if (expected === null) assert.equal(await tag.count(), 0, `${ch.name} at ${key}: inside the data, no tag`);
        else {
          assert.equal(await tag.innerText(), expected === 'below' ? 'below data' : 'beyond data', `${ch.name} at ${key}`);
          seen.push(expected);
        }
      }
    }
    // The sliders' top (at least 3× current and 1.5× the highest level held) is above the data.
    assert.ok(seen.includes('above'), `some channel tagged above its data: ${seen.join(', ')}`);
    await afterWhatIf(page, () => page.getByTestId('reset-button').click());
    assert.equal(await page.locator('[data-testid^="beyond-data-"]').count(), 0, 'current spend is inside the data for every channel');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: Optimise keeps a locked channel, spends exactly the budget and predicts no less', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const [locked, moved] = channelNames();
    const value = async (ch: string) => Number(await page.getByTestId(`slider-${ch}`).inputValue());
    const v0 = await value(locked), v1 = await value(moved);
    await afterWhatIf(page, () => page.getByTestId(`slider-${locked}`).fill(String(v0 * 1.2)));
    await afterWhatIf(page, () => page.getByTestId(`slider-${moved}`).fill(String(v1 * 0.7)));
    const pre = scenarioRows((await download(page, () => page.getByTestId('export-scenario-csv').click())).text);
    assert.ok(Math.abs(pre.get(locked)!.spend / pre.get(locked)!.current - 1.2) < 0.01, 'locked channel moved to 1.2× before optimising');

    await page.getByTestId(`lock-${locked}`).check();
    assert.equal(await page.getByTestId(`slider-${locked}`).isDisabled(), true, 'a locked channel\'s slider is disabled');
    await afterWhatIf(page, () => page.getByTestId('optimise-button').click());
    assert.match(await page.getByTestId('optimise-result').innerText(), /^Optimised split at /);
    assert.ok(Number(await page.getByTestId('optimise-ms').textContent()) > 0);
    const post = scenarioRows((await download(page, () => page.getByTestId('export-scenario-csv').click())).text);

    const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
    assert.ok(rel(post.get(locked)!.spend, pre.get(locked)!.spend) < 1e-9, `locked spend unchanged: ${pre.get(locked)!.spend} → ${post.get(locked)!.spend}`);
    assert.ok(rel(post.get('TOTAL')!.spend, pre.get('TOTAL')!.spend) < 1e-6, `total = budget: ${pre.get('TOTAL')!.spend} → ${post.get('TOTAL')!.spend}`);
    assert.ok(post.get('TOTAL')!.kpi >= pre.get('TOTAL')!.kpi * (1 - 1e-12), `predicted KPI ${pre.get('TOTAL')!.kpi} → ${post.get('TOTAL')!.kpi}`);
    for (const ch of channelNames().filter((c) => c !== locked)) {
      const r = post.get(ch)!;
      assert.ok(r.spend >= 0.5 * r.current * (1 - 1e-9) && r.spend <= 2 * r.current * (1 + 1e-9), `${ch} within its default bounds 0.5–2×`);
    }
    assert.notEqual(post.get(moved)!.spend, pre.get(moved)!.spend, 'the optimiser moved the unlocked channel it was given off its best level');
    await shot(page, 'simulator-optimised');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: bound fields that are empty, negative or crossed are explained beside them, never crash the page; Optimise and the scenarios wait', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const [ch] = channelNames();
    const problem = page.getByTestId(`bound-problem-${ch}`);
    const optimise = page.getByTestId('optimise-button');
    const cases: [string, string, RegExp][] = [
      ['3', '2', /Min × 3 is above Max × 2/],
      ['-1', '2', /Min × must be a number ≥ 0/],
      ['0.5', '', /Enter a Max ×/],
    ];
    for (const [min, max, why] of cases) {
      await page.getByTestId(`bound-min-${ch}`).fill(min);
      await page.getByTestId(`bound-max-${ch}`).fill(max);
      assert.match(await problem.innerText(), why, `${min}–${max}`);
      assert.equal(await page.getByTestId(`bound-max-${ch}`).inputValue(), max, 'an emptied field stays empty while retyping (not 0)');
      assert.equal(await optimise.isDisabled(), true, 'Optimise waits for usable limits');
      await page.getByTestId('bounds-problem').waitFor();
      await page.getByTestId('scenarios-stale').waitFor();
      assert.equal(await page.getByTestId('page-simulator').count(), 1, 'the page is still there');
    }
    await page.getByTestId(`bound-max-${ch}`).fill('2');
    await problem.waitFor({ state: 'detached' });
    assert.equal(await optimise.isDisabled(), false);
    assert.equal(await page.getByTestId('scenarios-stale').count(), 0);
    await afterWhatIf(page, () => optimise.click());
    assert.match(await page.getByTestId('optimise-result').innerText(), /^Optimised split at /);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: the total budget keeps the mix and the locks; Optimise tells the re-split from the budget change, as the engine computes them', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const names = channelNames();
    const [locked] = names;
    const field = page.getByTestId('total-budget');
    const before = scenarioRows((await download(page, () => page.getByTestId('export-scenario-csv').click())).text);
    const total0 = before.get('TOTAL')!.spend;
    await page.getByTestId(`lock-${locked}`).check();
    // Select-all + Backspace, then a new number: nothing is rescaled until it is a number, and then the mix is kept.
    await field.fill('');
    await page.getByTestId('total-budget-problem').waitFor();
    assert.equal(await field.inputValue(), '', 'an empty field stays empty');
    const target = Math.round(total0 * 1.5);
    await afterWhatIf(page, () => field.fill(String(target)));
    assert.equal(await field.inputValue(), String(target));
    const after = scenarioRows((await download(page, () => page.getByTestId('export-scenario-csv').click())).text);
    assert.equal(after.get(locked)!.spend, before.get(locked)!.spend, 'the locked channel keeps its spend');
    assert.ok(Math.abs(after.get('TOTAL')!.spend - target) < 1e-6 * target, 'the total is the one typed');
    const free = names.filter((n) => n !== locked);
    const scale = after.get(free[0])!.spend / before.get(free[0])!.spend;
    for (const n of free) assert.ok(Math.abs(after.get(n)!.spend / before.get(n)!.spend - scale) < 1e-9, `${n} keeps its share of the unlocked spend`);

    // Optimise: the message compares with the user's split at this budget, and separately with current spend; both as the engine has them.
    await afterWhatIf(page, () => page.getByTestId('optimise-button').click());
    const text = await page.getByTestId('optimise-result').innerText();
    const model = await h.get<MmmModel>(`api/runs/${h.run.id}/model`);
    const rm = responseModelFromMmm(model, { uncertainty: 'expected' });
    const user = names.map((n) => after.get(n)!.spend);
    const controls = names.map((n) => ({ ...DEFAULT_CONTROL, locked: n === locked }));
    const a = allocateBudget(rm, { budget: user.reduce((s, v) => s + v, 0), constraints: buildConstraints(names, controls, user) });
    assert.ok(a.feasible);
    const expected = optimiseSummary(a, user, whatIf(rm, user).kpi, summary.target, 'week', liftUncertainty(rm, a, drawSource(model)));
    assert.equal(text, expected.text);
    assert.match(text, /vs your split at that budget .* Vs current spend/);
    assert.ok(expected.vsCurrent && expected.reSplit.gain < expected.vsCurrent.gain, 'the budget change is not credited to the re-split');
    const optimised = scenarioRows((await download(page, () => page.getByTestId('export-scenario-csv').click())).text);
    assert.equal(optimised.get(locked)!.spend, before.get(locked)!.spend, 'Optimise keeps the locked channel where the total left it');

    // A new budget makes the old message go; a total below the locked spend is said, not applied.
    await afterWhatIf(page, () => field.fill(String(Math.round(total0))));
    assert.equal(await page.getByTestId('optimise-result').count(), 0, 'the old Optimise message is gone');
    await field.fill(String(Math.floor(before.get(locked)!.spend / 2)));
    assert.match(await page.getByTestId('total-budget-problem').innerText(), /^The locked channels alone spend .* unlock a channel\.$/);
    await afterWhatIf(page, () => field.fill(String(Math.round(total0))));
    await afterWhatIf(page, () => page.getByTestId('optimise-button').click());
    await page.getByTestId('optimise-result').waitFor();
    await field.fill(String(Math.floor(before.get(locked)!.spend / 2)));
    assert.equal(await page.getByTestId('optimise-result').count(), 0, 'a total that cannot be applied also hides the old message');
    assert.equal(await page.getByTestId('optimise-button').isDisabled(), true);

    // Limits the budget cannot meet: the advice names the page's own field, and following it works.
    await page.getByTestId(`lock-${locked}`).uncheck();
    await afterWhatIf(page, () => field.fill(String(Math.round(total0 * 3))));
    await page.getByTestId('optimise-button').click();
    await page.waitForFunction(() => /^No allocation meets these limits/.test(document.querySelector('[data-testid="optimise-result"]')?.textContent ?? ''));
    const advice = await page.getByTestId('optimise-result').innerText();
    assert.doesNotMatch(advice, /up to/);
    const most = /enter a Total budget of at most ([\d,]+)/.exec(advice);
    assert.ok(most, advice);
    await afterWhatIf(page, () => field.fill(most[1].replace(/,/g, '')));
    await afterWhatIf(page, () => page.getByTestId('optimise-button').click());
    assert.match(await page.getByTestId('optimise-result').innerText(), /^Optimised split at /);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator at 800 px: every column of the channel table, the limits and locks included, is on screen', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.setViewportSize({ width: 800, height: 900 });
    await openSimulator(h, page);
    const wrap = page.locator('.channel-table').locator('xpath=..');
    const { scroll, client } = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(scroll <= client, `no horizontal scroll: ${scroll} > ${client}`);
    for (const n of channelNames()) {
      for (const id of [`bound-min-${n}`, `bound-max-${n}`, `lock-${n}`]) {
        const box = await page.getByTestId(id).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 800, `${id} within the window: ${JSON.stringify(box)}`);
      }
    }
    // Each page says which curves it shows.
    assert.match(await page.getByTestId('simulator-curves').innerText(), /^Curves: expected over \d+ bootstrap replicates\./);
    assert.match(await page.locator('[data-testid="scenario-table"] caption').innerText(), /expected over \d+ bootstrap replicates/);
    assert.match(await page.getByTestId('plan-curves').innerText(), /^Curves: the fitted model's point estimate/);
    await shot(page, 'simulator-800px');
    await page.getByTestId('nav-explorer').click();
    assert.match(await page.getByTestId('explorer-curves').innerText(), /^Curves: the fitted model's point estimate\./);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('at 800 px no page scrolls sideways: toolbars and card actions wrap (the plan\'s Plan and the goal\'s Find the budget stay on screen)', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.setViewportSize({ width: 800, height: 900 });
    for (const name of Object.keys(PAGE_CHARTS) as (keyof typeof PAGE_CHARTS)[]) {
      if (name === 'simulator') await openSimulator(h, page);
      else {
        await page.goto(h.pageUrl(name));
        await page.getByTestId(`page-${name}`).waitFor();
        await waitForCharts(page, PAGE_CHARTS[name]);
      }
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(scroll <= client, `${name}: the page is ${scroll} px wide in a ${client} px window`);
      if (name === 'simulator') {
        for (const id of ['plan-button', 'goal-button', 'optimise-button', 'reset-button']) {
          const box = await page.getByTestId(id).boundingBox();
          assert.ok(box && box.x >= 0 && box.x + box.width <= client, `${id} within the window: ${JSON.stringify(box)}`);
          const card = await page.getByTestId(id).evaluate((el) => { const r = el.closest('.card')?.getBoundingClientRect(); return r ? { left: r.left, right: r.right } : null; });
          assert.ok(card && box.x >= card.left && box.x + box.width <= card.right, `${id} within its card: ${JSON.stringify({ box, card })}`);
        }
        await shot(page, 'simulator-800px-plan');
      }
    }
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: "Rank channels" shows the value of learning each curve, as the engine computes it', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    await page.getByTestId('information-value-button').click();
    await page.getByTestId('information-value').waitFor({ timeout: 30_000 });
    await waitForCharts(page, ['information-value']);
    // The same question in Node: the run's expected response, its current budget, the default 0.5–2× bounds.
    const model = await h.get<MmmModel>(`api/runs/${h.run.id}/model`);
    const rm = responseModelFromMmm(model, { uncertainty: 'expected' });
    const names = rm.channels.map((c) => c.name);
    const budget = rm.channels.reduce((s, c) => s + c.current, 0);
    const expected = informationValue(rm, { budget, constraints: buildConstraints(names, names.map(() => DEFAULT_CONTROL), rm.channels.map((c) => c.current)) });
    const text = await page.getByTestId('information-value-text').innerText();
    // Same total, top channel and values (to 3 significant digits) as the engine; currentKpi only sets
    // the "negligible" threshold, which a positive value on this fixture clears either way.
    assert.ok(expected.total > 0, 'the fixture\'s replicates disagree enough to matter');
    assert.ok(text.includes(explainInformationValue(expected, 0)), `page: ${text}\nengine: ${explainInformationValue(expected, 0)}`);
    await shot(page, 'simulator-information-value');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: "Plan to a goal" finds the least budget for a KPI target and the ROI target, as the engine does', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const model = await h.get<MmmModel>(`api/runs/${h.run.id}/model`);
    const rm = responseModelFromMmm(model, { uncertainty: 'expected' });
    const names = rm.channels.map((c) => c.name);
    const constraints = buildConstraints(names, names.map(() => DEFAULT_CONTROL), rm.channels.map((c) => c.current));
    // The field starts at 5% more KPI than current spend predicts; the page's answer is the engine's.
    const target = Number(await page.getByTestId('goal-value').inputValue());
    const expected = minimumBudget(rm, { targetKpi: target, constraints });
    await page.getByTestId('goal-button').click();
    await page.getByTestId('goal-text').waitFor({ timeout: 30_000 });
    const text = await page.getByTestId('goal-text').innerText();
    assert.equal(text, explainAllocation(expected, { targetKpi: target }));
    assert.ok(expected.feasible, 'the default target is reachable within the default bounds');
    assert.ok(Math.abs(compact(await page.getByTestId('goal-budget').locator('.kpi-value').innerText()) - expected.budget) <= 0.01 * expected.budget);
    // Switching the goal clears the answer; the ROI target's answer is the engine's too.
    await page.getByTestId('goal-type').selectOption('roi');
    assert.equal(await page.getByTestId('goal-result').count(), 0);
    await page.getByTestId('goal-value').fill('1.5');
    await page.getByTestId('goal-button').click();
    await page.getByTestId('goal-text').waitFor({ timeout: 30_000 });
    const roi = targetEfficiency(rm, { type: 'roi', value: 1.5, constraints });
    assert.equal(await page.getByTestId('goal-text').innerText(), roi.feasible ? explainAllocation(roi) : `No budget meets this goal: ${roi.message}`);
    // A value of 0 is explained beside the field and the button waits.
    await page.getByTestId('goal-value').fill('0');
    await page.getByTestId('goal-problem').waitFor();
    assert.equal(await page.getByTestId('goal-button').isDisabled(), true);
    await shot(page, 'simulator-goal');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: "Plan" lays out the next weeks with carryover, as the engine (and mixwise optimize --periods) plans them', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    await page.getByTestId('plan-periods').fill('8');
    assert.equal(await page.getByTestId('plan-after').inputValue(), 'current', 'current spend resumes after the plan by default');
    await page.getByTestId('plan-button').click();
    await page.getByTestId('plan-result').waitFor({ timeout: 30_000 });
    await waitForCharts(page, ['plan-flighting']);
    // The same plan in Node: the run's point curves with the spend before the plan, 8 × the current
    // budget per period, the default 0.5–2× bounds in every week, the interval over the replicates.
    const model = await h.get<MmmModel>(`api/runs/${h.run.id}/model`);
    const rm = responseModelFromMmm(model, { uncertainty: 'expected' });
    const names = rm.channels.map((c) => c.name), current = rm.channels.map((c) => c.current);
    const budget = 8 * current.reduce((s, v) => s + v, 0);
    assert.equal(Number(await page.getByTestId('plan-budget').inputValue()), Math.round(budget), 'the budget follows the simulator: 8 × its total');
    const constraints = buildConstraints(names, names.map(() => DEFAULT_CONTROL), current);
    const expected = planVersusCurrent(planModelFromMmm(model), { periods: 8, total: budget, constraints, replicates: replicateModels(model) });
    assert.ok(expected.feasible);
    assert.equal(await page.getByTestId('plan-text').innerText(), `${explainPlan(expected)} ${afterPlanSentence('current', 'week')}`);
    assert.ok(expected.liftInterval, 'the fixture has replicates, so the plan has a range');
    assert.equal(await page.locator('[data-testid="plan-table"] tbody tr').count(), names.length);
    assert.match(await page.getByTestId('plan-lift').innerText(), /90% of replicates/);
    await page.getByTestId('chart-plan-flighting').scrollIntoViewIfNeeded();
    await page.getByTestId('plan-result').screenshot({ path: join(SCREENSHOT_DIR, 'simulator-plan.png') });
    // The CSV for the media buyers: the week after the data's last row first, every channel's spend, the week's total.
    const csv = parseCsv((await download(page, () => page.getByTestId('export-plan-csv').click())).text);
    assert.deepEqual(csv.header, ['period', ...expected.plan.channels.map((c) => c.channel), 'total']);
    assert.equal(csv.rows.length, 8);
    const last = Date.parse(`${model.dates[model.dates.length - 1]}T00:00:00Z`);
    assert.equal(csv.rows[0][0], new Date(last + 7 * 86_400_000).toISOString().slice(0, 10));
    csv.rows.forEach((r, w) => expected.plan.channels.forEach((c, i) => {
      assert.ok(Math.abs(Number(r[i + 1]) - c.spend[w]) <= 1e-6 * Math.max(1, c.spend[w]), `week ${w + 1} ${c.channel}`);
    }));
    const spent = csv.rows.reduce((s, r) => s + Number(r[r.length - 1]), 0);
    assert.ok(Math.abs(spent - budget) < 1e-6 * budget, `the plan spends the budget: ${spent} vs ${budget}`);

    // Nothing after the plan (--after-plan dark): the engine's dark plan, and the text says so.
    await page.getByTestId('plan-after').selectOption('dark');
    await page.getByTestId('plan-button').click();
    await page.waitForFunction(() => /goes dark/.test(document.querySelector('[data-testid="plan-text"]')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const dark = planVersusCurrent(planModelFromMmm(model, { afterPlan: 'dark' }), { periods: 8, total: budget, constraints, replicates: replicateModels(model) });
    assert.ok(dark.feasible);
    assert.equal(await page.getByTestId('plan-text').innerText(), `${explainPlan(dark)} ${afterPlanSentence('dark', 'week')}`);
    await page.getByTestId('plan-after').selectOption('current');

    // Clearing the budget to retype it is not a budget of 0: Plan waits; a negative budget is explained.
    await page.getByTestId('plan-budget').fill('');
    assert.equal(await page.getByTestId('plan-button').isDisabled(), true);
    assert.equal(await page.getByTestId('plan-budget').inputValue(), '');
    await page.getByTestId('plan-budget').fill('-5');
    await page.getByTestId('plan-budget-problem').waitFor();
    assert.equal(await page.getByTestId('plan-button').isDisabled(), true);
    // A budget the bounds cannot hold is explained, not planned.
    await page.getByTestId('plan-budget').fill(String(Math.round(budget * 3)));
    assert.equal(await page.getByTestId('plan-budget-problem').count(), 0);
    await page.getByTestId('plan-button').click();
    await page.waitForFunction(() => /^No plan meets these limits/.test(document.querySelector('[data-testid="plan-text"]')?.textContent ?? ''));
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('downloads: the scenario CSV and a run export file', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const scenario = await download(page, () => page.getByTestId('export-scenario-csv').click());
    assert.equal(scenario.name, 'mixwise-scenario.csv');
    const rows = scenarioRows(scenario.text);
    assert.deepEqual([...rows.keys()], [...channelNames(), 'TOTAL']);
    for (const [ch, r] of rows) {
      assert.ok([r.current, r.spend, r.change, r.kpi].every(Number.isFinite), `${ch}: numbers`);
      assert.equal(r.change, 0, `${ch}: no change at the current split`);
    }
    const sum = channelNames().reduce((s, c) => s + rows.get(c)!.current, 0);
    assert.ok(Math.abs(rows.get('TOTAL')!.current - sum) < 1e-6 * sum, 'TOTAL is the sum of the channels');

    await page.goto(h.pageUrl('executive'));
    const file = await download(page, () => page.getByTestId('export-decomposition.csv').click());
    assert.equal(file.name, `${h.run.id}-decomposition.csv`, 'the server names the file after the run');
    const { header, rows: dec } = parseCsv(file.text);
    assert.deepEqual(header.slice(0, 3), ['date', 'actual', 'fitted']);
    for (const ch of channelNames()) assert.ok(header.includes(ch), `a column for ${ch}`);
    assert.equal(dec.length, summary.periods);
    const parts = header.map((c, i) => (['date', 'actual', 'fitted', 'holdout'].includes(c) ? -1 : i)).filter((i) => i >= 0);
    for (const row of dec) {
      const fitted = Number(row[2]);
      const total = parts.reduce((s, i) => s + Number(row[i]), 0);
      assert.ok(Math.abs(total - fitted) <= 1e-6 * Math.abs(fitted), `${row[0]}: contributions add up to the fitted value`);
    }
    const json = await download(page, () => page.getByTestId('export-summary.json').click());
    assert.match(json.name, /summary\.json$/);
    assert.deepEqual(JSON.parse(json.text), summary, 'summary.json download equals the API answer');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('data page: a bad upload shows why it was refused', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('data'));
    const broken = 'date,revenue,tv_spend\n2024-01-01,abc,1\n2024-01-01,,x\n';
    await page.getByTestId('upload-input').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    const banner = page.getByTestId('upload-error');
    await banner.waitFor();
    assert.match(await banner.innerText(), /The file was not accepted\.[\s\S]*broken\.csv/);
    // The same file through the API, for the issues the table must list.
    const form = new FormData();
    form.append('file', new Blob([broken]), 'broken.csv');
    const res = await fetch(`${h.url}api/uploads`, { method: 'POST', body: form });
    assert.equal(res.status, 422);
    const codes = ((await res.json()) as { error: { issues: { code: string }[] } }).error.issues.map((i) => i.code);
    assert.ok(codes.length >= 2, 'several issues');
    const tableRows = banner.locator('[data-testid="issues-table"] tbody tr');
    assert.equal(await tableRows.count(), codes.length, 'one table row per issue');
    const text = await banner.locator('[data-testid="issues-table"]').innerText();
    for (const code of codes) assert.ok(text.includes(code), `issue ${code} listed`);
    assert.match(text, /row 3/);
    await shot(page, 'data-bad-upload');

    // An error a Cleaning tick would fix, beside one it would not: Cleaning is not on screen after a
    // refusal, so its hint says to fix the file and upload it again first.
    const rows = Array.from({ length: 30 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10)},${1000 + i},${i === 5 ? 'abc' : i === 9 ? 'n/a' : 100 + i}`);
    await page.getByTestId('upload-input').setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(['date,revenue,tv_spend', ...rows].join('\n') + '\n') });
    await page.getByText('mixed.csv').first().waitFor();
    const mixed = await banner.locator('[data-testid="issues-table"]').innerText();
    assert.match(mixed, /once the errors of the file are fixed and it is uploaded again, tick "[^"]+" under Cleaning in 2 · Column roles/);
    assert.doesNotMatch(mixed, /; or tick "/, 'no tick that is not on screen');
    assert.equal(await page.getByTestId('cleaning').count(), 0);

    await page.getByTestId('upload-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('is not a .csv or .parquet file').waitFor();
    assert.equal(await page.getByTestId('columns-table').count(), 0, 'no role mapping for a refused file');
    // The only console errors are the browser's own notes on the two refused requests (422, 415).
    assert.deepEqual(problems.filter((p) => !/Failed to load resource: the server responded with a status of 4(22|15)/.test(p)), []);
  } finally { await context.close(); }
});

test('data page: a panel (a row per date and region) gets the Panel role and checks as one series; without the role it is refused with the fix', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    const lines = (await readFile(h.csv.path, 'utf8')).trim().split('\n');
    const header = lines[0].split(',');
    const rows = lines.slice(1).flatMap((l) => ['north', 'south'].map((region) => {
      const cells = l.split(',');
      return [cells[0], region, ...cells.slice(1).map((v, k) => (h.csv.expectedRoles[header[k + 1]] === 'event' ? v : String(Number(v) / 2)))].join(',');
    }));
    const text = [['date', 'region', ...header.slice(1)].join(','), ...rows].join('\n') + '\n';
    await page.goto(h.pageUrl('data'));
    await page.getByTestId('upload-input').setInputFiles({ name: 'regions.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByTestId('columns-table').waitFor();
    assert.equal(await page.getByTestId('role-region').inputValue(), 'panel');
    await page.getByTestId('roles-ok').waitFor();
    assert.match(await page.getByTestId('roles-ok').innerText(), new RegExp(`Ready: ${h.csv.rows} weekly periods`));
    await page.getByTestId('role-region').selectOption('ignore');
    await page.getByText('set the role of "region" to Panel').waitFor();
    assert.equal(await page.getByTestId('roles-ok').count(), 0);
    await page.getByTestId('role-region').selectOption('panel');
    await page.getByTestId('roles-ok').waitFor();
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('data page: a negative spend cell is refused until "Clip negative spend to 0" is ticked, which then says what it changed', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    const lines = (await readFile(h.csv.path, 'utf8')).trim().split('\n');
    const header = lines[0].split(',');
    const channel = header.find((c) => h.csv.expectedRoles[c] === 'channel') as string;
    const cells = lines[7].split(',');
    cells[header.indexOf(channel)] = '-40';
    lines[7] = cells.join(',');
    await page.goto(h.pageUrl('data'));
    await page.getByTestId('upload-input').setInputFiles({ name: 'negative.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
    await page.getByTestId('columns-table').waitFor();
    await page.getByText('under Cleaning').first().waitFor();
    const text = await page.locator('[data-testid="issues-table"]').last().innerText();
    assert.match(text, /NEGATIVE_SPEND/);
    assert.match(text, /tick "Clip negative spend to 0" under Cleaning/);
    assert.equal(await page.getByTestId('roles-ok').count(), 0, 'not ready while the negative spend stands');
    await page.getByTestId('clean-negatives_clip').check();
    await page.getByTestId('roles-ok').waitFor();
    assert.equal(await page.getByTestId('cleaning-summary').innerText(), `Cleaning changed: negatives: 1 cell (${channel}).`);
    assert.doesNotMatch(await page.locator('[data-testid="issues-table"]').last().innerText(), /NEGATIVE_SPEND/, 'fixed, so no longer listed');
    await shot(page, 'data-cleaning');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('data page: upload, check and change roles, train with live progress, then the new run opens', { timeout: 150_000 }, async (t) => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('data'));
    await page.getByTestId('upload-input').setInputFiles(h.csv.path);
    await page.getByTestId('columns-table').waitFor();
    assert.match(await page.getByTestId('upload-summary').innerText(), new RegExp(`fixture\\.csv .* ${h.csv.rows} rows · ${Object.keys(h.csv.expectedRoles).length} columns · weekly`));
    for (const [column, role] of Object.entries(h.csv.expectedRoles)) {
      assert.equal(await page.getByTestId(`role-${column}`).inputValue(), role, `detected role of ${column}`);
    }
    const events = Object.entries(h.csv.expectedRoles).filter(([, r]) => r === 'event').map(([c]) => c);
    const dropped = events[events.length - 1];
    await page.getByTestId(`role-${dropped}`).selectOption('ignore');
    await page.getByTestId('roles-ok').waitFor();
    assert.match(await page.getByTestId('roles-ok').innerText(), new RegExp(`Ready: ${h.csv.rows} weekly periods`));
    await page.getByTestId('option-iterations').fill('50');
    await shot(page, 'data-roles');

    // Record every status / progress value the page shows while training.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const status = document.querySelector('[data-testid="train-status"]')?.getAttribute('data-status');
        const value = document.querySelector('[data-testid="progress-bar"]')?.getAttribute('data-value');
        const entry = `${status ?? ''}|${value ?? ''}`;
        if (status && seen[seen.length - 1] !== entry) seen.push(entry);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'data-value'] });
    });
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid="train-status"][data-status="running"]').waitFor();
    await page.getByTestId('train-status').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'data-training.png') });
    await page.waitForURL(/#\/executive\?run=/, { timeout: 120_000 });
    const runId = decodeURIComponent(/run=([^&]+)/.exec(page.url())![1]);
    assert.notEqual(runId, h.run.id, 'the app opened the new run');

    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.ok(seen.some((s) => s.startsWith('running|')), `status passed through running: ${seen.join(' ')}`);
    const values = new Set(seen.filter((s) => s.startsWith('running|')).map((s) => s.split('|')[1]).filter((v) => v !== ''));
    assert.ok(values.size >= 2, `the progress bar moved: ${[...values].join(', ')}`);
    t.diagnostic(`status|progress seen while training: ${seen.join(' ')}`);

    const run = await h.get<RunManifest>(`api/runs/${runId}`);
    assert.equal(run.status, 'done');
    assert.equal(run.options?.iterations, 50);
    assert.ok(run.roles && !run.roles.events.includes(dropped) && !run.roles.controls.includes(dropped), `${dropped} was ignored`);
    assert.deepEqual(run.roles?.channels, h.csv.channelColumns);
    assert.equal(await page.getByTestId('run-picker').inputValue(), runId);
    await waitForCharts(page, PAGE_CHARTS.executive);
    await shot(page, 'executive-new-run');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('explorer of a ridge run: the ROI prior and what it weighted, no sampler figures, nothing empty or NaN', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('explorer'));
    await waitForCharts(page, PAGE_CHARTS.explorer);
    assert.equal(summary.posterior, null, 'the harness run is a ridge fit');
    const model = await h.get<MmmModel>(`api/runs/${h.run.id}/model`);
    const expected = roiPriorSentence(summary, model);
    assert.ok(expected !== null, 'a revenue KPI gets the default ROI prior');
    const section = page.getByTestId('posterior-section');
    assert.equal(await section.locator('h2, h3').first().innerText(), 'ROI prior (ridge fit)');
    assert.equal(await page.getByTestId('posterior-prior').innerText(), expected);
    assert.match(expected, /; it weighted the hyperparameter posterior that chose the model\.|; not used, since/);
    assert.match(await page.getByTestId('posterior-ridge-note').innerText(), /^A ridge fit has no sampler chains, so there are no R-hat, ESS, divergence or tree-depth figures/);
    for (const id of ['table-posterior-checks', 'table-posterior', 'posterior-verdict', 'posterior-warning', 'chart-posterior-roi-traces']) {
      assert.equal(await page.getByTestId(id).count(), 0, `no ${id} for a ridge fit`);
    }
    assert.doesNotMatch(await section.innerText(), /NaN|undefined|–/);
    await section.screenshot({ path: join(SCREENSHOT_DIR, 'explorer-ridge-prior.png') });
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('data page: a Bayesian fit shows its sampling progress, then the explorer shows credible intervals, the traces and the R-hat table', { timeout: 180_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await uploadFixture(page, 50);
    assert.equal(await page.getByTestId('bayes-options').count(), 0, 'no sampler settings for a ridge fit');
    await page.getByTestId('option-method').selectOption('bayes');
    await page.getByTestId('option-chains').fill('2');
    await page.getByTestId('option-warmup').fill('60');
    await page.getByTestId('option-draws').fill('30');
    await page.getByTestId('option-target-accept').selectOption('0.9');
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid="train-status"]', { hasText: 'sample' }).waitFor({ timeout: 60_000 });
    await page.waitForURL(/#\/executive\?run=/, { timeout: 150_000 });
    const runId = decodeURIComponent(/run=([^&]+)/.exec(page.url())![1]);
    const run = await h.get<RunManifest>(`api/runs/${runId}`);
    assert.deepEqual([run.options?.method, run.options?.bayes], ['bayes', { chains: 2, warmup: 60, draws: 30, targetAccept: 0.9 }]);
    const served = await h.get<SummaryResult>(`api/runs/${runId}/summary`);
    assert.ok(served.posterior, 'summary.json has the posterior record');

    await page.goto(h.pageUrl('explorer', runId));
    await waitForCharts(page, [...PAGE_CHARTS.explorer, 'posterior-roi-traces']);
    assert.ok(await page.getByText('ROI with 90% credible interval').isVisible());
    const model = await h.get<MmmModel>(`api/runs/${runId}/model`);
    // The verdict, the checks, the warnings and the ROI prior in the HTML report's words (the engine's posteriorDiagnostics and roiPriorSentence).
    const d = posteriorDiagnostics(served.posterior, model.bayes);
    const line = await page.getByTestId('posterior-line').innerText();
    assert.ok(line.startsWith(d.verdict), line);
    assert.equal(await page.getByTestId('posterior-verdict').innerText(), served.posterior.converged ? 'converged' : 'not converged');
    const checks = await page.getByTestId('table-posterior-checks').locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.innerText.trim())));
    assert.deepEqual(checks, d.checks.map((c) => [c.label, c.text, c.limit, c.status ?? '']));
    assert.equal(checks[0][1], '2 × 30 (warm-up 60)');
    assert.ok([served.posterior.max_rhat.toFixed(3), 'not finite'].includes(checks[1][1]), checks[1][1]);
    assert.equal(checks.at(-1)?.[0], 'transitions at the tree-depth limit (1024 leapfrog steps)', 'the tree-depth hits');
    assert.match(checks.at(-1)?.[1] ?? '', new RegExp(`^${served.posterior.tree_depth_hits} \\(\\d+\\.\\d%\\)$`));
    assert.deepEqual(await page.getByTestId('posterior-warning').allInnerTexts(), d.warnings.map((w) => w.text));
    assert.deepEqual(d.warnings.map((w) => w.text), served.warnings.filter((w) => w.code === 'NOT_CONVERGED' || w.code === 'TREE_DEPTH_LIMIT').map((w) => `Warning: ${w.message}.`), 'the warnings of summary.json');
    const prior = await page.getByTestId('posterior-prior').innerText();
    assert.equal(prior, roiPriorSentence(served, model));
    assert.match(prior, /^ROI prior, the same for every channel: log-normal with median [\d.]+ and σ of log ROI [\d.]+, /);
    assert.match(await page.getByTestId('posterior-sampler').innerText(), /^NUTS, (diag|dense) metric, target acceptance 0\.9\. Adapted step size per chain: [\d.]+ \/ [\d.]+\.$/);
    assert.doesNotMatch(await page.getByTestId('posterior-section').innerText(), /NaN|undefined/);
    const rows = await page.getByTestId('table-posterior').locator('tbody tr').count();
    assert.equal(rows, 10, 'the worst 10 parameters first');
    await page.getByTestId('posterior-section').screenshot({ path: join(SCREENSHOT_DIR, 'explorer-posterior.png') });
    await page.getByTestId('posterior-show-all').click();
    assert.equal(await page.getByTestId('table-posterior').locator('tbody tr').count(), model.bayes?.parameters.length);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

/** On the Data page: upload the fixture CSV, wait until its detected roles are accepted, set the search iterations. */
async function uploadFixture(page: Page, iterations: number): Promise<void> {
  await page.goto(h.pageUrl('data'));
  await page.getByTestId('upload-input').setInputFiles(h.csv.path);
  await page.getByTestId('roles-ok').waitFor();
  await page.getByTestId('option-iterations').fill(String(iterations));
}

/** The ISO date `weeks` weeks after an ISO date. */
function weeksAfter(iso: string, weeks: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

test('data page: lift tests are read by the server, listed, removable, and calibrate the fit', { timeout: 120_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await uploadFixture(page, 50);
    const [first, second] = channelNames();
    const start = (w: number) => weeksAfter(summary.window.start, w);

    // A file with an unknown channel: the server's issue is shown with its row and column.
    const bad = `channel,start,end,lift\n${first},${start(40)},${start(47)},1000\nradio,${start(40)},${start(47)},1000\n`;
    await page.getByTestId('lift-tests-input').setInputFiles({ name: 'bad-lift.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const error = page.getByTestId('lift-tests-error');
    await error.waitFor();
    const errorText = await error.locator('[data-testid="issues-table"]').innerText();
    assert.match(errorText, /channel, row 3/);
    assert.match(errorText, /LIFT_TEST_CHANNEL/);
    assert.equal(await page.getByTestId('lift-tests-table').count(), 0, 'nothing listed from a refused file');

    const lift = (c: string) => Math.round(((summary.channels.find((x) => x.name === c)?.contribution ?? 1e6) / summary.periods) * 8);
    const good = `channel,start,end,lift,standard_error\n${first},${start(40)},${start(47)},${lift(first)},${Math.round(lift(first) / 10)}\n`
      + `${second},${start(60)},${start(67)},${lift(second)},\n${first},${start(80)},${start(87)},${lift(first)},\n`;
    await page.getByTestId('lift-tests-input').setInputFiles({ name: 'lift.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    const rows = page.locator('[data-testid="lift-tests-table"] tbody tr');
    await page.getByTestId('lift-tests-table').waitFor();
    assert.equal(await page.getByTestId('lift-tests-error').count(), 0, 'the error is gone');
    assert.equal(await rows.count(), 3);
    assert.match(await rows.nth(0).innerText(), new RegExp(`${first}\\s+${start(40)} – ${start(47)}`));
    assert.match(await rows.nth(1).innerText(), /20% \(default\)/);
    await page.getByTestId('lift-test-remove-2').click();
    await page.getByTestId('lift-test-remove-2').waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 2, 'one test removed');
    await page.getByTestId('lift-tests').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'data-lift-tests.png') });

    await page.getByTestId('train-button').click();
    await page.waitForURL(/#\/executive\?run=/, { timeout: 90_000 });
    const runId = decodeURIComponent(/run=([^&]+)/.exec(page.url())![1]);
    const run = await h.get<RunManifest>(`api/runs/${runId}`);
    assert.equal(run.status, 'done');
    assert.deepEqual(run.options?.liftTests?.map((t) => [t.channel, t.start, t.standardError ?? null]), [
      [first, start(40), Math.round(lift(first) / 10)], [second, start(60), null],
    ]);
    const calibrated = await h.get<SummaryResult>(`api/runs/${runId}/summary`);
    assert.deepEqual(calibrated.lift_tests.map((t) => [t.channel, t.start]), [[first, start(40)], [second, start(60)]]);

    // The explorer of the calibrated run shows each test beside the model, with summary.json's z.
    await page.goto(h.pageUrl('explorer', runId));
    await waitForCharts(page, [...PAGE_CHARTS.explorer, 'lift-test-calibration']);
    const calRows = page.locator('[data-testid="lift-tests"] tbody tr');
    assert.equal(await calRows.count(), 2);
    for (const [k, t] of calibrated.lift_tests.entries()) {
      const text = await calRows.nth(k).innerText();
      assert.ok(text.startsWith(t.channel) && text.includes(t.start), text);
      assert.ok(text.trim().endsWith(formatSigned(t.z, 1)), `z of ${t.channel}: ${text}`);
    }
    await shot(page, 'explorer-calibration');
    // The only console error is the browser's own note on the refused lift-test file (422).
    assert.deepEqual(problems.filter((p) => !/Failed to load resource: the server responded with a status of 422/.test(p)), []);
  } finally { await context.close(); }
});

test('data page: Cancel stops a running fit', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await uploadFixture(page, 20000);
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid="train-status"][data-status="running"]').waitFor();
    const { runs } = await h.get<{ runs: RunManifest[] }>('api/runs');
    const running = runs.filter((r) => r.status === 'running');
    assert.equal(running.length, 1, 'one fit running');
    await page.getByTestId('cancel-button').click();
    await page.locator('[data-testid="train-status"][data-status="cancelled"]').waitFor({ timeout: 20_000 });
    assert.match(await page.getByTestId('train-status').innerText(), /Cancelled\./);
    assert.equal(await page.getByTestId('cancel-button').count(), 0, 'no Cancel button once stopped');
    assert.equal(await page.getByTestId('train-button').isEnabled(), true, 'can train again');
    assert.equal((await h.get<RunManifest>(`api/runs/${running[0].id}`)).status, 'cancelled');
    assert.equal((await fetch(`${h.url}api/runs/${running[0].id}/model`)).status, 409, 'no model for a cancelled run');
    await shot(page, 'data-cancelled');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
