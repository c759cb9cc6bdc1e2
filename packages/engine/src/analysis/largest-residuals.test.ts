import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random/rng.ts';
import { normal, uniform } from '../random/distributions.ts';
import { LARGE_RESIDUAL_Z, largestResiduals } from './largest-residuals.ts';

/** 731 daily dates from 2023-01-01 (two years, 2024 a leap year). */
const N = 731;
const DATES = Array.from({ length: N }, (_, t) => new Date(Date.UTC(2023, 0, 1 + t)).toISOString().slice(0, 10));
const row = (date: string) => DATES.indexOf(date);

/** A fit with weekly and yearly swings, and the actual = fit + the given residuals. */
function series(residual: (t: number) => number): { actual: number[]; fitted: number[] } {
  const fitted = Array.from({ length: N }, (_, t) => 1000 + 100 * Math.sin((2 * Math.PI * t) / 7) + 200 * Math.sin((2 * Math.PI * t) / 365.25));
  return { fitted, actual: fitted.map((f, t) => f + residual(t)) };
}

/** Uniform noise on ±10: its robust z never passes 10 / (1.4826 × 5) = 1.35, so only the injected spikes can. */
function boundedNoise(seed: number): (t: number) => number {
  const rng = createRng(seed);
  const e = Array.from({ length: N }, () => uniform(rng, -10, 10));
  return (t) => e[t];
}

/** The middle value of an odd-length list. */
function median(values: readonly number[]): number {
  assert.equal(values.length % 2, 1);
  return [...values].sort((a, b) => a - b)[(values.length - 1) / 2];
}

const SPIKES: Record<string, number> = {
  '2023-11-24': 120, // Black Friday
  '2024-11-29': 140,
  '2023-11-27': 60, // Cyber Monday
  '2023-12-25': -90, // Christmas, below the fit
  '2024-12-25': -80,
  '2024-06-10': 70, // a one-off
};

test('a hand-sized case: z = (e − median) / (1.4826 × MAD)', () => {
  const resid = [0, 1, -1, 2, -2, 1, -1, 0, 20];
  const fitted = resid.map(() => 100);
  const r = largestResiduals(DATES.slice(0, 9), resid.map((e) => 100 + e), fitted, 0, 9);
  // median 0; absolute deviations 0 0 1 1 1 1 2 2 20, median 1.
  assert.equal(r?.centre, 0);
  assert.equal(r?.scale, 1.4826);
  assert.deepEqual(r?.periods, [{ date: '2023-01-09', actual: 120, fitted: 100, residual: 20, z: 20 / 1.4826, sign: 1 }]);
  assert.equal(r?.beyond, 1);
  assert.deepEqual(r?.recurring, []);
});

test('injected spikes on known dates are exactly the periods returned, largest first, with recurring ones grouped', () => {
  const noise = boundedNoise(1);
  const { actual, fitted } = series((t) => SPIKES[DATES[t]] ?? noise(t));
  const r = largestResiduals(DATES, actual, fitted, 0, N);
  assert.ok(r !== null);
  const resid = actual.map((a, t) => a - fitted[t]);
  const centre = median(resid);
  const scale = 1.4826 * median(resid.map((e) => Math.abs(e - centre)));
  assert.deepEqual(r.periods.map((p) => p.date), ['2024-11-29', '2023-11-24', '2023-12-25', '2024-12-25', '2024-06-10', '2023-11-27']);
  assert.equal(r.beyond, 6);
  for (const p of r.periods) {
    const t = row(p.date);
    assert.equal(p.residual, actual[t] - fitted[t]);
    assert.equal(p.actual, actual[t]);
    assert.equal(p.sign, Math.sign(SPIKES[p.date]));
    assert.ok(Math.abs(p.z - (p.residual - centre) / scale) < 1e-12, `${p.date}: z ${p.z}`);
  }
  assert.equal(r.centre, centre);
  assert.equal(r.scale, scale);
  // The scale is that of the noise, not inflated by the spikes: the median absolute deviation of U(−10, 10) is 5.
  assert.ok(Math.abs(r.scale - 1.4826 * 5) < 0.5, String(r.scale));
  assert.deepEqual(r.recurring, [
    { dates: ['2023-11-24', '2023-11-27', '2024-11-29'], sign: 1 },
    { dates: ['2023-12-25', '2024-12-25'], sign: -1 },
  ]);
});

test('at most `max` periods, the largest, while `beyond` counts them all; the threshold is a parameter', () => {
  const noise = boundedNoise(2);
  // 15 spikes of growing size on the 1st of successive months.
  const spikes = new Map(Array.from({ length: 15 }, (_, k) => [row(`${2023 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`), 50 + 10 * k]));
  const { actual, fitted } = series((t) => spikes.get(t) ?? noise(t));
  const r = largestResiduals(DATES, actual, fitted, 0, N);
  assert.equal(r?.beyond, 15);
  assert.deepEqual(r?.periods.map((p) => p.date), ['2024-03-01', '2024-02-01', '2024-01-01', '2023-12-01', '2023-11-01', '2023-10-01', '2023-09-01', '2023-08-01', '2023-07-01', '2023-06-01']);
  assert.equal(largestResiduals(DATES, actual, fitted, 0, N, { max: 3 })?.periods.length, 3);
  // At z ≥ 15 only the spikes of 120 and more remain (15 × 7.4 ≈ 111).
  assert.equal(largestResiduals(DATES, actual, fitted, 0, N, { threshold: 15 })?.beyond, 8);
  // 1 January…1 March recur, but the 2023 spikes are not among the 10 listed: groups are of listed periods only.
  assert.deepEqual(r?.recurring, []);
  assert.deepEqual(largestResiduals(DATES, actual, fitted, 0, N, { max: 15 })?.recurring.map((g) => g.dates), [['2023-03-01', '2024-03-01'], ['2023-02-01', '2024-02-01'], ['2023-01-01', '2024-01-01']]);
});

test('a clean Gaussian series returns (nearly) no period', () => {
  let total = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const rng = createRng(seed);
    const { actual, fitted } = series(() => normal(rng, 0, 25));
    const r = largestResiduals(DATES, actual, fitted, 0, N);
    assert.ok(r !== null);
    assert.ok(Math.abs(r.scale - 25) < 3, `seed ${seed}: scale ${r.scale}`);
    assert.ok(r.beyond <= 3, `seed ${seed}: ${r.beyond} periods`);
    total += r.beyond;
  }
  // P(|z| ≥ 3.5) = 4.7e-4 for a normal residual: 731 × 20 × 4.7e-4 ≈ 6.8 expected in all; P(> 15) ≈ 0.003.
  assert.ok(total <= 15, `${total} periods over 20 series`);
  assert.equal(LARGE_RESIDUAL_Z, 3.5);
});

test('periods without a KPI are never returned and do not enter the scale; only [start, end) is read', () => {
  const noise = boundedNoise(3);
  const { actual, fitted } = series((t) => SPIKES[DATES[t]] ?? noise(t));
  const missing = new Set([row('2024-11-29'), row('2023-12-25'), ...Array.from({ length: 40 }, (_, k) => 100 + k)]);
  const gappy = actual.map((a, t) => (missing.has(t) ? NaN : a));
  const r = largestResiduals(DATES, gappy, fitted, 0, N);
  assert.deepEqual(r?.periods.map((p) => p.date), ['2023-11-24', '2024-12-25', '2024-06-10', '2023-11-27']);
  // The same as on the observed rows alone.
  const kept = DATES.map((_, t) => t).filter((t) => !missing.has(t));
  const compact = largestResiduals(kept.map((t) => DATES[t]), kept.map((t) => actual[t]), kept.map((t) => fitted[t]), 0, kept.length);
  assert.deepEqual(r, compact);
  // A spike after `end` (a holdout) is not read.
  const head = largestResiduals(DATES, actual, fitted, 0, row('2024-06-01'));
  assert.deepEqual(head?.periods.map((p) => p.date), ['2023-11-24', '2023-12-25', '2023-11-27']);
  assert.deepEqual(head?.recurring, []);
});

test('too few residuals or no spread: null', () => {
  assert.equal(largestResiduals(DATES, [1, 2, 3, 4, 5, 6, 70], [0, 0, 0, 0, 0, 0, 0], 0, 7), null);
  assert.equal(largestResiduals(DATES, new Array(20).fill(5), new Array(20).fill(5), 0, 20), null);
  // Over half the residuals 0 (MAD 0): the mean absolute deviation sets the scale instead.
  const resid = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1, 30];
  const r = largestResiduals(DATES, resid, resid.map(() => 0), 0, resid.length);
  assert.equal(r?.scale, (1.2533 * 32) / 13);
  assert.deepEqual(r?.periods.map((p) => p.residual), [30]);
});
