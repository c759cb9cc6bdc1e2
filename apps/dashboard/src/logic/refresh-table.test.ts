import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareRuns, type RunToCompare } from '@mixwise/engine';
import { newPeriodsTable, refreshChartTable } from './refresh-table.ts';

/** A summary with just what compareRuns reads. */
function run(name: string, periods: number, channels: { name: string; spend: number; roi: number; roi_interval: [number, number] | null }[]): RunToCompare {
  return {
    run: name,
    summary: {
      target: 'revenue', periods, window: { start: '2022-01-03', end: '2024-01-01' }, fit: { r2: 0.9, nrmse: 0.07, holdout: null },
      channels, baseline: { contribution: 1, share: 0.7, components: {} },
    } as unknown as RunToCompare['summary'],
  };
}

test('refreshChartTable: one row per channel with both ROIs, intervals, the change and the verdict', () => {
  const comparison = compareRuns(
    run('runs/jan', 100, [{ name: 'tv', spend: 100_000, roi: 1, roi_interval: [0.8, 1.2] }, { name: 'search', spend: 5_000, roi: 2, roi_interval: null }]),
    run('runs/feb', 120, [{ name: 'tv', spend: 150_000, roi: 1.5, roi_interval: [1.3, 1.8] }, { name: 'search', spend: 6_000, roi: 1.75, roi_interval: [1.5, 2] }]),
  );
  const t = refreshChartTable({ previous: 'runs/jan', new_periods: 20, bound_width: 0.2, comparison }, 'ROI');
  assert.equal(t.columns.length, 10);
  assert.deepEqual(t.rows, [
    ['tv', '1,000', '1,250', '1.00', '0.80 – 1.20', '1.50', '1.30 – 1.80', '+0.50', '+50%', 'intervals do not overlap'],
    ['search', '50.00', '50.00', '2.00', 'n/a', '1.75', '1.50 – 2.00', '−0.25', '−13%', 'no interval'],
  ]);
  assert.match(t.caption, /previous model \(runs\/jan\)/);
});

test('newPeriodsTable: the new periods\' spend, contribution and ROI with its 90% interval beside the whole window\'s; none without new periods', () => {
  const comparison = compareRuns(
    run('runs/jan', 100, [{ name: 'tv', spend: 100_000, roi: 1, roi_interval: [0.8, 1.2] }, { name: 'search', spend: 5_000, roi: 2, roi_interval: null }]),
    run('runs/feb', 120, [{ name: 'tv', spend: 150_000, roi: 1.5, roi_interval: [1.3, 1.8] }, { name: 'search', spend: 6_000, roi: 1.75, roi_interval: [1.5, 2] }]),
  );
  const channels = [
    { name: 'tv', spend: 40_000, contribution: 50_000, roi: 1.25, roi_interval: [0.9, 1.6] as const },
    { name: 'search', spend: 0, contribution: 0, roi: null, roi_interval: null },
  ];
  const refresh = { previous: 'runs/jan', new_periods: 20, bound_width: 0.2, comparison, new_periods_roi: { first_date: '2024-01-08', last_date: '2024-05-20', periods: 20, channels } };
  const t = newPeriodsTable(refresh, 'ROI');
  assert.deepEqual(t?.columns, ['Channel', 'Spend, new periods', 'Contribution, new periods', 'ROI, new periods', '90% interval, new periods', 'ROI, whole window']);
  assert.deepEqual(t?.rows, [['tv', '40,000', '50,000', '1.25', '0.90 – 1.60', '1.50'], ['search', '0.00', '0.00', 'no spend', 'n/a', '1.75']]);
  // A summary written before the intervals: no interval column.
  const older = newPeriodsTable({ ...refresh, new_periods_roi: { ...refresh.new_periods_roi, channels: channels.map(({ roi_interval: _i, ...c }) => c) } }, 'ROI');
  assert.equal(older?.columns.length, 5);
  // Bootstrap 0 or too few replicates: every interval null, so no column of dashes.
  const none = newPeriodsTable({ ...refresh, new_periods_roi: { ...refresh.new_periods_roi, channels: channels.map((c) => ({ ...c, roi_interval: null })) } }, 'ROI');
  assert.deepEqual(none?.columns, ['Channel', 'Spend, new periods', 'Contribution, new periods', 'ROI, new periods', 'ROI, whole window']);
  assert.equal(newPeriodsTable({ ...refresh, new_periods_roi: { ...refresh.new_periods_roi, periods: 0 } }, 'ROI'), null);
  assert.equal(newPeriodsTable({ previous: 'runs/jan', new_periods: 20, bound_width: 0.2, comparison }, 'ROI'), null);
  // With the model's currency: spend in it, the contribution too for revenue (kpiMoney), bare for a count KPI.
  const gbp = { currency: 'GBP', locale: 'en-GB' };
  assert.deepEqual(newPeriodsTable(refresh, 'ROI', { money: gbp, kpiMoney: gbp })?.rows[0].slice(0, 3), ['tv', '£40,000', '£50,000']);
  assert.deepEqual(newPeriodsTable(refresh, 'KPI per spend', { money: gbp })?.rows[0].slice(0, 3), ['tv', '£40,000', '50,000']);
});
