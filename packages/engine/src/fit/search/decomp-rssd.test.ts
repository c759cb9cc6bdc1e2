import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decompRssd } from './decomp-rssd.ts';

test('decompRssd: the distance between effect and spend shares, by hand', () => {
  assert.equal(decompRssd(Float64Array.of(3, 1), Float64Array.of(1, 1), 2, 2), Math.sqrt(0.25 ** 2 * 2));
  assert.equal(decompRssd(Float64Array.of(2, 2, 9), Float64Array.of(5, 5, 9), 10, 2), 0, 'only the first n channels count');
});

test('decompRssd: no effect or no spend makes those shares 0', () => {
  assert.equal(decompRssd(Float64Array.of(0, 0), Float64Array.of(1, 3), 4, 2), Math.sqrt(0.25 ** 2 + 0.75 ** 2));
  assert.equal(decompRssd(Float64Array.of(1, 3), Float64Array.of(0, 0), 0, 2), Math.sqrt(0.25 ** 2 + 0.75 ** 2));
});
