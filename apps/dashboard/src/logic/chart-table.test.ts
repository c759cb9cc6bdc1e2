import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SummaryResult } from '@mixwise/engine';
import { categorySeriesTable, roiShareTable, waterfallTable } from './chart-table.ts';

const summary = {
  target: 'revenue',
  baseline: { contribution: 6_000_000 },
  channels: [
    { name: 'tv', contribution: 1_500_000, share_of_spend: 0.6, share_of_effect: 0.75, roi: 1.25 },
    { name: 'search', contribution: 500_000, share_of_spend: 0.4, share_of_effect: 0.25, roi: 0.5 },
  ],
} as unknown as SummaryResult;

test('waterfallTable lists the baseline, each channel and the total the waterfall draws', () => {
  const t = waterfallTable(summary);
  assert.deepEqual(t.columns, ['Step', 'Contribution to revenue']);
  assert.deepEqual(t.rows.map((r) => r[0]), ['Baseline', 'tv', 'search', 'Total']);
  assert.equal(t.rows[3][1], '8.00M');
});

test('roiShareTable gives each channel its shares and return', () => {
  const t = roiShareTable(summary, 'ROI');
  assert.deepEqual(t.rows[0], ['tv', '60.0%', '75.0%', '1.25']);
});

test('categorySeriesTable reads the categories and named series of an option, null for other shapes', () => {
  const t = categorySeriesTable({ xAxis: { data: ['2024-01-01', '2024-01-08'] }, series: [{ name: 'Baseline', data: [100, 200] }, { name: 'tv', data: [1500, 2500] }] }, 'c', 'Date');
  assert.deepEqual(t?.columns, ['Date', 'Baseline', 'tv']);
  assert.deepEqual(t?.rows, [['2024-01-01', '100', '1.50k'], ['2024-01-08', '200', '2.50k']]);
  assert.equal(categorySeriesTable({ xAxis: { type: 'value' }, series: [] }, 'c', 'x'), null);
  assert.equal(categorySeriesTable(null, 'c', 'x'), null);
});
