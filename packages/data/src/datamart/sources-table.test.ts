import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../issue.ts';
import { toCsv } from '../write/write-csv.ts';
import { sourcesTable } from './sources-table.ts';

const B2B_DIR = fileURLToPath(new URL('../../../../examples/b2b/', import.meta.url));
const B2B = {
  ads: 'ads_daily.csv', crm: 'crm_opportunities.csv', erp: 'erp_bookings.csv',
  ref_campaigns: 'ref_campaigns.csv', ref_countries: 'ref_countries.csv', ref_products: 'ref_products.csv',
};

test('long sources: spend + KPI files (relative to the config folder) become the wide table; a gap is a warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-sources-'));
  // 2024-01-01 is a Monday. tv has no line in the week of 2024-01-08: filled with 0 and reported.
  writeFileSync(join(dir, 'spend.csv'), toCsv(['date', 'channel', 'spend'], [
    ['2024-01-01', 'tv', 10], ['2024-01-03', 'tv', 5], ['2024-01-02', 'search', 2], ['2024-01-09', 'search', 4], ['2024-01-15', 'tv', 1],
    ['2024-01-16', 'search', 3],
  ]));
  writeFileSync(join(dir, 'kpi.csv'), toCsv(['date', 'revenue'], [['2024-01-01', 100], ['2024-01-08', 90], ['2024-01-15', 80]]));
  const built = await sourcesTable({ spend: 'spend.csv', kpi: 'kpi.csv' }, dir);
  assert.deepEqual(built.columns, ['date', 'revenue', 'tv_spend', 'search_spend']);
  assert.deepEqual(built.rows, [['2024-01-01', 100, 15, 2], ['2024-01-08', 90, 0, 4], ['2024-01-15', 80, 1, 3]]);
  // The spend file is daily with days missing in every week: each week is reported (its spend may be low).
  assert.deepEqual(built.issues.map((i) => i.code), ['PARTIAL_PERIOD', 'PARTIAL_PERIOD', 'PARTIAL_PERIOD', 'SPEND_GAP_FILLED']);
  assert.ok(built.issues.slice(0, 3).every((i) => i.at.file === 'spend.csv'));
});

test('long sources with a bad cell: the DataError names the file, line and column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-sources-'));
  writeFileSync(join(dir, 'spend.csv'), 'date,channel,spend\n2024-01-01,tv,10\n2024-01-08,tv,ten\n');
  writeFileSync(join(dir, 'kpi.csv'), 'date,revenue\n2024-01-01,1\n2024-01-08,2\n');
  await assert.rejects(sourcesTable({ spend: 'spend.csv', kpi: 'kpi.csv' }, dir), (err: unknown) => {
    assert.ok(err instanceof DataError);
    const bad = err.issues.find((i) => i.code === 'NOT_A_NUMBER');
    assert.ok(bad !== undefined, JSON.stringify(err.issues));
    assert.equal(bad.at.file, 'spend.csv', 'longToWide names files by their base name');
    assert.equal(bad.at.row, 3);
    assert.equal(bad.at.column, 'spend');
    return true;
  });
});

test('B2B sources: the national weekly table; its revenue sums to the ERP file and spend to the ads file, to the cent', async () => {
  const built = await sourcesTable({ b2b: B2B }, B2B_DIR);
  assert.deepEqual(built.columns.slice(0, 6), ['date', 'pipeline', 'revenue', 'display_spend', 'display_impressions', 'display_clicks']);
  assert.equal(built.rows.length, 208);
  assert.equal(built.rows[0][0], '2021-01-04');
  // Independent path: sum the amount column of each file in JavaScript (no DuckDB), in integer cents.
  const centsOf = (file: string, column: string): number => {
    const [header, ...lines] = readFileSync(join(B2B_DIR, file), 'utf8').trim().split('\n');
    const k = header.split(',').indexOf(column);
    return lines.reduce((a, l) => a + Math.round(Number(l.split(',')[k]) * 100), 0);
  };
  const col = (name: string): number => built.columns.indexOf(name);
  const sum = (names: string[]): number => built.rows.reduce((a, r) => a + names.reduce((b, n) => b + Math.round(Number(r[col(n)]) * 100), 0), 0);
  assert.equal(sum(['revenue']), centsOf('erp_bookings.csv', 'amount'));
  assert.equal(sum(built.columns.filter((c) => c.endsWith('_spend'))), centsOf('ads_daily.csv', 'spend'));
});
