import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { liftConflictWarnings, shortestFollowUp } from './lift-conflict-warning.ts';

const dates = Array.from({ length: 20 }, (_, t) => `2024-01-${String(t + 1).padStart(2, '0')}`);

/** A weekly model of one channel with a geometric(0.5) kernel over 9 lags (90% of its effect by lag 3) and one test. */
function model(conflict: { dataOnly: [number, number]; calibrated: [number, number] }, measuredThrough: string, extra: Partial<MmmModel> = {}): MmmModel {
  return {
    frequency: 'weekly', dates,
    channels: [{ name: 'webinars', adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 8 }],
    spec: { liftTests: [{ channel: 'webinars', start: dates[2], end: dates[9], measuredThrough, lift: 100 }] },
    search: { liftConflicts: [{ channel: 'webinars', ...conflict }] },
    bootstrapRoi: Array.from({ length: 21 }, (_, r) => [1 + r / 20]),
    ...extra,
  } as unknown as MmmModel;
}

test('shortestFollowUp: periods from a test\'s last period to measured_through, the fewest over the channel\'s tests', () => {
  assert.equal(shortestFollowUp(model({ dataOnly: [2, 3], calibrated: [0, 1] }, dates[13]), 'webinars'), 4);
  assert.equal(shortestFollowUp(model({ dataOnly: [2, 3], calibrated: [0, 1] }, dates[9]), 'webinars'), 0);
  assert.equal(shortestFollowUp(model({ dataOnly: [2, 3], calibrated: [0, 1] }, dates[9]), 'tv'), null);
});

test('liftConflictWarnings: data above the test names an omitted driver moving with the spend, not the lag, when the test saw the lag', () => {
  // Measured 4 weeks past the test: the kernel's 90% point (lag 3) is inside, so no lag-tail cause.
  const [w] = liftConflictWarnings(model({ dataOnly: [1.91, 7], calibrated: [0, 0.000123] }, dates[13]));
  assert.equal(w.code, 'LIFT_TEST_CONFLICT');
  assert.equal(w.channel, 'webinars');
  assert.match(w.message, /^the lift test on webinars pulls its ROI to 0\.00–0\.000123, while the data alone put it at 1\.91–7 \(90% ranges over the ridge search's hyperparameter posterior with and without the tests, /);
  assert.match(w.message, /each sample's coefficients fitted to the KPI alone; the table's 90% interval, 1\.05–1\.95, is from the bootstrap refits, whose coefficients also take the tests in\): the two disagree/);
  assert.match(w.message, /The data alone read it higher than the test\. Likely causes: a driver of the KPI left out of the model that moves with the spend on webinars \(a confounder/);
  assert.match(w.message, /a family that cannot fit both the test and the data\. Check: add the missing driver with --controls/);
  assert.doesNotMatch(w.message, /tail/);
});

test('liftConflictWarnings: the lag tail is a cause only when the kernel\'s 90% point lies beyond the test\'s follow-up', () => {
  const [w] = liftConflictWarnings(model({ dataOnly: [1.91, 7], calibrated: [0, 0.1] }, dates[9]));
  assert.match(w.message, /or a test window that sees only the lag's early tail: by the fitted kernel its effect peaks in week 0; half by week 0, 90% by week 3, but a test was measured only 0 weeks past its last week/);
});

test('a test whose dates fall between the rows is placed on them: its follow-up is counted and the lag tail named', () => {
  // Rows every other day; the test ends on 2024-01-10 and is measured through 2024-01-12, neither a row's date.
  const odd = dates.filter((_, t) => t % 2 === 0); // 01-01, 01-03, …, 01-19
  const m = model({ dataOnly: [1.91, 7], calibrated: [0, 0.1] }, '2024-01-12', { dates: odd });
  const between = { ...m, spec: { liftTests: [{ channel: 'webinars', start: '2024-01-04', end: '2024-01-10', measuredThrough: '2024-01-12', lift: 100 }] } } as unknown as MmmModel;
  // Test rows 01-05 … 01-09 (endRow 5), measured to 01-11 (measureEndRow 6): 1 period past the test.
  assert.equal(shortestFollowUp(between, 'webinars'), 1);
  assert.match(liftConflictWarnings(between)[0].message, /a test was measured only 1 week past its last week/);
});

test('liftConflictWarnings: data below the test point to a driver moving against the spend; a Bayesian fit names its draws', () => {
  const [w] = liftConflictWarnings(model({ dataOnly: [0.1, 0.5], calibrated: [2, 3] }, dates[13], { bayes: {} } as Partial<MmmModel>));
  assert.match(w.message, /The data alone read it lower than the test\. Likely causes: a driver left out of the model that moves against the spend on webinars, or a baseline term/);
  assert.match(w.message, /the table's 90% interval, 1\.05–1\.95, is from the Bayesian draws\): the two disagree/);
  assert.deepEqual(liftConflictWarnings({ ...model({ dataOnly: [0, 1], calibrated: [2, 3] }, dates[9]), search: {} } as unknown as MmmModel), []);
});
