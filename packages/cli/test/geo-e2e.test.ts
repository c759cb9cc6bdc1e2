// End to end: a fit built from B2B sources writes geo.json (revenue by country) whose countries add up
// to the national revenue column the model was fitted on, and the report gets its geo map section.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, readSimpleCsv, tempDir } from './run-mixwise.ts';

const dir = tempDir('mixwise-geo-e2e-');
after(() => rmSync(dir, { recursive: true, force: true }));
const CONFIG = join('examples', 'b2b', 'mixwise.yaml');

interface GeoJson { level: string; kpi: string; window?: { start: string; end: string }; rows: { geo: string; region?: string; kpi: number; pipeline?: number }[] }
const cents = (xs: number[]): number => xs.reduce((a, x) => a + Math.round(x * 100), 0);

test('fit --config examples/b2b/mixwise.yaml: geo.json by country sums to the national revenue to the cent; the report has the map', () => {
  const out = join(dir, 'fit');
  const run = mixwise(['fit', '--config', CONFIG, '--iterations', '600', '--workers', '1', '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /geo: KPI by geography written to .*geo\.json/);
  const geo = JSON.parse(readFileSync(join(out, 'geo.json'), 'utf8')) as GeoJson;
  assert.equal(geo.level, 'country');
  assert.equal(geo.kpi, 'revenue');
  assert.equal(geo.rows.length, 10);
  // The national table the model was fitted on: OUT/datamart_table.csv (the whole table is the window here).
  const table = readSimpleCsv(join(out, 'datamart_table.csv'));
  const revenue = table.header.indexOf('revenue');
  assert.equal(cents(geo.rows.map((r) => r.kpi)), cents(table.rows.map((r) => Number(r[revenue]))));
  assert.deepEqual(geo.window, { start: table.rows[0][0], end: table.rows[table.rows.length - 1][0] });
  const report = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(report, /<section id="geo">.*<figure class="chart" data-chart="geo-map"><svg/s);
});

test('prepare --config examples/b2b/mixwise.yaml writes geo.json too: pipeline by country sums to the national pipeline', () => {
  const out = join(dir, 'prepared');
  const run = mixwise(['prepare', '--config', CONFIG, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const geo = JSON.parse(readFileSync(join(out, 'geo.json'), 'utf8')) as GeoJson;
  assert.deepEqual(geo.rows.map((r) => r.geo), ['AU', 'BR', 'CA', 'DE', 'FR', 'GB', 'JP', 'MX', 'SG', 'US']);
  // The datamart's national table (the modeling table keeps only the config's roles, not pipeline).
  const table = readSimpleCsv(join(out, 'datamart_table.csv'));
  const pipeline = table.header.indexOf('pipeline');
  assert.equal(cents(geo.rows.map((r) => r.pipeline ?? NaN)), cents(table.rows.map((r) => Number(r[pipeline]))));
});
