import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAmount, formatCompact, formatFixed, formatPct, formatRatio, formatRoi, formatSignedFixed } from './format.ts';

test('formatCompact', () => {
  assert.equal(formatCompact(1234567), '1.23M');
  assert.equal(formatCompact(-45600), '−45.6k');
  // The same text as the charts and the report (@mixwise/charts formatCompact).
  assert.equal(formatCompact(2.5e9), '2.5B');
  assert.equal(formatCompact(987), '987');
  assert.equal(formatCompact(12.34), '12.34');
  assert.equal(formatCompact(0.0123), '0.01');
  assert.equal(formatCompact(Number.NaN), '—');
});

test('formatPct, formatRatio, formatAmount', () => {
  assert.equal(formatPct(0.1234), '12.3%');
  assert.equal(formatPct(0.05, true), '+5.0%');
  assert.equal(formatPct(-0.05, true), '−5.0%');
  assert.equal(formatPct(null), '—');
  assert.equal(formatRatio(1.856, '×'), '1.86×');
  assert.equal(formatAmount(1234567.8), '1,234,568');
});

test('formatRoi: ROI, mROI and CPA as the CLI and the report show them (2 significant digits below 0.1)', () => {
  assert.equal(formatRoi(1.856, '×'), '1.86×');
  assert.equal(formatRoi(0.052), '0.052');
  assert.equal(formatRoi(0.0057), '0.0057');
  assert.equal(formatRoi(-0.004), '−0.0040');
  assert.equal(formatRoi(null), '—');
  assert.equal(formatRoi(Number.NaN, '×'), '—');
});

test('formatFixed and formatSignedFixed: no negative zero (an R² of -0.0004 is 0.000, a z of -0.04 is +0.0)', () => {
  assert.equal(formatFixed(0.91234, 3), '0.912');
  assert.equal(formatFixed(-0.0004, 3), '0.000');
  assert.equal(formatFixed(-0, 3), '0.000');
  assert.equal(formatFixed(-0.25, 3), '−0.250');
  assert.equal(formatFixed(null, 3), '—');
  assert.equal(formatSignedFixed(-0.04), '+0.0');
  assert.equal(formatSignedFixed(-2.46), '−2.5');
  assert.equal(formatSignedFixed(3.04), '+3.0');
  assert.equal(formatSignedFixed(Number.NaN), '—');
});
