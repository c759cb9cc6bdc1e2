// The checks of the long sources path that keep bad input from being summed silently (docs/datamart.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, type Issue } from '../issue.ts';
import { longToWide, type LongToWideOptions } from './long-to-wide.ts';

function files(spend: string, kpi: string): { spend: string; kpi: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-checks-'));
  writeFileSync(join(dir, 'spend.csv'), spend);
  writeFileSync(join(dir, 'kpi.csv'), kpi);
  return { spend: join(dir, 'spend.csv'), kpi: join(dir, 'kpi.csv') };
}

/** yyyy-mm-dd of 2024-01-01 (a Monday) + days. */
function day(days: number): string {
  return new Date(Date.UTC(2024, 0, 1 + days)).toISOString().slice(0, 10);
}

/** A weekly KPI file of n weeks from 2024-01-01 + offset days. */
function kpiWeeks(n: number, offset = 0): string {
  return 'date,revenue\n' + Array.from({ length: n }, (_, t) => `${day(7 * t + offset)},${100 + t}\n`).join('');
}

/** Weekly spend lines (one per channel per week) for weeks [from, to). */
function spendWeeks(from: number, to: number, channels = ['tv', 'search']): string {
  const lines: string[] = [];
  for (let t = from; t < to; t++) for (const c of channels) lines.push(`${day(7 * t)},${c},${10 + t}`);
  return lines.join('\n') + '\n';
}

async function issuesOf(options: LongToWideOptions): Promise<Issue[]> {
  const err = await longToWide(options).then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof DataError, 'expected a DataError');
  return err.issues;
}

test('a spend file (all channels) that starts 8 weeks after the KPI is SPEND_STARTS_LATE naming both files\' dates, unless the window starts with the spend', async () => {
  const f = files('date,channel,spend\n' + spendWeeks(8, 20), kpiWeeks(20));
  const [late, ...rest] = await issuesOf(f);
  assert.equal(rest.length, 0);
  assert.equal(late.code, 'SPEND_STARTS_LATE');
  assert.match(late.message, /spend\.csv \(all channels\) covers 2024-02-26 … 2024-05-13, kpi\.csv covers 2024-01-01 … 2024-05-13: the 8 weeks from 2024-01-01 to 2024-02-25 would have zero spend/);
  assert.match(late.hint, /window: \{ start: 2024-02-26 \}/);
  const ends = await issuesOf(files('date,channel,spend\n' + spendWeeks(0, 12), kpiWeeks(20)));
  assert.deepEqual(ends.map((i) => i.code), ['SPEND_ENDS_EARLY']);
  const windowed = await longToWide({ ...f, window: { start: '2024-02-26' } });
  assert.equal(windowed.rows.length, 20, 'the table keeps every KPI week; fit applies the window');
});

test('one channel launched mid-history is one SPEND_GAP_FILLED warning with the count and the date range, not one per week', async () => {
  const spend = 'date,channel,spend\n' + spendWeeks(0, 20, ['tv']) + spendWeeks(12, 20, ['tiktok']);
  const r = await longToWide(files(spend, kpiWeeks(20)));
  const gaps = r.issues.filter((i) => i.code === 'SPEND_GAP_FILLED');
  assert.equal(gaps.length, 1);
  assert.equal(r.filled.length, 12, 'every filled cell is still listed in `filled`');
  assert.match(gaps[0].message, /channel "tiktok" has no spend line in 12 of 20 weeks, filled with 0: 2024-01-01 … 2024-03-18 \(12 weeks\); the channel's first line is in the week of 2024-03-25/);
});

test('a weekly KPI dated on Sundays with the default Monday week start is WEEK_LABEL_MISMATCH; Saturday week-ending dates too; with week_start set, week-ending dates are read with a note', async () => {
  const daily = 'date,channel,spend\n' + Array.from({ length: 140 }, (_, d) => `${day(d - 1)},tv,${10 + (d % 5)}`).join('\n') + '\n';
  const [sunday] = await issuesOf(files(daily, kpiWeeks(20, -1)));
  assert.equal(sunday.code, 'WEEK_LABEL_MISMATCH');
  assert.equal(sunday.at.file, 'kpi.csv');
  assert.match(sunday.message, /every date of kpi\.csv is a Sunday \(20 weeks\), but weeks start on Monday/);
  assert.match(sunday.hint, /week_start: sunday .*\(week-ending\), set week_start: monday/);
  const [saturday] = await issuesOf(files(daily, kpiWeeks(20, 5)));
  assert.match(saturday.message, /is a Saturday/);
  assert.match(saturday.hint, /week_start: saturday .* set week_start: sunday/);
  const ending = await longToWide({ ...files('date,channel,spend\n' + Array.from({ length: 133 }, (_, d) => `${day(d)},tv,${10 + (d % 5)}`).join('\n') + '\n', kpiWeeks(19, 6)), weekStart: 'monday' });
  assert.deepEqual(ending.issues.filter((i) => i.code === 'WEEK_ENDING_LABELS').map((i) => i.severity), ['warning']);
  assert.equal(ending.rows[0][0], '2024-01-01', 'the row dated Sunday 2024-01-07 is the week of Monday 2024-01-01');
});

test('rows identical in every column are EXACT_DUPLICATE_ROWS with both lines; drop_duplicate_rows leaves them out with a warning; two campaigns are still summed', async () => {
  const spend = 'date,channel,campaign,spend\n' + spendWeeks(0, 20).replace(/^(\S+?),(tv),(\d+)$/gm, '$1,$2,a,$3') .replace(/^(\S+?),(search),(\d+)$/gm, '$1,$2,a,$3')
    + `${day(0)},tv,b,5\n${day(7)},tv,a,11\n`;
  const f = files(spend, kpiWeeks(20));
  const [dup] = await issuesOf(f);
  assert.equal(dup.code, 'EXACT_DUPLICATE_ROWS');
  assert.match(dup.message, /1 row repeats an earlier row in every column \(line 43 = line 4\)/);
  assert.equal(dup.at.row, 43);
  const dropped = await longToWide({ ...f, dropDuplicateRows: true });
  assert.deepEqual(dropped.issues.filter((i) => i.code === 'DUPLICATE_ROWS_DROPPED').map((i) => i.severity), ['warning']);
  const tv = dropped.columns.indexOf('tv_spend');
  assert.deepEqual(dropped.rows.slice(0, 2).map((r) => r[tv]), [15, 11], 'campaign b is summed into week 1; the copy of week 2 is left out');
});

test('empty exposure cells of a channel that reports them elsewhere are errors; a channel that never reports them gets no column and a warning', async () => {
  const spend = 'date,channel,spend,impressions\n' + spendWeeks(0, 20).replace(/^(.*tv,\d+)$/gm, '$1,1000').replace(/^(.*search,\d+)$/gm, '$1,')
    .replace(`${day(14)},tv,12,1000`, `${day(14)},tv,12,`);
  const [empty, ...rest] = await issuesOf(files(spend, kpiWeeks(20)));
  assert.equal(rest.length, 0);
  assert.deepEqual([empty.code, empty.at.row, empty.at.column], ['EMPTY_CELL', 6, 'impressions']);
  const ok = await longToWide(files(spend.replace(`${day(14)},tv,12,`, `${day(14)},tv,12,900`), kpiWeeks(20)));
  assert.ok(ok.columns.includes('tv_impressions') && !ok.columns.includes('search_impressions'));
  assert.match(ok.issues.find((i) => i.code === 'EXPOSURE_NOT_REPORTED')?.message ?? '', /channel "search" has no impressions value on any line/);
  const marked = await longToWide(files(spend.replace(`${day(14)},tv,12,`, `${day(14)},tv,12,900`).replace(/search,(\d+),$/gm, 'search,$1,NA'), kpiWeeks(20)));
  assert.ok(!marked.columns.includes('search_impressions'), 'NA on every line of search is no value, as an empty cell');
});

test('currency symbols, US dates and ISO weeks get the wide path\'s coded messages, at most 10 per code with a count', async () => {
  const money = 'date,channel,spend\n' + spendWeeks(0, 20).replace(/,(\d+)$/gm, ',"$$1,$1.00"');
  const cash = await issuesOf(files(money, kpiWeeks(20)));
  assert.deepEqual(cash.map((i) => i.code), [...Array(10).fill('CURRENCY_SYMBOL'), 'MORE_ISSUES']);
  assert.match(cash[10].message, /and 30 more CURRENCY_SYMBOL errors/);
  const us = 'date,channel,spend\n' + spendWeeks(0, 20).replace(/^2024-(\d\d)-(\d\d)/gm, '$1/$2/2024');
  const dates = await issuesOf(files(us, kpiWeeks(20)));
  assert.deepEqual(dates.map((i) => i.code), ['NON_ISO_DATES']);
  const iso = await issuesOf(files('date,channel,spend\n' + spendWeeks(0, 20), 'date,revenue\n' + Array.from({ length: 20 }, (_, t) => `2024-W${String(t + 1).padStart(2, '0')},5\n`).join('')));
  assert.deepEqual(iso.map((i) => i.code), ['ISO_WEEK_DATES']);
  assert.match(iso[0].hint, /2024-W01 is 2024-01-01/);
  const tz = await issuesOf(files('date,channel,spend\n' + spendWeeks(0, 20).replace(/^(\S{10}),/gm, '$1T00:00:00-08:00,'), kpiWeeks(20)));
  assert.deepEqual(tz.map((i) => i.code), ['UNSUPPORTED_DATE_FORMAT'], 'a UTC offset is refused as in a wide file, not truncated');
});

test('geos in only one file are SCOPE_MISMATCH naming them', async () => {
  const spend = 'date,geo,channel,spend\n' + ['NA', 'EMEA', 'APAC'].flatMap((g) => spendWeeks(0, 20).trim().split('\n').map((l) => l.replace(',', `,${g},`))).join('\n') + '\n';
  const kpi = 'date,geo,revenue\n' + ['NA', 'EMEA'].flatMap((g) => Array.from({ length: 20 }, (_, t) => `${day(7 * t)},${g},5`)).join('\n') + '\n';
  const [scope] = await issuesOf(files(spend, kpi));
  assert.equal(scope.code, 'SCOPE_MISMATCH');
  assert.match(scope.message, /geo "APAC" is in spend\.csv but not in kpi\.csv/);
});

test('mixed line endings are MIXED_LINE_ENDINGS at the first line that differs, not a DuckDB sniffer error', async () => {
  const kpi = kpiWeeks(20).replaceAll('\n', '\r\n') + `${day(140)},7\n`;
  const [eol] = await issuesOf(files('date,channel,spend\n' + spendWeeks(0, 21), kpi));
  assert.deepEqual([eol.code, eol.at.file, eol.at.row], ['MIXED_LINE_ENDINGS', 'kpi.csv', 22]);
});

test('a credit line netting out within its week is summed (noted); a week whose total is negative is NEGATIVE_SPEND at its line', async () => {
  const spend = 'date,channel,spend\n' + spendWeeks(0, 20) + `${day(15)},tv,-4.5\n`;
  const r = await longToWide(files(spend, kpiWeeks(20)));
  assert.equal(r.rows[2][r.columns.indexOf('tv_spend')], 12 - 4.5);
  assert.ok(r.issues.some((i) => i.code === 'SPEND_CREDITS_NETTED' && i.at.row === 42));
  const [neg] = await issuesOf(files(spend.replace(',-4.5', ',-40'), kpiWeeks(20)));
  assert.deepEqual([neg.code, neg.at.row], ['NEGATIVE_SPEND', 42]);
  assert.match(neg.message, /channel "tv" sums to -28 in the period starting 2024-01-15/);
});

test('a currency column with several values is MIXED_CURRENCY', async () => {
  const spend = 'date,channel,spend,currency\n' + spendWeeks(0, 20).replace(/\n/g, ',EUR\n').replace(/(search,10),EUR/, '$1,USD');
  const [cur] = await issuesOf(files(spend, kpiWeeks(20)));
  assert.equal(cur.code, 'MIXED_CURRENCY');
  assert.match(cur.message, /holds 2 values \(EUR from line 2, USD from line 3\)/);
});

test('a text column in the KPI file (region, stage) is one NOT_A_NUMBER error for the column, not one per cell ("NA" is North America, not a missing value)', async () => {
  const kpi = 'date,region,revenue\n' + Array.from({ length: 20 }, (_, t) => `${day(7 * t)},${t % 2 === 0 ? 'NA' : 'EMEA'},5`).join('\n') + '\n';
  const issues = await issuesOf(files('date,channel,spend\n' + spendWeeks(0, 20), kpi));
  assert.deepEqual(issues.map((i) => [i.code, i.at.row, i.at.column]), [['NOT_A_NUMBER', 2, 'region']]);
  assert.match(issues[0].message, /column "region" holds text, not numbers/);
});

test('a spend file that starts 8 weeks before the KPI is one KPI_GAP per KPI naming both ranges and the fix, not one per week', async () => {
  const issues = await issuesOf(files('date,channel,spend\n' + spendWeeks(0, 28), 'date,revenue\n' + Array.from({ length: 20 }, (_, t) => `${day(7 * (t + 8))},5`).join('\n') + '\n'));
  assert.deepEqual(issues.map((i) => i.code), ['KPI_GAP']);
  assert.match(issues[0].message, /no value of "revenue" in the 8 periods 2024-01-01 … 2024-02-19: spend\.csv has lines there \(it covers 2024-01-01 … 2024-07-08\), before kpi\.csv's first date 2024-02-26/);
  assert.match(issues[0].hint, /trim spend\.csv to the KPI's dates/);
});
