// End to end on the simulator's own B2B long file (one row per date × geo × product, docs/cli.md):
// validate reads it as one panel keyed on geo and product, fit --clean sum_panel adds it up to the
// national series the simulator wrote as data.csv (controls and events included), and init writes a
// config that does the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mixwise, readSimpleCsv, tempDir } from './run-mixwise.ts';

const dir = tempDir('mixwise-b2b-long-');
const sim = join(dir, 'sim');
const LONG = join(sim, 'long.csv');
before(() => {
  const run = mixwise(['simulate', '--preset', 'b2b', '--seed', '3', '--out', sim]);
  assert.equal(run.status, 0, run.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A column of a simple CSV by date. */
function byDate(path: string, column: string): Map<string, number> {
  const { header, rows } = readSimpleCsv(path);
  const j = header.indexOf(column);
  assert.ok(j >= 0, `${column} in ${path}`);
  return new Map(rows.map((r) => [r[0], Number(r[j])]));
}

/** Each date's value equals the simulator's national data.csv, to the rounding of the 16 summed cents. */
function assertNational(got: Map<string, number>, column: string): void {
  const want = byDate(join(sim, 'data.csv'), column);
  assert.equal(got.size, 208);
  assert.deepEqual([...got.keys()], [...want.keys()]);
  for (const [date, value] of got) assert.ok(Math.abs(value - (want.get(date) ?? Number.NaN)) <= 0.1, `${column} on ${date}: ${value} vs ${want.get(date)}`);
}

test('validate long.csv: one PANEL_DATA error naming geo and product (not a DUPLICATE_DATE per row), outlier checks skipped', () => {
  const run = mixwise(['validate', LONG, '--target', 'revenue']);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /✖ 1 error\n/);
  assert.match(run.stderr, /column "geo": every date has 16 rows, one per combination of "geo" and "product" \(APAC × analytics, APAC × platform, /);
  assert.match(run.stderr, /mixwise fit --clean sum_panel=geo\+product, or "cleaning: \[\{ sum_panel: \{ column: \[geo, product\] \} \}\]" in mixwise\.yaml/);
  assert.match(run.stderr, /note: skipped outlier checks \(EXTREME_OUTLIER\): the file is a panel, one row per date and geo × product/);
  assert.doesNotMatch(run.stderr, /DUPLICATE_DATE|already appears|EXTREME_OUTLIER warning|robust standard deviations/);
});

test('fit long.csv --clean sum_panel: the summed revenue and spend equal data.csv per date, each summed cell logged', () => {
  const out = join(dir, 'fit');
  const run = mixwise(['fit', LONG, '--target', 'revenue', '--clean', 'sum_panel', '--iterations', '600', '--workers', '1', '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  assertNational(byDate(join(out, 'decomposition.csv'), 'actual'), 'revenue');
  const changes = readSimpleCsv(join(out, 'changes.csv'));
  const [column, before, after, reason] = ['column', 'before', 'after', 'reason'].map((h) => changes.header.indexOf(h));
  const revenue = changes.rows.filter((r) => r[column] === 'revenue');
  assert.equal(revenue.length, 208);
  assert.equal(revenue[0][before].split(' + ').length, 16);
  assert.equal(revenue[0][reason], 'sum of the 16 geo × product rows of this date');
  assertNational(new Map(revenue.map((r) => [r[3], Number(r[after])])), 'revenue');
  const spend = changes.rows.filter((r) => r[column] === 'linkedin_spend');
  assertNational(new Map(spend.map((r) => [r[3], Number(r[after])])), 'linkedin_spend');
  // The national control and events, repeated on every row of long.csv, come back as data.csv's:
  // the control averaged, the events by their largest value (not summed 16-fold).
  const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as { dates: string[]; baseline: { name: string; kind: string; values: number[] }[] };
  const terms = model.baseline.filter((b) => b.kind === 'control' || b.kind === 'event').map((b) => [b.name, b.kind]);
  assert.deepEqual(terms, [['thanksgiving', 'event'], ['christmas', 'event'], ['year_end', 'event'], ['market_index', 'control']]);
  for (const name of ['market_index', 'thanksgiving', 'christmas', 'year_end']) {
    const want = byDate(join(sim, 'data.csv'), name);
    const got = model.baseline.find((b) => b.name === name)?.values ?? [];
    model.dates.forEach((d, t) => assert.ok(Math.abs(got[t] - (want.get(d) ?? Number.NaN)) <= 1e-9, `${name} on ${d}: ${got[t]} vs ${want.get(d)}`));
  }
});

test('fit --clean sum_panel=geo names both key columns in one error; init writes sum_panel { column: [geo, product] }, which prepare runs', () => {
  const one = mixwise(['fit', LONG, '--target', 'revenue', '--clean', 'sum_panel=geo', '--out', join(dir, 'geo')]);
  assert.equal(one.status, 1);
  assert.match(one.stderr, /✖ 1 error\n.*the file has one row per date, "geo" and "product".*\n\s+fix: name every key column \(mixwise fit --clean sum_panel=geo\+product/);
  const config = join(dir, 'mixwise.yaml');
  const init = mixwise(['init', LONG, '--target', 'revenue', '--out', config]);
  assert.equal(init.status, 0, init.stderr);
  assert.match(init.stderr, /5 channels.*the rows of each date added up over geo × product \(cleaning: sum_panel\)/);
  assert.match(readFileSync(config, 'utf8'), /^cleaning:\n {2}- sum_panel: \{ column: \[geo, product\] \}$/m);
  const prepared = join(dir, 'prepared');
  const prep = mixwise(['prepare', '--config', config, '--out', prepared]);
  assert.equal(prep.status, 0, prep.stderr);
  assertNational(byDate(join(prepared, 'modeling_table.csv'), 'revenue'), 'revenue');
});
