import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngineHandler } from './engine-handler.ts';
import { testModel } from './test-model.ts';
import { informationValue, minimumBudget, planMinimumBudget, planModelFromMmm, planVersusCurrent, targetEfficiency } from '@mixwise/engine';

test('load reduces the model to current spend and baseline', () => {
  const h = createEngineHandler();
  const rm = h.handle({ type: 'load', model: testModel() });
  // current = mean spend: tv 10, search (2+4+6+8)/4 = 5; baseline = 100 + 8·(2/4) = 104
  assert.deepEqual(rm.channels.map((c) => c.current), [10, 5]);
  assert.equal(rm.baseline, 104);
  // normalised weights sum to 1, so gain = 1/scale
  assert.ok(Math.abs(rm.channels[0].gain - 0.1) < 1e-12);
});

test('whatIf at current spend: tv 40·1/(1+1) = 20, search 30·1/(1+1) = 15', () => {
  const h = createEngineHandler();
  h.handle({ type: 'load', model: testModel() });
  const r = h.handle({ type: 'whatIf', spend: [10, 5] });
  assert.ok(Math.abs(r.kpi - (104 + 20 + 15)) < 1e-9);
});

test('optimize spends the budget and does not lose KPI vs current', () => {
  const h = createEngineHandler();
  h.handle({ type: 'load', model: testModel() });
  const a = h.handle({ type: 'optimize', budget: 15 });
  assert.ok(a.feasible);
  assert.ok(Math.abs(a.budget - 15) < 1e-6);
  assert.ok(a.expected.recommended >= a.expected.current - 1e-9);
  // interior optimum equalises marginal ROI: 40·0.1/(1+0.1x)² = 30·0.2/(1+0.2y)², x + y = 15
  assert.ok(Math.abs(a.channels[0].mroiRecommended - a.channels[1].mroiRecommended) < 1e-6);
});

test('scenarios returns one point per level and requests before load fail', () => {
  const h = createEngineHandler();
  assert.throws(() => h.handle({ type: 'whatIf', spend: [1, 1] }), /no model loaded/);
  h.handle({ type: 'load', model: testModel() });
  const pts = h.handle({ type: 'scenarios', levels: [0.8, 1, 1.2] });
  assert.deepEqual(pts.map((p) => p.level), [0.8, 1, 1.2]);
});

test('with bootstrap replicate curves, what-if and Optimise use the same expected response (the mean over replicates)', () => {
  const h = createEngineHandler();
  const base = testModel();
  // Two replicates: tv's coefficient 20 and 60 (mean 40, as the point), search's half-saturation 0.25 and 1.
  const rep = (tvCoef: number, searchK: number) => [
    { adstock: base.channels[0].adstock, saturation: base.channels[0].saturation, scale: 10, coef: tvCoef },
    { adstock: base.channels[1].adstock, saturation: { type: 'michaelis-menten' as const, halfSaturation: searchK }, scale: 5, coef: 30 },
  ];
  h.handle({ type: 'load', model: { ...base, bootstrapRoi: [[1, 1], [1, 1]], bootstrapCurves: [rep(20, 0.25), rep(60, 1)] } });
  // At current spend (u = 1): tv mean(20, 60)·1/(1+1) = 20; search 30·mean(1/1.25, 1/2) = 19.5 (the point curve gives 15).
  const r = h.handle({ type: 'whatIf', spend: [10, 5] });
  assert.ok(Math.abs(r.channels[1].response - 19.5) < 1e-9, String(r.channels[1].response));
  assert.ok(Math.abs(r.kpi - (104 + 20 + 19.5)) < 1e-9);
  const a = h.handle({ type: 'optimize', budget: 15 });
  assert.ok(a.feasible);
  const at = h.handle({ type: 'whatIf', spend: a.channels.map((c) => c.recommended) });
  assert.ok(Math.abs(at.kpi - a.expected.recommended) < 1e-9 * at.kpi, `what-if ${at.kpi} vs optimise ${a.expected.recommended}`);
});

test('informationValue: the engine\'s value for the loaded replicates; null for a model without replicates', () => {
  const h = createEngineHandler();
  const base = testModel();
  h.handle({ type: 'load', model: base });
  assert.equal(h.handle({ type: 'informationValue', budget: 15 }), null);
  const rep = (tvCoef: number, searchK: number) => [
    { adstock: base.channels[0].adstock, saturation: base.channels[0].saturation, scale: 10, coef: tvCoef },
    { adstock: base.channels[1].adstock, saturation: { type: 'michaelis-menten' as const, halfSaturation: searchK }, scale: 5, coef: 30 },
  ];
  const model = { ...base, bootstrapRoi: [[1, 1], [1, 1]], bootstrapCurves: [rep(20, 0.25), rep(60, 1)] };
  const rm = h.handle({ type: 'load', model });
  const v = h.handle({ type: 'informationValue', budget: 15 });
  assert.ok(v !== null);
  assert.deepEqual(v, informationValue(rm, { budget: 15 }));
  // The replicates disagree on both curves, so knowing them would change the split: a positive value.
  assert.ok(v.total > 0 && v.replicates === 2);
});

test('plan: the flighted plan of mixwise optimize --periods, with the spend before it carried in', () => {
  const h = createEngineHandler();
  assert.throws(() => h.handle({ type: 'plan', periods: 4, total: 60 }), /no model loaded/);
  h.handle({ type: 'load', model: testModel() });
  // 72 over 4 weeks: more than current spend (15 a week), so a handler that dropped the budget would fail.
  const r = h.handle({ type: 'plan', periods: 4, total: 72 });
  assert.ok(r.feasible);
  const direct = planVersusCurrent(planModelFromMmm(testModel()), { periods: 4, total: 72 });
  assert.ok(direct.feasible);
  assert.deepEqual(r.plan, direct.plan);
  assert.ok(Math.abs(r.plan.budgetPerPeriod.reduce((a, b) => a + b, 0) - 72) < 1e-6);
  // Current: tv 10 and search 5 (the mean over the window) in every period.
  assert.deepEqual(r.current.channels.map((c) => c.spend), [[10, 10, 10, 10], [5, 5, 5, 5]]);
  assert.ok(r.plan.kpi.lift.total >= -1e-9);
  assert.equal(r.liftInterval, null); // the test model has no replicates
  const tight = h.handle({ type: 'plan', periods: 4, total: 600, constraints: { defaults: { max: { type: 'multiple', value: 1.5 } } } });
  assert.equal(tight.feasible, false);
});

test('plan after loading another model plans that model (the plan cache is per load)', () => {
  const h = createEngineHandler();
  h.handle({ type: 'load', model: testModel() });
  h.handle({ type: 'plan', periods: 3, total: 45 });
  const other = testModel();
  const bigger = { ...other, channels: other.channels.map((c) => ({ ...c, spend: c.spend.map((v) => 2 * v) })) };
  h.handle({ type: 'load', model: bigger });
  const r = h.handle({ type: 'plan', periods: 3, total: 90 });
  assert.ok(r.feasible);
  assert.deepEqual(r.current.channels.map((c) => c.spend[0]), [20, 10], 'current spend of the second model');
  const direct = planVersusCurrent(planModelFromMmm(bigger), { periods: 3, total: 90 });
  assert.ok(direct.feasible);
  assert.deepEqual(r.plan, direct.plan);
});

test('plan afterPlan: current spend resumes by default; dark plans with no spend after the plan, each as the CLI\'s --after-plan', () => {
  const h = createEngineHandler();
  h.handle({ type: 'load', model: testModel() });
  const byDefault = h.handle({ type: 'plan', periods: 4, total: 72 });
  const current = h.handle({ type: 'plan', periods: 4, total: 72, afterPlan: 'current' });
  const dark = h.handle({ type: 'plan', periods: 4, total: 72, afterPlan: 'dark' });
  assert.ok(byDefault.feasible && current.feasible && dark.feasible);
  assert.deepEqual(byDefault.plan, current.plan);
  for (const afterPlan of ['current', 'dark'] as const) {
    const direct = planVersusCurrent(planModelFromMmm(testModel(), { afterPlan }), { periods: 4, total: 72 });
    assert.ok(direct.feasible);
    assert.deepEqual((afterPlan === 'dark' ? dark : current).plan, direct.plan, afterPlan);
  }
  // Concave (Michaelis–Menten) curves: with nothing after the plan the carryover of current spend
  // lands on an empty curve and earns more than on top of resumed spend, and the planner moves spend
  // into the last week, whose carryover lands there.
  assert.ok(dark.current.kpi.recommended.carryOut > current.current.kpi.recommended.carryOut);
  const lastWeek = (r: typeof dark): number => r.plan.budgetPerPeriod[3];
  assert.ok(lastWeek(dark) > lastWeek(current) + 1e-6, `last week: dark ${lastWeek(dark)} vs current ${lastWeek(current)}`);
  // Inside the window the assumption changes nothing for current spend.
  assert.equal(dark.current.kpi.recommended.window, current.current.kpi.recommended.window);
  // Cached per value: asking for current again gives the same plan as the first time.
  const again = h.handle({ type: 'plan', periods: 4, total: 72, afterPlan: 'current' });
  assert.ok(again.feasible);
  assert.deepEqual(again.plan, current.plan);
});

test('goal: the least budget for a KPI target, and the ROI and marginal-ROI goals, as the engine answers them', () => {
  const h = createEngineHandler();
  const rm = h.handle({ type: 'load', model: testModel() });
  // KPI at current spend is 104 + 20 + 15 = 139; 5 more needs a budget above the current 15 …
  const k = h.handle({ type: 'goal', goal: 'kpi', value: 144 });
  assert.ok(k.feasible && k.problem === 'minimum-budget');
  assert.ok(k.budget > 15 && Math.abs(k.expected.recommended - 144) < 1e-6);
  assert.deepEqual(k, minimumBudget(rm, { targetKpi: 144 }));
  // … and the marginal-ROI floor equalises every free channel's marginal return at the floor.
  const m = h.handle({ type: 'goal', goal: 'mroi', value: 0.5 });
  assert.ok(m.feasible && m.problem === 'target-mroi');
  for (const c of m.channels) if (c.status === 'free') assert.ok(Math.abs(c.mroiRecommended - 0.5) < 1e-9);
  const r = h.handle({ type: 'goal', goal: 'roi', value: 1.5 });
  assert.deepEqual(r, targetEfficiency(rm, { type: 'roi', value: 1.5 }));
  assert.ok(r.feasible && r.media.recommended >= 1.5 * r.budget * (1 - 1e-9));
  // A KPI no budget reaches is explained, not answered with a best effort.
  const no = h.handle({ type: 'goal', goal: 'kpi', value: 1e6 });
  assert.equal(!no.feasible && no.reason, 'TARGET_UNREACHABLE');
});

test('plan with a KPI target: the least budget planMinimumBudget finds, then the plan for the window\'s KPI at it (mixwise optimize --periods H --target-kpi Y)', () => {
  const h = createEngineHandler();
  h.handle({ type: 'load', model: testModel() });
  const pm = planModelFromMmm(testModel());
  const now = planVersusCurrent(pm, { periods: 4, total: 60 });
  assert.ok(now.feasible);
  const targetKpi = now.current.kpi.current.window * 1.02;
  const r = h.handle({ type: 'plan', periods: 4, targetKpi });
  assert.ok(r.feasible && r.target);
  const least = planMinimumBudget(pm, { periods: 4, targetKpi });
  assert.ok(least.feasible);
  assert.deepEqual(r.target, { kpi: targetKpi, total: least.total, window: least.window, floor: least.floor });
  const direct = planVersusCurrent(pm, { periods: 4, total: least.total, objective: 'window' });
  assert.ok(direct.feasible);
  assert.deepEqual(r.plan, direct.plan);
  assert.ok(r.plan.kpi.recommended.window >= targetKpi * (1 - 1e-9));
  // A budget plan says it was none; a target beyond the bounds is the engine's TARGET_UNREACHABLE.
  const byBudget = h.handle({ type: 'plan', periods: 4, total: 60 });
  assert.ok(byBudget.feasible && byBudget.target === null);
  const far = h.handle({ type: 'plan', periods: 4, targetKpi: targetKpi * 100, constraints: { defaults: { max: { type: 'multiple', value: 2 } } } });
  assert.ok(!far.feasible && far.reason === 'TARGET_UNREACHABLE');
});

test('referencePeriods: current spend and baseline over the last N periods for every request, the whole window\'s kept beside them', () => {
  const h = createEngineHandler();
  h.handle({ type: 'load', model: testModel() });
  // Last 2 periods: tv 10, search (6+8)/2 = 7; baseline 100 + 8·(0+1)/2 = 104. Last 1: search 8, baseline 100 + 8 = 108.
  assert.deepEqual(h.handle({ type: 'responseModel', referencePeriods: 2 }).channels.map((c) => c.current), [10, 7]);
  const last = h.handle({ type: 'responseModel', referencePeriods: 1 });
  assert.deepEqual([last.channels[1].current, last.baseline], [8, 108]);
  // whatIf at last-1 current: 108 + tv 20 + search 30·1.6/(1+1.6)
  const w = h.handle({ type: 'whatIf', spend: [10, 8], referencePeriods: 1 });
  assert.ok(Math.abs(w.kpi - (108 + 20 + 30 * 1.6 / 2.6)) < 1e-9, String(w.kpi));
  const a = h.handle({ type: 'optimize', budget: 18, referencePeriods: 2 });
  assert.ok(a.feasible);
  assert.deepEqual(a.channels.map((c) => c.current), [10, 7]);
  const plan = h.handle({ type: 'plan', periods: 2, total: 34, referencePeriods: 2 });
  assert.ok('plan' in plan);
  const pm = planModelFromMmm(testModel(), { afterPlan: 'current', referencePeriods: 2 });
  assert.deepEqual(pm.channels.map((c) => c.current), [10, 7]);
  const direct = planVersusCurrent(pm, { periods: 2, total: 34, replicates: [] });
  assert.ok(direct.feasible && plan.feasible);
  assert.deepEqual(plan.plan.channels.map((c) => c.spend), direct.plan.channels.map((c) => c.spend));
  assert.deepEqual(plan.current.kpi, direct.current.kpi);
  // The whole window is unchanged beside them.
  assert.deepEqual(h.handle({ type: 'responseModel' }).channels.map((c) => c.current), [10, 5]);
  assert.ok(Math.abs(h.handle({ type: 'whatIf', spend: [10, 5] }).kpi - (104 + 20 + 15)) < 1e-9);
});
