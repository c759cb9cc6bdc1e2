import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposureSeries } from './exposure-series.ts';

test('a constant cost: exposure = 1000 · spend / cpm, rounded', () => {
  assert.deepEqual(Array.from(exposureSeries(Float64Array.from([10, 20, 0]), Int32Array.from([0, 7, 14]), { cpm: 10 })), [1000, 2000, 0]);
});

test('drift: the last period costs (1 + drift) × the first', () => {
  const x = exposureSeries(Float64Array.from([100, 100, 100]), Int32Array.from([0, 7, 14]), { cpm: 10, drift: 0.6 });
  assert.deepEqual(Array.from(x), [10000, Math.round(10000 / 1.3), Math.round(10000 / 1.6)]);
});

test('seasonal swing: dearest at the start, cheapest half a year later', () => {
  const x = exposureSeries(Float64Array.from([100, 100]), Int32Array.from([0, 183]), { cpm: 10, seasonal: 0.25 });
  assert.equal(x[0], 8000);
  assert.ok(Math.abs(x[1] - 10000 / 0.75) < 20);
  assert.throws(() => exposureSeries(Float64Array.from([1]), Int32Array.from([0]), { cpm: 0 }), /cpm > 0/);
});
