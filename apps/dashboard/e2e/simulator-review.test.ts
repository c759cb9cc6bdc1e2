// Browser tests of the reviewer's findings on the executive recommendation and the budget simulator:
// the lift's interval beside the headline and the Optimise result, locks in the scenarios, amount
// fields, the slider's range, the simulator's state across pages, and the two ROI figures explained.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { OptimizeResponse } from '@mixwise/contracts';
import { budgetFrontier, planMinimumBudget, planModelFromMmm, planVersusCurrent, proseAmount, responseModelFromMmm, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { DEFAULT_SCENARIO_LEVELS } from '@mixwise/contracts';
import { buildConstraints, DEFAULT_CONTROL } from '../src/logic/constraints.ts';
import { formatCompact } from '../src/logic/format.ts';
import { rangeLabel } from '../src/logic/lift-uncertainty.ts';
import { startHarness, type Harness, afterWhatIf, openSimulator } from './harness.ts';

let h: Harness;
let summary: SummaryResult;
before(async () => {
  h = await startHarness({ nChannels: 3, seed: 3, iterations: 100 });
  summary = await h.get<SummaryResult>(`api/runs/${h.run.id}/summary`);
}, { timeout: 180_000 });
after(async () => { await h?.close(); });

const channelNames = () => summary.channels.map((c) => c.name);

async function postOptimize(body: object): Promise<OptimizeResponse> {
  const res = await fetch(`${h.url}api/runs/${h.run.id}/optimize`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200, await res.clone().text());
  return await res.json() as OptimizeResponse;
}

test('executive recommendation and simulator Optimise show the lift\'s 90% range and the API\'s sentence on it', { timeout: 60_000 }, async () => {
  const api = await postOptimize({});
  assert.ok(api.expected.liftInterval, 'the fixture run has bootstrap replicates');
  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('executive'));
    await page.getByTestId('recommendation-lift').waitFor();
    assert.equal(await page.getByTestId('recommendation-range').innerText(), `${rangeLabel(api.expected.liftInterval, 52)} per year`);
    const sentence = await page.getByTestId('recommendation-interval').innerText();
    const said = sentence.replace(/ \(Figures per week\.\)$/, '');
    assert.match(said, /^Across \d+ bootstrap replicates of the model, 90% of the predicted lifts lie between /);
    assert.ok(api.recommendation.includes(said), `the API says the same: ${api.recommendation}`);

    // The simulator's Optimise at current spend: the same allocation, so the same sentence.
    await openSimulator(h, page);
    await afterWhatIf(page, () => page.getByTestId('optimise-button').click());
    const text = await page.getByTestId('optimise-result').innerText();
    assert.ok(text.endsWith(` ${said}`), text);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

/** The scenario table's "Predicted KPI" column, in order (Conservative, Current, Aggressive). */
async function scenarioKpis(page: Page): Promise<string[]> {
  return page.locator('[data-testid="scenario-table"] tbody tr td:nth-child(3)').allInnerTexts();
}

test('scenarios hold a locked channel at the amount typed, as Optimise and the plan do', { timeout: 60_000 }, async () => {
  const model = await h.get<MmmModel>(`api/runs/${h.run.id}/model`);
  const rm = responseModelFromMmm(model, { uncertainty: 'expected' });
  const names = channelNames();
  const [locked] = names;
  const typed = Math.round(2 * rm.channels[0].current);
  const levels = [DEFAULT_SCENARIO_LEVELS.conservative, DEFAULT_SCENARIO_LEVELS.current, DEFAULT_SCENARIO_LEVELS.aggressive];
  const controls = names.map((n) => ({ ...DEFAULT_CONTROL, locked: n === locked }));
  const kpis = (lockedSpend?: number[]) => budgetFrontier(rm, { levels, constraints: buildConstraints(names, controls, lockedSpend) })
    .map((p) => (p.result.feasible ? formatCompact(p.result.expected.recommended) : '—'));
  const atTyped = kpis(names.map((_, i) => (i === 0 ? typed : rm.channels[i].current)));
  assert.notDeepEqual(atTyped, kpis(), 'the fixture tells a lock at the typed spend from one at current spend');
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    await afterWhatIf(page, () => page.getByTestId(`spend-${locked}`).fill(String(typed)));
    await page.getByTestId(`spend-${locked}`).blur();
    await page.getByTestId(`lock-${locked}`).check();
    await page.waitForFunction((want) => {
      const cells = [...document.querySelectorAll('[data-testid="scenario-table"] tbody tr td:nth-child(3)')].map((c) => c.textContent);
      return JSON.stringify(cells) === JSON.stringify(want);
    }, atTyped, { timeout: 15_000 }).catch(async () => assert.deepEqual(await scenarioKpis(page), atTyped));
    // Optimise holds it there too.
    await afterWhatIf(page, () => page.getByTestId('optimise-button').click());
    assert.equal(Number((await page.getByTestId(`spend-${locked}`).inputValue()).replace(/,/g, '')), typed);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

/** The simulator's spend per channel, read from the spend fields. */
async function spends(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (const n of channelNames()) out.push(Number((await page.getByTestId(`spend-${n}`).inputValue()).replace(/,/g, '')));
  return out;
}

test('amount fields (total budget, plan budget, goal) read 250k as 250,000 and say so for text that is not an amount', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const total = page.getByTestId('total-budget');
    await afterWhatIf(page, () => total.fill('250k'));
    assert.equal(await total.inputValue(), '250k', 'the text stays as typed');
    const s = await spends(page);
    assert.ok(Math.abs(s.reduce((a, b) => a + b, 0) - 250_000) <= channelNames().length, `Σ spend ${s.join(' + ')} is 250,000`);
    assert.equal(await page.getByTestId('total-budget-problem').count(), 0);
    await total.fill('1,5');
    await page.getByTestId('total-budget-problem').waitFor();
    assert.match(await page.getByTestId('total-budget-problem').innerText(), /must be an amount/);
    assert.equal(await total.inputValue(), '1,5');
    assert.deepEqual(await spends(page), s, 'no silent change of the spend');

    const plan = page.getByTestId('plan-budget');
    await plan.fill('2.6M');
    assert.equal(await page.getByTestId('plan-budget-problem').count(), 0);
    assert.equal(await page.getByTestId('plan-button').isDisabled(), false);
    await plan.fill('1,5');
    await page.getByTestId('plan-budget-problem').waitFor();
    assert.equal(await plan.inputValue(), '1,5');
    assert.equal(await page.getByTestId('plan-button').isDisabled(), true);

    const goal = page.getByTestId('goal-value');
    await goal.fill('3.5M');
    assert.equal(await page.getByTestId('goal-problem').count(), 0);
    assert.equal(await page.getByTestId('goal-button').isDisabled(), false);
    await goal.fill('1,5');
    await page.getByTestId('goal-problem').waitFor();
    assert.equal(await page.getByTestId('goal-button').isDisabled(), true);
    assert.equal(await goal.inputValue(), '1,5');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a channel\'s spend field says under it why "abc", "-5" or 1e20 is not taken, and the spend stays', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const [name] = channelNames();
    const field = page.getByTestId(`spend-${name}`);
    const message = page.getByTestId(`spend-problem-${name}`);
    // The sliders hold the spend (the field being typed in shows the text).
    const sliders = async () => Promise.all(channelNames().map((n) => page.getByTestId(`slider-${n}`).inputValue()));
    const before = await sliders();
    for (const [text, said] of [['abc', /Type an amount ≥ 0/], ['-5', /Type an amount ≥ 0/], ['1e20', /At most 1,000,000,000,000,000 \(1e15\) per week/]] as const) {
      await field.fill(text);
      await message.waitFor();
      assert.match(await message.innerText(), said, text);
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await sliders(), before, `${text}: no silent change of the spend`);
    }
    // Leaving the field shows the spend kept, and still says the text was not taken.
    await field.press('Enter');
    assert.match(await message.innerText(), /^"1e20" was not taken\./);
    await afterWhatIf(page, () => field.fill('250k'));
    assert.equal(await message.count(), 0, 'a usable amount clears the message');
    assert.equal(await page.getByTestId('optimise-button').isDisabled(), false);
    const total = page.getByTestId('total-budget');
    await total.fill('1e20');
    assert.match(await page.getByTestId('total-budget-problem').innerText(), /at most 1,000,000,000,000,000 \(1e15\)/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('a slider\'s range follows Reset and a typed amount back down, and holds while its own thumb moves', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const [name] = channelNames();
    const field = page.getByTestId(`spend-${name}`), slider = page.getByTestId(`slider-${name}`);
    const current = Number((await field.inputValue()).replace(/,/g, ''));
    const top0 = Number(await slider.getAttribute('max'));
    await afterWhatIf(page, () => field.fill('50m'));
    await field.press('Enter');
    assert.equal(Number(await slider.getAttribute('max')), 50e6, 'the top reaches the typed spend');
    // Its own thumb: the range holds (an arrow key moves 1% of 50M down, and the top stays).
    await afterWhatIf(page, () => slider.press('ArrowLeft'));
    assert.equal(Number(await slider.getAttribute('max')), 50e6, 'the range does not shrink under the thumb');
    await afterWhatIf(page, () => page.getByTestId('reset-button').click());
    assert.equal(Number(await slider.getAttribute('max')), top0, 'Reset sets the range of current spend again');
    await afterWhatIf(page, () => slider.press('ArrowRight'));
    const moved = Number(await slider.inputValue());
    assert.ok(Math.abs(moved - (current + 0.01 * top0)) <= 0.001 * top0, `ArrowRight after Reset moves 1% of ${top0}: ${current} → ${moved}`);
    // Typed up, then typed back down: the range shrinks with it.
    await afterWhatIf(page, () => field.fill('50m'));
    await afterWhatIf(page, () => field.fill(String(current)));
    await field.press('Enter');
    assert.equal(Number(await slider.getAttribute('max')), top0, 'typed back to current spend: the range of current spend');
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('the simulator keeps its scenario for the run across pages; Reset forgets it, locks and limits included, also after a reload', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    const [name] = channelNames();
    const field = page.getByTestId(`spend-${name}`);
    const current = await field.inputValue();
    const kpi = () => page.locator('[data-testid="predicted-kpi"] .kpi-value').innerText();
    await afterWhatIf(page, () => field.fill('300k'));
    await field.press('Enter');
    await page.getByTestId(`lock-${name}`).check();
    const predicted = await kpi();
    const away = async () => {
      await page.getByTestId('nav-explorer').click();
      await page.getByTestId('page-explorer').waitFor();
      await page.getByTestId('nav-simulator').click();
      await page.getByTestId('page-simulator').waitFor();
      await page.waitForFunction(() => (document.querySelector('[data-testid="whatif-ms"]')?.textContent ?? '–') !== '–');
    };
    await away();
    assert.equal(await field.inputValue(), '300,000');
    assert.equal(await page.getByTestId(`lock-${name}`).isChecked(), true);
    await page.waitForFunction((want) => document.querySelector('[data-testid="predicted-kpi"] .kpi-value')?.textContent === want, predicted);
    // A limit that is not usable (min above max) holds Optimise back until Reset.
    const other = channelNames()[1];
    const maxDefault = await page.getByTestId(`bound-max-${other}`).inputValue();
    const minDefault = await page.getByTestId(`bound-min-${other}`).inputValue();
    await page.getByTestId(`bound-max-${other}`).fill('1.2');
    await page.getByTestId(`bound-min-${other}`).fill('3');
    await page.getByTestId('bounds-problem').waitFor();
    assert.equal(await page.getByTestId('optimise-button').isDisabled(), true);
    await afterWhatIf(page, () => page.getByTestId('reset-button').click());
    assert.equal(await field.inputValue(), current);
    assert.equal(await page.getByTestId(`lock-${name}`).isChecked(), false, 'Reset unlocks');
    assert.equal(await page.getByTestId(`bound-max-${other}`).inputValue(), maxDefault, 'Reset restores the limits');
    assert.equal(await page.getByTestId(`bound-min-${other}`).inputValue(), minDefault);
    assert.equal(await page.getByTestId('optimise-button').isDisabled(), false);
    await away();
    assert.equal(await field.inputValue(), current, 'Reset forgot the scenario');
    assert.equal(await page.getByTestId(`lock-${name}`).isChecked(), false);
    await page.reload();
    await page.waitForFunction(() => (document.querySelector('[data-testid="whatif-ms"]')?.textContent ?? '–') !== '–');
    assert.equal(await page.getByTestId(`lock-${name}`).isChecked(), false, 'nothing kept after a reload');
    assert.equal(await page.getByTestId(`bound-max-${other}`).inputValue(), maxDefault);
    assert.equal(await page.getByTestId(`bound-min-${other}`).inputValue(), minDefault);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('the executive blended return and the simulator\'s Media ROI each say what they measure and name the other', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await h.openPage();
  try {
    await page.goto(h.pageUrl('executive'));
    assert.match(await page.getByTestId('kpi-blended-note').innerText(), /^historical: .*modelling window.*simulator's Media ROI is the steady-state return of current weekly spend/);
    await openSimulator(h, page);
    assert.match(await page.getByTestId('predicted-roi-note').innerText(), /^steady state: .*executive Blended (ROAS|CPA) is historical/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('simulator: a gross margin shows Optimise as gross profit (the API\'s /optimize with margin), and the plan takes a KPI target instead of a budget', { timeout: 90_000 }, async () => {
  const api = await postOptimize({ margin: 0.3 });
  assert.ok(api.profit);
  const model = await h.get<MmmModel>(`api/runs/${h.run.id}/model`);
  const names = channelNames();
  const current = responseModelFromMmm(model, { uncertainty: 'expected' }).channels.map((c) => c.current);
  const constraints = buildConstraints(names, names.map(() => DEFAULT_CONTROL), current);
  const pm = planModelFromMmm(model);
  const now = planVersusCurrent(pm, { periods: 8, total: 8 * current.reduce((s, v) => s + v, 0), constraints });
  assert.ok(now.feasible);
  const target = Math.round(1.01 * now.current.kpi.current.window);
  const least = planMinimumBudget(pm, { periods: 8, targetKpi: target, constraints });
  assert.ok(least.feasible);
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    // Optimise at current spend is the API's allocation for no budget (first test), so the same profit and words.
    await afterWhatIf(page, () => page.getByTestId('optimise-button').click());
    await page.getByTestId('margin').fill('0.3');
    await page.getByTestId('profit-result').waitFor();
    assert.equal(await page.getByTestId('profit-current').innerText(), formatCompact(api.profit.current));
    assert.equal(await page.getByTestId('profit-recommended').innerText(), formatCompact(api.profit.recommended));
    const head = (await page.getByTestId('profit-text').innerText()).split('. ')[0];
    assert.ok(api.recommendation.includes(` ${head}.`), `${head} | ${api.recommendation}`);
    await page.getByTestId('margin').fill('0');
    await page.getByTestId('margin-problem').waitFor();

    await page.getByTestId('plan-periods').fill('8');
    await page.getByTestId('plan-mode').selectOption('target');
    await page.getByTestId('plan-target').fill(String(target));
    await page.getByTestId('plan-button').click();
    await page.getByTestId('plan-target-text').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('plan-target-budget').innerText(), new RegExp(formatCompact(least.total).replace(/[.$]/g, '\\$&')));
    assert.ok((await page.getByTestId('plan-target-text').innerText()).startsWith(`To reach ${proseAmount(target)} inside the next 8 weeks (current spend is predicted to bring ${proseAmount(now.current.kpi.current.window)}), `));
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('"Current spend measured over" the last 13 weeks: the page says so, and current spend and the Optimise answer are the API\'s with referencePeriods 13', { timeout: 90_000 }, async () => {
  const api = await postOptimize({ referencePeriods: 13 });
  const whole = await postOptimize({});
  assert.notEqual(formatCompact(api.currentBudgetPerPeriod), formatCompact(whole.currentBudgetPerPeriod), 'the fixture\'s last 13 weeks spend differently from the window');
  const { page, context, problems } = await h.openPage();
  try {
    await openSimulator(h, page);
    assert.match(await page.getByTestId('simulator-current').innerText(), new RegExp(`^Current spend is the mean spend per week over all ${api.windowPeriods} modeled weeks`));
    // Chosen with the keyboard, as the page's other selects.
    const select = page.getByLabel('Current spend measured over');
    await select.focus();
    await select.selectOption('13');
    await page.getByTestId('simulator-current').filter({ hasText: `over the last 13 of the ${api.windowPeriods} modeled weeks` }).waitFor();
    await page.waitForFunction(() => ((globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('[data-testid="whatif-ms"]')?.textContent ?? '–') !== '–');
    assert.match(await page.getByTestId('budget-total').innerText(), new RegExp(`vs current ${formatCompact(api.currentBudgetPerPeriod).replace(/[.$]/g, '\\$&')}`));
    assert.equal(await page.getByTestId('total-budget').inputValue(), String(Math.round(api.currentBudgetPerPeriod)));
    await afterWhatIf(page, () => page.getByTestId('optimise-button').click());
    const text = await page.getByTestId('optimise-result').innerText();
    // The lift's range sentence is the API's for the same reference periods (the same split on the same curves).
    const said = text.slice(text.indexOf('Across '));
    assert.ok(text.includes('Across ') && api.recommendation.includes(said), `${text}\nvs the API's ${api.recommendation}`);
    // A custom N beyond the window is flagged beside the field and changes nothing.
    await select.selectOption('custom');
    await page.getByTestId('reference-periods-custom').fill(String(api.windowPeriods + 1));
    assert.equal(await page.getByTestId('reference-periods-problem').innerText(), `Type a whole number of weeks from 1 to ${api.windowPeriods} (the modeled weeks).`);
    assert.match(await page.getByTestId('simulator-current').innerText(), /over the last 13 of/);
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
