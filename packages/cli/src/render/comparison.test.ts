import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareRuns, type RunToCompare } from '@mixwise/engine';
import { formatComparison, moneyMismatch } from './comparison.ts';

type Channel = RunToCompare['summary']['channels'][number];
const channel = (name: string, spend: number, roi: number): Channel => ({
  name, spend, contribution: spend * roi, roi, mroi: roi / 2, share_of_spend: 0, share_of_effect: 0, roi_interval: [roi * 0.8, roi * 1.2], cpa: null, immediate_share: 1,
});
const run = (name: string, periods: number, tvSpend: number): RunToCompare => ({
  run: name,
  summary: {
    target: 'revenue', periods, window: { start: '2022-01-03', end: '2023-11-27' },
    fit: { r2: 0.9, adj_r2: 0.88, rmse: 1, mae: 1, mape: 0.05, wmape: 0.05, nrmse: 0.07, holdout: null },
    channels: [channel('tv', tvSpend, 1.5)], baseline: { contribution: 0, share: 0.6, components: {} },
  },
});
// tv spends 1,234,500 per period in A and 2,469,000 in B.
const c = compareRuns(run('jan', 10, 12_345_000), run('feb', 10, 24_690_000));
const tvRow = (text: string): string => text.split('\n').find((l) => l.startsWith('tv ')) ?? '';

test('compare: without a currency the spend per period is bare, as before', () => {
  const text = formatComparison(c);
  assert.match(tvRow(text), /^tv +1,234,500 +2,469,000 /);
  assert.doesNotMatch(text, /currenc/);
});

test('compare: each run\'s spend per period in its currency and locale; the same currency needs no note', () => {
  const eur = { currency: 'EUR', locale: 'de-DE' };
  const text = formatComparison(c, ['A', 'B'], { a: eur, b: eur });
  assert.match(tvRow(text), /^tv +1\.234\.500\u00a0€ +2\.469\.000\u00a0€ /);
  assert.doesNotMatch(text, /different currencies/);
});

test('compare: runs in different currencies are said to be, naming each; amounts are not converted', () => {
  const text = formatComparison(c, ['before', 'after'], { a: { currency: 'EUR' }, b: { currency: 'GBP', locale: 'en-GB' } });
  assert.match(tvRow(text), /^tv +€1,234,500 +£2,469,000 /);
  assert.match(text, /Amounts are in different currencies: before in EUR, after in GBP .*not converted/);
  assert.match(moneyMismatch({ b: { currency: 'USD' } }, ['A', 'B']) ?? '', /A in no currency, B in USD/);
  assert.equal(moneyMismatch({ a: { currency: 'USD', locale: 'en-US' }, b: { currency: 'USD', locale: 'en-GB' } }, ['A', 'B']), null, 'a locale alone is no different amount');
});
