import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carryoverSplit, immediateWeight } from './carryover-split.ts';
import { applyAdstock } from './adstock.ts';
import type { AdstockSpec } from './types.ts';

test('carryoverSplit: hand-computed geometric split', () => {
  // alpha 0.5, maxLag 1: total = [1, 1 + 0.5] ; immediate = x ; carryover = 0.5·x[t−1]
  const r = carryoverSplit(Float64Array.of(1, 1), { type: 'geometric', alpha: 0.5 }, { maxLag: 1, normalised: false });
  assert.deepEqual([...r.total], [1, 1.5]);
  assert.deepEqual([...r.immediate], [1, 1]);
  assert.deepEqual([...r.carryover], [0, 0.5]);
});

test('carryoverSplit normalised: immediate share is w[0] / Σw and total matches applyAdstock', () => {
  const spec: AdstockSpec = { type: 'geometric', alpha: 0.5 };
  assert.ok(Math.abs(immediateWeight(spec, { maxLag: 3, normalised: true }) - 1 / 1.875) < 1e-15);
  const x = Float64Array.of(4, 0, 2, 8, 1, 0, 0);
  const opts = { maxLag: 3, normalised: true };
  const r = carryoverSplit(x, spec, opts);
  const total = applyAdstock(x, spec, opts);
  for (let t = 0; t < x.length; t++) {
    assert.ok(Math.abs(r.total[t] - total[t]) < 1e-14);
    assert.ok(Math.abs(r.immediate[t] - x[t] / 1.875) < 1e-15);
    assert.ok(r.carryover[t] >= 0);
  }
  // carryover at t = 1: (0.5 / 1.875)·4
  assert.ok(Math.abs(r.carryover[1] - 2 / 1.875) < 1e-15);
});

test('carryoverSplit: a delayed adstock can have less immediate than carried effect', () => {
  // delay 2, alpha 0.5, maxLag 2: weights [0.0625, 0.5, 1]
  const r = carryoverSplit(Float64Array.of(1, 0, 0), { type: 'delayed', alpha: 0.5, delay: 2 }, { maxLag: 2, normalised: false });
  assert.deepEqual([...r.immediate], [0.0625, 0, 0]);
  assert.deepEqual([...r.carryover], [0, 0.5, 1]);
});
