import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS, fitMmm, simulatePreset, summarizeModel, type MmmModel, type SummaryResult } from '@mixwise/engine';
import { geoResultsTable } from './geo-results.ts';
import { EXPORT_TABLE_NAMES, exportTables } from '../export-tables.ts';
import { exportRun } from '../export-run.ts';
import { loadSqlJs } from '../write-sqlite.ts';
import { parseCsvText } from '../../read/read-csv.ts';

let model: MmmModel;
let summary: SummaryResult;
before(async () => {
  // A real geo-level model: the geo preset's 20 geos, a small search.
  model = await fitMmm(simulatePreset('geo', 1).table, { search: { iterations: 60, trials: 1, seed: 1, bootstrap: 0, posterior: 0, weights: DEFAULT_WEIGHTS } });
  summary = summarizeModel(model);
});

const COLUMNS = 'geo:text,share:real,kpi:real,fitted:real,r2:real,channel:text,spend:real,contribution:real,roi:real,size_column:text,size:real';

test('geo_results: one row per geo and channel with summary.json geos\' numbers; they add up to channel_summary', () => {
  const t = geoResultsTable(summary);
  assert.equal(t.columns.map((c) => `${c.name}:${c.type}`).join(','), COLUMNS);
  const geos = summary.geos ?? [];
  const names = model.channels.map((c) => c.name);
  assert.equal(t.rows.length, 20 * names.length);
  const g = geos[3], c = g.channels[2];
  assert.deepEqual(t.rows[3 * names.length + 2], [g.name, g.share, g.kpi, g.fitted, g.r2, c.name, c.spend, c.contribution, c.roi, 'population', g.size]);
  // Σ over geos of a channel's spend and contribution = the national figures (channel_summary's).
  for (const ch of summary.channels) {
    const rows = t.rows.filter((r) => r[5] === ch.name);
    const spend = rows.reduce((s, r) => s + (r[6] as number), 0), contribution = rows.reduce((s, r) => s + (r[7] as number), 0);
    assert.ok(Math.abs(spend - ch.spend) <= 1e-9 * ch.spend, `${ch.name} spend ${spend} vs ${ch.spend}`);
    assert.ok(Math.abs(contribution - ch.contribution) <= 1e-6 * Math.abs(ch.contribution), `${ch.name} contribution ${contribution} vs ${ch.contribution}`);
  }
});

test('geo_results: an unspent channel\'s ROI and an undefined R² are NULL, not 0', () => {
  const [g0] = summary.geos ?? [];
  const unspent = { ...g0, r2: NaN, channels: g0.channels.map((c, i) => (i === 0 ? { ...c, spend: 0, contribution: 0, roi: NaN } : c)) };
  const t = geoResultsTable({ ...summary, geos: [unspent] });
  assert.equal(t.rows[0][4], null);
  assert.equal(t.rows[0][8], null);
  assert.equal(t.rows[1][8], g0.channels[1].roi);
});

test('exportTables: geo_results only for a geo-level model; a national model has none', () => {
  assert.deepEqual(exportTables(model, { summary }).map((t) => t.name), [...EXPORT_TABLE_NAMES, 'geo_results']);
  const { geos: _geos, ...national } = summary;
  assert.ok(!exportTables(model, { summary: national }).some((t) => t.name === 'geo_results'));
  assert.ok(!exportTables(model, { summary: { ...summary, geos: [] } }).some((t) => t.name === 'geo_results'));
});

test('exportRun writes geo_results to SQLite and CSV alike, with run_id last', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mixwise-export-geo-'));
  try {
    const r = await exportRun(dir, model, { summary });
    assert.ok(r.tables.includes('geo_results'));
    const db = new (await loadSqlJs()).Database(readFileSync(r.sqlite));
    const [res] = db.exec('SELECT geo, channel, roi, run_id FROM geo_results ORDER BY share DESC, channel LIMIT 1');
    db.close();
    const largest = [...(summary.geos ?? [])].sort((a, b) => b.share - a.share)[0];
    const first = [...largest.channels].sort((a, b) => (a.name < b.name ? -1 : 1))[0];
    assert.deepEqual(res.values[0].slice(0, 3), [largest.name, first.name, first.roi]);
    const csv = parseCsvText(readFileSync(join(r.csvDir, 'geo_results.csv'), 'utf8'), 'geo_results.csv');
    assert.deepEqual(csv.header, [...COLUMNS.split(',').map((c) => c.split(':')[0]), 'run_id']);
    assert.equal(csv.rows.length, 20 * model.channels.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
