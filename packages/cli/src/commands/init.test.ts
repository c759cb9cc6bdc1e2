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
