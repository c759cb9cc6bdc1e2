// `fit --refresh` with configs: a control a config renamed is found again by its column, `--config`
// goes with `--refresh` (flag > config > previous run > default), and `--rename` renames exposure columns.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inProcessCli, QUICK_FIT } from '../../test/in-process-cli.ts';

const { dir, mixwise, json } = inProcessCli('mixwise-refresh-config-');
const QUICK = QUICK_FIT;
const lines = (): string[][] => readFileSync(join(dir, 'sim', 'data.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
const write = (name: string, rows: readonly string[][]): string => {
  writeFileSync(join(dir, name), rows.map((l) => l.join(',')).join('\n') + '\n');
  return name;
};
const firstRows = (n: number, name: string): string => write(name, lines().slice(0, n + 1));
type Term = { name: string; kind: string; column?: string; sign?: string };

before(async () => {
  assert.equal((await mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', 'sim'])).code, 0);
  firstRows(104, 'd104.csv');
  firstRows(120, 'd120.csv');
  // The control `price` named `cost` by the config; seasonality 1 and one trend changepoint.
  writeFileSync(join(dir, 'c104.yaml'), 'version: 1\ndata: { path: d104.csv }\ncolumns:\n  target: revenue\n  controls:\n    - { name: cost, column: price, sign: negative }\n'
    + '  events: [promo, black_friday, christmas, easter]\nmodel: { seasonality: 1, changepoints: 1 }\n');
  const first = await mixwise(['fit', '--config', 'c104.yaml', ...QUICK, '--out', 'c104']);
  assert.equal(first.code, 0, first.stderr);
});

test('a control a config named otherwise is recorded with its column and refreshed by it, without the config', async () => {
  const prev = json('c104/model.json');
  const cost = prev.baseline.find((b: Term) => b.kind === 'control');
  assert.deepEqual([cost.name, cost.column, cost.sign], ['cost', 'price', 'negative']);
  const r = await mixwise(['fit', 'd120.csv', '--refresh', 'c104', ...QUICK, '--out', 'c120']);
  assert.equal(r.code, 0, r.stderr);
  const controls = json('c120/model.json').baseline.filter((b: Term) => b.kind === 'control');
  // Without the config the control is named after its column; its sign is inherited.
  assert.deepEqual(controls.map((b: Term) => [b.name, b.column, b.sign]), [['price', 'price', 'negative']]);
});

test('--refresh with --config: the config wins over the previous run where it gives a setting, a flag over both, the rest is inherited', async () => {
  writeFileSync(join(dir, 'r120.yaml'), 'version: 1\ndata: { path: d120.csv }\ncolumns:\n  target: revenue\n'
    + 'model: { seasonality: 0, roi_prior: { median: 2, sd_log: 0.5 } }\n');
  const r = await mixwise(['fit', '--config', 'r120.yaml', '--refresh', 'c104', '--roi-prior', '1.5,0.7', ...QUICK, '--out', 'rc120']);
  assert.equal(r.code, 0, r.stderr);
  const prev = json('c104/model.json'), m = json('rc120/model.json');
  assert.equal(m.spec.seasonalityOrder, 0, 'the config\'s seasonality over the previous run\'s 1');
  assert.equal(m.spec.trend.changepoints, 1, 'changepoints inherited (the config gives none)');
  assert.deepEqual(m.spec.search.roiPrior, { median: 1.5, sdLog: 0.7 }, 'the flag over the config');
  // Columns the config leaves out are inherited: the control with its sign, the events.
  assert.deepEqual(m.baseline.filter((b: Term) => b.kind === 'control').map((b: Term) => [b.column, b.sign]), [['price', 'negative']]);
  assert.deepEqual(m.baseline.filter((b: Term) => b.kind === 'event').map((b: Term) => b.name), ['promo', 'black_friday', 'christmas', 'easter']);
  // The curves are searched near the previous values, as without a config.
  assert.equal(m.refresh.boundWidth, 0.2);
  m.channels.forEach((c: { name: string; adstock: { type: string } }, i: number) => {
    assert.equal(c.adstock.type, prev.channels[i].adstock.type);
    assert.ok(m.spec.channels[i].bounds.saturation !== undefined, `${c.name}: narrowed saturation bounds`);
  });
  assert.ok(json('rc120/summary.json').refresh.comparison !== undefined);
});

test('--refresh with --config: a config curve family replaces the inherited one and its narrowed bounds; another KPI is RUN_MISMATCH naming the config', async () => {
  writeFileSync(join(dir, 'fam.yaml'), 'version: 1\ndata: { path: d120.csv }\ncolumns:\n  target: revenue\n  channels:\n'
    + ['tv', 'ooh', 'search', 'social', 'display'].map((c) => `    - { name: ${c}, spend: ${c}_spend${c === 'tv' ? ', adstock: geometric, bounds: { adstock: { alpha: [0.1, 0.3] } }' : ''} }\n`).join(''));
  const r = await mixwise(['fit', '--config', 'fam.yaml', '--refresh', 'c104', ...QUICK, '--out', 'fam120']);
  assert.equal(r.code, 0, r.stderr);
  const m = json('fam120/model.json'), prev = json('c104/model.json');
  const tv = m.spec.channels.find((c: { name: string }) => c.name === 'tv');
  assert.deepEqual([tv.adstock, tv.bounds.adstock], ['geometric', { alpha: [0.1, 0.3] }]);
  assert.ok(tv.bounds.saturation !== undefined, 'the saturation the config leaves alone stays narrowed');
  const ooh = m.spec.channels.find((c: { name: string }) => c.name === 'ooh');
  assert.equal(ooh.adstock, prev.channels.find((c: { name: string }) => c.name === 'ooh').adstock.type);
  writeFileSync(join(dir, 'price.yaml'), 'version: 1\ndata: { path: d120.csv }\ncolumns:\n  target: price\n');
  const bad = await mixwise(['fit', '--config', 'price.yaml', '--refresh', 'c104', ...QUICK, '--out', 'bad']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /columns\.target: price in the config price\.yaml is not the KPI of the previous run c104, which models revenue/);
});

test('--rename renames an exposure column: the channel stays on exposure, paired with the renamed column', async () => {
  const [header, ...rows] = lines();
  const tv = header.indexOf('tv_spend');
  const withImpressions = (n: number, column: string): string[][] => [[...header, column], ...rows.slice(0, n).map((r, i) => [...r, String(Math.round(Number(r[tv]) * 120 + 10 * (i % 7)))])];
  const first = await mixwise(['fit', write('e104.csv', withImpressions(104, 'tv_impressions')), '--target', 'revenue', '--media', 'exposure', ...QUICK, '--out', 'e104']);
  assert.equal(first.code, 0, first.stderr);
  write('e120.csv', withImpressions(120, 'tv_imps'));
  const r = await mixwise(['fit', 'e120.csv', '--refresh', 'e104', '--rename', 'tv_impressions=tv_imps', ...QUICK, '--out', 'e120']);
  assert.equal(r.code, 0, r.stderr);
  const m = json('e120/model.json');
  assert.equal(m.channels.find((c: { name: string }) => c.name === 'tv').media.column, 'tv_imps');
  // Without the rename, the missing column is named with the way to rename it.
  const bad = await mixwise(['fit', 'e120.csv', '--refresh', 'e104', ...QUICK, '--out', 'e-bad']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /column tv_impressions \(channel tv's exposure in the previous run e104\) is not in the new data e120\.csv/);
  assert.match(bad.stderr, /--rename tv_impressions=NEW/);
});
