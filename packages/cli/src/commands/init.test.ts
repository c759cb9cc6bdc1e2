// In-process tests of `mixwise init` (no process spawned).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { simulatePreset } from '@mixwise/engine';
import { loadConfig, toCsv, wideTable } from '@mixwise/data';
import { defaultDeps } from '../cli-deps.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { multidimensionalCsv } from '../../test/panel-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-init-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const sim = simulatePreset('retail', 11).table;
const wide = wideTable(sim);
writeFileSync(join(dir, 'data.csv'), toCsv(wide.columns, wide.rows));

test('init writes a commented config that loads back, pointing at the data and the JSON Schema', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['init', 'data.csv', '--out', 'project/mixwise.yaml'], cap.io, defaultDeps), 0, cap.stderr());
  const path = join(dir, 'project', 'mixwise.yaml');
  const text = readFileSync(path, 'utf8');
  const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text.split('\n')[0])?.[1];
  assert.ok(schema !== undefined, 'the first line names the schema');
  assert.ok(existsSync(resolve(dirname(path), schema)), `the schema path ${schema} resolves to the committed file`);
  assert.match(text, /^ {2}path: \.\.\/data\.csv$/m, 'data.path is relative to the config folder');
  const config = loadConfig(path).config;
  assert.equal(config.columns.target, 'revenue');
  assert.deepEqual(config.columns.channels?.map((c) => c.name), sim.channels.map((c) => c.name));
  assert.match(cap.stderr(), /wrote project\/mixwise\.yaml: target revenue, 5 channels, 1 control, 4 events; 156 weekly periods/);
});

test('init refuses to overwrite (exit 2) unless --force; --target picks the KPI', async () => {
  writeFileSync(join(dir, 'mixwise.yaml'), 'keep me\n');
  const refused = captureIo(dir);
  assert.equal(await runCli(['init', 'data.csv'], refused.io, defaultDeps), 2);
  assert.match(refused.stderr(), /mixwise\.yaml already exists; add --force/);
  assert.equal(readFileSync(join(dir, 'mixwise.yaml'), 'utf8'), 'keep me\n');
  const forced = captureIo(dir);
  assert.equal(await runCli(['init', 'data.csv', '--force', '--target', 'price'], forced.io, defaultDeps), 0, forced.stderr());
  assert.equal(loadConfig(join(dir, 'mixwise.yaml')).config.columns.target, 'price');
});

test('init on a missing file or a file without spend columns: exit 1 with the issue', async () => {
  const missing = captureIo(dir);
  assert.equal(await runCli(['init', 'nope.csv', '--out', 'x.yaml'], missing.io, defaultDeps), 1);
  assert.match(missing.stderr(), /file not found: nope\.csv/);
  writeFileSync(join(dir, 'nospend.csv'), 'date,revenue\n2024-01-01,1\n2024-01-08,2\n2024-01-15,3\n');
  const none = captureIo(dir);
  assert.equal(await runCli(['init', 'nospend.csv', '--out', 'y.yaml'], none.io, defaultDeps), 1);
  assert.match(none.stderr(), /no spend columns found/);
  assert.equal(existsSync(join(dir, 'y.yaml')), false);
});

test('init on a file whose spend column names a model term (trend_spend): exit 1 with the rename that keeps it a channel, no config written', async () => {
  const cols = wide.columns.map((c) => (c === 'tv_spend' ? 'trend_spend' : c));
  writeFileSync(join(dir, 'trend.csv'), toCsv(cols, wide.rows));
  const cap = captureIo(dir);
  assert.equal(await runCli(['init', 'trend.csv', '--out', 'trend.yaml'], cap.io, defaultDeps), 1);
  assert.match(cap.stderr(), /the channel "trend" \(column trend_spend\) has a name Mixwise uses/);
  assert.match(cap.stderr(), /e\.g\. to "trend_media_spend"/);
  assert.equal(existsSync(join(dir, 'trend.yaml')), false);
});

test('init on a panel whose spend columns do not end in _spend: the fix names --channels, and following it writes the config with sum_panel', async () => {
  writeFileSync(join(dir, 'multi.csv'), multidimensionalCsv());
  const refused = captureIo(dir);
  assert.equal(await runCli(['init', 'multi.csv', '--target', 'y', '--out', 'multi.yaml'], refused.io, defaultDeps), 1);
  assert.match(refused.stderr(), /fix: rename the spend columns to <channel>_spend, or name them with --channels col1,col2/);
  const cap = captureIo(dir);
  assert.equal(await runCli(['init', 'multi.csv', '--target', 'y', '--channels', 'x1, x2', '--out', 'multi.yaml'], cap.io, defaultDeps), 0, cap.stderr());
  assert.match(cap.stderr(), /wrote multi\.yaml: target y, 2 channels, 0 controls, 2 events; 14 weekly periods \(2024-01-01 … 2024-04-01\), the rows of each date added up over geo \(cleaning: sum_panel; or columns\.geo: geo for a geo-level model, see the file's comment\)/);
  assert.match(readFileSync(join(dir, 'multi.yaml'), 'utf8'), /# cleaning: list and add "geo: geo" under columns: \(the same as mixwise fit --geo geo\)/);
  const config = loadConfig(join(dir, 'multi.yaml')).config;
  assert.deepEqual(config.columns.channels?.map((c) => [c.name, c.spend]), [['x1', 'x1'], ['x2', 'x2']]);
  assert.deepEqual(config.columns.events, ['event_1', 'event_2']);
  assert.deepEqual(config.cleaning, [{ sum_panel: { column: 'geo' } }]);
});

test('init lists every problem of the roles at once (no spend columns and no KPI), the hints listing every column, the panel\'s geo included', async () => {
  writeFileSync(join(dir, 'multi-nokpi.csv'), multidimensionalCsv());
  const cap = captureIo(dir);
  assert.equal(await runCli(['init', 'multi-nokpi.csv', '--out', 'multi-nokpi.yaml'], cap.io, defaultDeps), 1);
  const err = cap.stderr();
  assert.match(err, /✖ 2 errors/);
  assert.match(err, /no spend columns found/);
  assert.match(err, /no column looks like the KPI/);
  assert.match(err, /available columns: date, geo, x1, x2, event_1, event_2, y\)/);
  assert.equal(existsSync(join(dir, 'multi-nokpi.yaml')), false);
});

test('init without a KPI never offers back the rate it has just ruled out as the KPI', async () => {
  const lines = ['date,tv_spend,revenue_per_conversion,population'];
  for (let w = 0; w < 20; w++) lines.push(`${new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10)},${100 + w},0.02${w % 3},${5000 + w}`);
  writeFileSync(join(dir, 'rate.csv'), `${lines.join('\n')}\n`);
  const cap = captureIo(dir);
  assert.equal(await runCli(['init', 'rate.csv', '--out', 'rate.yaml'], cap.io, defaultDeps), 1);
  assert.match(cap.stderr(), /"revenue_per_conversion" is a rate per unit, which does not add up over periods or geos: not a KPI/);
  assert.match(cap.stderr(), /name the KPI with --target COL \(numeric columns: population\)/);
});

test('init --date and --controls name those roles; the role flags parse and check as fit\'s do', async () => {
  const cap = captureIo(dir);
  assert.equal(await runCli(['init', 'data.csv', '--date', 'date', '--controls', 'promo', '--out', 'controls.yaml'], cap.io, defaultDeps), 0, cap.stderr());
  const config = loadConfig(join(dir, 'controls.yaml')).config;
  assert.deepEqual(config.columns.controls.map((c) => c.name), ['promo']);
  assert.ok(!(config.columns.events ?? []).includes('promo'), 'a named control is not also an event');
  assert.match(readFileSync(join(dir, 'controls.yaml'), 'utf8'), /# Also left out of the controls: price \(not in --controls\)\./);
  // An empty list is a usage error with the same words on init as on fit.
  const [init, fit] = [captureIo(dir), captureIo(dir)];
  assert.equal(await runCli(['init', 'data.csv', '--channels', ' , ', '--out', 'e.yaml'], init.io, defaultDeps), 2);
  assert.equal(await runCli(['fit', 'data.csv', '--target', 'revenue', '--channels', ' , ', '--out', 'e'], fit.io, defaultDeps), 2);
  assert.match(init.stderr(), /option '--channels <list>' argument ' , ' is invalid\. give at least one column name/);
  assert.equal(init.stderr(), fit.stderr());
  for (const [flag, value] of [['--channels', 'tv_spend,nope_spend'], ['--controls', 'nope'], ['--date', 'nope']]) {
    const bad = captureIo(dir);
    assert.equal(await runCli(['init', 'data.csv', flag, value, '--out', 'f.yaml'], bad.io, defaultDeps), 1, `${flag} ${value}`);
    assert.match(bad.stderr(), /column "nope(_spend)?" is not in the file/);
    assert.equal(existsSync(join(dir, 'f.yaml')), false);
  }
});
