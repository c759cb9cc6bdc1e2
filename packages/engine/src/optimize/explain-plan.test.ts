import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { explainPlan, planKeepsCurrentSpend } from './explain-plan.ts';
import { intervalSentence } from './explain-interval.ts';
import { planVersusCurrent } from './plan-versus-current.ts';
import type { PlanChannel, PlanModel } from './plan-types.ts';

const chan = (name: string, coef: number, k: number, current: number): PlanChannel => ({
  name, current, coef, gain: 0.1, saturation: { type: 'hill', halfSaturation: k, shape: 1 },
  weights: Array.from(adstockWeights({ type: 'geometric', alpha: 0.5 }, 4, true)), scale: 10, history: [current, current, current, current],
});
const pm: PlanModel = { baseline: 100, channels: [chan('tv', 50, 2, 10), chan('radio', 5, 0.3, 10)] };

test('explainPlan: budget against now, the moves, the window and carry-out, what binds — the numbers of the plan', () => {
  const cmp = planVersusCurrent(pm, { periods: 6, total: 150, constraints: { defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 1.5 } } } });
  assert.ok(cmp.feasible);
  const text = explainPlan(cmp);
  // tv sits at its upper bound (15 a period = 90); radio keeps the rest (60, unchanged, so not a move).
  assert.match(text, /^Spend 150 over the next 6 periods \(25 per period on average vs 20 now\): over the plan, raise tv from 60 to 90 \(\+50\.0%\)\. /);
  const lo = Math.min(...cmp.plan.budgetPerPeriod), hi = Math.max(...cmp.plan.budgetPerPeriod);
  assert.ok(hi - lo > 1, 'this plan varies spend across periods');
  assert.ok(text.includes(`Spend per period ranges from ${lo.toLocaleString('en-US', { maximumFractionDigits: 2 })} to ${hi.toLocaleString('en-US', { maximumFractionDigits: 2 })} (flighting).`), text);
  const k = cmp.plan.kpi;
  assert.ok(text.includes(`from ${Math.round(k.current.window).toLocaleString('en-US')} to ${Math.round(k.recommended.window).toLocaleString('en-US')}`), text);
  assert.match(text, /Constraints that bind: tv: upper bound, radio: upper bound in 2 of 6 periods\./);
  assert.ok(!text.includes('Across'), 'no replicates, no interval sentence');
  assert.ok(!text.includes('stopped after'));
});

test('a plan held at current spend by its constraints says there is nothing to change and names them, with no change to test', () => {
  // An interval that straddles zero, as replicates give for a plan that changes nothing: it must not turn into advice to test "the change".
  const straddling = { liftInterval: [-0.5, 0.5] as [number, number], liftDraws: new Array<number>(100).fill(0) };
  const locked = planVersusCurrent(pm, { periods: 4, constraints: { locks: { tv: true, radio: true } } });
  assert.ok(locked.feasible && planKeepsCurrentSpend(locked));
  const text = explainPlan({ ...locked, ...straddling });
  assert.match(text, /^Keep the current spend of 20 per period over the next 4 periods, every channel as now in every period\. Under these constraints there is nothing to change; they hold the split where it is: tv: locked, radio: locked\. Relaxing them \(unlocking a channel, widening its bounds or the maximum change\) is how to find a better split\. Inside the window the KPI is predicted to stay at 482, and the carry-out after it at 24\.85\.$/);
  assert.doesNotMatch(text, /test|experiment|raise|cut|Across|already the best/);
  // --max-change 0 holds both channels at their bounds in every period.
  const held = planVersusCurrent(pm, { periods: 4, constraints: { maxChange: { type: 'relative', value: 0 } } });
  assert.ok(held.feasible);
  assert.match(explainPlan({ ...held, ...straddling }), /^Keep the current spend of 20 per period over the next 4 periods, every channel as now in every period\. Under these constraints there is nothing to change; they hold the split where it is: tv: lower bound, radio: lower bound\. Relaxing them/);
});

test('a plan whose current spend is already the best says so; a plan that only moves spend between periods is still a change', () => {
  // No carryover, equal channels at equal spend: holding current spend is the best plan, nothing binds.
  const flat = (name: string): PlanChannel => ({ name, current: 10, coef: 5, gain: 0.1, saturation: { type: 'hill', halfSaturation: 1, shape: 1 }, weights: [1], scale: 10, history: [10] });
  const best = planVersusCurrent({ baseline: 100, channels: [flat('tv'), flat('radio')] }, { periods: 4 });
  assert.ok(best.feasible && planKeepsCurrentSpend(best));
  const text = explainPlan({ ...best, liftInterval: [-0.5, 0.5], liftDraws: new Array<number>(100).fill(0) });
  assert.match(text, /^Keep the current spend of 20 per period over the next 4 periods, every channel as now in every period\. No channel bound binds: the current split is already the best for this budget, so there is nothing to change\. /);
  assert.doesNotMatch(text, /test|Relaxing|Across/);
  // tv locked, radio keeps its total but flights it: a change, described (and its interval advice kept) as before.
  const timed = planVersusCurrent(pm, { periods: 4, constraints: { locks: { tv: true } } });
  assert.ok(timed.feasible && !planKeepsCurrentSpend(timed));
  const moved = explainPlan({ ...timed, liftInterval: [-0.5, 0.5], liftDraws: new Array<number>(100).fill(0) });
  assert.match(moved, /^Spend 80 over the next 4 periods \(20 per period on average vs 20 now\) with the current split\. Spend per period ranges from /);
  assert.match(moved, /treat the change as a test/);
});

test('intervalSentence: a settled gain, an unsettled one, a settled loss, none', () => {
  assert.equal(intervalSentence([1, 2], 100), ' Across 100 bootstrap replicates of the model, 90% of the predicted lifts lie between +1 and +2.');
  assert.match(intervalSentence([-5, 20], 100), /includes no gain or a loss/);
  assert.match(intervalSentence([-20, -3], 100), /Every one of those replicates predicts less KPI/);
  assert.equal(intervalSentence(null, 0), '');
});
