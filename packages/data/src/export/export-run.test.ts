import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { getAdstockKernel, summarizeModel } from '@mixwise/engine';
import { fittedFixture, type FittedFixture } from './fitted-fixture.ts';
import { exportRun, type ExportRunResult } from './export-run.ts';
import { EXPORT_TABLE_NAMES } from './export-tables.ts';
import { exportTable } from './export-table.ts';
import { loadSqlJs } from './write-sqlite.ts';
import { parseCsvText } from '../read/read-csv.ts';
import { EXPORT_SCHEMA_VERSION, runId } from './run-id.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'mixwise-export-'));
let fx: FittedFixture;
let dir: string;
let result: ExportRunResult;
let db: { exec: (sql: string) => { columns: string[]; values: unknown[][] }[]; close: () => void };

before(async () => {
  fx = await fittedFixture();
  dir = tempDir();
  const t0 = performance.now();
  result = await exportRun(dir, fx.model, { summary: fx.summary, decomposition: fx.decomposition });
  console.log(`exportRun (retail, 156 weeks, 5 channels): ${(performance.now() - t0).toFixed(0)} ms`);
  db = new (await loadSqlJs()).Database(readFileSync(result.sqlite));
});

const all = (sql: string): unknown[][] => db.exec(sql)[0]?.values ?? [];

test('writes results.sqlite, exports/csv/<table>.csv and exports/parquet/<table>.parquet, nothing else', () => {
  assert.equal(result.sqlite, join(dir, 'results.sqlite'));
  assert.deepEqual(result.tables, [...EXPORT_TABLE_NAMES]);
  assert.deepEqual(result.csv, EXPORT_TABLE_NAMES.map((t) => join(dir, 'exports', 'csv', `${t}.csv`)));
  assert.deepEqual(result.parquet, EXPORT_TABLE_NAMES.map((t) => join(dir, 'exports', 'parquet', `${t}.parquet`)));
  assert.deepEqual(readdirSync(dir).sort(), ['exports', 'results.sqlite']);
  assert.deepEqual(readdirSync(join(dir, 'exports', 'csv')).sort(), EXPORT_TABLE_NAMES.map((t) => `${t}.csv`).sort());
  assert.deepEqual(readdirSync(join(dir, 'exports', 'parquet')).sort(), EXPORT_TABLE_NAMES.map((t) => `${t}.parquet`).sort());
});

test('results.sqlite read back: table names, row counts and column types', () => {
  assert.deepEqual(all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").flat(), [...EXPORT_TABLE_NAMES]);
  const nComp = fx.decomposition.components.length;
  const counts = Object.fromEntries(EXPORT_TABLE_NAMES.map((t) => [t, all(`SELECT count(*) FROM ${t}`)[0][0]]));
  // Per channel: its adstock family's parameters + max_lag, then Hill's two + input_scale.
  const hyperRows = fx.model.channels.reduce((n, ch) => n + getAdstockKernel(ch.adstock.type).params.length + 1 + 3, 0);
  assert.deepEqual(counts, {
    run_info: 1, spend: fx.model.dates.length * 5,
    model_performance: 14, channel_summary: 5, decomposition: 156 * nComp, predictions: 156,
    hyperparameters: hyperRows, coefficients: 1 + fx.model.baseline.length + 5, response_curves: 5 * 102,
    pareto_models: fx.model.search.pareto.length * 5,
  });
  assert.deepEqual(all('PRAGMA table_info(decomposition)').map((r) => `${r[1]} ${r[2]}`), ['date TEXT', 'component TEXT', 'group TEXT', 'value REAL', 'run_id TEXT']);
  assert.deepEqual(all('PRAGMA table_info(response_curves)').map((r) => `${r[1]} ${r[2]}`),
    ['channel TEXT', 'spend_per_period REAL', 'kpi_per_period REAL', 'marginal_kpi_per_spend REAL', 'is_current INTEGER', 'run_id TEXT']);
  // Stored types match the declared ones in every row (cpa is NULL for a revenue KPI).
  assert.deepEqual(all('SELECT DISTINCT typeof(date), typeof(component), typeof("group"), typeof(value) FROM decomposition'), [['text', 'text', 'text', 'real']]);
  assert.deepEqual(all('SELECT DISTINCT typeof(spend), typeof(roi), typeof(roi_low), typeof(cpa) FROM channel_summary'), [['real', 'real', 'real', 'null']]);
  // The marginal return is infinite (NULL) only at zero spend on a concave Hill curve (shape < 1).
  assert.deepEqual(all('SELECT DISTINCT typeof(is_current), typeof(marginal_kpi_per_spend) FROM response_curves WHERE spend_per_period > 0'), [['integer', 'real']]);
  const concave = fx.model.channels.filter((ch) => ch.saturation.type === 'hill' && ch.saturation.shape < 1).map((ch) => ch.name).sort();
  assert.deepEqual(all('SELECT channel FROM response_curves WHERE marginal_kpi_per_spend IS NULL ORDER BY channel').flat(), concave);
});

test('results.sqlite values equal the model and summary.json', () => {
  const roi = all('SELECT channel, spend, contribution, roi, mroi, roi_low, roi_high FROM channel_summary');
  assert.deepEqual(roi, fx.summary.channels.map((c) => [c.name, c.spend, c.contribution, c.roi, c.mroi, c.roi_interval?.[0], c.roi_interval?.[1]]));
  // Σ decomposition per date = fitted (predictions) = the engine's fitted values.
  const sums = all('SELECT d.date, sum(d.value), p.fitted FROM decomposition d JOIN predictions p USING (date) GROUP BY d.date, p.fitted ORDER BY d.date');
  assert.equal(sums.length, 156);
  sums.forEach(([date, total, fitted], i) => {
    assert.equal(date, fx.model.dates[i]);
    assert.equal(fitted, fx.decomposition.fitted[i]);
    assert.ok(Math.abs((total as number) - (fitted as number)) < 1e-6 * Math.abs(fitted as number), `${date}`);
  });
  assert.deepEqual(all("SELECT sample, count(*) FROM predictions GROUP BY sample ORDER BY sample"), [['holdout', 13], ['train', 143]]);
  assert.deepEqual(all("SELECT value FROM model_performance WHERE sample = 'train' AND metric = 'r2'"), [[fx.summary.fit.r2]]);
  assert.deepEqual(all("SELECT coefficient FROM coefficients WHERE term = 'intercept'"), [[fx.model.intercept]]);
  const mediaTotal = all("SELECT sum(value) FROM decomposition WHERE \"group\" = 'media'")[0][0] as number;
  assert.ok(Math.abs(mediaTotal - fx.summary.totals.mediaContribution) < 1e-6 * mediaTotal);
});

test('each Parquet file equals its CSV file; the CSV equals the SQLite table', async () => {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  try {
    for (const [k, table] of EXPORT_TABLE_NAMES.entries()) {
      const csv = parseCsvText(readFileSync(result.csv[k], 'utf8'), `${table}.csv`);
      const sqlite = db.exec(`SELECT * FROM ${table}`)[0];
      assert.deepEqual(csv.header, sqlite.columns, table);
      // CSV round trip: every cell reads back to the SQLite value (numbers bit for bit, NULL as an empty cell).
      const numeric = all(`PRAGMA table_info(${table})`).map((r) => r[2] === 'REAL' || r[2] === 'INTEGER');
      const fromCsv = csv.rows.map((r) => r.map((cell, j) => (cell === '' ? null : numeric[j] ? Number(cell) : cell)));
      assert.deepEqual(fromCsv, sqlite.values, `${table}: CSV vs SQLite`);
      const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${result.parquet[k]}')`);
      assert.deepEqual(reader.columnNames(), csv.header, table);
      const parquet = reader.getRowsJS().map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
      assert.deepEqual(parquet, fromCsv, `${table}: Parquet vs CSV`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});

test('a count KPI: cpa, cpa_low and cpa_high in SQLite, CSV and Parquet alike, the interval [1/roi_high, 1/roi_low]', async () => {
  const model = { ...fx.model, target: { ...fx.model.target, kind: 'count' as const } };
  const summary = summarizeModel(model, fx.decomposition);
  const out = tempDir();
  const r = await exportRun(out, model, { summary, decomposition: fx.decomposition });
  const counted = new (await loadSqlJs()).Database(readFileSync(r.sqlite));
  const rows = counted.exec('SELECT channel, cpa, cpa_low, cpa_high, roi_low, roi_high FROM channel_summary')[0].values;
  counted.close();
  const expected = summary.channels.map((c) => {
    const roi = c.roi_interval;
    const interval = roi !== null && roi[0] > 0 ? [1 / roi[1], 1 / roi[0]] : [null, null];
    return [c.name, c.cpa, ...interval, roi?.[0] ?? null, roi?.[1] ?? null];
  });
  assert.deepEqual(rows, expected);
  assert.ok(rows.some((row) => row[2] !== null), 'some channel has a CPA interval');
  const k = EXPORT_TABLE_NAMES.indexOf('channel_summary');
  const csv = parseCsvText(readFileSync(r.csv[k], 'utf8'), 'channel_summary.csv');
  const at = (name: string) => csv.header.indexOf(name);
  assert.deepEqual(csv.rows.map((row) => [row[at('channel')], ...['cpa', 'cpa_low', 'cpa_high', 'roi_low', 'roi_high'].map((n) => (row[at(n)] === '' ? null : Number(row[at(n)])))]), expected);
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT channel, cpa, cpa_low, cpa_high, roi_low, roi_high FROM read_parquet('${r.parquet[k]}')`);
    assert.deepEqual(reader.getRowsJS(), expected);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  rmSync(out, { recursive: true, force: true });
});

test('failures: nothing half-written, no temporary files, the previous export unchanged, stale tables removed', async () => {
  // A missing run folder: nothing is created.
  const parent = tempDir();
  await assert.rejects(exportRun(join(parent, 'missing'), fx.model, fx), { code: 'ENOENT' });
  assert.deepEqual(readdirSync(parent), []);
  // An invalid extra table is refused before any file is written.
  const bad = { name: 'optimization', columns: [{ name: 'x', type: 'real' as const }], rows: [['oops']] };
  await assert.rejects(exportRun(parent, fx.model, { ...fx, extraTables: [bad] }), /optimization: row 0 column "x"/);
  assert.deepEqual(readdirSync(parent), []);
  // results.sqlite cannot be replaced (a folder sits there): nothing else is left beside it.
  const blocked = tempDir();
  mkdirSync(join(blocked, 'results.sqlite'));
  await assert.rejects(exportRun(blocked, fx.model, fx), /cannot write the exports .*results\.sqlite.*the previous export, if any, is unchanged/);
  assert.deepEqual(readdirSync(blocked), ['results.sqlite']);
  assert.deepEqual(readdirSync(join(blocked, 'results.sqlite')), []);
  // After a good export, a failing one (results.sqlite replaced by a folder, so the swap fails last)
  // leaves every CSV and Parquet file as it was.
  const kept = tempDir();
  await exportRun(kept, fx.model, fx);
  const files = (sub: string) => readdirSync(join(kept, sub)).map((f) => [f, readFileSync(join(kept, sub, f)).toString('base64')]);
  const before = { csv: files('exports/csv'), parquet: files('exports/parquet') };
  rmSync(join(kept, 'results.sqlite'));
  mkdirSync(join(kept, 'results.sqlite', 'x'), { recursive: true });
  const extra = exportTable('optimization', [{ name: 'channel', type: 'text' }], [['tv']]);
  await assert.rejects(exportRun(kept, fx.model, { ...fx, extraTables: [extra] }));
  assert.deepEqual({ csv: files('exports/csv'), parquet: files('exports/parquet') }, before);
  assert.deepEqual(readdirSync(kept).sort(), ['exports', 'results.sqlite']);
  // A folder where a table's Parquet file goes no longer blocks the export: the new export replaces it.
  const late = tempDir();
  mkdirSync(join(late, 'exports', 'parquet', 'predictions.parquet'), { recursive: true });
  await exportRun(late, fx.model, fx);
  assert.equal(readFileSync(join(late, 'exports', 'parquet', 'predictions.parquet')).subarray(0, 4).toString('latin1'), 'PAR1');
  for (const sub of ['', 'exports/csv', 'exports/parquet']) {
    assert.deepEqual(readdirSync(join(late, sub)).filter((f) => f.startsWith('.')), [], `temporary file in ${sub || '.'}`);
  }
  // Re-exporting into a folder with an extra table from before: the stale CSV/Parquet go, other files stay.
  const again = tempDir();
  await exportRun(again, fx.model, { ...fx, extraTables: [extra] });
  assert.ok(existsSync(join(again, 'exports', 'csv', 'optimization.csv')));
  writeFileSync(join(again, 'exports', 'csv', 'Notes.txt'), 'mine');
  await exportRun(again, fx.model, fx);
  assert.deepEqual(readdirSync(join(again, 'exports', 'csv')).filter((f) => !f.endsWith('.csv') || f.startsWith('opt')), ['Notes.txt']);
  assert.ok(!existsSync(join(again, 'exports', 'parquet', 'optimization.parquet')));
});

test('run_id on every table, the same as runId(model); PRAGMA user_version is the export schema version', () => {
  const id = runId(fx.model);
  for (const t of EXPORT_TABLE_NAMES) assert.deepEqual(all(`SELECT DISTINCT run_id FROM ${t}`), [[id]], t);
  assert.deepEqual(all('PRAGMA user_version'), [[EXPORT_SCHEMA_VERSION]]);
  assert.deepEqual(all('SELECT target, kpi_kind, window_start, window_end FROM run_info'), [['revenue', 'revenue', fx.model.dates[0], fx.model.dates[155]]]);
  assert.deepEqual(all('SELECT count(*), sum(in_window) FROM spend'), [[fx.model.dates.length * 5, 156 * 5]]);
});
