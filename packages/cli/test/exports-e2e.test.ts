// End-to-end: `mixwise fit --out DIR` also writes the BI exports (DIR/results.sqlite, DIR/exports/…),
// and results.sqlite opens with the documented tables and agrees with summary.json.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_TABLE_NAMES, loadSqlJs } from '@mixwise/data';
import { mixwise, tempDir, type MixwiseRun } from './run-mixwise.ts';

const dir = tempDir();
const out = join(dir, 'fit');
let simulate: MixwiseRun;
let fit: MixwiseRun;

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
