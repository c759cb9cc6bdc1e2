import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../random/rng.ts';
import { dayOf, periodDayNumbers } from '../../calendar/dates.ts';
import { baselineComponents } from './baseline-components.ts';
import { controlSeries } from './control-series.ts';

test('intercept, trend, seasonality and event components by hand', () => {
  // Weekly from Mon 2022-11-14: the second week contains Black Friday (Nov 25).
  const days = periodDayNumbers('2022-11-14', 3, 'weekly');
  const r = baselineComponents(createRng(1), days, 7, 0, {
    level: 1000, growthPerYear: 0.1, yearly: [{ amplitude: 0.05, peak: 0.25 }],
    events: [{ name: 'bf', on: 'black-friday', effect: 0.3 }], controls: [],
  });
  const byName = Object.fromEntries(r.components.map((c) => [c.name, Array.from(c.values)]));
  assert.deepEqual(byName.intercept, [1000, 1000, 1000]);
  assert.deepEqual(byName.trend, [0, (1000 * 0.1 * 7) / 365.25, (1000 * 0.1 * 14) / 365.25]);
  const season = (d: number): number => 1000 * 0.05 * Math.cos(2 * Math.PI * (d / 365.25 - 0.25));
  byName.seasonality.forEach((v, t) => assert.ok(Math.abs(v - season(days[t])) < 1e-9));
  assert.deepEqual(byName.bf, [0, 300, 0]);
  assert.deepEqual(Array.from(r.events[0].values), [0, 1, 0]);
  assert.deepEqual(r.eventCoefficients, [300]);
});

test('burn-in: trend is 0 at the first window period and columns cover the window only', () => {
  const days = Int32Array.from([dayOf(2024, 1, 1) - 14, dayOf(2024, 1, 1) - 7, dayOf(2024, 1, 1), dayOf(2024, 1, 8)]);
  const r = baselineComponents(createRng(1), days, 7, 2, {
    level: 365.25, growthPerYear: 1, yearly: [], events: [{ name: 'x', on: 'new-year', effect: 1 }],
    controls: [{ name: 'm', sign: 'positive', effect: 0.01, series: { type: 'ar1', mean: 10, sd: 0, persistence: 0 } }],
  });
  assert.deepEqual(Array.from(r.components[1].values), [-14, -7, 0, 7]);
  assert.equal(r.events[0].values.length, 2);
  assert.deepEqual(Array.from(r.events[0].values), [1, 0]);
  assert.deepEqual(Array.from(r.controls[0].values), [10, 10]);
  assert.deepEqual(Array.from(r.components[4].values), [0, 0, 0, 0]); // x = reference → no effect
});

test('weekday effects are centred; a control whose effect contradicts its sign throws', () => {
  const days = periodDayNumbers('2024-01-01', 7, 'daily'); // Monday..Sunday
  const r = baselineComponents(createRng(1), days, 1, 0, { level: 100, growthPerYear: 0, yearly: [], weekday: [7, 0, 0, 0, 0, 0, 0], events: [], controls: [] });
  assert.deepEqual(Array.from(r.components[2].values).map((v) => Math.round(v * 1e9) / 1e9), [600, -100, -100, -100, -100, -100, -100]);
  assert.throws(() => baselineComponents(createRng(1), days, 1, 0, {
    level: 100, growthPerYear: 0, yearly: [], events: [],
    controls: [{ name: 'price', sign: 'negative', effect: 0.1, series: { type: 'ar1', mean: 1, sd: 0, persistence: 0 } }],
  }), { code: 'INVALID_ARGUMENT' });
});

test('control series: promo is 0/1 near its share, price stays near base in cents', () => {
  const promo = controlSeries(createRng(3), 4000, { type: 'promo', share: 0.15, length: [1, 3] });
  assert.ok(promo.values.every((v) => v === 0 || v === 1));
  const share = promo.values.reduce((a, b) => a + b) / 4000;
  assert.ok(Math.abs(share - 0.15) < 0.03, `promo share ${share}`);
  const price = controlSeries(createRng(4), 500, { type: 'price', base: 49.9, volatility: 0.03, persistence: 0.8 });
  assert.equal(price.reference, 49.9);
  assert.ok(price.values.every((v) => v > 40 && v < 60 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6));
  assert.throws(() => controlSeries(createRng(1), 10, { type: 'promo', share: 1, length: [1, 2] }), { code: 'INVALID_ARGUMENT' });
});
