import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateLiftTests } from './lift-tests.ts';
import { randomScenario } from './random-scenario.ts';

test('one test per channel: true contribution over its dates, measured with the stated relative error', () => {
  const sim = randomScenario(11, { nTimes: 120, nChannels: 4 });
  const tests = simulateLiftTests(sim, { relativeSe: 0.2, seed: 5 });
  assert.equal(tests.length, 4);
  const z: number[] = [];
  tests.forEach((t, k) => {
    const name = sim.table.channels[k].name;
    assert.equal(t.channel, name);
    const a = sim.table.dates.indexOf(t.start), b = sim.table.dates.indexOf(t.end);
    assert.equal(b - a + 1, 8);
    const truth = sim.truth.contributions[name].slice(a, b + 1).reduce((s, v) => s + v, 0);
    assert.ok(Math.abs((t.standardError ?? NaN) - 0.2 * truth) < 1e-9 * truth);
    z.push((t.lift - truth) / (t.standardError ?? 1));
  });
  assert.ok(z.some((v) => Math.abs(v) > 1e-6), 'measurements carry error');
  assert.ok(z.every((v) => Math.abs(v) < 4), `errors within 4 SE: ${z}`);
  const exact = simulateLiftTests(sim, { relativeSe: 1e-12 });
  exact.forEach((t, k) => {
    const a = sim.table.dates.indexOf(t.start), b = sim.table.dates.indexOf(t.end);
    const truth = sim.truth.contributions[sim.table.channels[k].name].slice(a, b + 1).reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(t.lift - truth) < 1e-9 * truth);
  });
  assert.deepEqual(simulateLiftTests(sim, { relativeSe: 0.2, seed: 5 }), tests, 'deterministic for a seed');
});

test('data too short for the tests, or a bad relative error, is an error', () => {
  const sim = randomScenario(11, { nTimes: 20, nChannels: 4 });
  assert.throws(() => simulateLiftTests(sim), /at least/);
  assert.throws(() => simulateLiftTests(randomScenario(11, { nTimes: 120 }), { relativeSe: 0 }), /relativeSe/);
});
