import { test } from 'node:test';
import assert from 'node:assert/strict';
import { b2bWeeklyOptions } from './presets/b2b-weekly.ts';
import { simulatePreset } from './presets/index.ts';
import { retailWeeklyOptions } from './presets/retail-weekly.ts';
import { randomScenario } from './random-scenario.ts';
import { simulate } from './simulate.ts';
import type { SimulationResult } from './truth.ts';
import type { SimulationOptions } from './types.ts';

const sum = (x: ArrayLike<number>): number => { let s = 0; for (let i = 0; i < x.length; i++) s += x[i]; return s; };

/** The invariants every simulated data set must satisfy. */
function checkInvariants(r: SimulationResult, label: string): void {
  const { table, truth } = r;
  const n = table.dates.length;
  assert.equal(truth.nTimes, n, label);
  // KPI = Σ true components + recorded noise, every period, to 1e-9 relative.
  const names = Object.keys(truth.contributions);
  for (let t = 0; t < n; t++) {
    let s = truth.noise[t];
    for (const k of names) s += truth.contributions[k][t];
    const y = table.target.values[t];
    assert.ok(Math.abs(y - s) <= 1e-9 * Math.abs(y), `${label} t=${t}: ${y} vs ${s}`);
    assert.ok(Number.isFinite(y), `${label} target t=${t}`);
  }
  for (const [i, c] of table.channels.entries()) {
    const ch = truth.channels[i];
    assert.equal(ch.name, c.name);
    assert.equal(c.column, `${c.name}_spend`);
    assert.ok(c.spend.every((v) => v >= 0 && Number.isFinite(v)), `${label} ${c.name} spend`);
    assert.ok(Math.abs(ch.spend - sum(c.spend)) <= 1e-9 * ch.spend);
    assert.ok(Math.abs(ch.contribution - sum(truth.contributions[c.name])) <= 1e-9 * Math.abs(ch.contribution));
    assert.ok(Math.abs(ch.roi - ch.contribution / ch.spend) <= 1e-12 * ch.roi, `${label} ${c.name} roi`);
    for (const v of [ch.scale, ch.beta, ch.roi, ch.mroi, ch.immediateShare, ch.oracleRoiSe]) assert.ok(Number.isFinite(v), `${label} ${c.name} finite`);
    assert.ok(ch.immediateShare >= 0 && ch.immediateShare <= 1);
    assert.ok(ch.mroi > 0);
  }
  for (const e of table.events) assert.ok(e.values.every((v) => v === 0 || v === 1), `${label} event ${e.name} is 0/1`);
  for (const c of table.controls) assert.ok(c.values.every(Number.isFinite), `${label} control ${c.name}`);
  assert.ok(Math.abs(sum(Object.values(truth.shareOfEffect)) - 1) < 1e-12);
  // truth.json round trip: plain JSON, nothing lost.
  assert.deepEqual(JSON.parse(JSON.stringify(truth)), truth);
}

test('retail: same seed ⇒ identical table and truth; another seed ⇒ different data', () => {
  const a = simulate(retailWeeklyOptions(7));
  const b = simulate(retailWeeklyOptions(7));
  assert.deepEqual(a.table, b.table);
  assert.deepEqual(a.truth, b.truth);
  const c = simulate(retailWeeklyOptions(8));
  assert.notDeepEqual(a.table.target.values, c.table.target.values);
  assert.notDeepEqual(a.table.channels[0].spend, c.table.channels[0].spend);
});

test('invariants hold for every preset and for random scenarios', () => {
  for (const name of ['retail', 'b2b', 'ecommerce']) checkInvariants(simulatePreset(name, 3), name);
  for (let seed = 1; seed <= 8; seed++) checkInvariants(randomScenario(seed), `random ${seed}`);
});

test('realised noise share stays near the configured 5 % for retail', () => {
  // sd of 156 Gaussian draws: relative sampling sd ≈ 1/√(2·156) ≈ 5.7 %, i.e. ±0.003 around 0.05.
  for (let seed = 1; seed <= 10; seed++) {
    const { truth } = simulate(retailWeeklyOptions(seed));
    assert.ok(truth.noiseShare > 0.04 && truth.noiseShare < 0.06, `seed ${seed}: ${truth.noiseShare}`);
    assert.ok(Math.abs(truth.noiseSd / truth.kpiMean - 0.05) < 0.002);
  }
});

test('the zero-noise data equal the sum of the components and the configured ROI is hit', () => {
  const o: SimulationOptions = { ...retailWeeklyOptions(2), noise: 0 };
  const { truth } = simulate(o);
  assert.ok(truth.noise.every((v) => Math.abs(v) <= 0.005 + 1e-9)); // only rounding to cents remains
  truth.channels.forEach((c, i) => assert.ok(Math.abs(c.roi - (o.channels[i].roi ?? NaN)) < 1e-12 * c.roi));
});

test('a channel given by beta reports the ROI that beta implies', () => {
  const base = retailWeeklyOptions(4);
  const withRoi = simulate(base);
  const tv = withRoi.truth.channels[0];
  const byBeta = simulate({ ...base, channels: [{ ...base.channels[0], roi: undefined, beta: tv.beta }, ...base.channels.slice(1)] });
  assert.ok(Math.abs(byBeta.truth.channels[0].roi - tv.roi) < 1e-12 * tv.roi);
  assert.deepEqual(byBeta.table, withRoi.table);
});

test('two-stage data: pipeline truth has its own identity and converts into revenue', () => {
  const o = b2bWeeklyOptions(5);
  const r = simulate(o);
  const p = r.truth.pipeline;
  assert.ok(p !== undefined && r.truth.conversion !== undefined);
  assert.deepEqual(Array.from(r.extraColumns?.[0].values ?? []), p.values);
  for (let t = 0; t < p.values.length; t++) {
    let s = p.noise[t];
    for (const k of Object.keys(p.contributions)) s += p.contributions[k][t];
    assert.ok(Math.abs(p.values[t] - s) <= 1e-9 * p.values[t]);
  }
  assert.ok(Math.abs(sum(r.truth.conversion.weights) - 1) < 1e-12);
  for (const [i, c] of r.truth.channels.entries()) {
    assert.ok(Math.abs(p.channels[i].roi - (o.channels[i].roi ?? NaN)) < 1e-9);
    // Revenue ROI = win rate × pipeline ROI, minus what would be booked after the window ends.
    assert.ok(c.roi < 0.25 * p.channels[i].roi && c.roi > 0.8 * 0.25 * p.channels[i].roi, `${c.name}: ${c.roi}`);
  }
});

test('invalid options throw INVALID_ARGUMENT', () => {
  const o = retailWeeklyOptions(1);
  const bad: SimulationOptions[] = [
    { ...o, nTimes: 1 },
    { ...o, noise: -0.1 },
    { ...o, budgetCorrelation: 2 },
    { ...o, channels: [] },
    { ...o, channels: [o.channels[0], o.channels[0]] },
    { ...o, channels: [{ ...o.channels[0], name: 'trend' }] },
    { ...o, channels: [{ ...o.channels[0], name: 'tv spend' }] },
    { ...o, channels: [{ ...o.channels[0], beta: 5 }] },
    { ...o, start: '2022-13-01' },
  ];
  for (const b of bad) assert.throws(() => simulate(b), { name: 'EngineError', code: 'INVALID_ARGUMENT' });
});
