/**
 * fitMmm on a geo panel with a geo experiment: the test moves the tested channel's ROI toward the
 * simulated truth, and the model reports the test with its geos (liftTestCheck, summary lift_tests).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm } from './fit-mmm.ts';
import { mediaRoi } from './panel-contribution.ts';
import { simulateTestPanel } from './geo-panel.test-support.ts';
import { liftTestCheck } from '../analysis/lift-test-check.ts';
import type { LiftTest } from '../spec/model-spec.ts';

const FAST = { search: { iterations: 800, trials: 2, bootstrap: 0, posterior: 800 } };

test('a geo lift test with the true lift moves tv\'s ROI toward the truth, and the check reports it with its geos', async () => {
  // Seed 5: the KPI alone puts tv's ROI 14% under the truth (its 12-week test in 3 of the 6 geos shows too little lift).
  const sim = simulateTestPanel(5, { nGeos: 6, weeks: 104 });
  const t = sim.table;
  const geos = [0, 2, 4];
  const lift = sim.trueLift(0, { startRow: 50, endRow: 62, measureEndRow: 66 }, geos);
  const geoTest: LiftTest = { channel: 'tv', start: t.dates[50], end: t.dates[61], measuredThrough: t.dates[65], lift, standardError: 0.1 * lift, geos: geos.map((g) => t.panel!.geos[g]) };
  const plain = await fitMmm(t, FAST);
  const calibrated = await fitMmm(t, { ...FAST, liftTests: [geoTest] });
  const truth = sim.truthRoi[0];
  const error = (m: typeof plain): number => Math.abs(mediaRoi(m.channels[0], 0, t.dates.length) - truth) / truth;
  assert.ok(error(plain) > 0.1, `the uncalibrated fit is off: ${(100 * error(plain)).toFixed(1)}%`);
  assert.ok(error(calibrated) < 0.6 * error(plain), `tv ROI error ${(100 * error(plain)).toFixed(1)}% → ${(100 * error(calibrated)).toFixed(1)}%`);
  // The check: the test's geos, and a model closer to the measured lift than the uncalibrated one.
  const [check] = liftTestCheck(calibrated);
  assert.deepEqual(check.geos, ['geo1', 'geo3', 'geo5']);
  const [before] = liftTestCheck({ ...plain, spec: { ...plain.spec, liftTests: [geoTest] } });
  assert.ok(Math.abs(check.z) < Math.abs(before.z), `z ${before.z.toFixed(2)} → ${check.z.toFixed(2)}`);
  // The data-only pass ran (a fit without tests has none) and found the true test consistent with the data.
  assert.equal(plain.search.liftConflicts, undefined);
  assert.deepEqual(calibrated.search.liftConflicts, []);
  assert.equal(calibrated.search.chosen.objectives.length, 4);
  assert.ok(Number.isFinite(calibrated.search.chosen.objectives[3]), 'MAPE.LIFT is scored');
  // A geo test claiming 6× the true lift, measured tightly, pulls tv's ROI where the data alone rule it out: a conflict on tv.
  const wrong = await fitMmm(t, { ...FAST, liftTests: [{ ...geoTest, lift: 6 * lift, standardError: 0.05 * lift }] });
  const [conflict] = wrong.search.liftConflicts ?? [];
  assert.equal(conflict?.channel, 'tv', JSON.stringify(wrong.search.liftConflicts));
  assert.ok(conflict.calibrated[0] > conflict.dataOnly[1], `the test pulls the ROI above the data's range: ${JSON.stringify(conflict)}`);
});
