import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount, spendText } from './amount.ts';

test('spendText keeps small spends readable and reads back through parseAmount', () => {
  assert.equal(spendText(1234567.8), '1,234,568');
  assert.equal(spendText(0.04567123), '0.04567');
  assert.equal(spendText(42.5), '42.5');
  assert.equal(spendText(0), '0');
  for (const v of [1234567.8, 0.04567123, 42.5, 0, 99.99, 1e-7]) assert.ok(Math.abs((parseAmount(spendText(v)) ?? NaN) - v) <= Math.max(0.5, v * 1e-3), `${v}`);
});
