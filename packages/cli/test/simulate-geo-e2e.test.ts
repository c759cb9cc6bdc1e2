// End to end on the geo preset: simulate writes a long data.csv (one row per date and geo) and a
// truth.json with per-geo truth that reconciles with it, and fit --clean sum_panel adds the file up
// to the national series (the national fit a geo-level fit is compared against).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, readSimpleCsv, tempDir } from './run-mixwise.ts';

interface Truth {
  preset: string; seed: number; nTimes: number; start: string;
  channels: { name: string; spend: number; contribution: number; roi: number }[];
  geo: { column: string; sizeColumn?: string; geos: { name: string; size: number; share: number; kpi: number; population?: number; channels: { name: string; spend: number; contribution: number }[] }[] };
}

const dir = tempDir('mixwise-geo-sim-');
const sim = join(dir, 'sim');
const DATA = join(sim, 'data.csv');
before(() => {
  const run = mixwise(['simulate', '--preset', 'geo', '--seed', '5', '--out', sim]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /simulated preset geo \(seed 5\): 156 weekly periods .*; 20 values of geo, one row per date and geo in data\.csv\n/);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Per date, the sum of a column over the geo rows of data.csv. */
function nationalSums(column: string): Map<string, number> {
  const { header, rows } = readSimpleCsv(DATA);
  const j = header.indexOf(column);
  assert.ok(j >= 0, column);
  const out = new Map<string, number>();
  for (const r of rows) out.set(r[0], (out.get(r[0]) ?? 0) + Number(r[j]));
  return out;
}

test('data.csv is long: date, geo, revenue, each <channel>_spend, the controls and events and each geo\'s population, 20 rows a date; truth.json per geo agrees with it', () => {
  const { header, rows } = readSimpleCsv(DATA);
  assert.deepEqual(header, ['date', 'geo', 'revenue', 'tv_spend', 'online_video_spend', 'search_spend', 'social_spend', 'display_spend', 'price', 'competitor_index', 'black_friday', 'christmas', 'population']);
  assert.equal(rows.length, 156 * 20);
  assert.deepEqual(rows.slice(0, 20).map((r) => r[0]), Array(20).fill('2022-01-03'));
  const truth = JSON.parse(readFileSync(join(sim, 'truth.json'), 'utf8')) as Truth;
  assert.equal(truth.preset, 'geo');
  assert.equal(truth.seed, 5);
  assert.equal(truth.geo.column, 'geo');
  assert.deepEqual(truth.geo.geos.map((g) => g.name), rows.slice(0, 20).map((r) => r[1]));
  // Each geo's KPI and spend totals in the file are the truth's (the file is the truth's data, to the cent).
  truth.geo.geos.forEach((g) => {
    const mine = rows.filter((r) => r[1] === g.name);
    // The size column: the geo's population on every one of its rows, as truth.json gives it.
    assert.deepEqual([...new Set(mine.map((r) => Number(r[12])))], [g.population], `${g.name} population`);
    const kpi = mine.reduce((a, r) => a + Number(r[2]), 0);
    assert.ok(Math.abs(kpi - g.kpi) < 0.01 * mine.length, `${g.name} KPI ${kpi} vs ${g.kpi}`);
    g.channels.forEach((c, i) => {
      const spend = mine.reduce((a, r) => a + Number(r[3 + i]), 0);
      assert.ok(Math.abs(spend - c.spend) < 0.01 * mine.length, `${g.name} ${c.name}`);
    });
  });
  truth.channels.forEach((c, i) => {
    assert.ok(Math.abs(c.contribution - truth.geo.geos.reduce((a, g) => a + g.channels[i].contribution, 0)) < 1e-6 * c.contribution, c.name);
    assert.ok(Math.abs(c.roi - c.contribution / c.spend) < 1e-12, c.name);
  });
});

test('fit data.csv --clean sum_panel fits the national roll-up: actual revenue per date is the sum over geos', () => {
  const out = join(dir, 'fit');
  const run = mixwise(['fit', DATA, '--target', 'revenue', '--clean', 'sum_panel', '--iterations', '600', '--workers', '1', '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const want = nationalSums('revenue');
  const { header, rows } = readSimpleCsv(join(out, 'decomposition.csv'));
  const actual = header.indexOf('actual');
  assert.equal(rows.length, 156);
  for (const r of rows) assert.ok(Math.abs(Number(r[actual]) - (want.get(r[0]) ?? Number.NaN)) <= 0.1, `${r[0]}: ${r[actual]} vs ${want.get(r[0])}`);
  const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as { channels: { name: string; spend: number[] }[]; baseline: { name: string; kind: string }[] };
  assert.deepEqual(model.channels.map((c) => c.name), ['tv', 'online_video', 'search', 'social', 'display']);
  const tv = nationalSums('tv_spend');
  const dates = [...tv.keys()];
  model.channels[0].spend.forEach((v, t) => assert.ok(Math.abs(v - (tv.get(dates[t]) ?? Number.NaN)) <= 0.1, `tv ${dates[t]}`));
  // Both controls, the national price and the per-geo competitor index, come back as (averaged) controls.
  assert.deepEqual(model.baseline.filter((b) => b.kind === 'control').map((b) => b.name).sort(), ['competitor_index', 'price']);
});
