import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liftConflicts } from './lift-conflict.ts';
import { fitMmm } from '../fit-mmm.ts';
import { simulatePreset } from '../../simulate/presets/index.ts';
import { simulateLiftTests } from '../../simulate/lift-tests.ts';
import { DEFAULT_WEIGHTS } from '../../spec/model-spec.ts';

test('liftConflicts: a tested channel whose 90% ranges with and without the tests do not overlap; overlapping or untested ones are left out', () => {
  // Two channels, samples row-major [s × 2]: a's ranges overlap, b's calibrated range lies far below.
  const dataOnly = Float64Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 + (i / 2) * 0.01 : 2 + (i - 1) / 2 * 0.01));
  const calibrated = Float64Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1.1 + (i / 2) * 0.01 : 0.1 + (i - 1) / 2 * 0.001));
  const out = liftConflicts(['a', 'b'], [1, 0, 1], dataOnly, calibrated);
  assert.equal(out.length, 1);
  assert.equal(out[0].channel, 'b');
  // 5% and 95% of 2.00, 2.01, …, 2.19 (linear interpolation) and of 0.100 … 0.119.
  assert.ok(Math.abs(out[0].dataOnly[0] - 2.0095) < 1e-12 && Math.abs(out[0].dataOnly[1] - 2.1805) < 1e-12, JSON.stringify(out[0]));
  assert.ok(Math.abs(out[0].calibrated[0] - 0.10095) < 1e-12 && Math.abs(out[0].calibrated[1] - 0.11805) < 1e-12);
  assert.deepEqual(liftConflicts(['a', 'b'], [], dataOnly, calibrated), [], 'untested channels are never flagged');
});

test('a fit with a lift test ten times the truth at a 5% standard error flags that channel; true tests flag none', async () => {
  const sim = simulatePreset('retail', 4);
  const truthful = simulateLiftTests(sim, { relativeSe: 0.2, seed: 4 });
  const search = { iterations: 600, trials: 2, seed: 3, bootstrap: 0, posterior: 4000, weights: DEFAULT_WEIGHTS };
  const ok = await fitMmm(sim.table, { liftTests: truthful, search });
  assert.deepEqual(ok.search.liftConflicts, []);
  const wrong = truthful.map((t) => (t.channel === 'search' ? { ...t, lift: 10 * t.lift, standardError: 0.5 * t.lift } : t));
  const bad = await fitMmm(sim.table, { liftTests: wrong, search });
  assert.deepEqual(bad.search.liftConflicts?.map((c) => c.channel), ['search']);
  const c = bad.search.liftConflicts![0];
  assert.ok(c.calibrated[0] > c.dataOnly[1], JSON.stringify(c));
  // Without lift tests there is nothing to compare: the field is absent.
  assert.equal((await fitMmm(sim.table, { search })).search.liftConflicts, undefined);
});
