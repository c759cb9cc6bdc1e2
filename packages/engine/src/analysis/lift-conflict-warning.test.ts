import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { liftConflictWarnings } from './lift-conflict-warning.ts';

test('liftConflictWarnings: one warning per conflict with both ranges, when the effect lands, and what to check', () => {
  const model = {
    frequency: 'weekly',
    channels: [{ name: 'webinars', adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 8 }],
    search: { liftConflicts: [{ channel: 'webinars', dataOnly: [1.91, 7], calibrated: [0, 0.000123] }] },
  } as unknown as MmmModel;
  const [w] = liftConflictWarnings(model);
  assert.equal(w.code, 'LIFT_TEST_CONFLICT');
  assert.equal(w.channel, 'webinars');
  // Geometric 0.5 (normalised over 9 lags): peak at 0, half by 0, 90% by 3.
  assert.equal(w.message, 'the lift test on webinars pulls its ROI to 0.00–0.000123 (90% of the calibrated posterior), while the data alone put it at 1.91–7: '
    + 'the two disagree, so do not read the ROI of webinars as calibrated. A test measured over a window much shorter than the channel\'s lag '
    + '(by the fitted kernel its effect peaks in week 0; half by week 0, 90% by week 3) sees only the lag\'s early tail, and a wrongly shaped kernel '
    + 'turns that into a wrong ROI; check that measured_through covers most of the lag, the test\'s standard error, and that its lift is for the market the model covers');
  assert.deepEqual(liftConflictWarnings({ ...model, search: { ...model.search, liftConflicts: [] } } as MmmModel), []);
  assert.deepEqual(liftConflictWarnings({ ...model, search: {} } as unknown as MmmModel), []);
});
