import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { compileCurve, DEFAULT_BOUNDS, DEFAULT_WEIGHTS, fitMmm, informationValue, intervalSentence, quantile, replicateModels, responseModelFromMmm, simulatePreset, type MmmModel } from '@mixwise/engine';
import { runOptimize } from './optimize-run.ts';
import { UsageError } from '../usage-error.ts';
import type { ProgressEvent } from '../render/progress.ts';

let model: MmmModel;
before(async () => {
  model = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 600, trials: 1, seed: 1, bootstrap: 12, posterior: 0, weights: DEFAULT_WEIGHTS } });
});

const bounds = { defaults: { min: { type: 'multiple' as const, value: 0.5 }, max: { type: 'multiple' as const, value: 1.5 } } };
const close = (a: number, b: number, tol = 1e-9): void => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('by default a steady-state request maximises the expected KPI: figures are means over the replicate models', () => {
  assert.equal(model.bootstrapCurves?.length, 12);
  const out = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact' });
  assert.ok(out.feasible);
  assert.equal(out.uncertainty?.objective, 'expected');
  assert.equal(out.uncertainty?.replicates, 12);
  // Independently: each replicate model's own steady-state KPI at the recommended and current spend.
  const reps = replicateModels(model).map((m) => responseModelFromMmm(m));
  const kpi = (rm: (typeof reps)[number], x: number[]): number => rm.baseline + rm.channels.reduce((s, ch, c) => s + compileCurve(ch).value(x[c]), 0);
  const rec = out.allocation.map((a) => a.recommended), cur = out.allocation.map((a) => a.current);
  close(out.expected.recommended, reps.reduce((s, rm) => s + kpi(rm, rec), 0) / reps.length);
  close(out.expected.current, reps.reduce((s, rm) => s + kpi(rm, cur), 0) / reps.length);
  assert.ok(out.expected.lift >= 0);
  const lifts = reps.map((rm) => kpi(rm, rec) - kpi(rm, cur)).sort((a, b) => a - b);
  assert.ok(out.expected.lift_interval);
  close(out.expected.lift_interval[0], quantile(lifts, 0.05), 1e-7);
  close(out.expected.lift_interval[1], quantile(lifts, 0.95), 1e-7);
});

test('a steady state says what its figures rest on: on the averaged curves also the point curves\' current KPI and ROIs (basis, point_current)', () => {
  const out = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact' });
  assert.ok(out.feasible);
  assert.equal(out.basis, "a steady spend per period at each level, on the mean of the 12 bootstrap replicates' response curves");
  const point = responseModelFromMmm(model);
  const kpi = point.baseline + point.channels.reduce((s, ch) => s + compileCurve(ch).value(ch.current), 0);
  assert.ok(out.point_current);
  close(out.point_current.kpi, kpi);
  close(out.point_current.channels[0].roi ?? NaN, compileCurve(point.channels[0]).value(point.channels[0].current) / point.channels[0].current);
  const onPoint = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', uncertainty: 'point' });
  assert.ok(onPoint.feasible);
  close(onPoint.expected.current, kpi);
  assert.match(onPoint.basis ?? '', /point-estimate response curves/);
  assert.equal(onPoint.point_current, undefined);
});

test('optimization.json says whether a budget was spent or a ceiling (budget_mode), and only for budget problems', () => {
  const exact = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', uncertainty: 'point' });
  const upTo = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'up-to', uncertainty: 'point' });
  assert.ok(exact.feasible && upTo.feasible);
  assert.equal(exact.budget_mode, 'exact');
  assert.equal(upTo.budget_mode, 'up-to');
  const target = runOptimize(model, { objective: { type: 'target-mroi', value: 0.5 }, constraints: bounds, budgetMode: 'exact', uncertainty: 'point' });
  assert.ok(target.feasible);
  assert.equal(target.budget_mode, undefined);
});

test('--uncertainty point optimises the point curves; its KPI is the point model\'s', () => {
  const out = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', uncertainty: 'point' });
  assert.ok(out.feasible);
  assert.equal(out.uncertainty?.objective, 'point');
  const rm = responseModelFromMmm(model);
  close(out.expected.recommended, rm.baseline + rm.channels.reduce((s, ch, c) => s + compileCurve(ch).value(out.allocation[c].recommended), 0));
});

test('plans use the point estimate by default; asking for expected with --periods is a usage error', () => {
  const out = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', periods: 4 });
  assert.ok(out.feasible);
  assert.equal(out.uncertainty?.objective, 'point');
  assert.ok(out.expected.lift_interval, 'the plan still gets an interval over the replicates');
  assert.throws(() => runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', periods: 4, uncertainty: 'expected' }), UsageError);
});

test('a --periods plan reports its progress (the budget search for a target, the ascent, the replicates) and gives the same output without it', () => {
  const budget = { objective: { type: 'budget' as const, value: null }, constraints: bounds, budgetMode: 'exact' as const, periods: 4 };
  const events: ProgressEvent[] = [];
  const out = runOptimize(model, budget, (p) => events.push(p));
  assert.deepEqual([...new Set(events.map((e) => e.phase))], ['plan starts', 'plan', 'lift interval']);
  const plan = events.filter((e) => e.phase === 'plan');
  assert.equal(plan[0].done, 0);
  assert.equal(plan[plan.length - 1].done, plan[plan.length - 1].total);
  assert.deepEqual(events.filter((e) => e.phase === 'lift interval').at(-1), { phase: 'lift interval', done: 12, total: 12 });
  assert.deepEqual(out, runOptimize(model, budget));
  assert.ok(out.feasible && out.expected.window);
  const target = { ...budget, objective: { type: 'target-kpi' as const, value: out.expected.window.current * 1.01 } };
  const found: ProgressEvent[] = [];
  const reached = runOptimize(model, target, (p) => found.push(p));
  assert.deepEqual([...new Set(found.map((e) => e.phase))], ['minimum budget', 'plan starts', 'plan', 'lift interval']);
  assert.deepEqual(reached, runOptimize(model, target));
});

test('a model without replicates: point curves, no interval; asking for expected is a usage error', () => {
  const bare: MmmModel = { ...model, bootstrapRoi: [], bootstrapCurves: [] };
  const out = runOptimize(bare, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact' });
  assert.ok(out.feasible);
  assert.equal(out.uncertainty, null);
  assert.equal(out.expected.lift_interval, undefined);
  assert.throws(() => runOptimize(bare, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', uncertainty: 'expected' }), UsageError);
});

test('the recommendation says when the lift interval reaches zero, and not otherwise', () => {
  assert.match(intervalSentence([-5, 20], 100), /includes no gain or a loss/);
  assert.match(intervalSentence([0, 20], 100), /includes no gain or a loss/);
  assert.doesNotMatch(intervalSentence([3, 20], 100), /includes no gain/);
  // Wholly negative (a smaller budget buys less): a settled loss, not an unsettled gain.
  assert.match(intervalSentence([-20, -3], 100), /Every one of those replicates predicts less KPI/);
  assert.doesNotMatch(intervalSentence([-20, -3], 100), /includes no gain/);
  assert.equal(intervalSentence(null, 0), '');
});

test('expected-KPI budget problems report the value of information; it equals the engine\'s, and point curves have none', () => {
  const out = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact' });
  assert.ok(out.feasible && out.information_value);
  const iv = out.information_value;
  assert.equal(iv.replicates, 12);
  const budget = out.allocation.reduce((s, a) => s + a.current, 0);
  const engine = informationValue(responseModelFromMmm(model, { uncertainty: 'expected' }), { budget, constraints: bounds });
  close(iv.total, engine.total);
  assert.deepEqual(iv.channels.map((c) => c.channel), engine.channels.map((c) => c.channel));
  assert.ok(iv.channels.every((c, k) => c.value >= 0 && (k === 0 || c.value <= iv.channels[k - 1].value)));
  assert.match(out.recommendation, iv.total > 0 ? new RegExp(`makes ${iv.channels[0].channel} the first candidate for a lift test`) : /would not change the decision/);
  const point = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', uncertainty: 'point' });
  assert.ok(point.feasible);
  assert.equal(point.information_value, undefined);
});

test('a recommendation that keeps the current spend advises no test: it says nothing changes and what to relax', () => {
  // Every channel but display locked and the same total: display keeps its current spend too.
  const locks = Object.fromEntries(['tv', 'ooh', 'search', 'social'].map((c) => [c, true as const]));
  const out = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: { locks, maxChange: { type: 'relative', value: 0.3 } }, budgetMode: 'exact' });
  assert.ok(out.feasible);
  assert.ok(out.allocation.every((a) => Math.abs(a.change) <= 1e-6 * out.budget));
  assert.ok(out.expected.lift_interval, 'the JSON keeps the interval');
  assert.match(out.recommendation, /^Keep the current spend of [\d,]+ per period, every channel as now\. Under these constraints there is nothing to change; they hold the split where it is: tv: locked, ooh: locked, search: locked, social: locked\. Relaxing them/);
  assert.doesNotMatch(out.recommendation, /treat the change as a test|predicted lifts lie between|already the best/);
});

test('a KPI target below the baseline: the recommendation says no media spend is needed; the JSON is that of any target', () => {
  const reachable = runOptimize(model, { objective: { type: 'target-kpi', value: 1 }, constraints: {}, budgetMode: 'exact' });
  assert.ok(reachable.feasible);
  assert.equal(reachable.budget, 0);
  const baseline = reachable.expected.recommended;
  assert.match(reachable.recommendation, new RegExp(`^The target 1 is below what the baseline alone is predicted to deliver \\(${Math.round(baseline).toLocaleString('en-US')} per period\\): no media spend is needed to reach it; the least budget is 0\\. Spend 0 per period \\(−100\\.0% vs `));
  const usual = runOptimize(model, { objective: { type: 'target-kpi', value: reachable.expected.current }, constraints: {}, budgetMode: 'exact' });
  assert.ok(usual.feasible);
  assert.doesNotMatch(usual.recommendation, /The target|baseline alone/);
  assert.deepEqual(Object.keys(reachable), Object.keys(usual));
  assert.deepEqual(Object.keys(reachable.expected), Object.keys(usual.expected));
});

test('default bounds: a channel dark over the reference periods may spend 0 to 2× its window mean, and the text says so', () => {
  const { end } = model.window;
  // tv goes dark over the last 3 modeled periods.
  const dark: MmmModel = { ...model, channels: model.channels.map((c, k) => (k === 0 ? { ...c, spend: c.spend.map((x, t) => (t >= end - 3 && t < end ? 0 : x)) } : c)) };
  const name = dark.channels[0].name;
  const windowMean = responseModelFromMmm(dark).channels[0].current;
  const out = runOptimize(dark, { objective: { type: 'budget', value: null }, constraints: { defaults: DEFAULT_BOUNDS }, boundsSource: 'default', budgetMode: 'exact', referencePeriods: 3, uncertainty: 'point' });
  assert.ok(out.feasible);
  const tv = out.allocation[0];
  assert.equal(tv.current, 0);
  assert.equal(tv.lower, 0);
  close(tv.upper ?? NaN, 2 * windowMean);
  assert.match(out.recommendation, new RegExp(`No spend in the last 3 periods, so by default between 0 and 2× the mean spend per period over the modeling window: ${name} \\(0 to `));
  // With bounds the user gave, nothing is added: 0.5×–2× of nothing freezes tv.
  const given = runOptimize(dark, { objective: { type: 'budget', value: null }, constraints: { defaults: DEFAULT_BOUNDS }, boundsSource: 'given', budgetMode: 'exact', referencePeriods: 3, uncertainty: 'point' });
  assert.ok(given.feasible);
  assert.equal(given.allocation[0].upper, 0);
  assert.doesNotMatch(given.recommendation, /No spend in the last/);
});

test('a --periods plan held by the default bounds says so, as a steady-state allocation does (limits per period beside current spend per period)', () => {
  const steady = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: { defaults: DEFAULT_BOUNDS }, budgetMode: 'exact', boundsSource: 'default' });
  assert.ok(steady.feasible);
  // Twice the current spend: within 2× each, every channel sits at its default upper bound in every period.
  for (const periods of [1, 4]) {
    const out = runOptimize(model, {
      objective: { type: 'budget', value: 2 * steady.current_budget * periods }, constraints: { defaults: DEFAULT_BOUNDS }, budgetMode: 'exact', periods, boundsSource: 'default',
    });
    assert.ok(out.feasible);
    assert.ok(out.allocation.every((a) => a.bound === 'at-upper'), JSON.stringify(out.allocation.map((a) => a.bound)));
    assert.match(out.recommendation, /tv, ooh, search, social and display are held by the default bounds \(0\.5×–2× current spend\).*--bounds none\.$/, `periods ${periods}`);
  }
});

test('a channel launched late in the window: a LATE_START warning naming it, its first spend date and run-rate; --current CH=X plans on that run-rate instead', () => {
  // The model as if its first channel had not spent before week 100 (of 156), and spent 1.5× as much since.
  const k = 0;
  const name = model.channels[k].name;
  const launched = { ...model, channels: model.channels.map((c, i) => (i !== k ? c : { ...c, spend: c.spend.map((v, t) => (t < 100 ? 0 : 1.5 * v)) })) };
  const out = runOptimize(launched, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', uncertainty: 'point' });
  assert.ok(out.feasible);
  assert.deepEqual(out.warnings?.map((w) => [w.code, w.channel, w.first_spend_date]), [['LATE_START', name, model.dates[100]]]);
  const w = out.warnings?.[0];
  assert.ok(w !== undefined && w.mean_since_launch > 2 * w.reference_mean);
  close(out.allocation[k].current, w.reference_mean);
  assert.match(w.message, new RegExp(`--current ${name}=${Math.round(w.mean_since_launch)} \\(this channel only\\) or --reference-periods ${w.periods_since_launch}`));
  // Its current given: no warning, and bounds and comparison start from the run-rate.
  const given = runOptimize(launched, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', uncertainty: 'point', current: { [name]: w.mean_since_launch } });
  assert.ok(given.feasible);
  assert.equal(given.warnings, undefined);
  assert.deepEqual(given.current_given, { [name]: w.mean_since_launch });
  close(given.allocation[k].current, w.mean_since_launch);
  assert.ok(given.allocation[k].upper !== null && given.allocation[k].upper > 1.4 * w.mean_since_launch);
  // The model's own channels all spend from the first week: no warning.
  const plain = runOptimize(model, { objective: { type: 'budget', value: null }, constraints: bounds, budgetMode: 'exact', uncertainty: 'point' });
  assert.ok(plain.feasible);
  assert.equal(plain.warnings, undefined);
});
