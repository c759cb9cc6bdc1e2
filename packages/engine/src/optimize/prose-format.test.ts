import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proseAmount, signedAmount, signedPercent } from './prose-format.ts';
import { formatAmount } from './normalise-bounds.ts';

test('signedPercent: a change that rounds to zero is +0.0%, never -0.0%', () => {
  assert.equal(signedPercent(0.123), '+12.3%');
  assert.equal(signedPercent(-0.05), '-5.0%');
  // The total row of --bounds 5%,60% moved the budget by round-off: -2e-12 of it.
  assert.equal(signedPercent(-2e-12), '+0.0%');
  assert.equal(signedPercent(-0.00049), '+0.0%');
  assert.equal(signedPercent(-0.0005001), '-0.1%');
  assert.equal(signedPercent(-0), '+0.0%');
  assert.equal(signedPercent(0), '+0.0%');
  assert.equal(signedPercent(Number.NaN), 'NaN');
});

test('signedAmount: proseAmount with its sign, zero as +0', () => {
  assert.equal(signedAmount(1234.5), '+1,235');
  assert.equal(signedAmount(-12.5), '-12.5');
  assert.equal(signedAmount(-0), '+0');
  assert.equal(signedAmount(0.000123), '+0.000123');
  assert.equal(signedAmount(-0.000123), '-0.000123');
  assert.equal(proseAmount(-0.000123), '-0.000123');
});

test('huge numbers read as 1.23e+18, not hundreds of digits; large percentages get thousands separators', () => {
  assert.equal(proseAmount(1e300), '1.00e+300');
  assert.equal(proseAmount(-2.6315e296), '-2.63e+296');
  assert.equal(proseAmount(999_999_999_999_999), '999,999,999,999,999');
  assert.equal(signedAmount(1e308), '+1.00e+308');
  assert.equal(signedPercent(2.6315e294), '+2.63e+296%');
  assert.equal(signedPercent(2.6e8), '+26,000,000,000%');
  assert.equal(signedPercent(123.456), '+12,346%');
  assert.equal(signedPercent(99.9), '+9990.0%');
  assert.equal(formatAmount(1e308), '1.00e+308');
  assert.equal(formatAmount(1234567.891), '1,234,570');
});
