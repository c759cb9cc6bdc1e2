import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ModelingTable } from '@mixwise/engine';
import { parseConfigText } from './load-config.ts';
import { configSpec, configToRun, windowRows } from './config-to-run.ts';

const FULL_CONFIG = readFileSync(fileURLToPath(new URL('./fixtures/full-config.yaml', import.meta.url)), 'utf8');

const run = configToRun(parseConfigText(FULL_CONFIG, 'mixwise.yaml', '/project'));

/** A weekly table with the config's channel names: 20 Mondays from 2024-01-01. */
function table(channels: string[]): ModelingTable {
  const dates = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10));
  const zeros = new Float64Array(20);
  return {
    dates, frequency: 'weekly', target: { name: 'revenue', kind: 'revenue', values: zeros },
    channels: channels.map((name) => ({ name, column: `${name}_spend`, spend: zeros })), controls: [], events: [],
  };
}

test('roles: spend columns in config order, controls by column with their signs, explicit events', () => {
  assert.deepEqual(run.roles, {
    target: 'revenue', date: 'week', channels: ['tv_spend', 'search_cost'], controls: ['price', 'temperature_c'],
    events: ['black_friday'], controlSigns: { price: 'negative', temperature_c: 'free' }, targetKind: 'revenue',
  });
  assert.equal(run.dataPath, '/project/data/sales.csv');
  assert.deepEqual(run.controls, [{ name: 'price', column: 'price' }, { name: 'temp', column: 'temperature_c' }]);
});

test('channels: snake_case keys become engine names (max_lag → maxLag, half_saturation → halfSaturation)', () => {
  assert.deepEqual(run.channels[0], {
    name: 'tv', spend: 'tv_spend', exposure: 'tv_grps', adstock: 'geometric', maxLag: 8, saturation: 'hill',
    bounds: { adstock: { alpha: [0.1, 0.7] }, saturation: { halfSaturation: [0.5, 2], shape: [1, 3] } },
  });
  assert.deepEqual(run.channels[1], { name: 'search', spend: 'search_cost' });
});

test('spec: channel settings win over model defaults, which win over the engine defaults', () => {
  const spec = configSpec(run, table(['tv', 'search']));
  assert.deepEqual(spec.channels, [
    { name: 'tv', adstock: 'geometric', maxLag: 8, saturation: 'hill', bounds: run.channels[0].bounds },
    { name: 'search', adstock: 'auto', maxLag: 12, saturation: 'logistic' },
  ]);
  assert.equal(spec.seasonalityOrder, 3);
  assert.deepEqual(spec.trend, { linear: true, changepoints: 2 });
  assert.equal(spec.holdout, 8);
  assert.equal(spec.search?.iterations, 1500);
  assert.equal(spec.search?.seed, 7);
  assert.equal(spec.search?.trials, 2);
  assert.equal(spec.search?.bootstrap, 100, 'unset search fields keep the engine default');
  assert.deepEqual(spec.liftTests, [{ channel: 'tv', start: '2024-03-04', end: '2024-04-01', lift: 125000 }]);
  // window 2022-01-03 … 2024-12-30 covers every one of the 20 dates
  assert.deepEqual(spec.window, { start: 0, end: 20 });
});

test('spec of a minimal config: only channels and search, engine defaults for the frequency', () => {
  const minimal = configToRun(parseConfigText('version: 1\ndata: { path: d.csv }\ncolumns: { target: revenue }\n', 'm.yaml', '/p'));
  assert.deepEqual(minimal.roles, { target: 'revenue', controls: [], controlSigns: {} });
  const spec = configSpec(minimal, table(['tv']));
  assert.deepEqual(Object.keys(spec).sort(), ['channels', 'search']);
  assert.deepEqual(spec.channels, [{ name: 'tv', adstock: 'auto', maxLag: 52, saturation: 'hill' }]);
});

test('windowRows: first date on or after start to last on or before end', () => {
  const dates = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'];
  assert.deepEqual(windowRows(dates), { start: 0, end: 4 });
  assert.deepEqual(windowRows(dates, '2024-01-05', '2024-01-15'), { start: 1, end: 3 });
  assert.deepEqual(windowRows(dates, '2024-01-08', '2024-01-15'), { start: 1, end: 3 }, 'bounds on a date are inclusive');
  assert.deepEqual(windowRows(dates, '2024-01-05', '2024-01-20'), { start: 1, end: 3 });
  assert.deepEqual(windowRows(dates, '2025-01-01'), { start: 4, end: 4 });
});

test('a lift test\'s standard_error and measured_through reach the spec as standardError and measuredThrough; without them the fields are absent', () => {
  const text = FULL_CONFIG.replace('lift: 125000 }', 'lift: 125000, standard_error: 30000 }\n    - { channel: tv, start: 2024-05-06, end: 2024-06-03, lift: 90000 }'
    + '\n    - { channel: tv, start: 2024-07-01, end: 2024-07-29, measured_through: 2024-08-26, lift: 80000 }');
  const spec = configSpec(configToRun(parseConfigText(text, 'mixwise.yaml', '/project')), table(['tv', 'search']));
  assert.deepEqual(spec.liftTests, [
    { channel: 'tv', start: '2024-03-04', end: '2024-04-01', lift: 125000, standardError: 30000 },
    { channel: 'tv', start: '2024-05-06', end: '2024-06-03', lift: 90000 },
    { channel: 'tv', start: '2024-07-01', end: '2024-07-29', measuredThrough: '2024-08-26', lift: 80000 },
  ]);
});

test('model.roi_prior: a prior becomes search.roiPrior { median, sdLog }, none becomes null, absent leaves the engine default', () => {
  const withPrior = (line: string) => {
    const text = FULL_CONFIG.replace(/^model:\n/m, `model:\n  roi_prior: ${line}\n`);
    assert.notEqual(text, FULL_CONFIG, 'the fixture has a model: block');
    return configSpec(configToRun(parseConfigText(text, 'mixwise.yaml', '/project')), table(['tv', 'search'])).search;
  };
  assert.deepEqual(withPrior('{ median: 3, sd_log: 0.5 }')?.roiPrior, { median: 3, sdLog: 0.5 });
  assert.equal(withPrior('none')?.roiPrior, null);
  assert.equal(Object.hasOwn(configSpec(run, table(['tv', 'search'])).search ?? {}, 'roiPrior'), false);
  assert.throws(() => parseConfigText(FULL_CONFIG.replace(/^model:\n/m, 'model:\n  roi_prior: { median: 0, sd_log: 1 }\n'), 'mixwise.yaml', '/project'), /roi_prior/);
});

test('model.method and model.bayes reach the spec; absent, the spec has neither (ridge); draws below 4 are refused', () => {
  const spec = (lines: string) => {
    const text = FULL_CONFIG.replace(/^model:\n/m, `model:\n${lines}`);
    return configSpec(configToRun(parseConfigText(text, 'mixwise.yaml', '/project')), table(['tv', 'search']));
  };
  const bayes = spec('  method: bayes\n  bayes: { chains: 2, draws: 300 }\n');
  assert.equal(bayes.method, 'bayes');
  assert.deepEqual(bayes.bayes, { chains: 2, draws: 300 });
  const plain = configSpec(run, table(['tv', 'search']));
  assert.equal(Object.hasOwn(plain, 'method') || Object.hasOwn(plain, 'bayes'), false);
  assert.throws(() => spec('  method: bayes\n  bayes: { draws: 3 }\n'), /draws/);
});
