import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulatePreset } from '@mixwise/engine';
import { DataError } from '../issue.ts';
import { b2bSourcesIn, buildB2bDatamart, type B2bMartRow } from './b2b-datamart.ts';
import { b2bWideTable } from './b2b-wide-table.ts';

const DIR = fileURLToPath(new URL('../../../../examples/b2b/', import.meta.url));
const SEED = 7; // the seed examples/b2b/make-b2b-examples.ts uses

/** Reads a CSV without quotes (the sample files have none) into objects. */
function rows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(DIR, file), 'utf8').trim().split('\n');
  const cols = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}
/** '1234.05' → 123405, parsed from the text (no floating point). */
function textCents(s: string): number {
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

test('B2B sample files → weekly marts that reconcile to the raw files to the cent', async () => {
  const mart = await buildB2bDatamart(b2bSourcesIn(DIR));
  const pick = (kind: B2bMartRow['kind'], level: B2bMartRow['level']): B2bMartRow[] => mart.filter((r) => r.kind === kind && r.level === level);
  // Raw totals computed here from the text of the files, with the taxonomy applied in TS.
  const taxonomy = new Map(rows('ref_campaigns.csv').map((r) => [`${r.platform}|${r.campaign}`, r.channel]));
  const rawSpend = new Map<string, number>();
  for (const r of rows('ads_daily.csv')) {
    const ch = taxonomy.get(`${r.platform}|${r.campaign}`) ?? 'UNMAPPED';
    rawSpend.set(ch, (rawSpend.get(ch) ?? 0) + textCents(r.spend));
  }
  assert.ok(!rawSpend.has('UNMAPPED'));
  for (const [ch, cents] of rawSpend) assert.equal(sum(pick('spend', 'national').filter((r) => r.name === ch).map((r) => r.cents)), cents, ch);
  const rawPipeline = sum(rows('crm_opportunities.csv').map((r) => textCents(r.amount)));
  const rawRevenue = sum(rows('erp_bookings.csv').map((r) => textCents(r.amount)));
  for (const level of ['national', 'region', 'product'] as const) {
    assert.equal(sum(pick('pipeline', level).map((r) => r.cents)), rawPipeline, `pipeline ${level}`);
    assert.equal(sum(pick('revenue', level).map((r) => r.cents)), rawRevenue, `revenue ${level}`);
  }
  assert.deepEqual([...new Set(pick('revenue', 'region').map((r) => r.name))].sort(), ['APAC', 'EMEA', 'LATAM', 'NA']);
  assert.deepEqual([...new Set(pick('revenue', 'product').map((r) => r.name))].sort(), ['analytics', 'platform', 'security', 'services']);
});

test('B2B marts equal the simulator\'s national weekly series to the cent', async () => {
  const mart = await buildB2bDatamart(b2bSourcesIn(DIR));
  const sim = simulatePreset('b2b', SEED);
  const cents = (x: number): number => Math.round(x * 100);
  const byKey = new Map(mart.filter((r) => r.level === 'national').map((r) => [`${r.kind}|${r.week}|${r.name}`, r.cents]));
  const pipeline = sim.extraColumns?.find((x) => x.name === 'pipeline')?.values;
  assert.ok(pipeline !== undefined);
  assert.equal(mart.filter((r) => r.kind === 'spend').length, 208 * 5);
  sim.table.dates.forEach((week, t) => {
    for (const ch of sim.table.channels) assert.equal(byKey.get(`spend|${week}|${ch.name}`), cents(ch.spend[t]), `${week} ${ch.name}`);
    assert.equal(byKey.get(`pipeline|${week}|`), cents(pipeline[t]), `${week} pipeline`);
    assert.equal(byKey.get(`revenue|${week}|`), cents(sim.table.target.values[t]), `${week} revenue`);
  });
  // The wide modeling table carries the same series in currency units.
  const wide = b2bWideTable(mart);
  assert.deepEqual(wide.columns.slice(0, 6), ['date', 'pipeline', 'revenue', 'display_spend', 'display_impressions', 'display_clicks']);
  assert.deepEqual(wide.rows.map((r) => r[0]), sim.table.dates);
  const col = (name: string): number => wide.columns.indexOf(name);
  sim.table.dates.forEach((_, t) => {
    assert.equal(cents(wide.rows[t][col('revenue')] as number), cents(sim.table.target.values[t]));
    assert.equal(cents(wide.rows[t][col('pipeline')] as number), cents(pipeline[t]));
    for (const ch of sim.table.channels) assert.equal(cents(wide.rows[t][col(`${ch.name}_spend`)] as number), cents(ch.spend[t]));
  });
});

test('a campaign missing from the taxonomy is an error, never a silently dropped amount', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-b2b-'));
  for (const f of ['ads_daily.csv', 'crm_opportunities.csv', 'erp_bookings.csv', 'ref_countries.csv', 'ref_products.csv']) copyFileSync(join(DIR, f), join(dir, f));
  writeFileSync(join(dir, 'ref_campaigns.csv'), readFileSync(join(DIR, 'ref_campaigns.csv'), 'utf8').split('\n').filter((l) => !l.includes('DV_Retargeting')).join('\n'));
  const err = await buildB2bDatamart(b2bSourcesIn(dir)).catch((e: unknown) => e);
  assert.ok(err instanceof DataError);
  assert.deepEqual(err.issues.map((i) => [i.code, i.at.column]), [['UNMAPPED_KEY', 'campaign']]);
  assert.match(err.issues[0].message, /DV360 \/ DV_Retargeting/);
});

test('a bad amount or date in a source file is reported with file, line and column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-b2b-'));
  for (const f of ['ads_daily.csv', 'ref_campaigns.csv', 'ref_countries.csv', 'ref_products.csv']) copyFileSync(join(DIR, f), join(dir, f));
  const crm = readFileSync(join(DIR, 'crm_opportunities.csv'), 'utf8').split('\n');
  crm[2] = crm[2].replace(/,\d+\.\d\d,/, ',12k,'); // line 3 of the file
  writeFileSync(join(dir, 'crm_opportunities.csv'), crm.join('\n'));
  const erp = readFileSync(join(DIR, 'erp_bookings.csv'), 'utf8').split('\n');
  erp[4] = erp[4].replace(/,\d{4}-\d\d-\d\d,/, ',2021-02-30,'); // line 5
  writeFileSync(join(dir, 'erp_bookings.csv'), erp.join('\n'));
  const err = await buildB2bDatamart(b2bSourcesIn(dir)).catch((e: unknown) => e);
  assert.ok(err instanceof DataError);
  assert.deepEqual(err.issues.map((i) => [i.at.file?.split('/').pop(), i.at.row, i.at.column, i.code]), [
    ['crm_opportunities.csv', 3, 'amount', 'NOT_A_NUMBER'],
    ['erp_bookings.csv', 5, 'invoice_date', 'INVALID_DATE'],
  ]);
});

test('a repeated invoice_id, a copied ad row and a currency column with several values are errors, never summed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-b2b-'));
  for (const f of ['ref_campaigns.csv', 'ref_countries.csv', 'ref_products.csv']) copyFileSync(join(DIR, f), join(dir, f));
  const ads = readFileSync(join(DIR, 'ads_daily.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'ads_daily.csv'), [...ads, ads[3]].join('\n') + '\n'); // line 4 again
  const erp = readFileSync(join(DIR, 'erp_bookings.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'erp_bookings.csv'), [...erp, erp[1].replace(/,\d+\.\d\d,/, ',10.00,')].join('\n') + '\n');
  const crm = readFileSync(join(DIR, 'crm_opportunities.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'crm_opportunities.csv'), crm.map((l, i) => `${l},${i === 0 ? 'currency' : i === 5 ? 'EUR' : 'USD'}`).join('\n') + '\n');
  const err = await buildB2bDatamart(b2bSourcesIn(dir)).catch((e: unknown) => e);
  assert.ok(err instanceof DataError);
  assert.deepEqual(err.issues.map((i) => [i.code, i.at.file, i.at.row]), [
    ['EXACT_DUPLICATE_ROWS', 'ads_daily.csv', ads.length + 1],
    ['DUPLICATE_ID', 'erp_bookings.csv', erp.length + 1],
    ['MIXED_CURRENCY', 'crm_opportunities.csv', 6],
  ]);
  assert.match(err.issues[0].message, new RegExp(`line ${ads.length + 1} = line 4`));
  assert.match(err.issues[1].message, /invoice_id "INV-000001" repeats line 2/);
});

test('large B2B files (the streaming scan and DuckDB, forced with largeFileBytes: 0) give the same issues as small ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-b2b-large-'));
  for (const f of ['ref_campaigns.csv', 'ref_countries.csv', 'ref_products.csv']) copyFileSync(join(DIR, f), join(dir, f));
  const ads = readFileSync(join(DIR, 'ads_daily.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'ads_daily.csv'), [...ads, ads[3], ads[7]].join('\n') + '\n');
  const erp = readFileSync(join(DIR, 'erp_bookings.csv'), 'utf8').trimEnd().split('\n');
  const copies = erp.slice(1, 14).map((l) => l.replace(/,\d+\.\d\d,/, ',10.00,'));
  writeFileSync(join(dir, 'erp_bookings.csv'), [...erp, ...copies].join('\n') + '\n');
  const crm = readFileSync(join(DIR, 'crm_opportunities.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'crm_opportunities.csv'), crm.map((l, i) => `${l},${i === 0 ? 'currency' : i === 5 ? 'EUR' : 'USD'}`).join('\n') + '\n');
  const issues = async (largeFileBytes?: number): Promise<unknown> => {
    const err = await buildB2bDatamart(b2bSourcesIn(dir), { largeFileBytes }).catch((e: unknown) => e);
    assert.ok(err instanceof DataError);
    return err.issues;
  };
  const small = await issues();
  assert.deepEqual(await issues(0), small);
  assert.deepEqual((small as { code: string }[]).map((i) => i.code), ['EXACT_DUPLICATE_ROWS', ...Array(10).fill('DUPLICATE_ID'), 'MORE_ISSUES', 'MIXED_CURRENCY']);
  // A clean set of files builds on both paths alike.
  assert.deepEqual(await buildB2bDatamart(b2bSourcesIn(DIR), { largeFileBytes: 0 }), await buildB2bDatamart(b2bSourcesIn(DIR)));
});
