import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convolveLags, sharesMemory } from './convolve-lags.ts';

test('convolveLags: hand-computed distributed lag', () => {
  // out[t] = x[t] + 0.5·x[t−1]: [1, 2 + 0.5, 0 + 1]
  assert.deepEqual([...convolveLags(Float64Array.of(1, 2, 0), Float64Array.of(1, 0.5))], [1, 2.5, 1]);
  // three weights, four points: [1·3, 1·1 + 2·3, 1·0 + 2·1 + 3·3, 1·2 + 2·0 + 3·1]
  assert.deepEqual([...convolveLags(Float64Array.of(3, 1, 0, 2), Float64Array.of(1, 2, 3))], [3, 7, 11, 5]);
});

test('convolveLags: a spike at t = 0 through 52 lags reproduces the weights, truncated at the series end', () => {
  const w = new Float64Array(53);
  for (let l = 0; l <= 52; l++) w[l] = 1 / (l + 1);
  const x = new Float64Array(40);
  x[0] = 2;
  const y = convolveLags(x, w);
  for (let t = 0; t < 40; t++) assert.equal(y[t], 2 / (t + 1));
});

test('convolveLags: lags longer than the series and a single weight', () => {
  assert.deepEqual([...convolveLags(Float64Array.of(1, 1), Float64Array.of(1, 1, 1, 1))], [1, 2]);
  assert.deepEqual([...convolveLags(Float64Array.of(1, 4), Float64Array.of(3))], [3, 12]);
  assert.deepEqual([...convolveLags(new Float64Array(0), Float64Array.of(1, 2))], []);
});

test('convolveLags: out buffer, shape and argument checks', () => {
  const out = new Float64Array(2);
  assert.equal(convolveLags(Float64Array.of(1, 1), Float64Array.of(1, 1), out), out);
  assert.deepEqual([...out], [1, 2]);
  assert.throws(() => convolveLags(Float64Array.of(1), new Float64Array(0)), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => convolveLags(Float64Array.of(1, 2), Float64Array.of(1), new Float64Array(3)), { code: 'SHAPE_MISMATCH' });
  const x = Float64Array.of(1, 2);
  assert.throws(() => convolveLags(x, Float64Array.of(1), x), { code: 'INVALID_ARGUMENT' });
});

test('sharesMemory detects overlapping views only', () => {
  const buf = new Float64Array(10);
  assert.equal(sharesMemory(buf.subarray(0, 5), buf.subarray(5)), false);
  assert.equal(sharesMemory(buf.subarray(0, 6), buf.subarray(5)), true);
  assert.equal(sharesMemory(buf, new Float64Array(10)), false);
});
