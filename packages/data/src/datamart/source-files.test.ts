import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DataError } from '../issue.ts';
import { prepareSources } from './source-files.ts';
import { sourcesTable } from './sources-table.ts';
import { sourcesSchema } from './sources-schema.ts';

/** A folder with an ad export under its own headers, a KPI file by region, a price file and a promo calendar. */
function exportFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-srcmap-'));
  // 2024-01-01 is a Monday; two weeks of daily rows for two channels.
  const ads = ['Day,Channel,Campaign,Cost,Impr.'];
  const kpi = ['created_date,region,revenue'];
  for (let d = 0; d < 14; d++) {
    const day = `2024-01-${String(1 + d).padStart(2, '0')}`;
    ads.push(`${day},search,GA_Brand,${10 + d},100`, `${day},tv,TV_1,${20 + d},300`);
    kpi.push(`${day},NA,${100 + d}`, `${day},EMEA,${50 + d}`);
  }
  writeFileSync(join(dir, 'ads.csv'), ads.join('\r\n') + '\r\n');
  writeFileSync(join(dir, 'crm.csv'), kpi.join('\n') + '\n');
  writeFileSync(join(dir, 'price.csv'), 'date,price\n2024-01-01,9.5\n2024-01-08,10.5\n');
  writeFileSync(join(dir, 'promo.csv'), 'start,end,promo\n2024-01-06,2024-01-09,winter_sale\n');
  return dir;
}

const MAPPED = {
  spend: { path: 'ads.csv', columns: { date: 'Day', channel: 'Channel', spend: 'Cost', impressions: 'Impr.' } },
  kpi: { path: 'crm.csv', columns: { date: 'created_date', geo: 'region' } },
  controls: 'price.csv',
  events: { path: 'promo.csv', columns: { event: 'promo' } },
};

test('sources schema: controls and events files, { path, columns } mappings; unknown mapping keys are refused', () => {
  assert.deepEqual(sourcesSchema.parse(MAPPED), MAPPED);
  assert.equal(sourcesSchema.safeParse({ spend: { path: 'a.csv', columns: { cost: 'Cost' } }, kpi: 'k.csv' }).success, false);
  assert.equal(sourcesSchema.safeParse({ spend: 'a.csv', kpi: 'k.csv', events: { path: 'e.csv', columns: { when: 'x' } } }).success, false);
  assert.equal(sourcesSchema.safeParse({ spend: { columns: { date: 'Day' } }, kpi: 'k.csv' }).success, false, 'path is required');
});

test('an export under its own headers, a KPI by region, a controls file and a promo calendar of date ranges build the wide table unchanged', async () => {
  const dir = exportFolder();
  const built = await sourcesTable(MAPPED, dir);
  assert.deepEqual(built.columns, ['date', 'revenue', 'search_spend', 'search_impressions', 'tv_spend', 'tv_impressions', 'price', 'event_winter_sale']);
  // The region is a geo: summed over, not read as a KPI. The sale (Sat 6 – Tue 9 Jan) touches both weeks.
  assert.deepEqual(built.rows, [
    ['2024-01-01', 7 * 150 + 2 * 21, 7 * 10 + 21, 700, 7 * 20 + 21, 2100, 9.5, 1],
    ['2024-01-08', 7 * 150 + 2 * 70, 7 * 17 + 21, 700, 7 * 27 + 21, 2100, 10.5, 1],
  ]);
  assert.deepEqual(built.controls, ['price']);
  // The user's files are untouched.
  assert.match(readFileSync(join(dir, 'ads.csv'), 'utf8'), /^Day,Channel,Campaign,Cost,Impr\.\r\n/);
});

test('a bad cell of a mapped file is named by the file\'s own header and line; a mapping to a missing header or onto an existing column is refused', async () => {
  const dir = exportFolder();
  writeFileSync(join(dir, 'ads.csv'), readFileSync(join(dir, 'ads.csv'), 'utf8').replace('2024-01-03,tv,TV_1,22,', '2024-01-03,tv,TV_1,twenty-two,'));
  await assert.rejects(sourcesTable(MAPPED, dir), (err: unknown) => {
    assert.ok(err instanceof DataError);
    const bad = err.issues.find((i) => i.code === 'NOT_A_NUMBER');
    assert.deepEqual(bad?.at, { file: 'ads.csv', row: 7, column: 'Cost' }, JSON.stringify(err.issues));
    return true;
  });
  assert.throws(() => prepareSources({ spend: { path: 'ads.csv', columns: { spend: 'cost' } }, kpi: 'crm.csv' }, dir), (err: unknown) => {
    assert.ok(err instanceof DataError);
    assert.deepEqual(err.issues.map((i) => [i.code, i.at.column]), [['MISSING_COLUMN', 'cost']]);
    assert.match(err.issues[0].message, /sources\.spend\.columns maps spend to "cost", which is not a column of ads\.csv \(columns: Day, Channel, Campaign, Cost, Impr\.\)/);
    return true;
  });
  writeFileSync(join(dir, 'both.csv'), 'date,channel,spend,Cost\n2024-01-01,tv,1,2\n');
  assert.throws(() => prepareSources({ spend: { path: 'both.csv', columns: { spend: 'Cost' } }, kpi: 'crm.csv' }, dir), /already has a column named spend/);
});

test('prepareSources: a path alone is read in place; a mapped copy keeps its base name and lines, and dispose removes it', () => {
  const dir = exportFolder();
  const plain = prepareSources({ spend: 'ads.csv', kpi: 'crm.csv' }, dir);
  assert.equal(plain.spend, join(dir, 'ads.csv'));
  plain.dispose();
  const mapped = prepareSources(MAPPED, dir);
  assert.equal(basename(mapped.spend), 'ads.csv');
  assert.notEqual(mapped.spend, join(dir, 'ads.csv'));
  const [head, ...rest] = readFileSync(mapped.spend, 'utf8').split('\r\n');
  assert.equal(head, 'date,channel,Campaign,spend,impressions');
  assert.deepEqual(rest, readFileSync(join(dir, 'ads.csv'), 'utf8').split('\r\n').slice(1));
  assert.match(readFileSync(mapped.events ?? '', 'utf8'), /^date,event\n2024-01-06,winter_sale\n/);
  assert.deepEqual(mapped.located({ code: 'X', severity: 'error', message: '', hint: '', at: { file: 'ads.csv', column: 'spend' } }).at.column, 'Cost');
  mapped.dispose();
  assert.equal(existsSync(mapped.spend), false);
});

test('kpi_missing_days: zero: a daily KPI with no row on days without deals builds (those days 0, one KPI_DAYS_FILLED warning); without it, PARTIAL_KPI_PERIOD whose hint names the option', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-srcmap-'));
  const spend = ['date,channel,spend'];
  const kpi = ['date,deals'];
  for (let d = 0; d < 21; d++) {
    const day = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    spend.push(`${day},search,${10 + d}`);
    if (d % 7 < 5) kpi.push(`${day},${1 + (d % 3)}`); // no deals (no row) on weekends
  }
  writeFileSync(join(dir, 'ads.csv'), spend.join('\n') + '\n');
  writeFileSync(join(dir, 'crm.csv'), kpi.join('\n') + '\n');
  await assert.rejects(sourcesTable({ spend: 'ads.csv', kpi: 'crm.csv' }, dir), (err: unknown) => {
    assert.ok(err instanceof DataError);
    const partial = err.issues.filter((i) => i.code === 'PARTIAL_KPI_PERIOD');
    assert.equal(partial.length, 1, JSON.stringify(err.issues.map((i) => i.code)));
    assert.match(partial[0].hint, /set "kpi_missing_days: zero" under sources:/);
    return true;
  });
  const built = await sourcesTable({ spend: 'ads.csv', kpi: 'crm.csv', kpi_missing_days: 'zero' }, dir);
  assert.deepEqual(built.rows.map((r) => r[1]), [1 + 2 + 3 + 1 + 2, 2 + 3 + 1 + 2 + 3, 3 + 1 + 2 + 3 + 1]);
  const filled = built.issues.filter((i) => i.code === 'KPI_DAYS_FILLED');
  assert.equal(filled.length, 1);
  assert.deepEqual(filled[0].details?.filledDates, ['2024-01-06', '2024-01-07', '2024-01-13', '2024-01-14']);
  assert.deepEqual(readFileSync(join(dir, 'crm.csv'), 'utf8'), kpi.join('\n') + '\n', 'the user\'s file is untouched');
});
