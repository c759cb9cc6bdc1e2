import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../random/rng.ts';
import { periodDayNumbers } from '../../calendar/dates.ts';
import { ar1 } from './ar1.ts';
import { generateSpend } from './generate-spend.ts';

const isCents = (x: number): boolean => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

function logCorrelation(a: Float64Array, b: Float64Array): number {
  const la = Array.from(a, Math.log), lb = Array.from(b, Math.log);
  const ma = la.reduce((s, v) => s + v) / la.length, mb = lb.reduce((s, v) => s + v) / lb.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < la.length; i++) { sab += (la[i] - ma) * (lb[i] - mb); saa += (la[i] - ma) ** 2; sbb += (lb[i] - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
}

test('with no volatility, spend follows the weekday profile exactly and keeps the mean', () => {
  // Profile sum over a Monday-start week = 6, so k = 7·100 / 6: weekdays 116.67, weekend 58.33.
  const days = periodDayNumbers('2024-01-01', 7, 'daily');
  const x = generateSpend(createRng(1), days, { type: 'always-on', mean: 100, volatility: 0, persistence: 0.5, weekdayProfile: [1, 1, 1, 1, 1, 0.5, 0.5] }, new Float64Array(7), 0);
  assert.deepEqual(Array.from(x), [116.67, 116.67, 116.67, 116.67, 116.67, 58.33, 58.33]);
});

test('spend seasonality is the log-cosine multiplier of the year phase', () => {
  const days = periodDayNumbers('2023-01-02', 2, 'weekly');
  const x = generateSpend(createRng(1), days, { type: 'always-on', mean: 1000, volatility: 0, persistence: 0, seasonality: { amplitude: 0.5, peak: 0 } }, new Float64Array(2), 0);
  const w = (d: number): number => Math.exp(0.5 * Math.cos((2 * Math.PI * d) / 365.25));
  const expected = [w(days[0]), w(days[1])].map((v, _i, a) => (2000 * v) / (a[0] + a[1]));
  assert.ok(Math.abs(x[0] - expected[0]) <= 0.005 && Math.abs(x[1] - expected[1]) <= 0.005);
});

test('always-on: mean hit to the cent, cents, non-negative, dark periods at about zeroShare', () => {
  const n = 5000;
  const days = periodDayNumbers('2000-01-03', n, 'weekly');
  const budget = ar1(createRng(2), n, 0.8);
  const x = generateSpend(createRng(3), days, { type: 'always-on', mean: 25_000, volatility: 0.6, persistence: 0.5, zeroShare: 0.1 }, budget, 0.5);
  const mean = x.reduce((a, b) => a + b) / n;
  assert.ok(Math.abs(mean - 25_000) <= 0.005, `mean ${mean}`);
  assert.ok(x.every((v) => v >= 0 && isCents(v) && Number.isFinite(v)));
  const zeros = x.filter((v) => v === 0).length / n;
  assert.ok(Math.abs(zeros - 0.1) < 0.02, `zero share ${zeros}`); // binomial sd ≈ 0.004
});

test('the shared budget factor makes log-spends correlate by about ρ', () => {
  const n = 6000;
  const days = periodDayNumbers('2000-01-03', n, 'weekly');
  const budget = ar1(createRng(4), n, 0.8);
  const pattern = { type: 'always-on', mean: 1000, volatility: 0.5, persistence: 0.5 } as const;
  const rng = createRng(5);
  const a = generateSpend(rng, days, pattern, budget, 0.64);
  const b = generateSpend(rng, days, pattern, budget, 0.64);
  const c = generateSpend(rng, days, pattern, budget, 0);
  // Population value: corr(v(√ρ z + √(1−ρ) e₁), v(√ρ z + √(1−ρ) e₂)) = ρ; 0 without the factor.
  assert.ok(Math.abs(logCorrelation(a, b) - 0.64) < 0.05, `ρ=0.64 gave ${logCorrelation(a, b)}`);
  assert.ok(Math.abs(logCorrelation(a, c)) < 0.06, `ρ=0 gave ${logCorrelation(a, c)}`);
});

test('flighted spend is zero between flights; campaigns ramp up inside a burst', () => {
  const n = 400;
  const days = periodDayNumbers('2023-01-01', n, 'daily');
  const flights = generateSpend(createRng(6), days, { type: 'flighted', mean: 500, volatility: 0.3, onLength: [5, 10], offLength: [5, 10] }, new Float64Array(n), 0);
  const zeroShare = flights.filter((v) => v === 0).length / n;
  assert.ok(zeroShare > 0.25 && zeroShare < 0.75, `off share ${zeroShare}`);
  const bursts = generateSpend(createRng(7), days, { type: 'campaigns', mean: 500, volatility: 0, onLength: [10, 10], offLength: [10, 10], ramp: 0.5 }, new Float64Array(n), 0);
  // Volatility 0: no level or jitter noise, so a full 10-day burst follows the trapezoid exactly:
  // day i has profile max(0.2, min(1, p/0.5, (1 − p)/0.5)), p = (i + 0.5)/10 → day 0: 0.2, day 5: 0.9.
  let count = 0;
  for (let t = 1; t + 10 < n; t++) {
    if (bursts[t - 1] === 0 && bursts[t] > 0 && bursts[t + 9] > 0 && bursts[t + 10] === 0) {
      assert.ok(Math.abs(bursts[t] / bursts[t + 5] - 0.2 / 0.9) < 1e-4, `ratio ${bursts[t] / bursts[t + 5]}`);
      count++;
    }
  }
  assert.ok(count >= 10, `full bursts ${count}`);
});

test('invalid patterns throw INVALID_ARGUMENT', () => {
  const days = periodDayNumbers('2023-01-02', 10, 'weekly');
  const z = new Float64Array(10);
  assert.throws(() => generateSpend(createRng(1), days, { type: 'always-on', mean: -1, volatility: 0.3, persistence: 0.5 }, z, 0.5), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => generateSpend(createRng(1), days, { type: 'always-on', mean: 1, volatility: 0.3, persistence: 0.5 }, z, 1.5), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => generateSpend(createRng(1), days, { type: 'campaigns', mean: 1, volatility: 0.3, onLength: [1, 2], offLength: [1, 2], ramp: 0.7 }, z, 0), { code: 'INVALID_ARGUMENT' });
});
