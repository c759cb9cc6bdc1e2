import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../issue.ts';
import { toCsv } from '../write/write-csv.ts';
import { longToWide } from './long-to-wide.ts';
import { wideToLong, type PlainTable } from './wide-to-long.ts';

function files(spend: string, kpi: string): { spend: string; kpi: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-long-'));
  writeFileSync(join(dir, 'spend.csv'), spend);
  writeFileSync(join(dir, 'kpi.csv'), kpi);
  return { spend: join(dir, 'spend.csv'), kpi: join(dir, 'kpi.csv') };
}

test('wide → long → wide gives back the original table exactly (weekly, with exposures)', async () => {
  const wide: PlainTable = {
    columns: ['date', 'revenue', 'orders', 'tv_spend', 'tv_impressions', 'search_spend', 'search_impressions'],
    rows: Array.from({ length: 10 }, (_, t) => [
      new Date(Date.UTC(2024, 0, 1 + 7 * t)).toISOString().slice(0, 10),
      1000.1 + t * 0.37, 12 + t, t % 3 === 0 ? 0 : 123.45 * t + 0.1, 1e6 / 3 + t, 0.1 + 0.2 * t, 77 * t,
    ]),
  };
  const long = wideToLong(wide);
  assert.equal(long.spend.rows.length, 20);
  const f = files(toCsv(long.spend.columns, long.spend.rows), toCsv(long.kpi.columns, long.kpi.rows));
  const back = await longToWide({ ...f, granularity: 'weekly', weekStart: 'monday' });
  assert.deepEqual(back.columns, wide.columns);
  assert.deepEqual(back.rows, wide.rows);
  assert.deepEqual(back.filled, []);
});

test('daily campaign rows → weekly (Sunday start), summed, a missing channel-week filled with 0 and reported', async () => {
  // 2024-01-07 is a Sunday. tv spends on the 7th, 8th (week of 7th) and 15th; radio only in week 1,
  // so radio's week of 2024-01-14 is a gap. A new channel needs no code change.
  const spend = 'date,channel,campaign,spend\n2024-01-07,tv,a,10\n2024-01-08,tv,b,2.5\n2024-01-08,tv,a,1\n'
    + '2024-01-09,radio,x,4\n2024-01-15,tv,a,7\n';
  const kpi = 'date,sales\n2024-01-07,100\n2024-01-10,1\n2024-01-14,50\n2024-01-16,5\n';
  const r = await longToWide({ ...files(spend, kpi), granularity: 'weekly', weekStart: 'sunday' });
  assert.deepEqual(r.columns, ['date', 'sales', 'tv_spend', 'radio_spend']);
  assert.deepEqual(r.rows, [['2024-01-07', 101, 13.5, 4], ['2024-01-14', 55, 7, 0]]);
  assert.deepEqual(r.filled, [{ source: 'spend', date: '2024-01-14', geo: '', product: '', name: 'radio' }]);
  // The KPI file is daily: the first Sunday week has 2 KPI days (7th, 10th), the last one 2 (14th, 16th);
  // the spend file has 3 days in the first week and 1 in the last.
  assert.deepEqual(r.issues.map((i) => [i.code, i.severity, i.at.file]), [['PARTIAL_PERIOD', 'warning', 'kpi.csv'], ['PARTIAL_PERIOD', 'warning', 'kpi.csv'],
    ['PARTIAL_PERIOD', 'warning', 'spend.csv'], ['PARTIAL_PERIOD', 'warning', 'spend.csv'], ['SPEND_GAP_FILLED', 'warning', 'spend.csv']]);
  assert.match(r.issues[0].message, /2024-01-07 has 2 of 7 days of KPI data \(missing 2024-01-08, 2024-01-09, 2024-01-11, 2024-01-12, 2024-01-13\)/);
  assert.match(r.issues[1].message, /2024-01-14 has 2 of 7 days/);
  // Monday start moves the 7th (a Sunday) into the week of 2024-01-01; the middle week then has
  // 2 KPI days, an error unless allowed.
  const m = await longToWide({ ...files(spend, kpi), granularity: 'weekly', weekStart: 'monday', allowPartialPeriods: true });
  assert.deepEqual(m.rows.map((row) => row[0]), ['2024-01-01', '2024-01-08', '2024-01-15']);
  assert.deepEqual(m.rows, [['2024-01-01', 100, 10, 0], ['2024-01-08', 51, 3.5, 4], ['2024-01-15', 5, 7, 0]]);
  assert.deepEqual(m.filled.map((g) => [g.date, g.name]), [['2024-01-01', 'radio'], ['2024-01-15', 'radio']]);
});

test('every bad cell is reported with file, row and column (a negative line is judged on its period\'s total, KPI repeats once the cells read)', async () => {
  const spend = 'date,channel,spend,impressions\n2024-01-01,tv,abc,1\n2024-02-30,tv,5,\n2024-01-03,,-2,x\n2024-01-04,tv,,1\n';
  const kpi = 'date,revenue\n2024-01-01,10\n2024-01-01,11\n2024-01-03,\n2024-01-04,1\n';
  const err = await longToWide({ ...files(spend, kpi), granularity: 'daily' }).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof DataError);
  const got = err.issues.map((i) => [i.at.file, i.at.row, i.at.column, i.code]);
  assert.deepEqual(got, [
    ['spend.csv', 2, 'spend', 'NOT_A_NUMBER'],
    ['spend.csv', 3, 'date', 'INVALID_DATE'],
    ['spend.csv', 3, 'impressions', 'EMPTY_CELL'], // tv has impressions on other lines: summed, this empty cell would be 0
    ['spend.csv', 4, 'channel', 'EMPTY_CELL'],
    ['spend.csv', 4, 'impressions', 'NOT_A_NUMBER'],
    ['spend.csv', 5, 'spend', 'EMPTY_CELL'],
    ['kpi.csv', 4, 'revenue', 'EMPTY_CELL'],
  ]);
  assert.match(err.issues[0].message, /"abc" is not a number/);
});

test('missing required columns and KPI gaps are errors', async () => {
  const a = await longToWide(files('date,spend\n2024-01-01,1\n', 'date,revenue\n2024-01-01,1\n')).catch((e: unknown) => e);
  assert.ok(a instanceof DataError);
  assert.deepEqual(a.issues.map((i) => [i.code, i.at.column]), [['MISSING_COLUMN', 'channel']]);
  const b = await longToWide({ ...files('date,channel,spend\n2024-01-01,tv,1\n2024-01-03,tv,1\n', 'date,revenue\n2024-01-01,1\n2024-01-03,1\n'), granularity: 'daily' })
    .catch((e: unknown) => e);
  assert.ok(b instanceof DataError);
  assert.deepEqual(b.issues.map((i) => [i.code, i.at.column]), [['KPI_GAP', 'revenue']]);
  assert.match(b.issues[0].message, /2024-01-02/);
});

test('split by geo: one row per period × geo, KPI summed over product, a geo-channel gap filled', async () => {
  const spend = 'date,channel,spend,geo,product\n2024-01-01,tv,10,north,a\n2024-01-02,tv,5,north,b\n2024-01-03,tv,7,south,a\n'
    + '2024-01-08,tv,1,north,a\n2024-01-09,search,2,south,a\n';
  const kpi = 'date,geo,product,sales\n2024-01-01,north,a,1\n2024-01-01,north,b,2\n2024-01-01,south,a,3\n'
    + '2024-01-08,north,a,4\n2024-01-08,south,a,5\n';
  const r = await longToWide({ ...files(spend, kpi), granularity: 'weekly', by: ['geo'] });
  assert.deepEqual(r.columns, ['date', 'geo', 'sales', 'tv_spend', 'search_spend']);
  assert.deepEqual(r.rows, [
    ['2024-01-01', 'north', 3, 15, 0], ['2024-01-08', 'north', 4, 1, 0],
    ['2024-01-01', 'south', 3, 7, 0], ['2024-01-08', 'south', 5, 0, 2],
  ]);
  assert.deepEqual(r.filled.map((g) => [g.date, g.geo, g.name]),
    [['2024-01-01', 'north', 'search'], ['2024-01-08', 'north', 'search'], ['2024-01-01', 'south', 'search'], ['2024-01-08', 'south', 'tv']]);
  assert.match(r.issues.find((i) => i.code === 'SPEND_GAP_FILLED')?.message ?? '', /\(geo "north"\)/);
  // National: the same files summed over geo and product.
  const n = await longToWide({ ...files(spend, kpi), granularity: 'weekly' });
  assert.deepEqual(n.rows, [['2024-01-01', 6, 22, 0], ['2024-01-08', 9, 1, 2]]);
  // Splitting by a column the KPI file lacks is an error.
  const e = await longToWide({ ...files(spend, 'date,sales\n2024-01-01,1\n'), by: ['geo'] }).catch((x: unknown) => x);
  assert.ok(e instanceof DataError);
  assert.deepEqual(e.issues.map((i) => [i.code, i.at.file, i.at.column]), [['MISSING_COLUMN', 'kpi.csv', 'geo']]);
});

test('Windows line endings with a BOM and a semicolon delimiter just work', async () => {
  const spend = '\uFEFFdate;channel;spend\r\n2024-01-01;tv;10\r\n2024-01-02;tv;2.5\r\n';
  const kpi = '\uFEFFdate,revenue\r\n2024-01-01,7\r\n2024-01-02,8\r\n';
  const r = await longToWide({ ...files(spend, kpi), granularity: 'daily' });
  assert.deepEqual(r.columns, ['date', 'revenue', 'tv_spend']);
  assert.deepEqual(r.rows, [['2024-01-01', 7, 10], ['2024-01-02', 8, 2.5]]);
});

test('optional controls (averaged per week) and events (0/1 per week), with located bad cells and control gaps', async () => {
  const f = files('date,channel,spend\n2024-01-01,tv,1\n2024-01-08,tv,2\n', 'date,sales\n2024-01-01,5\n2024-01-08,6\n');
  const dir = f.spend.slice(0, -'spend.csv'.length);
  writeFileSync(`${dir}controls.csv`, 'date,price,temp\n2024-01-01,10,1\n2024-01-03,12,2\n2024-01-09,9,4\n');
  writeFileSync(`${dir}events.csv`, 'date,event\n2024-01-02,sale\n2024-01-03,sale\n2024-01-10,launch\n');
  const r = await longToWide({ ...f, controls: `${dir}controls.csv`, events: `${dir}events.csv` });
  assert.deepEqual(r.columns, ['date', 'sales', 'tv_spend', 'price', 'temp', 'event_launch', 'event_sale']);
  // price: mean(10, 12) = 11 in week 1, 9 in week 2; temp: mean(1, 2) = 1.5, then 4.
  assert.deepEqual(r.rows, [['2024-01-01', 5, 1, 11, 1.5, 0, 1], ['2024-01-08', 6, 2, 9, 4, 1, 0]]);
  writeFileSync(`${dir}controls.csv`, 'date,price\n2024-01-01,abc\n2024-01-08,\n');
  const bad = await longToWide({ ...f, controls: `${dir}controls.csv` }).catch((e: unknown) => e);
  assert.ok(bad instanceof DataError);
  assert.deepEqual(bad.issues.map((i) => [i.at.file, i.at.row, i.at.column, i.code]), [['controls.csv', 2, 'price', 'NOT_A_NUMBER'], ['controls.csv', 3, 'price', 'EMPTY_CELL']]);
  writeFileSync(`${dir}controls.csv`, 'date,price\n2024-01-01,3\n');
  const gap = await longToWide({ ...f, controls: `${dir}controls.csv` }).catch((e: unknown) => e);
  assert.ok(gap instanceof DataError);
  assert.deepEqual(gap.issues.map((i) => [i.code, i.at.column]), [['CONTROL_GAP', 'price']]);
  assert.match(gap.issues[0].message, /2024-01-08/);
});

test('a week missing days inside the data: an error for the KPI (unless allowed), a warning for spend', async () => {
  // Three full Monday weeks of daily data from 2024-01-01; the KPI lacks 9–11 January, the spend file 16–17 January.
  const days = Array.from({ length: 21 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
  const kpi = `date,revenue\n${days.filter((d) => !['2024-01-09', '2024-01-10', '2024-01-11'].includes(d)).map((d) => `${d},100`).join('\n')}\n`;
  const spend = `date,channel,spend\n${days.filter((d) => !['2024-01-16', '2024-01-17'].includes(d)).map((d) => `${d},tv,10`).join('\n')}\n`;
  const f = files(spend, kpi);
  const err = await longToWide({ ...f, granularity: 'weekly' }).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof DataError);
  assert.deepEqual(err.issues.map((i) => [i.code, i.severity, i.at.file, i.at.column]), [['PARTIAL_KPI_PERIOD', 'error', 'kpi.csv', 'date']]);
  assert.match(err.issues[0].message, /week starting 2024-01-08 has 4 of 7 days of KPI data \(missing 2024-01-09, 2024-01-10, 2024-01-11\)/);
  assert.match(err.issues[0].hint, /allow_partial_weeks/);
  const ok = await longToWide({ ...f, granularity: 'weekly', allowPartialPeriods: true });
  assert.deepEqual(ok.issues.map((i) => [i.code, i.severity, i.at.file]), [['PARTIAL_PERIOD', 'warning', 'kpi.csv'], ['PARTIAL_PERIOD', 'warning', 'spend.csv']]);
  assert.match(ok.issues[1].message, /2024-01-15 has 5 of 7 days of spend data \(missing 2024-01-16, 2024-01-17\)/);
  assert.deepEqual(ok.rows.map((r) => r[1]), [700, 400, 700]);
});

test('channels that differ only by case are a DUPLICATE_CHANNEL error with their lines, not a crash', async () => {
  const spend = 'date,channel,spend\n2024-01-01,search,1\n2024-01-01,tv,2\n2024-01-08,Search,3\n2024-01-08,tv,4\n';
  const err = await longToWide(files(spend, 'date,revenue\n2024-01-01,1\n2024-01-08,2\n')).then(() => null, (e: unknown) => e);
  assert.ok(err instanceof DataError);
  assert.deepEqual(err.issues.map((i) => [i.code, i.at.file, i.at.row, i.at.column]), [['DUPLICATE_CHANNEL', 'spend.csv', 2, 'channel']]);
  assert.match(err.issues[0].message, /"search" \(line 2\), "Search" \(line 4\)/);
});

test('a ragged line in the long spend file (an unquoted decimal comma) is RAGGED_ROW at its line, not three missing columns', async () => {
  const spend = 'date,geo,channel,spend\n2022-06-27,geo_a,x1,10\n2022-07-04,geo_a,x1,12,5\n2022-07-04,geo_b,x1,3\n';
  const f = files(spend, 'date,revenue\n2022-06-27,100\n2022-07-04,120\n');
  await assert.rejects(longToWide({ ...f, by: ['geo'] }), (err: unknown) => {
    assert.ok(err instanceof DataError);
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.file, i.at.row]), [['RAGGED_ROW', 'spend.csv', 3]]);
    assert.match(err.issues[0].message, /5 fields but the header has 4/);
    return true;
  });
});

test('European dot thousands in a semicolon source file are DOT_THOUSANDS at their cells, not read 1000× too small by DuckDB', async () => {
  const spend = 'date;channel;spend\n2024-01-01;tv;9.388\n2024-01-02;tv;1.250\n2024-01-03;tv;950\n';
  const f = files(spend, 'date,revenue\n2024-01-01,7\n2024-01-02,8\n2024-01-03,9\n');
  await assert.rejects(longToWide({ ...f, granularity: 'daily' }), (err: unknown) => {
    assert.ok(err instanceof DataError);
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.file, i.at.row, i.at.column]), [['DOT_THOUSANDS', 'spend.csv', 2, 'spend'], ['DOT_THOUSANDS', 'spend.csv', 3, 'spend']]);
    assert.match(err.issues[0].message, /1000× too small/);
    return true;
  });
  // The same decimals beside other decimals in a comma file are decimals.
  const plain = await longToWide({ ...files('date,channel,spend\n2024-01-01,tv,9.388\n2024-01-02,tv,12.5\n', 'date,revenue\n2024-01-01,7\n2024-01-02,8\n'), granularity: 'daily' });
  assert.deepEqual(plain.rows, [['2024-01-01', 7, 9.388], ['2024-01-02', 8, 12.5]]);
});
