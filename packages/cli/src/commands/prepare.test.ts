// In-process tests of `mixwise prepare` (no process spawned).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { simulatePreset } from '@mixwise/engine';
import { toCsv, wideTable } from '@mixwise/data';
import { defaultDeps } from '../cli-deps.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-prepare-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const sim = simulatePreset('retail', 12).table;
const wide = wideTable(sim);
writeFileSync(join(dir, 'data.csv'), toCsv(wide.columns, wide.rows));

const CONFIG = `version: 1
data: { path: data.csv }
columns:
  target: revenue
  channels:
    - { name: TV, spend: tv_spend }
    - { name: search, spend: search_spend }
  controls:
    - { name: price, sign: negative }
  events: [black_friday]
holdout: 8
`;

test('prepare writes modeling_table.csv, a Parquet file that reads back equal, and issues.json', async () => {
  writeFileSync(join(dir, 'mixwise.yaml'), CONFIG);
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'mixwise.yaml', '--out', 'prepared'], cap.io, defaultDeps), 0, cap.stderr());
  const out = join(dir, 'prepared');
  const csv = readFileSync(join(out, 'modeling_table.csv'), 'utf8').split('\n');
  assert.equal(csv[0], 'date,revenue,TV_spend,search_spend,price,black_friday');
  const issues = JSON.parse(readFileSync(join(out, 'issues.json'), 'utf8')) as { code: string; at?: { row?: number } }[];
  // ooh, social, display, promo, easter, christmas are in the file but not in this config.
  // prepare runs every `mixwise validate` rule. search_spend's bursts on lines 6 and 115 (317,102 and
  // 278,483, 7.4× and 6.5× its median) are flights: spend is scored on a log scale, where they are
  // within the outlier threshold (on the linear scale they scored 7.3 and 6.27 and were flagged).
  assert.deepEqual(issues.map((i) => [i.code, i.at?.row ?? null]), [['UNUSED_COLUMNS', null]]);
  assert.match(cap.stderr(), /156 weekly periods .*channels TV, search; controls price; events black_friday/);

  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  const result = await connection.runAndReadAll(`SELECT strftime(date, '%Y-%m-%d'), revenue, TV_spend, search_spend, price, black_friday FROM read_parquet('${join(out, 'modeling_table.parquet')}') ORDER BY date`);
  connection.closeSync();
  instance.closeSync();
  const bf = sim.events.find((e) => e.name === 'black_friday');
  const expected = sim.dates.map((d, t) => [d, sim.target.values[t], sim.channels[0].spend[t], sim.channels[2].spend[t], sim.controls[0].values[t], bf?.values[t]]);
  assert.equal(sim.channels[2].name, 'search');
  assert.deepEqual(result.getRows(), expected);

  // The same table, the warnings and the build facts are in the project's DuckDB file.
  const db = await DuckDBInstance.create(join(out, 'mixwise.duckdb'), { access_mode: 'READ_ONLY', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const c = await db.connect();
  const stored = await c.runAndReadAll(`SELECT strftime(date, '%Y-%m-%d'), revenue, TV_spend, search_spend, price, black_friday FROM modeling_table ORDER BY date`);
  assert.deepEqual(stored.getRows(), expected);
  const warned = await c.runAndReadAll('SELECT code, "row" FROM issues ORDER BY "row" NULLS FIRST');
  assert.deepEqual(warned.getRows(), [['UNUSED_COLUMNS', null]]);
  c.closeSync();
  db.closeSync();
});

test('prepare with a bad config: exit 1 naming the config line and key; nothing written', async () => {
  writeFileSync(join(dir, 'bad.yaml'), CONFIG.replace('sign: negative', 'sign: down').replace('holdout: 8', 'holdout: -1'));
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'bad.yaml', '--out', 'bad'], cap.io, defaultDeps), 1);
  assert.match(cap.stderr(), /✖ 2 errors/);
  assert.match(cap.stderr(), /bad\.yaml:9: columns\.controls\[0\]\.sign: "down" is not allowed\n\s+fix: use one of: positive, negative, free/);
  assert.match(cap.stderr(), /bad\.yaml:11: holdout: -1 is out of range: it must be ≥ 0/);
  assert.equal(existsSync(join(dir, 'bad')), false);
});

test('prepare with a config that does not fit the data, or data with bad cells: exit 1 with locations', async () => {
  writeFileSync(join(dir, 'daily.yaml'), CONFIG.replace('holdout: 8', 'granularity: daily'));
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'daily.yaml', '--out', 'd'], cap.io, defaultDeps), 1);
  assert.match(cap.stderr(), /daily\.yaml:11: granularity: the config says daily but the data is weekly/);
  const rows = wide.rows.map((r) => [...r]);
  rows[4][2] = 'abc';
  writeFileSync(join(dir, 'broken.csv'), toCsv(wide.columns, rows));
  writeFileSync(join(dir, 'broken.yaml'), CONFIG.replace('data.csv', 'broken.csv'));
  const broken = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'broken.yaml', '--out', 'b'], broken.io, defaultDeps), 1);
  assert.match(broken.stderr(), /broken\.csv:6 column "tv_spend": value "abc" is not a number/);
});

test('prepare --json prints only a JSON summary on stdout; --config is required (2)', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['prepare', '--config', 'mixwise.yaml', '--out', 'p2', '--json'], cap.io, defaultDeps), 0, cap.stderr());
  const summary = JSON.parse(cap.stdout());
  assert.deepEqual([summary.periods, summary.frequency, summary.warnings], [156, 'weekly', 1], 'UNUSED_COLUMNS, as above');
  assert.equal(summary.files.parquet, join(dir, 'p2', 'modeling_table.parquet'));
  assert.equal(await runCli(['prepare', '--out', 'x'], captureIo(dir).io, defaultDeps), 2);
});
