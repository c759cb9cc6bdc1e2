import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proseAmount, signedAmount, signedPercent } from './prose-format.ts';

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
