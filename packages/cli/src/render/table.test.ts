import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnDecimals, renderChannelTable, renderTable } from './table.ts';
import { formatRoi } from './format.ts';

test('aligned table: text left, numbers right, rule under the header', () => {
  const text = renderTable<{ name: string; spend: number }>(
    [{ header: 'channel', value: (r) => r.name }, { header: 'spend', value: (r) => r.spend, format: 'number' }],
    [{ name: 'tv', spend: 1234567 }, { name: 'search', spend: 89.6 }],
  );
  assert.equal(text, [
    'channel      spend',
    '-------  ---------',
    'tv       1,234,567',
    'search          90',
    '',
  ].join('\n'));
});

test('channel table formats ROI with 2 decimals and shares as %', () => {
  const text = renderChannelTable([
    { name: 'tv', spend: 1e6, contribution: 1.5e6, roi: 1.5, mroi: 0.8, share_of_spend: 0.4, share_of_effect: 0.5 },
    { name: 'search', spend: 23456.7, contribution: 1.5e5, roi: 6.394, mroi: 2.125, share_of_spend: 0.6, share_of_effect: 0.5 },
  ]);
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'channel      spend  contribution   ROI  mROI  spend share  effect share');
  assert.equal(lines[2], 'tv       1,000,000     1,500,000  1.50  0.80        40.0%         50.0%');
  assert.equal(lines[3], 'search      23,457       150,000  6.39  2.13        60.0%         50.0%');
});

test('channel table: the ROI interval when the fit has one; for a count KPI "KPI per spend" and a CPA column', () => {
  const withIntervals = renderChannelTable([
    { name: 'tv', spend: 1e6, contribution: 1.5e6, roi: 1.5, mroi: 0.8, share_of_spend: 0.4, share_of_effect: 0.5, roi_interval: [1.1, 2.04], cpa: null },
  ]).trimEnd().split('\n');
  assert.equal(withIntervals[0], 'channel      spend  contribution   ROI  90% interval  mROI  spend share  effect share');
  assert.equal(withIntervals[2], 'tv       1,000,000     1,500,000  1.50  1.10–2.04     0.80        40.0%         50.0%');
  const count = renderChannelTable([
    { name: 'tv', spend: 1e6, contribution: 2e4, roi: 0.02, mroi: 0.01, share_of_spend: 1, share_of_effect: 1, cpa: 50 },
  ]).trimEnd().split('\n');
  // ROIs below 0.1 get a third decimal (2 significant digits).
  assert.equal(count[0], 'channel      spend  contribution  KPI per spend   mROI    CPA  spend share  effect share');
  assert.equal(count[2], 'tv       1,000,000        20,000          0.020  0.010  50.00       100.0%        100.0%');
});

test('count KPI: a small ROI and its interval keep 2 significant digits, never 0.00, even beside larger ROIs', () => {
  const lines = renderChannelTable([
    { name: 'tv', spend: 1e6, contribution: 1.4e4, roi: 0.014, mroi: 0.009, share_of_spend: 0.5, share_of_effect: 0.3, roi_interval: [0.0019, 0.05], cpa: 71.4 },
    { name: 'search', spend: 1e5, contribution: 2.5e5, roi: 2.5, mroi: 1.2, share_of_spend: 0.5, share_of_effect: 0.7, roi_interval: [1.8, 3.1], cpa: 0.4 },
  ]).trimEnd().split('\n');
  assert.match(lines[2], /^tv .* 0\.014 {2}0\.0019–0\.050 {2}.*0\.0090 /);
  assert.match(lines[3], /^search .* 2\.50 {2}1\.80–3\.10 /);
  // CPA keeps 2 significant digits the same way (as the report does): two small CPAs stay apart.
  const cpa = renderChannelTable([
    { name: 'tv', spend: 1e6, contribution: 3.2e7, roi: 32.3, mroi: 20, share_of_spend: 0.5, share_of_effect: 0.5, cpa: 0.03096 },
    { name: 'search', spend: 1e6, contribution: 3.2e7, roi: 31.7, mroi: 20, share_of_spend: 0.5, share_of_effect: 0.5, cpa: 0.03151 },
    { name: 'radio', spend: 1e6, contribution: 1.3e6, roi: 1.27, mroi: 1, share_of_spend: 0.5, share_of_effect: 0.5, cpa: 0.79 },
  ]).trimEnd().split('\n');
  assert.match(cpa[2], / 0\.031 /);
  assert.match(cpa[3], / 0\.032 /);
  assert.match(cpa[4], / 0\.79 /);
  assert.doesNotMatch(lines.join('\n'), /0\.00–/);
  assert.equal(formatRoi(0.0019), '0.0019');
  assert.equal(formatRoi(0.05), '0.050');
  assert.equal(formatRoi(1.456), '1.46');
  assert.equal(formatRoi(0), '0.00');
  assert.equal(formatRoi(-0.004), '-0.0040');
  assert.equal(formatRoi(1e-9), '0.0000000010', 'down to 1e-11 a ROI keeps 2 significant digits');
});

test('numeric columns of small values get the decimals 2 significant digits need; large columns keep theirs', () => {
  assert.equal(columnDecimals('number', [0.309, 0.162, null]), 2);
  assert.equal(columnDecimals('number', [55.3, 29]), 0);
  assert.equal(columnDecimals('number', [5.53, 2.9]), 1);
  assert.equal(columnDecimals('number', [0, Number.NaN]), 0);
  assert.equal(columnDecimals('roi', [0.8, 1.5]), 2);
  assert.equal(columnDecimals('roi', [0.004]), 4);
  assert.equal(columnDecimals('number', [1e-12]), 6);
  assert.equal(columnDecimals('share', [0.001]), 0);
  const text = renderTable([{ header: 'channel', value: (r: { c: string; x: number }) => r.c }, { header: 'spend', value: (r) => r.x, format: 'number' }],
    [{ c: 'x1', x: 0.309 }, { c: 'x2', x: 0.162 }]);
  assert.deepEqual(text.trimEnd().split('\n').slice(2), ['x1        0.31', 'x2        0.16']);
});

test('renderChannelTable with a currency: spend and a revenue KPI\'s contribution carry it, a count KPI\'s contribution does not, CPA does', () => {
  const row = { name: 'tv', spend: 1234567.4, contribution: 2345678.9, roi: 1.9, mroi: 0.8, share_of_spend: 0.4, share_of_effect: 0.5 };
  const eur = renderChannelTable([row], { money: { currency: 'EUR', locale: 'de-DE' }, kind: 'revenue' });
  assert.match(eur, /^tv +1\.234\.567\u00a0€ +2\.345\.679\u00a0€ +1\.90 /m);
  const count = renderChannelTable([{ ...row, cpa: 12.5 }], { money: { currency: 'GBP', locale: 'en-GB' }, kind: 'count' });
  assert.match(count, /^tv +£1,234,567 +2,345,679 /m);
  assert.match(count, /£12\.50/);
  // Without money, the table is exactly as before.
  assert.equal(renderChannelTable([row], {}), renderChannelTable([row]));
  assert.match(renderChannelTable([row]), /^tv +1,234,567 +2,345,679 /m);
});
