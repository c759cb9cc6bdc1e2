import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoBreakdown } from './geo-breakdown.ts';
import { sourcesTable } from './sources-table.ts';
import { readMeridianGeo } from '../reshape/meridian-geo.ts';

const B2B = fileURLToPath(new URL('../../../../examples/b2b/', import.meta.url));
const MERIDIAN = fileURLToPath(new URL('../../../../../shared/datasets/meridian_simulated/', import.meta.url));
const B2B_SOURCES = {
  week_start: 'monday' as const,
  b2b: {
    ads: 'ads_daily.csv', crm: 'crm_opportunities.csv', erp: 'erp_bookings.csv',
    ref_campaigns: 'ref_campaigns.csv', ref_countries: 'ref_countries.csv', ref_products: 'ref_products.csv',
  },
};
/** Σ of a column of the national table over rows whose date is in [from, to], in integer cents. */
function nationalCents(table: { columns: string[]; rows: (string | number)[][] }, column: string, from = '', to = '9999'): number {
  const c = table.columns.indexOf(column);
  return table.rows.filter((r) => String(r[0]) >= from && String(r[0]) <= to).reduce((s, r) => s + Math.round((r[c] as number) * 100), 0);
}
const centsOf = (xs: number[]): number => xs.reduce((s, x) => s + Math.round(x * 100), 0);

test('B2B geo breakdown: one row per country with its region; revenue and pipeline add up to the national table to the cent', async () => {
  const national = await sourcesTable(B2B_SOURCES, B2B);
  const geo = await geoBreakdown(B2B_SOURCES, B2B);
  assert.ok(geo !== undefined);
  assert.equal(geo.level, 'country');
  assert.equal(geo.kpi, 'revenue');
  assert.deepEqual(geo.rows.map((r) => r.geo), ['AU', 'BR', 'CA', 'DE', 'FR', 'GB', 'JP', 'MX', 'SG', 'US']);
  // Regions as in examples/b2b/ref_countries.csv.
  assert.deepEqual(Object.fromEntries(geo.rows.map((r) => [r.geo, r.region])),
    { US: 'NA', CA: 'NA', DE: 'EMEA', GB: 'EMEA', FR: 'EMEA', JP: 'APAC', AU: 'APAC', SG: 'APAC', BR: 'LATAM', MX: 'LATAM' });
  assert.equal(centsOf(geo.rows.map((r) => r.kpi)), nationalCents(national, 'revenue'));
  assert.equal(centsOf(geo.rows.map((r) => r.pipeline ?? NaN)), nationalCents(national, 'pipeline'));
  // Independent of DuckDB: US bookings summed from the text of erp_bookings.csv (no quotes in the file).
  const [header, ...lines] = readFileSync(join(B2B, 'erp_bookings.csv'), 'utf8').trim().split('\n');
  const cols = header.split(',');
  const usCents = lines.map((l) => l.split(',')).filter((c) => c[cols.indexOf('country')] === 'US')
    .reduce((s, c) => { const [w, f = ''] = c[cols.indexOf('amount')].split('.'); return s + Number(w) * 100 + Number(f.padEnd(2, '0')); }, 0);
  assert.equal(Math.round((geo.rows.find((r) => r.geo === 'US')?.kpi ?? NaN) * 100), usCents);
});

test('B2B geo breakdown over a window: only weeks from … to count, and still equal the national rows of those weeks', async () => {
  const national = await sourcesTable(B2B_SOURCES, B2B);
  const from = String(national.rows[10][0]);
  const to = String(national.rows[120][0]);
  const geo = await geoBreakdown(B2B_SOURCES, B2B, { from, to });
  assert.ok(geo !== undefined);
  assert.deepEqual(geo.window, { start: from, end: to });
  const windowed = nationalCents(national, 'revenue', from, to);
  assert.equal(centsOf(geo.rows.map((r) => r.kpi)), windowed);
  assert.ok(windowed < nationalCents(national, 'revenue'));
  assert.equal(centsOf(geo.rows.map((r) => r.pipeline ?? NaN)), nationalCents(national, 'pipeline', from, to));
});

test('Meridian geo file: KPI and media spend per geo; Σ over geos = the national roll-up', { skip: existsSync(`${MERIDIAN}geo_media.csv`) ? false : '../shared is absent' }, async () => {
  const sources = { meridian: 'geo_media.csv' };
  const national = await sourcesTable(sources, MERIDIAN);
  const geo = await geoBreakdown(sources, MERIDIAN);
  assert.ok(geo !== undefined);
  assert.equal(geo.level, 'geo');
  assert.equal(geo.kpi, 'revenue');
  assert.equal(geo.rows.length, 20);
  const col = (name: string): number => national.rows.reduce((s, r) => s + (r[national.columns.indexOf(name)] as number), 0);
  const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) <= 1e-9 * Math.abs(b), `${a} vs ${b}`);
  close(geo.rows.reduce((s, r) => s + r.kpi, 0), col('revenue'));
  const spendCols = national.columns.filter((c) => c.endsWith('_spend'));
  close(geo.rows.reduce((s, r) => s + (r.spend ?? NaN), 0), spendCols.reduce((s, c) => s + col(c), 0));
  const conversions = await geoBreakdown(sources, MERIDIAN, { target: 'conversions' });
  assert.equal(conversions?.kpi, 'conversions');
  close(conversions?.rows.reduce((s, r) => s + r.kpi, 0) ?? NaN, col('conversions'));
});

test('Meridian geo file by hand: two geos, two weeks, window keeps one week', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-geo-'));
  try {
    writeFileSync(join(dir, 'g.csv'), [
      'geo,time,TV_impression,TV_spend,Search_impression,Search_spend,population,conversions',
      'A,2024-01-01,1,10,1,5,100,7',
      'A,2024-01-08,1,20,1,6,100,8',
      'B,2024-01-01,1,30,1,7,100,9',
      'B,2024-01-08,1,40,1,8,100,10',
    ].join('\n') + '\n');
    const all = await geoBreakdown({ meridian: 'g.csv' }, dir);
    // No revenue_per_conversion column: the KPI is conversions. A: 7 + 8, spend 10 + 5 + 20 + 6.
    assert.deepEqual(all, { level: 'geo', kpi: 'conversions', rows: [{ geo: 'A', kpi: 15, spend: 41 }, { geo: 'B', kpi: 19, spend: 85 }] });
    const second = await geoBreakdown({ meridian: 'g.csv' }, dir, { from: '2024-01-08', to: '2024-01-08' });
    assert.deepEqual(second?.rows, [{ geo: 'A', kpi: 8, spend: 26 }, { geo: 'B', kpi: 10, spend: 48 }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Meridian geo breakdown: geos in natural order (Geo2 before Geo10), as geo.json lists them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-geo-'));
  try {
    const lines = ['geo,time,TV_impression,TV_spend,population,conversions'];
    for (const g of ['Geo10', 'Geo2', 'Geo1', 'Geo0']) for (const d of ['2024-01-01', '2024-01-08']) lines.push(`${g},${d},1,10,100,7`);
    writeFileSync(join(dir, 'g.csv'), lines.join('\n') + '\n');
    const geo = await geoBreakdown({ meridian: 'g.csv' }, dir);
    assert.deepEqual(geo?.rows.map((r) => r.geo), ['Geo0', 'Geo1', 'Geo2', 'Geo10']);
    const read = await readMeridianGeo(join(dir, 'g.csv'));
    assert.deepEqual(read.geos, ['Geo0', 'Geo1', 'Geo2', 'Geo10']);
    assert.deepEqual([...new Set(read.long.map((r) => r.geo))], ['Geo0', 'Geo1', 'Geo2', 'Geo10']);
    assert.deepEqual(read.long.filter((r) => r.geo === 'Geo2').map((r) => r.date), ['2024-01-01', '2024-01-08'], 'dates stay in order within a geo');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('long spend + KPI files have no geography: undefined', async () => {
  assert.equal(await geoBreakdown({ spend: 'spend.csv', kpi: 'kpi.csv' }, '/nowhere'), undefined);
});
