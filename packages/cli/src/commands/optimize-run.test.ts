import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { compileCurve, DEFAULT_WEIGHTS, fitMmm, informationValue, intervalSentence, quantile, replicateModels, responseModelFromMmm, simulatePreset, type MmmModel } from '@mixwise/engine';
import { runOptimize } from './optimize-run.ts';
import { UsageError } from '../usage-error.ts';

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
