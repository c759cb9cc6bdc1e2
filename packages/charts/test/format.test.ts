import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupDigits, formatCompact, formatAmount, formatPercent, formatRatio, roundTo, channelColor } from '../src/index.ts';

test('number formats are locale-independent and hand-checked', () => {
  assert.equal(groupDigits(1234567.891, 1), '1,234,567.9');
  assert.equal(groupDigits(-1234.5, 0), '−1,235');
  assert.equal(groupDigits(-0.001, 1), '0.0');
  assert.equal(groupDigits(NaN), '–');
  assert.equal(formatCompact(24960000), '25.0M');
  assert.equal(formatCompact(2496000), '2.50M');
  assert.equal(formatCompact(-45600), '−45.6k');
  assert.equal(formatCompact(950), '950');
  assert.equal(formatCompact(7.8e9), '7.8B');
  assert.equal(formatAmount(24960000.04), '24,960,000');
  assert.equal(formatAmount(12.345), '12.35');
  assert.equal(formatPercent(0.42105), '42.1%');
  assert.equal(formatRatio(5.048), '5.05');
  assert.equal(roundTo(123456.789, 6), 123457);
  assert.equal(roundTo(0.000123456, 3), 0.000123);
});

test('channel colours wrap around the palette', () => {
  assert.equal(channelColor(0), channelColor(10));
  assert.notEqual(channelColor(0), channelColor(1));
});
