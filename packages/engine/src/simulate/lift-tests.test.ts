import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateLiftTests } from './lift-tests.ts';
import { randomScenario } from './random-scenario.ts';
import { simulatePreset } from './presets/index.ts';
import { channelContribution } from '../model/channel-response.ts';
import { liftEffect, liftEffectSeries } from '../model/lift-effect.ts';
import { liftTestRows } from '../spec/lift-test-rows.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import type { LiftTest } from '../spec/model-spec.ts';

test('one test per channel: the true counterfactual lift over its measured dates, with the stated relative error', () => {
  const sim = randomScenario(11, { nTimes: 120, nChannels: 4 });
  const tests = simulateLiftTests(sim, { relativeSe: 0.2, seed: 5 });
  assert.equal(tests.length, 4);
  const trueLift = (k: number, t: LiftTest): number => {
    const ch = sim.truth.channels[k];
    const curve = { spend: sim.table.channels[k].spend, adstock: ch.adstock, maxLag: ch.maxLag, saturation: ch.saturation, scale: ch.scale, coef: ch.beta };
    // The curve rebuilt from truth.json reproduces the simulator's own contribution series…
    const contribution = channelContribution(curve);
    sim.truth.contributions[ch.name].forEach((v, i) => assert.ok(Math.abs(contribution[i] - v) <= 1e-9 * Math.max(1, Math.abs(v))));
    // …and the lift is what the test's 8 weeks of spend add over them and the 4 weeks after.
    return liftEffect(curve, liftTestRows(sim.table.dates, t));
  };
  const z: number[] = [];
  tests.forEach((t, k) => {
    assert.equal(t.channel, sim.table.channels[k].name);
    const a = sim.table.dates.indexOf(t.start), b = sim.table.dates.indexOf(t.end), m = sim.table.dates.indexOf(t.measuredThrough ?? '');
    assert.deepEqual([b - a + 1, m - b], [8, 4]);
    const truth = trueLift(k, t);
    assert.ok(truth > 0);
    assert.ok(Math.abs((t.standardError ?? NaN) - 0.2 * truth) < 1e-9 * truth);
    z.push((t.lift - truth) / (t.standardError ?? 1));
  });
  assert.ok(z.some((v) => Math.abs(v) > 1e-6), 'measurements carry error');
  assert.ok(z.every((v) => Math.abs(v) < 4), `errors within 4 SE: ${z}`);
  simulateLiftTests(sim, { relativeSe: 1e-12 }).forEach((t, k) => {
    const truth = trueLift(k, t);
    assert.ok(Math.abs(t.lift - truth) < 1e-9 * truth);
  });
  assert.deepEqual(simulateLiftTests(sim, { relativeSe: 0.2, seed: 5 }), tests, 'deterministic for a seed');
});

test('two-stage data (B2B): the lift is converted into the target like the contributions', () => {
  const sim = simulatePreset('b2b', 2);
  const conv = sim.truth.conversion;
  assert.ok(conv);
  const [t] = simulateLiftTests(sim, { relativeSe: 1e-12, after: 30 });
  const ch = sim.truth.channels[0];
  const curve = { spend: sim.table.channels[0].spend, adstock: ch.adstock, maxLag: ch.maxLag, saturation: ch.saturation, scale: ch.scale, coef: ch.beta };
  // Converted by hand: winRate × the delay weights applied to the first-stage difference series.
  const rows = liftTestRows(sim.table.dates, t);
  const d = liftEffectSeries(curve, rows);
  const h = adstockWeights(conv.delay, conv.maxLag, true);
  let want = 0;
  for (let u = rows.startRow; u < rows.measureEndRow; u++) for (let l = 0; l <= conv.maxLag && l <= u; l++) want += conv.winRate * h[l] * d[u - l];
  assert.ok(want > 0 && Math.abs(t.lift - want) < 1e-9 * want, `${t.lift} vs ${want}`);
  // With a long lag most of the lift arrives after the test: measuring 30 periods after sees more.
  const [short] = simulateLiftTests(sim, { relativeSe: 1e-12, after: 0 });
  assert.ok(short.lift < 0.8 * t.lift, `${short.lift} vs ${t.lift}`);
});

test('data too short for the tests, or a bad relative error, is an error', () => {
  const sim = randomScenario(11, { nTimes: 20, nChannels: 4 });
  assert.throws(() => simulateLiftTests(sim), /at least/);
  assert.throws(() => simulateLiftTests(randomScenario(11, { nTimes: 120 }), { relativeSe: 0 }), /relativeSe/);
});
