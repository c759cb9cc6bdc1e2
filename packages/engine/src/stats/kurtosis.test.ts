import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kurtosis } from './kurtosis.ts';
import { SKEWED60 } from '../../test/reference-data.ts';

test('kurtosis matches scipy.stats.kurtosis (fisher=True, bias=True)', () => {
  assert.ok(Math.abs(kurtosis(SKEWED60) - 0.21402207837426968) < 1e-13);
  assert.ok(Math.abs(kurtosis([1, 2, 3, 4]) - -1.36) < 1e-14);
});

test('kurtosis of a two-point distribution is −2; constants give NaN', () => {
  assert.ok(Math.abs(kurtosis([0, 1, 0, 1]) + 2) < 1e-15);
  assert.ok(Number.isNaN(kurtosis([4, 4, 4])));
});
