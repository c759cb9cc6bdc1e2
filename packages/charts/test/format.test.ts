import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupDigits, formatCompact, formatAmount, formatPercent, formatRatio, formatRoi, roiDecimals, formatSigned, formatSignificant, roundTo, channelColor } from '../src/index.ts';
import { CHANNEL_COLORS } from '../src/palette.ts';

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

test('formatCompact: trillions, and a value that rounds up to 1,000 of a unit takes the next unit', () => {
  assert.equal(formatCompact(1e12), '1.00T');
  assert.equal(formatCompact(-2.5e13), '−25.0T');
  assert.equal(formatCompact(999_999_999_999), '1.00T');
  assert.equal(formatCompact(999_999), '1.00M');
  assert.equal(formatCompact(999.996), '1.00k');
  assert.equal(formatCompact(25e9), '25B');
  assert.equal(formatCompact(3e15), '3,000.0T');
  assert.equal(formatCompact(-0.001), '0');
});

test('negative numbers use the minus sign (U+2212) everywhere, never a hyphen', () => {
  assert.equal(formatSigned(1.47, 1), '+1.5');
  assert.equal(formatSigned(-0.4, 1), '−0.4');
  assert.equal(formatSigned(0, 1), '+0.0');
  assert.equal(formatSigned(-0.01, 1), '+0.0');
  assert.equal(formatSignificant(-0.0123456, 3), '−0.0123');
  assert.equal(formatSignificant(1234.5678, 6), '1234.57');
  for (const text of [formatCompact(-5070), formatAmount(-5070), formatPercent(-0.201), formatRatio(-1.5), formatRoi(-0.004), formatSigned(-3), formatSignificant(-2)]) {
    assert.ok(!text.includes('-') && text.startsWith('−'), text);
  }
});

test('formatRoi: 2 decimals, or 2 significant digits below 0.1 (a count KPI\'s ROI never reads 0.00)', () => {
  // The CLI's ROI figures for the ecommerce orders and b2b runs the report used to round away.
  assert.equal(formatRoi(0.052), '0.052');
  assert.equal(formatRoi(0.019), '0.019');
  assert.equal(formatRoi(0.0057), '0.0057');
  assert.equal(formatRoi(0.05), '0.050');
  assert.equal(formatRoi(5.048), '5.05');
  assert.equal(formatRoi(1234.5), '1,234.50');
  assert.equal(formatRoi(0), '0.00');
  assert.equal(formatRoi(-0.004), '−0.0040');
  assert.equal(formatRoi(7.04e-10), '0.00000000070', 'down to 1e-11 a ROI keeps 2 significant digits');
  assert.equal(formatRoi(Number.NaN), '–');
  assert.equal(roiDecimals(1.456), 2);
  assert.equal(roiDecimals(0.0019), 4);
  assert.equal(roiDecimals(1e-20), 2, 'round-off: 2 decimals');
  assert.equal(roiDecimals(2e-12), 12, 'at most 12 decimals, down to 1e-12');
  assert.equal(formatRoi(3.8e-16), '0.00', 'zero to round-off prints as 0.00, not 12 zeros');
  assert.equal(formatRoi(-3.8e-16), '0.00', 'without a minus sign');
  assert.equal(roiDecimals(Number.POSITIVE_INFINITY), 2);
});

test('channel colours wrap around the palette', () => {
  assert.equal(channelColor(0), channelColor(CHANNEL_COLORS.length));
  assert.equal(channelColor(-1), CHANNEL_COLORS[CHANNEL_COLORS.length - 1]);
  assert.notEqual(channelColor(0), channelColor(1));
});

test('no negative zero: -0 and tiny negatives that round to zero print without a minus sign', () => {
  assert.equal(groupDigits(-0, 2), '0.00');
  assert.equal(groupDigits(-0.0004, 2), '0.00');
  assert.equal(groupDigits(-0.006, 2), '−0.01', 'a value that rounds away from zero keeps its sign');
  assert.equal(formatAmount(-0), '0.00');
  assert.equal(formatAmount(-0.0004), '0.00');
  assert.equal(formatCompact(-0), '0');
  assert.equal(formatCompact(-0.004), '0');
  assert.equal(formatPercent(-0.0000004), '0.0%');
  assert.equal(formatRatio(-0.004), '0.00');
  assert.equal(formatRoi(-0), '0.00');
  assert.equal(formatSigned(-0, 1), '+0.0');
  assert.equal(formatSigned(-0.04, 1), '+0.0');
  assert.equal(formatSignificant(-0), '0');
});

test('formatAmount and formatCompact: the same as before without money; with a currency and locale, formatMoney\'s text and U+2212', () => {
  assert.equal(formatAmount(24960000.04, undefined), '24,960,000');
  assert.equal(formatAmount(24960000.04, { locale: 'en-US' }), '24,960,000');
  assert.equal(formatCompact(24960000, { locale: 'en-US' }), '25.0M');
  assert.equal(formatAmount(24960000.04, { currency: 'EUR', locale: 'de-DE' }), '24.960.000\u00a0€');
  assert.equal(formatAmount(-12.345, { currency: 'GBP', locale: 'en-GB' }), '−£12.35');
  assert.equal(formatAmount(12.345, { currency: 'JPY' }), '¥12');
  assert.equal(formatCompact(24960000, { currency: 'EUR' }), '€25.0M');
  assert.equal(formatCompact(-45600, { currency: 'GBP', locale: 'en-GB' }), '−£45.6k');
  assert.equal(formatCompact(950, { currency: 'USD' }), '$950');
  assert.equal(formatCompact(Number.NaN, { currency: 'USD' }), '–');
});
