import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SummaryResult } from '@mixwise/engine';
import { rangeText, roiRowAmounts, roiRows, roiRowsNote } from './roi-rows.ts';

const ch = (name: string, roi: number, iv: [number, number] | null) => ({ name, spend: 100, contribution: 100 * roi, roi, mroi: roi / 2, roi_interval: iv });
const summary = (channels: ReturnType<typeof ch>[]) => ({ target: 'revenue', channels }) as unknown as SummaryResult;

test('rows come highest ROI first with their 90% range; a range reaching 0 is flagged and named', () => {
  const rows = roiRows(summary([ch('tv', 5.99, [4.1979, 8.1745]), ch('search', 3.73, [0, 25.2158]), ch('print', 7.86, [3.567, 13.543]), ch('facebook', 3.79, [0, 38.646])]));
  assert.deepEqual(rows.map((r) => r.channel), ['print', 'tv', 'facebook', 'search']);
  assert.deepEqual(rows.map((r) => r.reachesZero), [false, false, true, true]);
  assert.equal(rangeText(rows[1].interval), '4.20–8.17');
  assert.equal(rangeText(null), '—');
  assert.equal(roiRowsNote(rows, 'ROI', 'bootstrap', 'revenue'),
    'ROI is historical: revenue the model attributes to a channel over the modelling window ÷ its spend there, with its 90% bootstrap range. '
    + 'The ranges of facebook and search start at 0: the data do not rule out that they return nothing.');
});

test('without ranges, or with none reaching 0, the note says so', () => {
  assert.match(roiRowsNote(roiRows(summary([ch('tv', 2, null)])), 'ROI', 'bootstrap', 'revenue'), /This fit has no ranges/);
  assert.match(roiRowsNote(roiRows(summary([ch('tv', 2, [1, 3])])), 'KPI per spend', 'credible', 'orders'), /^KPI per spend is historical: orders .* 90% credible range\. No channel's range reaches 0\.$/);
});

test('the table\'s spend carries the model\'s currency; the attributed KPI only when it is revenue', () => {
  const row = { spend: 1_234_000, contribution: 2_468_000 };
  const eur = { currency: 'EUR', locale: 'de-DE' };
  const revenue = roiRowAmounts(row, { money: eur, kind: 'revenue' });
  assert.match(revenue.spend, /^1,23\s?Mio\.\u00a0€$/);
  assert.match(revenue.contribution, /€$/);
  const count = roiRowAmounts(row, { money: eur, kind: 'count' });
  assert.equal(count.spend, revenue.spend);
  assert.doesNotMatch(count.contribution, /€/);
  // Without a currency both are bare, as before.
  assert.deepEqual(roiRowAmounts(row, { kind: 'revenue' }), { spend: '1.23M', contribution: '2.47M' });
});
