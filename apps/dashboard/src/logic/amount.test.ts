import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount } from './amount.ts';

test('parseAmount reads plain numbers, thousands separators and k/M/B suffixes', () => {
  const cases: [string, number][] = [
    ['0', 0], ['15000', 15000], ['15000.5', 15000.5], [' 42 ', 42], ['1,250,000', 1250000], ['1 250 000', 1250000],
    ['1_000', 1000], ['12,345.67', 12345.67], ['45k', 45000], ['45 K', 45000], ['1.2M', 1200000], ['2b', 2e9], ['.5k', 500], ['7.', 7], ['1e6', 1e6], ['2.5E-7', 2.5e-7],
  ];
  for (const [text, want] of cases) assert.equal(parseAmount(text), want, text);
});

test('parseAmount refuses what is not an amount instead of guessing', () => {
  for (const text of ['', ' ', '-5', 'abc', '1,5', '12,34,567', '1,2345', '1.2.3', 'k', '5kk', '1e', 'e3', '1e3k', '0x10', ',100', '100,', '1e400'])
    assert.equal(parseAmount(text), null, JSON.stringify(text));
});
