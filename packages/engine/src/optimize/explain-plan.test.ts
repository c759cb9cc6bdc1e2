import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { explainPlan } from './explain-plan.ts';
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
  assert.match(text, /Constraints that bind: tv: upper bound\./);
  assert.ok(!text.includes('Across'), 'no replicates, no interval sentence');
  assert.ok(!text.includes('stopped after'));
});

test('intervalSentence: a settled gain, an unsettled one, a settled loss, none', () => {
  assert.equal(intervalSentence([1, 2], 100), ' Across 100 bootstrap replicates of the model, 90% of the predicted lifts lie between +1 and +2.');
  assert.match(intervalSentence([-5, 20], 100), /includes no gain or a loss/);
  assert.match(intervalSentence([-20, -3], 100), /Every one of those replicates predicts less KPI/);
  assert.equal(intervalSentence(null, 0), '');
});
