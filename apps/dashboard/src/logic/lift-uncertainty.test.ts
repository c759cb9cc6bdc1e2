import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allocateBudget, DEFAULT_WEIGHTS, drawSource, fitMmm, interval90, intervalSentence, keepsCurrentSpend, responseModelFromMmm, simulatePreset, steadyStateLiftDraws, type MmmModel,
} from '@mixwise/engine';
import { createEngineHandler } from '../worker/engine-handler.ts';
import { buildConstraints, DEFAULT_CONTROL } from './constraints.ts';
import { liftUncertainty, rangeLabel } from './lift-uncertainty.ts';

let model: MmmModel;
before(async () => {
  // A fitted model with bootstrap replicates (as `mixwise demo` writes), small enough to fit in seconds.
  model = await fitMmm(simulatePreset('retail', 2).table, { search: { iterations: 150, trials: 1, seed: 1, bootstrap: 12, posterior: 0, weights: DEFAULT_WEIGHTS } });
}, { timeout: 120_000 });

test('the worker\'s optimize carries the lift interval and sentence the API computes (POST /api/runs/:id/optimize, optimizeModel)', () => {
  const h = createEngineHandler();
  const rm = h.handle({ type: 'load', model });
  const names = rm.channels.map((c) => c.name);
  const budget = rm.channels.reduce((s, c) => s + c.current, 0);
  const constraints = buildConstraints(names, names.map(() => DEFAULT_CONTROL));
  const a = h.handle({ type: 'optimize', budget, constraints });
  assert.ok(a.feasible);
  // The API's steps: the expected response, allocateBudget, steadyStateLiftDraws, interval90, intervalSentence.
  const api = responseModelFromMmm(model, { uncertainty: 'expected' });
  const r = allocateBudget(api, { budget, mode: 'exact', constraints: { defaults: { min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 2 } } } });
  assert.ok(r.feasible);
  assert.ok(!keepsCurrentSpend(r.channels), 'the fixture\'s recommendation moves spend');
  const draws = steadyStateLiftDraws(api, r.channels.map((c) => c.current), r.channels.map((c) => c.recommended));
  const interval = interval90(draws);
  assert.ok(interval !== null);
  assert.equal(a.lift.replicates, 12);
  assert.ok(a.lift.interval !== null);
  for (const k of [0, 1] as const) assert.ok(Math.abs(a.lift.interval[k] - interval[k]) <= 1e-9 * Math.max(1, Math.abs(interval[k])), `${a.lift.interval[k]} vs ${interval[k]}`);
  assert.ok(Math.abs(a.expected.lift - r.expected.lift) <= 1e-9 * Math.max(1, Math.abs(r.expected.lift)));
  assert.equal(a.lift.sentence, intervalSentence(interval, draws.length, r.expected.lift, drawSource(model)).trim());
  assert.match(a.lift.sentence, /^Across 12 bootstrap replicates of the model, 90% of the predicted lifts lie between /);
});

test('liftUncertainty: no sentence when nothing moves, no range without replicates', () => {
  const rm = responseModelFromMmm(model, { uncertainty: 'expected' });
  const budget = rm.channels.reduce((s, c) => s + c.current, 0);
  const names = rm.channels.map((c) => c.name);
  const held = allocateBudget(rm, { budget, constraints: buildConstraints(names, names.map(() => ({ ...DEFAULT_CONTROL, locked: true }))) });
  assert.ok(held.feasible);
  const u = liftUncertainty(rm, held, 'bootstrap');
  assert.equal(u.sentence, '');
  assert.equal(u.replicates, 12, 'the range is still there; only the sentence about a change to test is left out');
  const point = responseModelFromMmm(model, { uncertainty: 'point' });
  const a = allocateBudget(point, { budget, constraints: buildConstraints(names, names.map(() => DEFAULT_CONTROL)) });
  assert.ok(a.feasible);
  assert.deepEqual(liftUncertainty(point, a, 'bootstrap'), { interval: null, replicates: 0, sentence: '' });
});

test('rangeLabel scales the per-period range (e.g. to a year) and signs both ends', () => {
  assert.equal(rangeLabel([-7952, 59845]), '90% range: −7.95k to +59.8k');
  assert.equal(rangeLabel([-7952, 59845], 52), '90% range: −413.5k to +3.11M');
  assert.equal(rangeLabel(null, 52), null);
});
