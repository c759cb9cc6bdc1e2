import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NewPeriodsRoi } from '@mixwise/engine';
import { formatNewPeriodsRoi } from './new-periods-roi.ts';

const n = (interval: readonly [number, number] | null | undefined): NewPeriodsRoi => ({
  first_date: '2024-01-08', last_date: '2024-05-20', periods: 20,
  channels: [
    { name: 'tv', spend: 40_000, contribution: 50_000, roi: 1.25, ...(interval === undefined ? {} : { roi_interval: interval }) },
    { name: 'search', spend: 0, contribution: 0, roi: null, ...(interval === undefined ? {} : { roi_interval: null }) },
  ],
});
const summary = { channels: [{ name: 'tv', roi: 1.5 }, { name: 'search', roi: 1.75 }] } as unknown as Parameters<typeof formatNewPeriodsRoi>[1];

test('formatNewPeriodsRoi: an interval column and caption only when some channel has an interval', () => {
  const shown = formatNewPeriodsRoi(n([0.9, 1.6]), summary);
  assert.match(shown, /with 90% intervals over its bootstrap replicates/);
  assert.match(shown, /90% interval \(new\)/);
  assert.match(shown, /0\.90–1\.60/);
  // Bootstrap 0 or too few replicates: every interval null. No column of dashes, and the caption says so.
  const none = formatNewPeriodsRoi(n(null), summary);
  assert.match(none, /point estimates, no interval/);
  assert.doesNotMatch(none, /90% interval/);
  // An older summary without the field reads the same.
  assert.equal(formatNewPeriodsRoi(n(undefined), summary), none);
});
