import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderGeoSection } from './geo-section.ts';
import type { GeoResult } from '@mixwise/engine';
import { writeGeoResults } from '@mixwise/data';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-geosection-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** n geos, geo k with share ∝ k + 1 and a tv ROI of k / 10 (geo 0 spent nothing on search). */
function geos(n: number): GeoResult[] {
  const total = (n * (n + 1)) / 2;
  return Array.from({ length: n }, (_, k) => ({
    name: `g${k}`, share: (k + 1) / total, kpi: 1000 * (k + 1), fitted: 990 * (k + 1), r2: k === 1 ? NaN : 0.9,
    channels: [{ name: 'tv', spend: 100, contribution: 10 * k, roi: k / 10 }, { name: 'search', spend: k === 0 ? 0 : 50, contribution: 0, roi: k === 0 ? NaN : 0 }],
  }));
}

test('renderGeoSection: few geos are all listed, largest share first, with each channel\'s ROI', () => {
  const text = renderGeoSection(geos(3), { column: 'region', file: 'out/geo-results.csv' });
  const rows = text.split('\n');
  assert.equal(rows[0], 'By region (3 geos; full figures in out/geo-results.csv):');
  assert.match(rows[1], /^region\s+KPI share\s+R²\s+tv ROI\s+search ROI$/);
  assert.deepEqual(rows.slice(3, 6).map((r) => r.split(/\s+/)[0]), ['g2', 'g1', 'g0']);
  assert.match(rows[3], /^g2\s+50\.0%\s+0\.90\s+0\.20\s+0\.00$/);
  assert.match(rows[4], /^g1\s+33\.3%\s+–/, 'an undefined R² is a dash');
});

test('renderGeoSection: under the table, a note that per-geo ROIs differ only by operating point and fitted totals reconcile', () => {
  const text = renderGeoSection(geos(3), { column: 'region', file: 'out/geo-results.csv' });
  const rows = text.split('\n');
  const note = rows.slice(6).join(' ').trim();
  assert.ok(rows.slice(6).every((r) => r.length <= 100), 'wrapped');
  assert.match(note, /^Each geo's size s_g is its share of the KPI \(no size column given: --geo-size .*\): .*Per-geo ROIs differ only by each geo's operating point on the shared curves .* fully pooled.*by construction .* R² is the measure of a geo's fit\.$/);
});

test('renderGeoSection: 40 geos show the 5 largest and 5 smallest with a gap row and say so', () => {
  const text = renderGeoSection(geos(40), { column: 'geo', file: 'geo-results.csv' });
  const rows = text.slice(0, text.indexOf("Each geo's size")).trimEnd().split('\n');
  assert.equal(rows[0], 'By geo (40 geos, the 5 largest and 5 smallest by KPI share shown; full figures in geo-results.csv):');
  assert.equal(rows.length, 3 + 11);
  assert.deepEqual(rows.slice(3).map((r) => r.split(/\s+/)[0]), ['g39', 'g38', 'g37', 'g36', 'g35', '…', 'g4', 'g3', 'g2', 'g1', 'g0']);
});

test('renderGeoSection: a control character in a geo name is shown escaped, each geo staying on one line', () => {
  const named = geos(3).map((g, k) => ({ ...g, name: ['north\nwest', 'tab\there', 'bell\u0007'][k] }));
  const text = renderGeoSection(named, { column: 'region', file: 'geo-results.csv' });
  const rows = text.slice(0, text.indexOf("Each geo's size")).trimEnd().split('\n');
  assert.equal(rows.length, 3 + 3, 'a header, a rule line, a title and one line per geo');
  assert.deepEqual(rows.slice(3).map((r) => r.split(/\s{2,}/)[0]), ['bell\\x07', 'tab\\there', 'north\\nwest']);
});

test('writeGeoResults: one row per geo and channel, geo figures repeated, an undefined ROI or R² an empty cell', async () => {
  const file = await writeGeoResults(dir, geos(2));
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  assert.deepEqual(lines, [
    'geo,share,kpi,fitted,r2,channel,spend,contribution,roi,size_column,size',
    `g0,${1 / 3},1000,990,0.9,tv,100,0,0,,`,
    `g0,${1 / 3},1000,990,0.9,search,0,0,,,`,
    `g1,${2 / 3},2000,1980,,tv,100,10,0.1,,`,
    `g1,${2 / 3},2000,1980,,search,50,0,0,,`,
  ]);
});
