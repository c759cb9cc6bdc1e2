import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spendGapSummary } from './spend-gap-summary.ts';

const gap = (date: string, name: string, geo = ''): { date: string; geo: string; product: string; name: string } => ({ date, geo, product: '', name });

test('spendGapSummary: one warning per channel × geo, with runs of consecutive periods and whether the channel starts later', () => {
  const gaps = [gap('2024-01-01', 'tv'), gap('2024-01-08', 'tv'), gap('2024-02-05', 'tv'),
    gap('2024-01-01', 'radio', 'NA'), gap('2024-01-08', 'radio', 'NA'), gap('2024-01-15', 'radio', 'NA'), gap('2024-01-22', 'radio', 'NA')];
  const [tv, radio] = spendGapSummary(gaps, 'ads.csv', 7, 4 + 2, '2024-01-01');
  assert.equal(tv.message, 'channel "tv" has no spend line in 3 of 6 weeks, filled with 0: 2024-01-01 … 2024-01-08 (2 weeks), 2024-02-05; the channel\'s first line is in the week of 2024-01-15');
  assert.deepEqual([tv.code, tv.severity, tv.at.file, tv.at.column], ['SPEND_GAP_FILLED', 'warning', 'ads.csv', 'tv']);
  assert.match(radio.message, /channel "radio" \(geo "NA"\) has no spend line in 4 of 6 weeks/);
  const [none] = spendGapSummary(gaps.slice(3), 'ads.csv', 7, 4, '2024-01-01');
  assert.match(none.message, /4 of 4 weeks, .*; it has no line at all there$/);
});
