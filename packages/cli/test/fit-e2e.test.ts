// End-to-end: simulate a retail data set, fit it with the real launcher, and check every file the
// fit writes against the contract in ARCHITECTURE.md and against the input data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { mixwise, readSimpleCsv, tempDir, type MixwiseRun } from './run-mixwise.ts';

const dir = tempDir();
const data = join(dir, 'sim', 'data.csv');
const out1 = join(dir, 'fit-w1');
const out2 = join(dir, 'fit-w2');
const outHoldout = join(dir, 'fit-holdout');
const runs: Record<string, MixwiseRun> = {};
const FIT = ['fit', data, '--target', 'revenue', '--iterations', '2000', '--seed', '7'];

before(() => {
  runs.simulate = mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', join(dir, 'sim')]);
  runs.workers1 = mixwise([...FIT, '--workers', '1', '--out', out1]);
  runs.workers2 = mixwise([...FIT, '--workers', '2', '--out', out2]);
  runs.holdout = mixwise(['fit', data, '--target', 'revenue', '--iterations', '1500', '--holdout', '13', '--workers', '1', '--json', '--out', outHoldout]);
  // The reviewer's case: the preset's price (truly negative) and promo (truly positive) constrained the wrong way.
  runs.wrongSigns = mixwise(['fit', data, '--target', 'revenue', '--controls', 'price,promo', '--control-signs', 'price=positive,promo=negative',
    '--iterations', '2000', '--seed', '7', '--workers', '1', '--out', join(dir, 'fit-wrong-signs')]);
  runs.tiny = mixwise(['fit', data, '--target', 'revenue', '--iterations', '50', '--workers', '1', '--json', '--out', join(dir, 'fit-tiny')]);
  console.log(`e2e timings (ms): ${Object.entries(runs).map(([k, r]) => `${k} ${r.ms.toFixed(0)}`).join(', ')}`);
});

after(() => rmSync(dir, { recursive: true, force: true }));

const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

interface ChannelOut {
  name: string; spend: number; contribution: number; roi: number; mroi: number; share_of_spend: number; share_of_effect: number; roi_interval: [number, number] | null;
  effect_timing: { peak_lag: number; lag_50: number; lag_90: number; period: string };
}
interface SummaryOut { target: string; periods: number; window: { start: string; end: string }; fit: { r2: number; nrmse: number; mape: number; holdout: { periods: number; r2: number } | null }; channels: ChannelOut[]; baseline: Record<string, unknown> }

test('simulate --preset retail --seed 3 and fit exit 0 and write every run file', () => {
  assert.equal(runs.simulate.status, 0, runs.simulate.stderr);
  assert.ok(existsSync(data) && existsSync(join(dir, 'sim', 'truth.json')));
  for (const [name, out] of [['workers1', out1], ['workers2', out2], ['holdout', outHoldout]] as const) {
    assert.equal(runs[name].status, 0, `${name}: ${runs[name].stderr}`);
    for (const f of ['model.json', 'summary.json', 'decomposition.csv', 'diagnostics.json', 'response_curves.csv']) {
      assert.ok(existsSync(join(out, f)), `${name}: ${f} missing`);
    }
  }
});

test('an --iterations below two generations of every run is rounded up, and the fit says so', () => {
  assert.equal(runs.tiny.status, 0, runs.tiny.stderr);
  const evaluated = (json(join(dir, 'fit-tiny', 'model.json')).search as { nCandidates: number }).nCandidates;
  assert.ok(evaluated > 50);
  assert.match(runs.tiny.stderr, new RegExp(`note: iterations 50 is less than the search's least \\(two generations of each of its 4 runs\\): it evaluated ${evaluated} candidate models`));
  assert.doesNotMatch(runs.workers1.stderr, /note: iterations/, '2000 is above the least');
});

test('summary.json has the contract fields with the right types', () => {
  const s = json(join(out1, 'summary.json')) as unknown as SummaryOut;
  for (const k of ['target', 'periods', 'fit', 'channels', 'baseline']) assert.ok(k in s, `summary.${k} missing`);
  assert.equal(s.target, 'revenue');
  assert.equal(s.periods, 156);
  for (const k of ['r2', 'nrmse', 'mape'] as const) assert.equal(typeof s.fit[k], 'number', `fit.${k}`);
  assert.ok('holdout' in s.fit);
  assert.equal(s.fit.holdout, null);
  assert.ok(s.fit.r2 > 0 && s.fit.r2 <= 1, `r2 ${s.fit.r2}`);
  assert.equal(typeof s.baseline, 'object');
  for (const c of s.channels) {
    for (const k of ['name', 'spend', 'contribution', 'roi', 'mroi', 'share_of_spend', 'share_of_effect', 'roi_interval'] as const) {
      assert.ok(k in c, `channels[${c.name}].${k} missing`);
    }
    for (const k of ['spend', 'contribution', 'roi', 'mroi', 'share_of_spend', 'share_of_effect'] as const) {
      assert.ok(Number.isFinite(c[k]), `${c.name}.${k} = ${c[k]}`);
    }
    assert.ok(c.roi_interval === null || (c.roi_interval.length === 2 && c.roi_interval[0] <= c.roi_interval[1]));
    assert.ok(Math.abs(c.roi - c.contribution / c.spend) <= 1e-12 * Math.abs(c.roi));
    const t = c.effect_timing;
    assert.equal(t.period, 'week');
    assert.ok([t.peak_lag, t.lag_50, t.lag_90].every(Number.isInteger) && t.lag_50 <= t.lag_90, `${c.name}: ${JSON.stringify(t)}`);
    // The fit's printout says the same, one line per channel under the table.
    assert.match(runs.workers1.stdout, new RegExp(`\\n  ${c.name} +peaks in week ${t.peak_lag}; half by week ${t.lag_50}, 90% by week ${t.lag_90}\\n`));
  }
  assert.match(runs.workers1.stdout, /When the effect lands \(weeks after the spend, week 0 being the week of the spend/);
});

test('channel names are the spend columns without _spend; spend totals match data.csv', () => {
  const s = json(join(out1, 'summary.json')) as unknown as SummaryOut;
  const csv = readSimpleCsv(data);
  const spendCols = csv.header.filter((h) => h.endsWith('_spend'));
  assert.deepEqual(s.channels.map((c) => c.name), spendCols.map((h) => h.slice(0, -'_spend'.length)));
  const date = csv.header.indexOf('date');
  const inWindow = csv.rows.filter((r) => r[date] >= s.window.start && r[date] <= s.window.end);
  assert.equal(inWindow.length, s.periods);
  for (const c of s.channels) {
    const col = csv.header.indexOf(`${c.name}_spend`);
    const total = inWindow.reduce((a, r) => a + Number(r[col]), 0);
    assert.ok(Math.abs(c.spend - total) <= 1e-6 * total, `${c.name}: ${c.spend} vs ${total}`);
  }
  const shares = s.channels.reduce((a, c) => a + c.share_of_spend, 0);
  assert.ok(Math.abs(shares - 1) < 1e-9);
});

test('model.json has schemaVersion and the same channels', () => {
  const m = json(join(out1, 'model.json'));
  assert.equal(typeof m.schemaVersion, 'number');
  assert.ok((m.schemaVersion as number) >= 1);
  assert.deepEqual((m.channels as { name: string }[]).map((c) => c.name), ['tv', 'ooh', 'search', 'social', 'display']);
  // It records the file it was fitted on: the name (no path) and a hash of the bytes as read.
  const bytes = readFileSync(data);
  assert.deepEqual(m.source, { file: 'data.csv', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
});

test('decomposition.csv: one row per period, actual = data.csv KPI, components sum to fitted in every row', () => {
  const dec = readSimpleCsv(join(out1, 'decomposition.csv'));
  const csv = readSimpleCsv(data);
  assert.deepEqual(dec.header.slice(0, 4), ['date', 'actual', 'fitted', 'holdout']);
  for (const ch of ['tv', 'ooh', 'search', 'social', 'display', 'intercept']) assert.ok(dec.header.includes(ch), ch);
  assert.equal(dec.rows.length, 156);
  const revenue = csv.header.indexOf('revenue');
  dec.rows.forEach((r, i) => {
    assert.equal(r[0], csv.rows[i][0]);
    assert.equal(Number(r[1]), Number(csv.rows[i][revenue]));
    const fitted = Number(r[2]);
    const sum = r.slice(4).reduce((a, v) => a + Number(v), 0);
    assert.ok(Math.abs(sum - fitted) <= 1e-9 * Math.abs(fitted), `row ${i}: Σ components ${sum} vs fitted ${fitted}`);
    assert.equal(r[3], '0');
  });
});

test('same seed ⇒ byte-identical summary.json and model.json with 1 and 2 workers', () => {
  assert.equal(readFileSync(join(out1, 'summary.json'), 'utf8'), readFileSync(join(out2, 'summary.json'), 'utf8'));
  assert.equal(readFileSync(join(out1, 'model.json'), 'utf8'), readFileSync(join(out2, 'model.json'), 'utf8'));
  assert.equal(readFileSync(join(out1, 'decomposition.csv'), 'utf8'), readFileSync(join(out2, 'decomposition.csv'), 'utf8'));
});

test('--json prints only the summary JSON on stdout; --holdout 13 gives a 13-period holdout block', () => {
  const r = runs.holdout;
  const printed = JSON.parse(r.stdout) as SummaryOut; // throws if anything but JSON is on stdout
  assert.deepEqual(printed, json(join(outHoldout, 'summary.json')));
  assert.ok(printed.fit.holdout !== null);
  assert.equal(printed.fit.holdout.periods, 13);
  assert.ok(Number.isFinite(printed.fit.holdout.r2));
  assert.equal(printed.periods, 156);
  const flags = readSimpleCsv(join(outHoldout, 'decomposition.csv')).rows.map((row) => row[3]);
  assert.deepEqual(flags, Array.from({ length: 156 }, (_, i) => (i >= 143 ? '1' : '0')));
  assert.equal(json(join(outHoldout, 'model.json')).holdout, 13);
});

test('controls held at 0 by the wrong sign are named in summary.json and under the table, with what to do', () => {
  const r = runs.wrongSigns;
  assert.equal(r.status, 0, r.stderr);
  const warnings = (json(join(dir, 'fit-wrong-signs', 'summary.json')).warnings as { code: string; channel: string | null; message: string }[])
    .filter((w) => w.code === 'WRONG_SIGN_CONTROL');
  assert.deepEqual(warnings.map((w) => [w.channel, w.message.split(' ')[0]]), [[null, 'price'], [null, 'promo']]);
  assert.match(warnings[0].message, /^price is constrained to a positive effect but its coefficient sits at that bound, 0, and the data favour a negative one \(with its sign free the same fit gives -[\d,]+ per unit of price\)/);
  for (const w of warnings) assert.ok(r.stdout.includes(`Warning: ${w.message}.`), w.message);
  // With no signs given nothing is constrained, so nothing is named.
  assert.doesNotMatch(runs.workers1.stdout, /is constrained to a/);
});
