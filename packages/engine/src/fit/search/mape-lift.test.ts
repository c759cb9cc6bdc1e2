import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCandidateEvaluator } from './candidate-evaluator.ts';
import { buildSearchProblem, searchDimension } from './search-problem.ts';
import { defaultModelSpec, type ModelSpec } from '../../spec/model-spec.ts';
import { N, fixture } from '../../../test/two-channel-fixture.ts';
import { EngineError } from '../../errors.ts';

function spec(liftTests: ModelSpec['liftTests']): ModelSpec {
  const base = defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['c0', 'c1'] });
  return { ...base, seasonalityOrder: 0, validationShare: 0, channels: base.channels.map((c) => ({ ...c, adstock: 'geometric' as const, maxLag: 8 })), liftTests };
}

test('MAPE.LIFT divides by max(|lift|, standard error): finite for a null result (lift 0), and equal to |error| / |lift| when the test is sharper', () => {
  const { table } = fixture([40, 25], 0);
  const window = { channel: 'c0', start: table.dates[10], end: table.dates[19] };
  const u = Float64Array.from({ length: searchDimension(buildSearchProblem(table, spec([]))) }, () => 0.5);
  const predicted = createCandidateEvaluator(buildSearchProblem(table, spec([{ ...window, lift: 1, standardError: 1 }]))).fitCandidate(u).liftPredictions[0];
  const mape = (lift: number, standardError: number): number =>
    createCandidateEvaluator(buildSearchProblem(table, spec([{ ...window, lift, standardError }]))).fitCandidate(u).objectives[3];
  const se = Math.abs(predicted) / 4 + 1;
  assert.ok(Math.abs(mape(0, se) - Math.abs(predicted) / se) < 1e-9, 'lift 0: |predicted| / se');
  assert.ok(Math.abs(mape(-500, 100) - Math.abs(predicted + 500) / 500) < 1e-9, 'negative lift, se below |lift|: relative to |lift|');
  assert.ok(Math.abs(mape(-50, 100) - Math.abs(predicted + 50) / 100) < 1e-9, 'negative lift, se above |lift|: relative to se');
});

test('buildSearchProblem takes a lift ≤ 0 with a standard error, and refuses one without (its default would be 0 × lift)', () => {
  const { table } = fixture([40, 25], 0);
  const window = { channel: 'c0', start: table.dates[10], end: table.dates[19] };
  assert.equal(buildSearchProblem(table, spec([{ ...window, lift: -500, standardError: 100 }])).liftTests[0].se, 100);
  for (const lift of [0, -500]) {
    assert.throws(() => buildSearchProblem(table, spec([{ ...window, lift }])),
      (err: unknown) => err instanceof EngineError && /a lift of 0 or below \(-?\d+\) needs its standard_error/.test(err.message));
  }
});

test('buildSearchProblem refuses a lift test over periods where its channel spent nothing (its model lift would be 0 by construction)', () => {
  const { table } = fixture([40, 25], 0);
  const spend = Float64Array.from(table.channels[0].spend).fill(0, 10, 20);
  const dark = { ...table, channels: [{ ...table.channels[0], spend }, table.channels[1]] };
  const window = { channel: 'c0', start: table.dates[10], end: table.dates[19], lift: 300 };
  assert.throws(() => buildSearchProblem(dark, spec([window])),
    (err: unknown) => err instanceof EngineError && /c0 spent nothing in \d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2}; a lift test measures the effect of the spend in its window/.test(err.message));
  // One period with spend inside the window is enough.
  spend[15] = 80;
  assert.equal(buildSearchProblem(dark, spec([window])).liftTests.length, 1);
});
