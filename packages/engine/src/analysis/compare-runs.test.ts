import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareRuns, comparisonHeadline, intervalsOverlap, type RunToCompare } from './compare-runs.ts';

type Channel = RunToCompare['summary']['channels'][number];
const channel = (name: string, spend: number, roi: number, interval: readonly [number, number] | null): Channel => ({
  name, spend, contribution: spend * roi, roi, mroi: roi / 2, share_of_spend: 0, share_of_effect: 0, roi_interval: interval, cpa: null, immediate_share: 1,
});
const run = (name: string, periods: number, end: string, channels: Channel[], baselineShare: number): RunToCompare => ({
  run: name,
  summary: {
    target: 'revenue', periods, window: { start: '2022-01-03', end },
    fit: { r2: 0.9, adj_r2: 0.88, rmse: 1, mae: 1, mape: 0.05, wmape: 0.05, nrmse: 0.07, holdout: null },
    channels, baseline: { contribution: 0, share: baselineShare, components: {} },
  },
});

test('intervalsOverlap: touching intervals overlap, disjoint ones do not', () => {
  assert.equal(intervalsOverlap([1, 2], [2, 3]), true);
  assert.equal(intervalsOverlap([1, 2], [2.01, 3]), false);
  assert.equal(intervalsOverlap([2.01, 3], [1, 2]), false);
});

test('compareRuns: spend per period, ROI change and verdict per channel; channels of one run only; baseline change', () => {
  const a = run('jan', 100, '2023-11-27', [channel('tv', 1000, 1, [0.8, 1.2]), channel('search', 500, 3, [2.5, 3.5]), channel('ooh', 300, 1, null)], 0.7);
  const b = run('feb', 120, '2024-04-15', [channel('search', 720, 2, [1.5, 2.4]), channel('tv', 1200, 1.1, [0.9, 1.3]), channel('social', 240, 2, [1, 3])], 0.75);
  const c = compareRuns(a, b);
  assert.deepEqual(c.channels.map((x) => x.name), ['search', 'tv']);
  const [search, tv] = c.channels;
  assert.equal(search.spend_per_period_a, 5);
  assert.equal(search.spend_per_period_b, 6);
  assert.equal(search.roi_change, -1);
  assert.equal(search.verdict, 'intervals do not overlap');
  assert.ok(Math.abs((search.roi_change_relative ?? NaN) + 1 / 3) < 1e-12);
  assert.ok(Math.abs(tv.roi_change - 0.1) < 1e-12);
  assert.equal(tv.verdict, 'intervals overlap');
  assert.deepEqual(c.only_in_a, ['ooh']);
  assert.deepEqual(c.only_in_b, ['social']);
  assert.ok(Math.abs(c.baseline_share_change - 0.05) < 1e-12);
  assert.deepEqual([c.a.periods, c.a.last_date, c.b.periods, c.b.last_date], [100, '2023-11-27', 120, '2024-04-15']);
  assert.equal(c.b.holdout, null);
  assert.equal(c.headline, 'Largest ROI moves: search 3.00 → 2.00 (−1.00, −33%; 90% intervals do not overlap); tv 1.00 → 1.10 (+0.10, +10%; 90% intervals overlap). '
    + 'The 90% intervals do not overlap for 1 of 2 channels; where they overlap, that is no evidence that the ROI is unchanged.');
});

test('a channel without an interval in either run gets no verdict; overlapping intervals are never called "no change"', () => {
  const a = run('a', 10, '2022-03-07', [channel('tv', 10, 1, null), channel('search', 10, 2, [1, 3])], 0.5);
  const b = run('b', 10, '2022-03-07', [channel('tv', 10, 1.2, [1, 1.4]), channel('search', 10, 2, [1, 3])], 0.5);
  const c = compareRuns(a, b);
  assert.equal(c.channels[0].verdict, 'no interval');
  assert.equal(c.channels[1].roi_change, 0);
  assert.equal(c.headline, 'Largest ROI moves: tv 1.00 → 1.20 (+0.20, +20%; no interval); search 2.00 → 2.00 (+0.00, +0%; 90% intervals overlap). '
    + 'The 90% intervals overlap for 1 of 2 channels: that is no evidence that the ROIs are unchanged; judge each move by its size.');
});

test('a large move inside overlapping intervals is named by its size first (the reviewer\'s +35% case)', () => {
  const a = run('a', 10, '2022-03-07', [channel('tv', 10, 1, [0.5, 1.6]), channel('search', 100, 10, [9, 11])], 0.5);
  const b = run('b', 10, '2022-03-07', [channel('tv', 10, 1.35, [0.9, 1.8]), channel('search', 100, 9.5, [8.5, 10.5])], 0.5);
  const c = compareRuns(a, b);
  // search moved more in ROI units (−0.50) but tv moved more relative to its ROI (+35% against −5%).
  assert.match(c.headline, /^Largest ROI moves: tv 1\.00 → 1\.35 \(\+0\.35, \+35%; 90% intervals overlap\); search/);
  assert.doesNotMatch(c.headline, /No channel|within the uncertainty|stable/);
});

test('comparisonHeadline with no shared channel says so', () => {
  assert.match(comparisonHeadline([]), /share no channel/);
});

test('comparisonHeadline: small ROIs keep two significant digits and nothing reads −0.00', () => {
  const ch = (name: string, a: number, b: number) => ({
    name, spend_per_period_a: 1, spend_per_period_b: 1, roi_a: a, roi_b: b, roi_change: b - a,
    roi_change_relative: a === 0 ? null : (b - a) / Math.abs(a), roi_interval_a: null, roi_interval_b: null, verdict: 'no interval' as const,
  });
  const h = comparisonHeadline([ch('s', 0.001, -0.0001)]);
  assert.match(h, /s 0\.0010 → −0\.00010 \(−0\.0011, −110%; no interval\)/);
  const z = comparisonHeadline([ch('t', 1e-13, -1e-13)]);
  assert.doesNotMatch(z, /−0\.00\b/);
});
