import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareRuns, type RunToCompare } from '@mixwise/engine';
import { refreshChartTable } from './refresh-table.ts';

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
