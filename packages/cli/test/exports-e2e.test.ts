// End-to-end: `mixwise fit --out DIR` also writes the BI exports (DIR/results.sqlite, DIR/exports/…),
// and results.sqlite opens with the documented tables and agrees with summary.json.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXPORT_SCHEMA_VERSION, EXPORT_TABLE_NAMES, loadSqlJs } from '@mixwise/data';
import { mixwise, tempDir, type MixwiseRun } from './run-mixwise.ts';

const dir = tempDir();
const out = join(dir, 'fit');
let simulate: MixwiseRun;
let fit: MixwiseRun;
let fitRunId = '';

before(() => {
  simulate = mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', join(dir, 'sim')]);
  fit = mixwise(['fit', join(dir, 'sim', 'data.csv'), '--target', 'revenue', '--iterations', '800', '--seed', '1', '--workers', '1', '--out', out]);
  console.log(`exports e2e (ms): simulate ${simulate.ms.toFixed(0)}, fit ${fit.ms.toFixed(0)}`);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('fit --out DIR writes results.sqlite, exports/csv and exports/parquet and lists them', async () => {
  assert.equal(simulate.status, 0, simulate.stderr);
  assert.equal(fit.status, 0, fit.stderr);
  assert.ok(existsSync(join(out, 'results.sqlite')));
  assert.deepEqual(readdirSync(join(out, 'exports', 'csv')).sort(), EXPORT_TABLE_NAMES.map((t) => `${t}.csv`).sort());
  assert.deepEqual(readdirSync(join(out, 'exports', 'parquet')).sort(), EXPORT_TABLE_NAMES.map((t) => `${t}.parquet`).sort());
  for (const t of EXPORT_TABLE_NAMES) assert.equal(readFileSync(join(out, 'exports', 'parquet', `${t}.parquet`)).subarray(0, 4).toString('latin1'), 'PAR1', t);
  assert.match(fit.stdout, /results\.sqlite/);
  assert.match(fit.stdout, /exports[/\\]csv/);

  const db = new (await loadSqlJs()).Database(readFileSync(join(out, 'results.sqlite')));
  try {
    const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")[0].values.flat();
    assert.deepEqual(tables, [...EXPORT_TABLE_NAMES]);
    fitRunId = db.exec('SELECT run_id FROM run_info')[0].values[0][0] as string;
    assert.deepEqual(db.exec('SELECT count(*) FROM predictions')[0].values, [[156]]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { channels: { name: string; roi: number }[] };
    assert.deepEqual(db.exec('SELECT channel, roi FROM channel_summary')[0].values, summary.channels.map((c) => [c.name, c.roi]));
    const decRows = readFileSync(join(out, 'decomposition.csv'), 'utf8').trim().split('\n');
    const nComponents = decRows[0].split(',').length - 4; // date, actual, fitted, holdout, then one column per component
    assert.deepEqual(db.exec('SELECT count(*) FROM decomposition')[0].values, [[(decRows.length - 1) * nComponents]]);
  } finally {
    db.close();
  }
});

/** `name TYPE` of every column of a table in results.sqlite. */
async function sqliteColumns(folder: string, table: string): Promise<string[]> {
  const db = new (await loadSqlJs()).Database(readFileSync(join(folder, 'results.sqlite')));
  try {
    return db.exec(`PRAGMA table_info(${table})`)[0].values.map((r) => `${r[1]} ${r[2]}`);
  } finally {
    db.close();
  }
}

/** `name TYPE` of every column of a Parquet file, as DuckDB reads it. */
async function parquetColumns(folder: string, table: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  try {
    const r = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(folder, 'exports', 'parquet', `${table}.parquet`)}')`);
    return r.getRowsJS().map((row) => `${String(row[0])} ${String(row[1])}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Every file under a folder (relative path → base64 content), hidden ones included. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(folder, rel), { withFileTypes: true })) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else out[r] = readFileSync(join(folder, r)).toString('base64');
    }
  };
  walk('');
  return out;
}

test('run_info, spend and the optimize tables exist with their types; run_id is the fit\'s in every table; user_version is the schema version', async () => {
  const opt = mixwise(['optimize', '--model', out, '--periods', '4', '--scenarios']);
  assert.equal(opt.status, 0, opt.stderr);
  assert.match(opt.stderr, /now include the optimization, optimization_summary, budget_plan and budget_scenarios tables/);
  const db = new (await loadSqlJs()).Database(readFileSync(join(out, 'results.sqlite')));
  try {
    assert.deepEqual(db.exec('PRAGMA user_version')[0].values, [[EXPORT_SCHEMA_VERSION]]);
    const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")[0].values.flat() as string[];
    assert.deepEqual(tables, [...EXPORT_TABLE_NAMES, 'optimization', 'optimization_summary', 'budget_plan', 'budget_scenarios']);
    // Re-exported by optimize from model.json: the same run_id as the fit's export, on every row of every table.
    for (const t of tables) assert.deepEqual(db.exec(`SELECT DISTINCT run_id FROM ${t}`)[0].values, [[fitRunId]], t);
    assert.deepEqual(db.exec('SELECT target, kpi_kind, frequency, method, seed FROM run_info')[0].values, [['revenue', 'revenue', 'weekly', 'ridge', 1]]);
    const json = JSON.parse(readFileSync(join(out, 'optimization.json'), 'utf8')) as { expected: { lift_interval?: [number, number]; lift_share: number }; scenarios_uncertainty: string };
    assert.deepEqual(db.exec('SELECT lift_low, lift_high, lift_share, uncertainty, scenarios_uncertainty, spend_unit FROM optimization_summary')[0].values,
      [[json.expected.lift_interval?.[0], json.expected.lift_interval?.[1], json.expected.lift_share, 'point', json.scenarios_uncertainty, 'plan_total']]);
    assert.deepEqual(db.exec('SELECT DISTINCT uncertainty, spend_unit FROM optimization')[0].values, [['point', 'plan_total']]);
    assert.deepEqual(db.exec('SELECT DISTINCT uncertainty FROM budget_scenarios')[0].values, [['expected']]);
  } finally {
    db.close();
  }
  assert.deepEqual(await sqliteColumns(out, 'run_info'), ['target TEXT', 'kpi_kind TEXT', 'frequency TEXT', 'window_start TEXT', 'window_end TEXT', 'periods INTEGER',
    'holdout INTEGER', 'method TEXT', 'seed INTEGER', 'source_file TEXT', 'source_sha256 TEXT', 'model_schema_version INTEGER', 'schema_version INTEGER', 'mixwise_version TEXT', 'currency TEXT', 'run_id TEXT']);
  assert.deepEqual(await sqliteColumns(out, 'spend'), ['date TEXT', 'channel TEXT', 'spend REAL', 'in_window INTEGER', 'run_id TEXT']);
  assert.deepEqual(await parquetColumns(out, 'spend'), ['date DATE', 'channel VARCHAR', 'spend DOUBLE', 'in_window INTEGER', 'run_id VARCHAR']);
  assert.deepEqual(await parquetColumns(out, 'budget_plan'), ['period INTEGER', 'date DATE', 'channel VARCHAR', 'spend DOUBLE', 'run_id VARCHAR']);
  assert.deepEqual((await parquetColumns(out, 'run_info')).slice(3, 5), ['window_start DATE', 'window_end DATE']);
  assert.deepEqual((await parquetColumns(out, 'pareto_models')).slice(0, 4), ['model_rank INTEGER', 'is_default INTEGER', 'score DOUBLE', 'lambda DOUBLE']);
  assert.deepEqual((await sqliteColumns(out, 'optimization')).slice(-7), ['uncertainty TEXT', 'spend_unit TEXT', 'lower_total REAL', 'upper_total REAL',
    'periods_at_lower INTEGER', 'periods_at_upper INTEGER', 'run_id TEXT']);
  assert.deepEqual((await parquetColumns(out, 'budget_scenarios')).slice(-2), ['uncertainty VARCHAR', 'run_id VARCHAR']);
  const summary = await parquetColumns(out, 'optimization_summary');
  for (const c of ['problem VARCHAR', 'budget_mode VARCHAR', 'reference_periods INTEGER', 'lift_share DOUBLE', 'lift_low DOUBLE', 'lift_high DOUBLE', 'uncertainty VARCHAR']) {
    assert.ok(summary.includes(c), `${c} in ${summary.join(', ')}`);
  }
});

test('a failed export changes no format: results.sqlite blocked by a folder, optimize exits 1 naming it, CSV and Parquet as before', () => {
  const copy = join(dir, 'blocked');
  cpSync(out, copy, { recursive: true });
  rmSync(join(copy, 'results.sqlite'));
  mkdirSync(join(copy, 'results.sqlite', 'x'), { recursive: true });
  const before = snapshot(copy);
  const r = mixwise(['optimize', '--model', copy, '--budget', '300k']);
  assert.equal(r.status, 1, r.stderr);
  assert.ok(r.stderr.includes(join(copy, 'results.sqlite')), r.stderr);
  assert.match(r.stderr, /the previous export, if any, is unchanged; optimize wrote nothing, previous results in .* left unchanged/);
  assert.doesNotMatch(r.stderr, /\.tmp|mixwise-export-|internal error/);
  assert.deepEqual(snapshot(copy), before);
});

test('a failed optimize leaves the previous optimization.json, budget_scenarios.csv and exports untouched', () => {
  const good = mixwise(['optimize', '--model', out, '--scenarios']);
  assert.equal(good.status, 0, good.stderr);
  const before = snapshot(out);
  for (const args of [['--budget', '1'], ['--target-kpi', '1e12']]) {
    const r = mixwise(['optimize', '--model', out, ...args]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /previous results in .* left unchanged/);
    assert.deepEqual(snapshot(out), before, args.join(' '));
  }
});
