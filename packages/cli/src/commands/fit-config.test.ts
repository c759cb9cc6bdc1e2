// In-process tests of `mixwise fit --config`: what reaches runFit (the fit itself is faked).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelingTable } from '@mixwise/engine';
import type { FitRunOptions } from './fit-run.ts';
import { runCli } from '../program.ts';
import { captureIo } from '../../test/capture-io.ts';
import { csvText, spendCsv } from '../../test/spend-csv.ts';
import { recordingFit } from '../../test/fake-fit.ts';

const dir = mkdtempSync(join(tmpdir(), 'mixwise-fitcfg-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// 30 weeks from 2024-01-01: date, sales, tv_spend, search_spend, price
writeFileSync(join(dir, 'data.csv'), csvText(spendCsv(30)));

const CONFIG = `version: 1
data: { path: data.csv }
columns:
  target: sales
  channels:
    - { name: tv, spend: tv_spend, adstock: weibull-cdf, bounds: { adstock: { scale: [1, 5] } } }
    - { name: search, spend: search_spend }
  controls:
    - { name: price, sign: negative }
window: { start: 2024-01-15 }
holdout: 8
model: { adstock: geometric, max_lag: 6, seasonality: 1, changepoints: 1 }
search: { iterations: 900, seed: 3, trials: 2 }
`;
writeFileSync(join(dir, 'mixwise.yaml'), CONFIG);

const fake = recordingFit;

test('fit --config: data, roles and model settings come from the config (DATA and --target not needed)', async () => {
  const calls: { table: ModelingTable; options: FitRunOptions }[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'mixwise.yaml', '--out', 'o'], cap.io, fake(calls)), 0, cap.stderr());
  const { table, options } = calls[0];
  assert.equal(options.dataPath, 'data.csv');
  assert.deepEqual(table.controls.map((c) => [c.name, c.sign]), [['price', 'negative']]);
  assert.deepEqual([options.holdout, options.seed, options.iterations], [8, 3, 900]);
  assert.deepEqual(options.window, { start: 2, end: 30 }, '2024-01-15 is the third Monday');
  const spec = options.configSpec;
  assert.deepEqual(spec?.channels, [
    { name: 'tv', adstock: 'weibull-cdf', maxLag: 6, saturation: 'hill', bounds: { adstock: { scale: [1, 5] } } },
    { name: 'search', adstock: 'geometric', maxLag: 6, saturation: 'hill' },
  ]);
  assert.equal(spec?.seasonalityOrder, 1);
  assert.equal(spec?.trend?.changepoints, 1);
  assert.equal(spec?.search?.trials, 2);
});

test('flags override the config: --holdout, --seed, --start, --controls (with their own signs), DATA', async () => {
  writeFileSync(join(dir, 'other.csv'), csvText(spendCsv(40)));
  const calls: { table: ModelingTable; options: FitRunOptions }[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', 'other.csv', '--config', 'mixwise.yaml', '--holdout', '4', '--seed', '9', '--start', '2024-01-01',
    '--controls', 'price', '--adstock', 'delayed', '--out', 'o'], cap.io, fake(calls)), 0, cap.stderr());
  const { table, options } = calls[0];
  assert.equal(table.dates.length, 40);
  assert.deepEqual([options.holdout, options.seed, options.iterations], [4, 9, 900]);
  assert.deepEqual(options.window, { start: 0, end: 40 });
  assert.deepEqual(table.controls.map((c) => [c.name, c.sign]), [['price', 'free']]);
  assert.equal(options.model?.adstock, 'delayed', 'the model flag is passed on; runFit applies it over configSpec');
});

test('a config holdout too long for the data is bad input at its line; a flag overriding it is not checked against it', async () => {
  writeFileSync(join(dir, 'long.yaml'), CONFIG.replace('holdout: 8', 'holdout: 20'));
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'long.yaml', '--out', 'o'], cap.io, fake([])), 1);
  // the window 2024-01-15 … holds 28 periods
  assert.match(cap.stderr(), /long\.yaml:11: holdout: holding out 20 periods leaves 8 of 28 to fit/);
  assert.equal(await runCli(['fit', '--config', 'long.yaml', '--holdout', '2', '--out', 'o'], captureIo(dir).io, fake([])), 0);
});

test('fit without DATA and without --config, or without --target: usage errors (2)', async () => {
  const a = captureIo(dir);
  assert.equal(await runCli(['fit', '--target', 'sales', '--out', 'o'], a.io, fake([])), 2);
  assert.match(a.stderr(), /missing required argument 'data'/);
  const b = captureIo(dir);
  assert.equal(await runCli(['fit', 'data.csv', '--out', 'o'], b.io, fake([])), 2);
  assert.match(b.stderr(), /--target/);
});

test('--roi-prior none reaches runFit as null, not the empty string commander stores for a null parse', async () => {
  const calls: { table: ModelingTable; options: FitRunOptions }[] = [];
  const cap = captureIo(dir);
  assert.equal(await runCli(['fit', '--config', 'mixwise.yaml', '--roi-prior', 'none', '--out', 'o'], cap.io, fake(calls)), 0, cap.stderr());
  assert.equal(calls[0].options.model?.roiPrior, null);
  const given: { table: ModelingTable; options: FitRunOptions }[] = [];
  assert.equal(await runCli(['fit', '--config', 'mixwise.yaml', '--roi-prior', '2,0.5', '--out', 'o'], captureIo(dir).io, fake(given)), 0);
  assert.deepEqual(given[0].options.model?.roiPrior, { median: 2, sdLog: 0.5 });
});
