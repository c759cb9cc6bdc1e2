import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFixedOrSignificant, formatNumber, formatRoi, formatShare, formatSignedNumber } from './format.ts';
import { renderChannelTable } from './table.ts';

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

test('formatFixedOrSignificant: a small non-zero value keeps 2 significant digits instead of printing as zero', () => {
  // A KPI of about 0.003: contributions and ROIs far below the usual decimals.
  assert.equal(formatFixedOrSignificant(0.00042, 2), '0.00042');
  assert.equal(formatFixedOrSignificant(0.00023, 4), '0.00023', '2 significant digits, not 0.0002');
  assert.equal(formatFixedOrSignificant(0.4), '0.40');
  assert.equal(formatFixedOrSignificant(0.00042), '0.00042');
  assert.equal(formatFixedOrSignificant(-0.00042, 2), '-0.00042');
  assert.equal(formatFixedOrSignificant(3.2e-7, 6), '0.00000032');
  assert.equal(formatFixedOrSignificant(1.3e-14, 2), '1.3e-14');
  assert.equal(formatFixedOrSignificant(0.0042, 1, { significant: 3 }), '0.00420');
  // Values that show as they are: usual decimals, zero, large ones, missing.
  assert.equal(formatFixedOrSignificant(1234.4), '1,234');
  assert.equal(formatFixedOrSignificant(5.3), '5');
  assert.equal(formatFixedOrSignificant(0.31, 2), '0.31');
  assert.equal(formatFixedOrSignificant(0, 2), '0.00');
  assert.equal(formatFixedOrSignificant(Number.NaN), '–');
  // Round-off of zero beside larger values (1e-16 of an ROI of 1.5) is not shown as a value.
  assert.equal(formatFixedOrSignificant(3.8e-16, 2, { scale: 1.5 }), '0.00');
  assert.equal(formatFixedOrSignificant(2e-10, 0, { scale: 1e6 }), '0');
});

test('formatFixedOrSignificant: a value that rounds up to 1 or more is written with the usual decimals, as a value ≥ 1', () => {
  assert.equal(formatFixedOrSignificant(0.996), '1', 'not 1.00');
  assert.equal(formatFixedOrSignificant(-0.9996, 2), '-1.00');
  assert.equal(formatFixedOrSignificant(0.9996, 0, { significant: 4 }), '0.9996');
  assert.equal(formatFixedOrSignificant(0.994), '0.99');
});

test('a table of a tiny KPI: contributions and ROIs keep significant digits', () => {
  const text = renderChannelTable([
    { name: 'tv', spend: 1200, contribution: 0.0021, roi: 1.75e-6, mroi: 1.2e-6, share_of_spend: 0.6, share_of_effect: 0.9 },
    { name: 'radio', spend: 800, contribution: 0.00023, roi: 2.9e-7, mroi: 3.1e-13, share_of_spend: 0.4, share_of_effect: 0.1 },
  ]);
  for (const shown of ['0.0021', '0.00023', '0.0000018', '0.00000029', '3.1e-13']) assert.ok(text.includes(shown), `${shown} in\n${text}`);
  assert.doesNotMatch(text, /\b0\.0+\b(?![\d])/, text);
});

test('no negative zero: -0 and tiny negatives that round to zero print without a sign', () => {
  assert.equal(formatNumber(-0), '0');
  assert.equal(formatNumber(-0, 2), '0.00');
  assert.equal(formatNumber(-0.0004, 2), '0.00');
  assert.equal(formatNumber(-0.4), '0');
  assert.equal(formatNumber(-0.006, 2), '-0.01', 'a value that rounds away from zero keeps its sign');
  assert.equal(formatShare(-0.0000004), '0.0%');
  assert.equal(formatRoi(-0), '0.00');
  assert.equal(formatFixedOrSignificant(-0, 2), '0.00');
  assert.equal(formatFixedOrSignificant(-2e-16, 2, { scale: 1.5 }), '0.00', 'round-off beside 1.5');
  assert.equal(formatSignedNumber(-0.04, 1), '+0.0');
  assert.equal(formatSignedNumber(-0, 1), '+0.0');
  assert.equal(formatSignedNumber(-1.26, 1), '-1.3');
  assert.equal(formatSignedNumber(2.5, 1), '+2.5');
  assert.equal(formatSignedNumber(Number.NaN, 1), '–');
});
