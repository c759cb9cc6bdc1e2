import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MINUS, proseAmount, signedAmount, signedPercent } from './prose-format.ts';
import { intervalSentence } from '../optimize/explain-interval.ts';
import { formatAmount } from '../optimize/normalise-bounds.ts';

test('signedPercent: a change that rounds to zero is +0.0%, never −0.0%', () => {
  assert.equal(signedPercent(0.123), '+12.3%');
  assert.equal(signedPercent(-0.05), '−5.0%');
  // The total row of --bounds 5%,60% moved the budget by round-off: -2e-12 of it.
  assert.equal(signedPercent(-2e-12), '+0.0%');
  assert.equal(signedPercent(-0.00049), '+0.0%');
  assert.equal(signedPercent(-0.0005001), '−0.1%');
  assert.equal(signedPercent(-0), '+0.0%');
  assert.equal(signedPercent(0), '+0.0%');
  assert.equal(signedPercent(Number.NaN), 'NaN');
});

test('signedAmount: proseAmount with its sign, zero as +0', () => {
  assert.equal(signedAmount(1234.5), '+1,235');
  assert.equal(signedAmount(-12.5), '−12.5');
  assert.equal(signedAmount(-0), '+0');
  assert.equal(signedAmount(0.000123), '+0.000123');
  assert.equal(signedAmount(-0.000123), '−0.000123');
  assert.equal(proseAmount(-0.000123), '−0.000123');
});

test('prose numbers use the minus sign U+2212, as the charts and the report do, never a hyphen', () => {
  assert.equal(MINUS, '\u2212');
  assert.equal(proseAmount(-5070.4), '−5,070');
  assert.equal(signedAmount(-0), '+0');
  assert.equal(signedAmount(-Infinity), '−Infinity');
  // The report's paragraph of the demo: '… lie between −5,070 and +56,770.' (was '-5,070').
  const sentence = intervalSentence([-5070.4, 56770.2], 100);
  assert.match(sentence, /lie between −5,070 and \+56,770\./);
  // Whole amounts, as the CLI's line under the table prints them (was 4 significant digits: +57,970 beside +57,965).
  assert.match(intervalSentence([57965.4, 113186.2], 100), /lie between \+57,965 and \+113,186\./);
  assert.doesNotMatch(sentence, /-\d/);
});

test('huge numbers read as 1.23e+18, not hundreds of digits; large percentages get thousands separators', () => {
  assert.equal(proseAmount(1e300), '1.00e+300');
  assert.equal(proseAmount(-2.6315e296), '−2.63e+296');
  assert.equal(proseAmount(999_999_999_999_999), '999,999,999,999,999');
  assert.equal(signedAmount(1e308), '+1.00e+308');
  assert.equal(signedPercent(2.6315e294), '+2.63e+296%');
  assert.equal(signedPercent(2.6e8), '+26,000,000,000%');
  assert.equal(signedPercent(123.456), '+12,346%');
  assert.equal(signedPercent(99.9), '+9990.0%');
  assert.equal(formatAmount(1e308), '1.00e+308');
  assert.equal(formatAmount(1234567.891), '1,234,570');
});
