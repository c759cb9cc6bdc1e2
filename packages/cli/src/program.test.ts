// In-process tests of the commands with injected engine entry points (no process spawned).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelingTable } from '@mixwise/engine';
import { isoFromDays } from '@mixwise/data';
import type { CliDeps, SimulationOutput } from './cli-deps.ts';
import type { FitRunOptions, FitRunResult } from './commands/fit-run.ts';
import { runCli } from './program.ts';
import { captureIo } from '../test/capture-io.ts';
import { csvText, spendCsv } from '../test/spend-csv.ts';

interface FitCall {
  table: ModelingTable;
  options: FitRunOptions;
}

/** Fake engine: a fixed 40-week simulation; runFit records its arguments. */
function fakeDeps(calls: FitCall[]): CliDeps {
  const n = 40;
  const s = (f: (t: number) => number) => Float64Array.from({ length: n }, (_, t) => f(t));
  const table: ModelingTable = {
    dates: Array.from({ length: n }, (_, t) => isoFromDays(19359 + 7 * t)),
    frequency: 'weekly',
    target: { name: 'revenue', kind: 'revenue', values: s((t) => 5000 + 13 * t + (t % 7) * 11) },
    channels: [{ name: 'tv', column: 'tv_spend', spend: s((t) => (t % 5) * 120.5) }],
    controls: [{ name: 'price', values: s((t) => 49.9 + (t % 3) * 0.5), sign: 'negative' }],
    events: [{ name: 'black_friday', values: s((t) => (t === 46 - 20 ? 1 : 0)) }],
  };
  const sim: SimulationOutput = { table, truth: { preset: 'retail', beta: new Float64Array([1.5]) }, long: { columns: ['date', 'geo'], rows: [['2023-01-02', 'north']] } };
  return {
    presetNames: ['retail', 'b2b'],
    simulatePreset: (name, seed) => {
      assert.ok(name === 'retail' || name === 'b2b');
      assert.equal(typeof seed, 'number');
      return sim;
    },
    runFit: async (t, options) => {
      calls.push({ table: t, options });
      return { model: {}, summary: {}, diagnostics: {}, files: [] } as unknown as FitRunResult;
    },
  };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'mixwise-prog-'));

test('fit reads the CSV and hands the table and validated options to runFit', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'data.csv'), csvText(spendCsv(30)));
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  const code = await runCli(['fit', 'data.csv', '--target', 'sales', '--controls', 'price', '--control-signs', 'price=negative',
    '--seed', '5', '--iterations', '300', '--holdout', '4', '--workers', '2', '--out', 'results'], cap.io, fakeDeps(calls));
  assert.equal(code, 0, cap.stderr());
  assert.equal(calls.length, 1);
  const { table, options } = calls[0];
  assert.equal(table.dates.length, 30);
  assert.deepEqual(table.channels.map((c) => c.name), ['tv', 'search']);
  assert.deepEqual(table.controls.map((c) => [c.name, c.sign]), [['price', 'negative']]);
  assert.equal(options.outDir, join(dir, 'results'));
  assert.ok(existsSync(options.outDir), 'the output folder is created before runFit');
  assert.deepEqual([options.seed, options.iterations, options.holdout, options.workers, options.method, options.json], [5, 300, 4, 2, 'ridge', false]);
  assert.equal(options.dataPath, 'data.csv');
  assert.equal(options.roles.date, 'date');
  assert.match(cap.stderr(), /read data\.csv: 30 weekly periods \(2024-01-01 … 2024-07-22\); target sales; channels tv, search; controls price; events none/);
});

test('fit: data warnings are printed to stderr and passed on', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'data.csv'), csvText(spendCsv(20)));
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'data.csv', '--target', 'sales', '--out', 'o'], cap.io, fakeDeps(calls)), 0);
  assert.deepEqual(calls[0].options.warnings.map((w) => w.code), ['AUTO_CONTROLS', 'FEW_ROWS']);
  assert.match(cap.stderr(), /! 2 warnings/);
  assert.match(cap.stderr(), /used as controls, as no controls were given: price/);
  assert.deepEqual(calls[0].options.roles.controls, ['price']);
  assert.equal(cap.stdout(), '');
});

test('fit: --no-auto-controls leaves spare numeric columns out and lists them', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'data.csv'), csvText(spendCsv(20)));
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'data.csv', '--target', 'sales', '--no-auto-controls', '--out', 'o'], cap.io, fakeDeps(calls)), 0);
  assert.deepEqual(calls[0].options.warnings.map((w) => w.code), ['FEW_ROWS', 'UNUSED_COLUMNS']);
  assert.deepEqual(calls[0].options.roles.controls, []);
  assert.match(cap.stderr(), /numeric columns not used by the model: price/);
});

test('fit: --holdout leaving fewer than 12 periods is a usage error (2)', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'data.csv'), csvText(spendCsv(20)));
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'data.csv', '--target', 'sales', '--holdout', '10', '--out', 'o'], cap.io, fakeDeps([])), 2);
  assert.match(cap.stderr(), /--holdout 10 leaves 10 of 20 periods/);
});

test('fit: empty --channels list and malformed --control-signs are usage errors (2)', async () => {
  const cap = captureIo(tempDir());
  assert.equal(await runCli(['fit', 'd.csv', '--target', 's', '--out', 'o', '--channels', ' , '], cap.io, fakeDeps([])), 2);
  assert.equal(await runCli(['fit', 'd.csv', '--target', 's', '--out', 'o', '--control-signs', 'price:neg'], cap.io, fakeDeps([])), 2);
  assert.match(cap.stderr(), /COLUMN=positive\|negative\|free/);
});

test('fit: a missing --config file is bad input (1)', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'data.csv'), csvText(spendCsv(30)));
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'data.csv', '--target', 'sales', '--config', 'nope.yaml', '--out', 'o'], cap.io, fakeDeps([])), 1);
  assert.match(cap.stderr(), /config file not found: nope\.yaml/);
});

test('simulate writes data.csv (wide), truth.json (typed arrays as arrays) and long.csv', async () => {
  const dir = tempDir();
  const cap = captureIo(dir);
  assert.equal(await runCli(['simulate', '--preset', 'retail', '--seed', '9', '--out', 'sim'], cap.io, fakeDeps([])), 0, cap.stderr());
  const data = readFileSync(join(dir, 'sim', 'data.csv'), 'utf8').split('\n');
  assert.equal(data[0], 'date,revenue,tv_spend,price,black_friday');
  assert.equal(data[1], '2023-01-02,5000,0,49.9,0');
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'sim', 'truth.json'), 'utf8')), { preset: 'retail', beta: [1.5] });
  assert.equal(readFileSync(join(dir, 'sim', 'long.csv'), 'utf8'), 'date,geo\n2023-01-02,north\n');
  assert.match(cap.stdout(), /simulated preset retail \(seed 9\): 40 weekly periods/);
});

test('simulate --json prints only JSON on stdout', async () => {
  const dir = tempDir();
  const cap = captureIo(dir);
  assert.equal(await runCli(['simulate', '--preset', 'b2b', '--out', 'sim', '--json'], cap.io, fakeDeps([])), 0);
  const parsed = JSON.parse(cap.stdout());
  assert.equal(parsed.preset, 'b2b');
  assert.equal(parsed.seed, 1);
  assert.deepEqual(parsed.files, ['data.csv', 'truth.json', 'long.csv'].map((f) => join(dir, 'sim', f)));
});

test('simulate: unknown preset → 2 listing the valid names', async () => {
  const cap = captureIo(tempDir());
  assert.equal(await runCli(['simulate', '--preset', 'nope', '--out', 'x'], cap.io, fakeDeps([])), 2);
  assert.match(cap.stderr(), /Allowed choices are retail, b2b/);
});

test('demo simulates, reads the data back through the fit path, and says where outputs are', async () => {
  const dir = tempDir();
  const calls: FitCall[] = [];
  const cap = captureIo(dir);
  const deps = fakeDeps(calls);
  assert.equal(await runCli(['demo', '--iterations', '50'], cap.io, deps), 0, cap.stderr());
  const sim = deps.simulatePreset('retail', 7).table;
  const { table, options } = calls[0];
  assert.deepEqual(table, sim);
  assert.equal(options.outDir, join(dir, 'out', 'demo'));
  assert.equal(options.iterations, 50);
  assert.equal(options.seed, 7);
  assert.match(cap.stderr(), /outputs are in out\/demo/);
});

test('--version prints the package version', async () => {
  const cap = captureIo(tempDir());
  assert.equal(await runCli(['--version'], cap.io, fakeDeps([])), 0);
  assert.match(cap.stdout(), /^\d+\.\d+\.\d+\n$/);
});
