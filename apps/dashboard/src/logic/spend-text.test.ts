import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount, readSpendText, spendText } from './amount.ts';

test('spendText keeps small spends readable and reads back through parseAmount', () => {
  assert.equal(spendText(1234567.8), '1,234,568');
  assert.equal(spendText(0.04567123), '0.04567');
  assert.equal(spendText(42.5), '42.5');
  assert.equal(spendText(0), '0');
  assert.equal(spendText(1.234), '1.2340', 'not 1.234, which reads as dot-grouped thousands');
  for (const v of [1234567.8, 0.04567123, 42.5, 0, 99.99, 1e-7, 1.234, 12.5]) assert.ok(Math.abs((parseAmount(spendText(v)) ?? NaN) - v) <= Math.max(0.5, v * 1e-3), `${v}`);
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

test('readSpendText refuses German-style 150.000 and 1.500 with the 1000× message, never 150 or 1.5', () => {
  for (const text of ['150.000', '1.500', '1.500.000']) {
    const r = readSpendText(text, 'week');
    assert.ok('problem' in r && r.reason === 'not-amount', text);
    assert.match(r.problem, /separating thousands/, text);
  }
  const r = readSpendText('150.000', 'week');
  assert.ok('problem' in r && /1000× too small; type 150000 or 150,000/.test(r.problem));
});
