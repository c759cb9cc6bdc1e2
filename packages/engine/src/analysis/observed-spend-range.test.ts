import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beyondObservedRange, observedSpendRange } from './observed-spend-range.ts';
import { responseModelFromMmm } from '../optimize/response-model-from-mmm.ts';
import { fitMmm } from '../fit/fit-mmm.ts';
import { simulatePreset } from '../simulate/presets/index.ts';

test('no carryover: the range is the min and max spend over the rows', () => {
  const ch = { spend: [100, 0, 40, 70, 10], adstock: { type: 'geometric' as const, alpha: 0 }, maxLag: 0 };
  assert.deepEqual(observedSpendRange(ch, 0, 5), { low: 0, high: 100 });
  assert.deepEqual(observedSpendRange(ch, 2, 4), { low: 40, high: 70 });
});

test('geometric carryover: the normalised adstock by hand, and a sustained level maps to itself', () => {
  // α = 0.5, maxLag 1: weights (1, 0.5)/1.5. Spend (0, 30, 30, 0): A = (0, 20, 30, 10).
  const ch = { spend: [0, 30, 30, 0], adstock: { type: 'geometric' as const, alpha: 0.5 }, maxLag: 1 };
  const r = observedSpendRange(ch, 1, 4);
  assert.ok(Math.abs(r.low - 10) < 1e-12 && Math.abs(r.high - 30) < 1e-12, JSON.stringify(r));
  const flat = observedSpendRange({ ...ch, spend: [50, 50, 50, 50] }, 1, 4);
  assert.ok(Math.abs(flat.low - 50) < 1e-9 && Math.abs(flat.high - 50) < 1e-9);
  assert.throws(() => observedSpendRange(ch, 2, 2), /empty/);
});

test('responseModelFromMmm carries each channel\'s range over the fitted rows, around current spend', async () => {
  const sim = simulatePreset('retail', 3);
  const model = await fitMmm(sim.table, { holdout: 8, search: { iterations: 600, trials: 2, seed: 1, bootstrap: 0, posterior: 0, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 } } });
  const rm = responseModelFromMmm(model);
  rm.channels.forEach((c, k) => {
    assert.ok(c.observed, c.name);
    const expected = observedSpendRange(model.channels[k], 0, sim.table.dates.length - 8);
    assert.deepEqual(c.observed, expected);
    assert.ok(c.observed.low <= c.current && c.current <= c.observed.high, `${c.name}: ${c.current} outside ${JSON.stringify(c.observed)}`);
  });
});

test('beyondObservedRange: 1% slack either side; a low that is zero up to round-off puts zero spend inside', () => {
  assert.equal(beyondObservedRange(300, { low: 100, high: 250 }), 'above');
  assert.equal(beyondObservedRange(252, { low: 100, high: 250 }), null);
  assert.equal(beyondObservedRange(98, { low: 100, high: 250 }), 'below');
  assert.equal(beyondObservedRange(50, null), null);
  // A channel dark for a while: the adstocked low is 1.9e-8 of a high of 120,000.
  assert.equal(beyondObservedRange(0, { low: 1.9e-8, high: 120_000 }), null);
  assert.equal(beyondObservedRange(0, { low: 1, high: 120_000 }), 'below');
});

test('a channel that spent in 3 of 156 periods: the range is the levels of the burst weeks, not the decay after them', () => {
  // α = 0.5, maxLag 2: weights (1, 0.5, 0.25)/1.75. Burst of 350 in rows 49–51: A = 200, 300, 350, then 150, 50, 0.
  const spend = Array.from({ length: 156 }, (_, t) => (t >= 49 && t <= 51 ? 350 : 0));
  const ch = { spend, adstock: { type: 'geometric' as const, alpha: 0.5 }, maxLag: 2 };
  const r = observedSpendRange(ch, 0, 156);
  assert.ok(Math.abs(r.low - 200) < 1e-9 && Math.abs(r.high - 350) < 1e-9, JSON.stringify(r));
  assert.deepEqual(r.sparse, { active: 3, periods: 156, first: 49, kind: 'few' });
  // its mean (6.7 a period), sustained or doubled, was never held: below; zero (its dark weeks) was
  assert.equal(beyondObservedRange(350 * 3 / 156, r), 'below');
  assert.equal(beyondObservedRange(2 * 350 * 3 / 156, r), 'below');
  assert.equal(beyondObservedRange(150, r), 'below', 'a level only its decay passed through');
  assert.equal(beyondObservedRange(0, r), null);
  assert.equal(beyondObservedRange(300, r), null);
  assert.equal(beyondObservedRange(400, r), 'above');
});

test('a launch in the last 8 of 156 periods is sparse too; always-on and flighted channels keep the whole-row range', () => {
  const launch = { spend: Array.from({ length: 156 }, (_, t) => (t >= 148 ? 100 : 0)), adstock: { type: 'geometric' as const, alpha: 0 }, maxLag: 0 };
  const l = observedSpendRange(launch, 0, 156);
  assert.deepEqual(l, { low: 100, high: 100, sparse: { active: 8, periods: 156, first: 148, kind: 'launched' } });
  assert.equal(beyondObservedRange(100 * 8 / 156, l), 'below');
  // on four weeks, off four: dark half the time, current (mean) spend inside, zero inside, no sparse mark.
  // α = 0.5, maxLag 2: A climbs to 200 in a flight's third week and is back to 0 in the third dark week.
  const flighted = { spend: Array.from({ length: 156 }, (_, t) => (Math.floor(t / 4) % 2 === 0 ? 200 : 0)), adstock: { type: 'geometric' as const, alpha: 0.5 }, maxLag: 2 };
  const f = observedSpendRange(flighted, 0, 156);
  assert.equal(f.sparse, undefined);
  assert.ok(f.low < 1e-9 && Math.abs(f.high - 200) < 1e-9, JSON.stringify(f));
  assert.equal(beyondObservedRange(100, f), null);
  assert.equal(beyondObservedRange(0, f), null);
});
