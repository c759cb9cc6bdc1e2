import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareRuns, type RunToCompare } from '@mixwise/engine';
import { refreshSentence, roiComparison, roiComparisonHeight, summaryRefresh } from '../src/index.ts';
import { seriesOf } from './spec-access.ts';

type Ch = { name: string; spend: number; roi: number; roi_interval: [number, number] | null };

/** A run's summary with just what compareRuns reads. */
function run(name: string, periods: number, end: string, channels: Ch[]): RunToCompare {
  return {
    run: name,
    summary: {
      target: 'revenue', periods, window: { start: '2022-01-03', end },
      fit: { r2: 0.9, nrmse: 0.07, mape: 0.05, holdout: null },
      channels: channels.map((c) => ({ ...c, contribution: c.spend * c.roi })),
      baseline: { contribution: 1000, share: 0.7, components: {} },
    } as unknown as RunToCompare['summary'],
  };
}

// tv: 1.0 [0.8, 1.2] → 1.5 [1.3, 1.8]: the intervals do not overlap (intervals apart); search: 2 → 1.9, overlapping; radio: no interval after.
const before = run('runs/jan', 104, '2023-12-25', [
  { name: 'tv', spend: 10_400, roi: 1, roi_interval: [0.8, 1.2] },
  { name: 'search', spend: 5_200, roi: 2, roi_interval: [1.5, 2.5] },
  { name: 'radio', spend: 1_040, roi: 0.5, roi_interval: [0.2, 0.9] },
]);
const after = run('runs/feb', 120, '2024-04-15', [
  { name: 'tv', spend: 12_000, roi: 1.5, roi_interval: [1.3, 1.8] },
  { name: 'search', spend: 6_000, roi: 1.9, roi_interval: [1.4, 2.4] },
  { name: 'radio', spend: 1_200, roi: 0.6, roi_interval: null },
]);
const comparison = compareRuns(before, after);

test('roiComparison: one row per channel, the before point above the after point, intervals as segments', () => {
  const spec = roiComparison(comparison);
  const yAxes = spec.yAxis as { data?: string[] }[];
  assert.deepEqual(yAxes[0].data, ['tv (intervals apart)', 'search', 'radio']);
  const [ia, a, ib, b, move] = seriesOf(spec);
  assert.deepEqual([ia.name, a.name, ib.name, b.name, move.name], ['before 90% interval', 'before', 'after 90% interval', 'after', 'change']);
  // Points: [ROI, row ∓ 0.18].
  assert.deepEqual(a.data.map((d) => (d as { value: number[] }).value), [[1, -0.18], [2, 0.82], [0.5, 1.82]]);
  assert.deepEqual(b.data.map((d) => (d as { value: number[] }).value), [[1.5, 0.18], [1.9, 1.18], [0.6, 2.18]]);
  assert.equal((b.data[0] as { name: string }).name, 'tv: after 1.50');
  // Each interval is two points and a gap; radio has none after.
  assert.deepEqual(ia.data.slice(0, 3), [[0.8, -0.18], [1.2, -0.18], ['-', '-']]);
  assert.equal(ia.data.length, 9);
  assert.equal(ib.data.length, 6);
  assert.deepEqual(move.data.slice(0, 2), [[1, -0.18], [1.5, 0.18]]);
  // A revenue KPI: the break-even line at ROI 1.
  assert.deepEqual((ia.markLine as { data: unknown[] }).data, [{ xAxis: 1 }]);
});

test('roiComparison: labels and a count KPI (no break-even line, axis named KPI per spend)', () => {
  const spec = roiComparison(comparison, { labels: ['A', 'B'], kpiKind: 'count' });
  const series = seriesOf(spec);
  assert.deepEqual(series.map((s) => s.name), ['A 90% interval', 'A', 'B 90% interval', 'B', 'change']);
  assert.equal(series[0].markLine, undefined);
  assert.equal((spec.xAxis as { name: string }).name, 'KPI per spend');
  assert.equal(roiComparisonHeight(3), 288);
});

test('summaryRefresh reads a well-formed refresh and ignores a missing or malformed one', () => {
  const refresh = { previous: 'runs/jan', new_periods: 16, bound_width: 0.2, comparison };
  assert.equal(summaryRefresh({ refresh }), refresh);
  assert.equal(summaryRefresh({}), null);
  assert.equal(summaryRefresh({ refresh: { ...refresh, comparison: { ...comparison, channels: [{ name: 'tv' }] } } }), null);
  assert.equal(summaryRefresh({ refresh: { ...refresh, new_periods: '16' } }), null);
  assert.equal(refreshSentence(refresh),
    'This model refreshes runs/jan (data to 2023-12-25) with 16 new periods, to 2024-04-15; each curve parameter was searched over 20% of its range around its previous value.');
});
