import { test } from 'node:test';
import assert from 'node:assert/strict';
import { organicRows } from './organic-rows.ts';

const timing = { peak_lag: 0, lag_50: 0, lag_90: 2, period: 'week' as const };

test('organicRows: none without summary.organic, or with an empty list', () => {
  assert.deepEqual(organicRows({ baseline: { contribution: 100, share: 0.5, components: {} } }), []);
  assert.deepEqual(organicRows({ baseline: { contribution: 100, share: 0.5, components: {} }, organic: [] }), []);
});

test('organicRows: largest contribution first, with its share of the baseline and KPI per 1,000 exposures', () => {
  const rows = organicRows({
    baseline: { contribution: 1000, share: 0.6, components: { organic: 300 } },
    organic: [
      { name: 'mentions', exposure: 0, contribution: 50, share_of_kpi: 0.01, effect_timing: timing },
      { name: 'newsletter', exposure: 5000, contribution: 250, share_of_kpi: 0.05, effect_timing: timing, contribution_interval: [200, 320] },
    ],
  });
  assert.deepEqual(rows, [
    { name: 'newsletter', exposure: 5000, contribution: 250, interval: [200, 320], shareOfKpi: 0.05, shareOfBaseline: 0.25, perThousand: 50 },
    { name: 'mentions', exposure: 0, contribution: 50, interval: null, shareOfKpi: 0.01, shareOfBaseline: 0.05, perThousand: null },
  ]);
  assert.equal(organicRows({ baseline: { contribution: 0, share: 0, components: {} }, organic: [{ name: 'n', exposure: 1, contribution: 0, share_of_kpi: 0, effect_timing: timing }] })[0].shareOfBaseline, null);
});
