import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsvText } from '../read/read-csv.ts';
import { DataError } from '../issue.ts';
import { parseConfigText } from './load-config.ts';
import { configSpec, configToRun } from './config-to-run.ts';
import { tableFromConfig } from './table-from-config.ts';

const N = 20;
const dates = Array.from({ length: N }, (_, i) => new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10));
const csv = parseCsvText([
  'week,sales,tv_cost,tv_grps,search_spend,temperature_c',
  ...dates.map((d, i) => `${d},${1000 + 37 * i - (i % 4) * 11},${(i % 3) * 50},${(i % 3) * 5},${20 + i},${10 + (i % 5)}`),
].join('\n'), 'sales.csv');

function config(extra = ''): string {
  return `version: 1
data: { path: sales.csv }
columns:
  target: sales
  channels:
    - { name: tv, spend: tv_cost, exposure: tv_grps }
    - { name: search, spend: search_spend }
  controls:
    - { name: temp, column: temperature_c, sign: positive }
${extra}`;
}

function build(text: string) {
  const loaded = parseConfigText(text, 'mixwise.yaml', '/p');
  return tableFromConfig(csv, loaded, configToRun(loaded));
}

test('channels and controls take the config names; exposure is read; roles report the names', () => {
  const { table, roles } = build(config());
  assert.deepEqual(table.channels.map((c) => [c.name, c.column]), [['tv', 'tv_cost'], ['search', 'search_spend']]);
  assert.deepEqual(Array.from(table.channels[0].exposure ?? []).slice(0, 4), [0, 5, 10, 0]);
  assert.equal(table.channels[1].exposure, undefined);
  assert.deepEqual(table.controls.map((c) => [c.name, c.sign]), [['temp', 'positive']]);
  assert.deepEqual(Array.from(table.controls[0].values).slice(0, 3), [10, 11, 12]);
  assert.deepEqual(roles.channels, [{ name: 'tv', column: 'tv_cost' }, { name: 'search', column: 'search_spend' }]);
});

test('a mapped exposure column is not called unused: the warning says it is carried into the table and not modelled', () => {
  const { warnings } = build(config());
  const unused = warnings.filter((w) => w.code === 'UNUSED_COLUMNS');
  assert.equal(unused.length, 1);
  assert.equal(unused[0].message, 'mapped as exposure, carried into the modeling table but not modelled (their channels are modelled on spend): tv_grps');
  assert.match(unused[0].hint ?? '', /media: exposure/);
  assert.doesNotMatch(unused[0].message, /not used by the model: tv_grps|named like media exposure/);
});

test('with other unused columns, the mapped exposure is named apart from them', () => {
  const wide = parseCsvText([
    'week,sales,tv_cost,tv_grps,search_spend,temperature_c,price',
    ...dates.map((d, i) => `${d},${1000 + 37 * i - (i % 4) * 11},${(i % 3) * 50},${(i % 3) * 5},${20 + i},${10 + (i % 5)},${3 + (i % 7) / 10}`),
  ].join('\n'), 'sales.csv');
  const loaded = parseConfigText(config(), 'mixwise.yaml', '/p');
  const unused = tableFromConfig(wide, loaded, configToRun(loaded)).warnings.filter((w) => w.code === 'UNUSED_COLUMNS');
  assert.equal(unused.length, 1);
  assert.equal(unused[0].message, 'numeric columns not used by the model: price; mapped as exposure, carried into the modeling table but not modelled (their channels are modelled on spend): tv_grps');
});

test('media: exposure (per channel or under model:): the exposure column is modelled, so no warning names it; the spec asks for it', () => {
  for (const text of [config().replace('exposure: tv_grps }', 'exposure: tv_grps, media: exposure }'), config('model: { media: exposure }\n')]) {
    const loaded = parseConfigText(text, 'mixwise.yaml', '/p');
    const run = configToRun(loaded);
    const { table, warnings } = tableFromConfig(csv, loaded, run);
    assert.equal(warnings.filter((w) => w.code === 'UNUSED_COLUMNS').length, 0);
    assert.equal(table.channels[0].exposureColumn, 'tv_grps');
    assert.deepEqual(configSpec(run, table).channels?.map((c) => c.media), ['exposure', undefined]);
  }
});

test('a channel\'s media: exposure without an exposure column: CONFIG_INVALID at the key, naming the channel', () => {
  const channel = issuesOf(config().replace('search_spend }', 'search_spend, media: exposure }'));
  assert.match(channel.map((i) => i.message).join('\n'), /channel search is to be modelled on its exposure \(media: exposure\) but has no exposure column/);
  // model.media: exposure with none mapped is left to the fit, which pairs columns by name.
  assert.equal(build(config().replace(', exposure: tv_grps', '') + 'model: { media: exposure }\n').table.channels[0].exposure, undefined);
});

function issuesOf(text: string) {
  try {
    build(text);
  } catch (err) {
    assert.ok(err instanceof DataError);
    return err.issues.filter((i) => i.severity === 'error');
  }
  assert.fail('expected a DataError');
}

test('a config that does not fit the data: errors at the config lines', () => {
  const granularity = issuesOf(config('granularity: daily\n'));
  assert.deepEqual(granularity.map((i) => [i.code, i.at.file, i.at.row]), [['CONFIG_DATA_MISMATCH', 'mixwise.yaml', 10]]);
  assert.match(granularity[0].message, /the config says daily but the data is weekly/);
  // 20 periods: a holdout of 9 leaves 11 < 12
  const holdout = issuesOf(config('holdout: 9\n'));
  assert.deepEqual(holdout.map((i) => [i.at.row, i.message]), [[10, 'holdout: holding out 9 periods leaves 11 of 20 to fit; at least 12 are needed']]);
  assert.equal(issuesOf(config('window: { start: 2024-03-01 }\n'))[0].at.row, 10);
  const lift = issuesOf(config('calibration:\n  lift_tests:\n    - { channel: tv, start: 2025-01-06, end: 2025-02-03, lift: 10 }\n'));
  assert.deepEqual(lift.map((i) => [i.at.row, (i as { key?: string }).key]), [[12, 'calibration.lift_tests[0].start']]);
  assert.equal(build(config('holdout: 8\n')).table.dates.length, N);
});

test('a config lift test for a channel that spent nothing on its dates is refused at its line; one spending week is enough', () => {
  // tv spends (i % 3) · 50: nothing in week 3 (2024-01-22), 50 in week 4.
  const none = issuesOf(config('calibration:\n  lift_tests:\n    - { channel: tv, start: 2024-01-22, end: 2024-01-28, lift: 10 }\n'));
  assert.deepEqual(none.map((i) => [i.code, i.at.file, i.at.row, (i as { key?: string }).key]), [['CONFIG_DATA_MISMATCH', 'mixwise.yaml', 12, 'calibration.lift_tests[0].start']]);
  assert.equal(none[0].message, 'calibration.lift_tests[0].start: tv spent nothing in 2024-01-22 … 2024-01-28');
  assert.match(none[0].hint, /a lift test measures the effect of the spend in its window; check the dates or the channel/);
  assert.equal(build(config('calibration:\n  lift_tests:\n    - { channel: tv, start: 2024-01-22, end: 2024-01-29, lift: 10 }\n')).table.dates.length, N);
});

test('data errors keep their own locations; a missing exposure column is named', () => {
  const missing = issuesOf(config().replace('tv_grps', 'tv_impressions'));
  assert.deepEqual(missing.map((i) => [i.code, i.at.column]), [['MISSING_COLUMN', 'tv_impressions']]);
  const target = issuesOf(config().replace('target: sales', 'target: revenue'));
  assert.deepEqual(target.map((i) => [i.code, i.at.file, i.at.column]), [['MISSING_COLUMN', 'sales.csv', 'revenue']]);
});

test('a config lift test naming geos on this national table is refused at its line; its geos reach the engine\'s test', () => {
  const geo = issuesOf(config('calibration:\n  lift_tests:\n    - { channel: tv, start: 2024-01-29, end: 2024-02-05, lift: 10, geos: [north] }\n'));
  assert.deepEqual(geo.map((i) => [i.code, i.at.row, (i as { key?: string }).key]), [['CONFIG_DATA_MISMATCH', 12, 'calibration.lift_tests[0].geos']]);
  assert.match(geo[0].message, /names geos \(north\), but the fit is national/);
  const loaded = parseConfigText(config('calibration:\n  lift_tests:\n    - { channel: tv, start: 2024-01-29, end: 2024-02-05, lift: 10, geos: [north, south] }\n'), 'mixwise.yaml', '/p');
  assert.deepEqual(configToRun(loaded).liftTests[0].geos, ['north', 'south']);
});
