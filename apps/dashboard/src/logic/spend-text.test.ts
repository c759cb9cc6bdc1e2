import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount, readSpendText, spendText } from './amount.ts';

test('spendText keeps small spends readable and reads back through parseAmount', () => {
  assert.equal(spendText(1234567.8), '1,234,568');
  assert.equal(spendText(0.04567123), '0.04567');
  assert.equal(spendText(42.5), '42.5');
  assert.equal(spendText(0), '0');
  for (const v of [1234567.8, 0.04567123, 42.5, 0, 99.99, 1e-7]) assert.ok(Math.abs((parseAmount(spendText(v)) ?? NaN) - v) <= Math.max(0.5, v * 1e-3), `${v}`);
});

test('readSpendText takes amounts up to the API\'s 1e15 and says why it refuses anything else', () => {
  assert.deepEqual(readSpendText('15k'), { spend: 15_000 });
  assert.deepEqual(readSpendText('1e15'), { spend: 1e15 });
  for (const text of ['abc', '-5', '', '1,5']) {
    const r = readSpendText(text, 'week');
    assert.ok('problem' in r && r.reason === 'not-amount', text);
  }
  const big = readSpendText('1e20', 'week');
  assert.ok('problem' in big && big.reason === 'too-large');
  assert.match(big.problem, /^At most 1,000,000,000,000,000 \(1e15\) per week/);
});
