import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, formatRoi, formatShare } from './format.ts';

test('numbers: thousands separators, rounding, no negative zero, dash for missing', () => {
  assert.equal(formatNumber(1234567.891), '1,234,568');
  assert.equal(formatNumber(999.5), '1,000');
  assert.equal(formatNumber(-1234.5, 1), '-1,234.5');
  assert.equal(formatNumber(-0.4), '0');
  assert.equal(formatNumber(-0.001, 2), '0.00');
  assert.equal(formatNumber(Number.NaN), '–');
  assert.equal(formatNumber(undefined), '–');
});

test('ROI with 2 decimals, shares as percentages with 1 decimal', () => {
  assert.equal(formatRoi(1.456), '1.46');
  assert.equal(formatRoi(1234.5), '1,234.50');
  assert.equal(formatRoi(7.04e-10), '0.00000000070', 'a tiny ROI keeps 2 significant digits');
  assert.equal(formatShare(0.1234), '12.3%');
  assert.equal(formatShare(1), '100.0%');
  assert.equal(formatShare(null), '–');
});
