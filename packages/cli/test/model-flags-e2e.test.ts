// End-to-end: the model-choice flags of `fit` reach the engine and show up in model.json.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liftEffect, liftTestRows } from '@mixwise/engine';
import { mixwise, tempDir } from './run-mixwise.ts';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

test('--adstock, --max-lag, --saturation, --seasonality, --changepoints, --start/--end shape the model', () => {
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '4', '--out', join(dir, 'sim')]);
  assert.equal(sim.status, 0, sim.stderr);
  const fit = mixwise(['fit', join(dir, 'sim', 'data.csv'), '--target', 'revenue', '--adstock', 'geometric', '--max-lag', '10',
    '--saturation', 'michaelis-menten', '--seasonality', '1', '--changepoints', '2', '--start', '2022-03-07', '--end', '2024-06-24',
    '--iterations', '1500', '--workers', '1', '--out', join(dir, 'fit')]);
  assert.equal(fit.status, 0, fit.stderr);
  const model = JSON.parse(readFileSync(join(dir, 'fit', 'model.json'), 'utf8'));
  for (const ch of model.channels) {
    assert.equal(ch.adstock.type, 'geometric');
    assert.equal(ch.maxLag, 10);
    assert.equal(ch.saturation.type, 'michaelis-menten');
  }
  const names = model.baseline.map((b: { name: string }) => b.name);
  assert.deepEqual(names.filter((n: string) => /^(sin|cos)/.test(n)), ['sin1', 'cos1']);
  assert.deepEqual(names.filter((n: string) => n.startsWith('trend')), ['trend', 'trend_cp1', 'trend_cp2']);
  assert.equal(model.dates[model.window.start], '2022-03-07');
  assert.equal(model.dates[model.window.end - 1], '2024-06-24');
  const summary = JSON.parse(readFileSync(join(dir, 'fit', 'summary.json'), 'utf8'));
  assert.equal(summary.periods, model.window.end - model.window.start);
});

test('--changepoints above 50 (the config\'s limit) is a usage error (exit 2) naming the range, as --help does', () => {
  const r = mixwise(['fit', 'x.csv', '--target', 'y', '--changepoints', '60', '--out', join(dir, 'x')]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--changepoints <n>.*expected a whole number from 0 to 50/);
  const help = mixwise(['fit', '--help']);
  assert.match(help.stdout, /--changepoints <n>\s+trend changepoints, 0 to 50/);
});

test('an unknown --adstock family is a usage error (exit 2) listing the choices', () => {
  const r = mixwise(['fit', 'x.csv', '--target', 'y', '--adstock', 'nope', '--out', join(dir, 'x')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /weibull-pdf/);
});

test('--lift-tests calibrates: the posterior includes the test, the chosen model reports MAPE.LIFT, and a bad lift file is exit 1 with its row', () => {
  const sim = join(dir, 'sim');
  const truth = JSON.parse(readFileSync(join(sim, 'truth.json'), 'utf8'));
  const data = readFileSync(join(sim, 'data.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]);
  const tv = truth.contributions.tv as number[];
  const lift = tv.slice(30, 40).reduce((a, b) => a + b, 0);
  writeFileSync(join(dir, 'lift.csv'), `channel,start,end,lift,standard_error\ntv,${data[30]},${data[39]},${lift},${0.1 * lift}\n`);
  const fit = mixwise(['fit', join(sim, 'data.csv'), '--target', 'revenue', '--lift-tests', join(dir, 'lift.csv'),
    '--iterations', '1500', '--workers', '1', '--out', join(dir, 'lift')]);
  assert.equal(fit.status, 0, fit.stderr);
  const model = JSON.parse(readFileSync(join(dir, 'lift', 'model.json'), 'utf8'));
  assert.equal(model.spec.liftTests.length, 1);
  assert.equal(model.spec.liftTests[0].standardError, 0.1 * lift);
  assert.match(model.search.selectionRule, /likelihood of the 1 lift test/);
  const mapeLift = model.search.chosen.objectives[3];
  assert.ok(Number.isFinite(mapeLift) && mapeLift < 0.5, `MAPE.LIFT ${mapeLift}`);
  writeFileSync(join(dir, 'bad-lift.csv'), 'channel,start,end,lift\nradio,2022-01-03,2022-02-07,100\n');
  const bad = mixwise(['fit', join(sim, 'data.csv'), '--target', 'revenue', '--lift-tests', join(dir, 'bad-lift.csv'), '--out', join(dir, 'bad')]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /bad-lift\.csv:2/);
  assert.match(bad.stderr, /radio/);
});

test('simulate --lift-tests writes one experiment per channel that fit --lift-tests reads and calibrates with', () => {
  const out = join(dir, 'sim-lift');
  const sim = mixwise(['simulate', '--preset', 'retail', '--seed', '5', '--out', out, '--lift-tests', '0.1']);
  assert.equal(sim.status, 0, sim.stderr);
  assert.match(sim.stdout, /lift_tests\.csv/);
  const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8'));
  const dates = readFileSync(join(out, 'data.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
  const [header, ...rows] = readFileSync(join(out, 'lift_tests.csv'), 'utf8').trim().split('\n');
  assert.equal(header, 'channel,start,end,measured_through,lift,standard_error');
  assert.deepEqual(rows.map((r) => r.split(',')[0]), truth.channels.map((c: { name: string }) => c.name));
  const data = readFileSync(join(out, 'data.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  for (const r of rows) {
    const [channel, start, end, through, lift, se] = r.split(',');
    // The true lift from truth.json's curves and data.csv's spend: what the 8 test weeks' spend added through measured_through (4 weeks later).
    const c = truth.channels.find((x: { name: string }) => x.name === channel);
    const col = data[0].indexOf(c.column);
    const curve = { spend: data.slice(1).map((d) => Number(d[col])), adstock: c.adstock, maxLag: c.maxLag, saturation: c.saturation, scale: c.scale, coef: c.beta };
    const rowsOf = liftTestRows(dates, { start, end, measuredThrough: through });
    assert.deepEqual([rowsOf.endRow - rowsOf.startRow, rowsOf.measureEndRow - rowsOf.endRow], [8, 4]);
    const exact = liftEffect(curve, rowsOf);
    assert.ok(Math.abs(Number(se) - 0.1 * exact) < 0.01 + 1e-6 * exact, `${channel}: se ${se} vs 10% of ${exact}`);
    assert.ok(Math.abs(Number(lift) - exact) < 4 * Number(se), `${channel}: lift ${lift} vs true ${exact}`);
  }
  const fit = mixwise(['fit', join(out, 'data.csv'), '--target', 'revenue', '--lift-tests', join(out, 'lift_tests.csv'),
    '--iterations', '1500', '--workers', '1', '--out', join(dir, 'fit-lift')]);
  assert.equal(fit.status, 0, fit.stderr);
  const model = JSON.parse(readFileSync(join(dir, 'fit-lift', 'model.json'), 'utf8'));
  assert.equal(model.spec.liftTests.length, truth.channels.length);
  assert.match(model.search.selectionRule, new RegExp(`likelihood of the ${truth.channels.length} lift tests`));
  // summary.json and the printed report compare the model with each test.
  const summary = JSON.parse(readFileSync(join(dir, 'fit-lift', 'summary.json'), 'utf8'));
  assert.deepEqual(summary.lift_tests.map((t: { channel: string; measured: number }) => [t.channel, t.measured]),
    rows.map((r) => [r.split(',')[0], Number(r.split(',')[4])]));
  for (const t of summary.lift_tests) assert.ok(Number.isFinite(t.z) && t.predicted > 0 && t.predicted_interval[0] <= t.predicted_interval[1], JSON.stringify(t));
  assert.match(fit.stdout, /Lift tests \(measured vs the model's lift/);
  const exported = readFileSync(join(dir, 'fit-lift', 'exports', 'csv', 'lift_tests.csv'), 'utf8').trim().split('\n');
  assert.equal(exported[0], 'channel,start_date,end_date,measured_through,measured,standard_error,predicted,predicted_low,predicted_high,z,geos,run_id');
  assert.equal(exported.length, truth.channels.length + 1);
  assert.match(fit.stdout, new RegExp(`${truth.channels[0].name} \\d{4}-\\d{2}-\\d{2}…\\d{4}-\\d{2}-\\d{2} \\(measured through \\d{4}-\\d{2}-\\d{2}\\): measured`));
});
