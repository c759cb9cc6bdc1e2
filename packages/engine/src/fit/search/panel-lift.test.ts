/**
 * Lift tests on a geo panel: the search's implied lift (MAPE.LIFT, liftPredictions) against the model's
 * liftEffect, national tests against the sum of geo tests and against the national evaluator, the
 * calibration of the bootstrap's refits, and the refusals of geos the fit cannot use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCandidateEvaluator } from './candidate-evaluator.ts';
import { buildSearchProblem, searchDimension } from './search-problem.ts';
import { defaultModelSpec, type LiftTest, type ModelSpec } from '../../spec/model-spec.ts';
import { modelingTableFromPanel } from '../../spec/panel.ts';
import type { ModelingTable } from '../../spec/modeling-table.ts';
import { simulatePreset } from '../../simulate/presets/index.ts';
import { createRng } from '../../random/rng.ts';
import { candidateChannels } from '../candidate-channels.ts';
import { liftEffect } from '../../model/lift-effect.ts';
import { liftTestRows } from '../../spec/lift-test-rows.ts';
import { simulateTestPanel } from '../geo-panel.test-support.ts';
import { EngineError } from '../../errors.ts';

const sim = simulateTestPanel(4, { nGeos: 4, weeks: 90 });
const t = sim.table;
const specOf = (table: ModelingTable, liftTests: LiftTest[]): ModelSpec => ({
  ...defaultModelSpec({ nTimes: table.dates.length, frequency: 'weekly', channels: table.channels.map((c) => c.name) }), liftTests,
});
const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
const geos = t.panel!.geos;
// A national tv test, then one per geo over the same weeks, and a two-geo search test measured 4 weeks on.
const TESTS: LiftTest[] = [
  { channel: 'tv', start: t.dates[40], end: t.dates[47], lift: 50_000 },
  ...geos.map((g) => ({ channel: 'tv', start: t.dates[40], end: t.dates[47], lift: 10_000, geos: [g] })),
  { channel: 'search', start: t.dates[20], end: t.dates[29], measuredThrough: t.dates[33], lift: 30_000, standardError: 9_000, geos: [geos[1], geos[3]] },
];

test('a national test\'s implied lift on a panel is the sum of its geos\' and the model\'s liftEffect; MAPE.LIFT scores those lifts', () => {
  const problem = buildSearchProblem(t, specOf(t, TESTS));
  assert.deepEqual(problem.liftTests.map((lt) => lt.geos), [undefined, [0], [1], [2], [3], [1, 3]]);
  const ev = createCandidateEvaluator(problem);
  const rng = createRng(5);
  for (let k = 0; k < 5; k++) {
    const u = Float64Array.from({ length: searchDimension(problem) }, () => rng.next());
    const fit = ev.fitCandidate(u);
    const pred = fit.liftPredictions;
    assert.equal(pred.length, TESTS.length);
    assert.ok(pred[0] > 0, `tv's lift ${pred[0]}`);
    const geoSum = pred[1] + pred[2] + pred[3] + pred[4];
    assert.ok(relErr(geoSum, pred[0]) < 1e-12, `national ${pred[0]} vs Σ geos ${geoSum}`);
    // The model's own definition (model/lift-effect.ts) on the fitted channels: the national test through
    // the panel branch of channelContribution, the geo tests through their geos.
    const channels = candidateChannels(problem, fit);
    TESTS.forEach((lt, j) => {
      const c = channels.findIndex((ch) => ch.name === lt.channel);
      const effect = liftEffect(channels[c], liftTestRows(t.dates, lt), lt.geos?.map((g) => geos.indexOf(g)));
      assert.ok(relErr(pred[j], effect) < 1e-9, `test ${j}: search ${pred[j]} vs liftEffect ${effect}`);
    });
    const se = problem.liftTests.map((lt) => lt.se);
    const mape = TESTS.reduce((s, lt, j) => s + Math.abs(pred[j] - lt.lift) / Math.max(Math.abs(lt.lift), se[j]), 0) / TESTS.length;
    assert.ok(relErr(fit.objectives[3], mape) < 1e-12, `MAPE.LIFT ${fit.objectives[3]} vs ${mape}`);
    const out = new Float64Array(4);
    ev.evaluate(u, 1, out);
    assert.equal(out[3], fit.objectives[3], 'the batch path scores the same');
  }
});

test('on a panel of geos that are s_g × the national series, a national test gives the national evaluator\'s lift and MAPE.LIFT', () => {
  const national = simulatePreset('retail', 3).table;
  const shares = [0.2, 0.3, 0.5];
  const scaled = (v: ArrayLike<number>): Float64Array[] => shares.map((s) => Float64Array.from(v, (x) => s * x));
  const panel = modelingTableFromPanel({
    dates: national.dates, frequency: national.frequency, column: 'geo', geos: ['a', 'b', 'c'],
    target: { name: national.target.name, kind: national.target.kind, values: scaled(national.target.values) },
    channels: national.channels.map((c) => ({ name: c.name, column: c.column, spend: scaled(c.spend) })),
    controls: national.controls.map((c) => ({ name: c.name, sign: c.sign, values: c.values })), events: national.events,
  });
  const ch = national.channels[0];
  const start = ch.spend.findIndex((v, i) => i >= 60 && v > 0);
  const tests: LiftTest[] = [{ channel: ch.name, start: national.dates[start], end: national.dates[start + 5], lift: 1e5 }];
  const pn = buildSearchProblem(national, specOf(national, tests)), pp = buildSearchProblem(panel, specOf(national, tests));
  const en = createCandidateEvaluator(pn), ep = createCandidateEvaluator(pp);
  const rng = createRng(8);
  for (let k = 0; k < 5; k++) {
    const u = Float64Array.from({ length: searchDimension(pn) }, () => rng.next());
    const fn = en.fitCandidate(u), fp = ep.fitCandidate(u);
    assert.ok(fn.liftPredictions[0] > 0);
    assert.ok(relErr(fp.liftPredictions[0], fn.liftPredictions[0]) < 1e-7, `panel ${fp.liftPredictions[0]} vs national ${fn.liftPredictions[0]}`);
    assert.ok(relErr(fp.objectives[3], fn.objectives[3]) < 1e-7);
  }
});

test('the bootstrap\'s refits of a panel take the lift tests into the coefficients; without the flag they are the KPI fit\'s', () => {
  const tv = { channel: 'tv', start: t.dates[40], end: t.dates[47], standardError: 100 };
  const problem = buildSearchProblem(t, specOf(t, [{ ...tv, lift: 1 }]));
  const u = Float64Array.from({ length: searchDimension(problem) }, (_, i) => 0.3 + 0.4 * ((i * 7) % 5) / 5);
  const plain = createCandidateEvaluator(problem).fitCandidate(u);
  const predicted = plain.liftPredictions[0];
  assert.ok(predicted > 1000, `tv's lift ${predicted}`);
  // A test at 3× the fit's lift with a tight error pulls tv's coefficient up, toward 3×; one at a third pulls it down.
  for (const factor of [3, 1 / 3]) {
    const lift = factor * predicted;
    const p = buildSearchProblem(t, specOf(t, [{ ...tv, lift, standardError: 0.01 * lift }]));
    const calibrated = createCandidateEvaluator({ ...p, calibrateByLiftTests: true }).fitCandidate(u);
    const uncalibrated = createCandidateEvaluator(p).fitCandidate(u);
    assert.deepEqual(Array.from(uncalibrated.mediaCoef), Array.from(plain.mediaCoef), 'the tests do not change the KPI fit');
    const ratio = calibrated.mediaCoef[0] / plain.mediaCoef[0];
    assert.ok(factor > 1 ? ratio > 1.5 : ratio < 0.7, `tv coefficient moved ×${ratio.toFixed(3)} for a test at ×${factor.toFixed(2)}`);
    assert.deepEqual(calibrated.liftPredictions, plain.liftPredictions, 'liftPredictions stay the KPI fit\'s');
  }
});

test('a test naming an unknown geo, a geo on a national fit, or geos without spend is refused naming the geos', () => {
  const refused = (table: ModelingTable, tests: LiftTest[], ...parts: RegExp[]): void => {
    assert.throws(() => buildSearchProblem(table, specOf(table, tests)), (e: unknown) => {
      assert.ok(e instanceof EngineError && e.code === 'INVALID_ARGUMENT', String(e));
      for (const part of parts) assert.match(e.message, part);
      return true;
    });
  };
  const tv = { channel: 'tv', start: t.dates[40], end: t.dates[47], lift: 1000 };
  refused(t, [{ ...tv, geos: ['geo2', 'atlantis'] }], /unknown geo "atlantis"/, /geo1, geo2, geo3, geo4/);
  refused(t, [{ ...tv, geos: ['geo2', 'geo2'] }], /geo "geo2" twice/);
  const national: ModelingTable = { ...t, panel: undefined };
  refused(national, [{ ...tv, geos: ['geo1'] }], /names geos \(geo1\), but the fit is national/, /--geo/);
  // tv dark in geo1 over a test window: the test cannot measure anything there.
  const spend = t.panel!.spend[0][0];
  const dark = spend.findIndex((v, i) => i > 12 && v === 0 && spend[i + 1] === 0);
  assert.ok(dark > 0, 'the simulation has a dark week for tv in geo1');
  refused(t, [{ ...tv, start: t.dates[dark], end: t.dates[dark], geos: ['geo1'] }], /tv spent nothing/, /in its geos/);
  // The same test in every geo is fine (tv spent elsewhere that week).
  assert.equal(buildSearchProblem(t, specOf(t, [{ ...tv, start: t.dates[dark], end: t.dates[dark] }])).liftTests.length, 1);
});
