import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EChartsOption } from 'echarts';
import { withSelectedPoint } from './with-selected-point.ts';

test('withSelectedPoint appends a series and leaves the input alone', () => {
  const base: EChartsOption = { series: [{ name: 'a', type: 'scatter', data: [[0, 0]] }] };
  const out = withSelectedPoint(base, [1, 2]);
  assert.equal((base.series as unknown[]).length, 1);
  const series = out.series as { name: string; data: unknown }[];
  assert.equal(series.length, 2);
  assert.equal(series[1].name, 'selected');
  assert.deepEqual(series[1].data, [[1, 2]]);
  assert.equal(withSelectedPoint(base, null), base);
});
