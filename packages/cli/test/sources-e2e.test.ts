// End-to-end: `sources:` configs (B2B multi-source, long files) through prepare and fit with the real launcher.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { mixwise, readSimpleCsv, REPO_ROOT, tempDir } from './run-mixwise.ts';

const dir = tempDir('mixwise-sources-e2e-');
after(() => rmSync(dir, { recursive: true, force: true }));
const CONFIG = join('examples', 'b2b', 'mixwise.yaml');

test('prepare --config examples/b2b/mixwise.yaml: the datamart table, then the modeling table of the config', () => {
  const out = join(dir, 'prepared');
  const run = mixwise(['prepare', '--config', CONFIG, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const built = readSimpleCsv(join(out, 'datamart_table.csv'));
  assert.deepEqual(built.header.slice(0, 3), ['date', 'pipeline', 'revenue']);
  const table = readSimpleCsv(join(out, 'modeling_table.csv'));
  // Channels with an `exposure` in the config carry it as <name>_exposure (display and linkedin impressions, search clicks).
  assert.deepEqual(table.header, ['date', 'revenue', 'display_spend', 'display_exposure', 'events_spend', 'linkedin_spend', 'linkedin_exposure',
    'search_spend', 'search_exposure', 'webinars_spend']);
  assert.equal(table.rows.length, 208);
  assert.equal(table.rows[0][0], '2021-01-04');
  // Revenue is the ERP bookings booked in each week: its total equals the ERP file's total, to the cent
  // (summed here from the raw file, not through DuckDB).
  const erp = readSimpleCsv(join(REPO_ROOT, 'examples', 'b2b', 'erp_bookings.csv'));
  const amount = erp.header.indexOf('amount');
  const cents = (values: string[]): number => values.reduce((a, v) => a + Math.round(Number(v) * 100), 0);
  assert.equal(cents(table.rows.map((r) => r[1])), cents(erp.rows.map((r) => r[amount])));
  assert.match(run.stderr, /208 weekly periods .*target revenue; channels display, events, linkedin, search, webinars/);
  assert.ok(existsSync(join(out, 'modeling_table.parquet')));
});

test('prepare keeps the whole B2B project in one DuckDB file: staging → intermediate → mart, modeling table, issues', async () => {
  const out = join(dir, 'prepared');
  const db = await DuckDBInstance.create(join(out, 'mixwise.duckdb'), { access_mode: 'READ_ONLY', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const c = await db.connect();
  const q = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjects();
  const tables = (await q('SELECT table_name FROM information_schema.tables')).map((r) => String(r.table_name));
  for (const layer of ['stg_', 'int_', 'mart_']) assert.ok(tables.some((t) => t.startsWith(layer)), `a ${layer} table in ${tables.join(', ')}`);
  for (const t of ['modeling_table', 'issues', 'project_info']) assert.ok(tables.includes(t), t);
  // The stored modeling table is the CSV prepare wrote, row for row (revenue summed in cents).
  const csv = readSimpleCsv(join(out, 'modeling_table.csv'));
  const [stored] = await q('SELECT count(*)::INTEGER AS n, sum(round(revenue * 100))::BIGINT AS cents FROM modeling_table');
  assert.equal(stored.n, csv.rows.length);
  assert.equal(stored.cents, BigInt(csv.rows.reduce((a, r) => a + Math.round(Number(r[1]) * 100), 0)));
  const info = Object.fromEntries((await q('SELECT key, value FROM project_info')).map((r) => [r.key, r.value]));
  assert.equal(info.periods, '208');
  c.closeSync();
  db.closeSync();
  assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.tmp') || f.endsWith('.wal')), [], 'no temporary database left behind');
});

test('fit --config examples/b2b/mixwise.yaml (1500 iterations): exit 0, a model of the five channels', () => {
  const out = join(dir, 'fit');
  const run = mixwise(['fit', '--config', CONFIG, '--iterations', '1500', '--workers', '1', '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as { spec: { channels: { name: string; adstock: string }[] } };
  assert.deepEqual(model.spec.channels.map((c) => c.name), ['display', 'events', 'linkedin', 'search', 'webinars']);
  assert.ok(existsSync(join(out, 'datamart_table.csv')));
});

test('a bad cell in a B2B source: exit 1 naming the source file, its line and column; no modeling table', () => {
  const copy = join(dir, 'b2b');
  cpSync(join(REPO_ROOT, 'examples', 'b2b'), copy, { recursive: true, filter: (f) => !f.endsWith('.ts') });
  const erp = readFileSync(join(copy, 'erp_bookings.csv'), 'utf8').split('\n');
  erp[3] = erp[3].replace(/,20\d\d-\d\d-\d\d,/, ',2021-02-30,');
  writeFileSync(join(copy, 'erp_bookings.csv'), erp.join('\n'));
  const out = join(dir, 'bad');
  const run = mixwise(['prepare', '--config', join(copy, 'mixwise.yaml'), '--out', out]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /erp_bookings\.csv:4/);
  assert.match(run.stderr, /invoice_date/);
  assert.ok(!existsSync(join(out, 'modeling_table.csv')));
  assert.ok(!existsSync(join(out, 'mixwise.duckdb')));
  assert.deepEqual(existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.tmp') || f.endsWith('.wal')) : [], [], 'the half-built database was removed');
});

test('long sources (spend + KPI files): prepare builds the table and uses the config roles', () => {
  const long = join(dir, 'long');
  mkdirSync(long);
  const spend = ['date,channel,spend'];
  const kpi = ['date,sales'];
  for (let w = 0; w < 60; w++) {
    const date = new Date(Date.UTC(2023, 0, 2 + 7 * w)).toISOString().slice(0, 10); // 2023-01-02 is a Monday
    spend.push(`${date},tv,${100 + (w % 5) * 10}`, `${date},radio,${50 + (w % 3) * 5}`);
    kpi.push(`${date},${1000 + w}`);
  }
  writeFileSync(join(long, 'spend.csv'), spend.join('\n') + '\n');
  writeFileSync(join(long, 'kpi.csv'), kpi.join('\n') + '\n');
  writeFileSync(join(long, 'mixwise.yaml'), 'version: 1\nsources: { spend: spend.csv, kpi: kpi.csv }\ncolumns:\n  target: sales\n'
    + '  channels:\n    - { name: TV, spend: tv_spend }\n    - { name: radio, spend: radio_spend }\n');
  const run = mixwise(['prepare', '--config', join(long, 'mixwise.yaml'), '--out', join(long, 'out')]);
  assert.equal(run.status, 0, run.stderr);
  const table = readSimpleCsv(join(long, 'out', 'modeling_table.csv'));
  assert.deepEqual(table.header, ['date', 'sales', 'TV_spend', 'radio_spend']);
  assert.equal(table.rows.length, 60);
  assert.deepEqual(table.rows[1], ['2023-01-09', '1001', '110', '55']);
});

test('a Meridian geo file (sources: { meridian }): geos rolled up to national, then fit by the config roles', () => {
  const geoDir = join(dir, 'meridian');
  mkdirSync(geoDir);
  // 3 geos × 80 weeks; spend varies by geo and week; conversions respond to TV spend; a control per geo.
  const lines = ['geo,time,TV_impression,TV_spend,Search_impression,Search_spend,price_control,population,conversions'];
  let tvTotalWeek1 = 0;
  for (const [g, geo] of ['North', 'South', 'West'].entries()) {
    for (let w = 0; w < 80; w++) {
      const date = new Date(Date.UTC(2023, 0, 2 + 7 * w)).toISOString().slice(0, 10);
      const tv = 100 + 40 * ((w * (g + 3)) % 7), search = 50 + 10 * ((w + g) % 5);
      if (w === 1) tvTotalWeek1 += tv;
      lines.push(`${geo},${date},${tv * 10},${tv},${search * 20},${search},${(1 + g / 10).toFixed(2)},${1000 * (g + 1)},${2000 + 3 * tv + 2 * search + 7 * (w % 4)}`);
    }
  }
  writeFileSync(join(geoDir, 'geo.csv'), lines.join('\n') + '\n');
  writeFileSync(join(geoDir, 'mixwise.yaml'), 'version: 1\nsources: { meridian: geo.csv }\ncolumns:\n  target: conversions\n'
    + '  channels:\n    - { name: TV, spend: TV_spend }\n    - { name: Search, spend: Search_spend }\n  controls:\n    - { name: price_control, sign: negative }\nholdout: 4\n');
  const run = mixwise(['prepare', '--config', join(geoDir, 'mixwise.yaml'), '--out', join(geoDir, 'out')]);
  assert.equal(run.status, 0, run.stderr);
  const table = readSimpleCsv(join(geoDir, 'out', 'modeling_table.csv'));
  assert.deepEqual(table.header, ['date', 'conversions', 'TV_spend', 'Search_spend', 'price_control']);
  assert.equal(table.rows.length, 80);
  assert.equal(Number(table.rows[1][2]), tvTotalWeek1, 'national TV spend is the sum over geos');
  // Population-weighted control: (1.0·1000 + 1.1·2000 + 1.2·3000) / 6000 = 1.1333…
  assert.ok(Math.abs(Number(table.rows[0][4]) - 6800 / 6000) < 1e-9, table.rows[0][4]);
  const fit = mixwise(['fit', '--config', join(geoDir, 'mixwise.yaml'), '--iterations', '600', '--workers', '1', '--out', join(geoDir, 'fit')]);
  assert.equal(fit.status, 0, fit.stderr);
  const summary = JSON.parse(readFileSync(join(geoDir, 'fit', 'summary.json'), 'utf8')) as { channels: { name: string; roi: number }[] };
  assert.deepEqual(summary.channels.map((c) => c.name), ['TV', 'Search']);
  assert.ok(summary.channels.every((c) => Number.isFinite(c.roi) && c.roi >= 0));
});
