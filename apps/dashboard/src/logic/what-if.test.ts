import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateBudget, type ResponseModel } from '@mixwise/engine';
import { rescaleSpend, whatIf } from './what-if.ts';

const mm: ResponseModel = {
  baseline: 10,
  channels: [
    { name: 'a', current: 1, coef: 2, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } },
    { name: 'b', current: 4, coef: 3, gain: 0.5, saturation: { type: 'hill', halfSaturation: 1, shape: 2 } },
  ],
};

test('whatIf matches hand-computed Michaelis–Menten and Hill values', () => {
  const r = whatIf(mm, [1, 4]);
  // a: 2·1/(1+1) = 1; mROI = 2·1·K/(K+x)² = 2·1/4 = 0.5
  assert.ok(Math.abs(r.channels[0].response - 1) < 1e-12);
  assert.ok(Math.abs(r.channels[0].mroi - 0.5) < 1e-12);
  // b: u = 0.5·4 = 2, f = 4/(4+1) = 0.8 → 2.4; f'(u) = s·u^(s−1)K^s/(u^s+K^s)² = 2·2/25 = 0.16 → mROI = 3·0.5·0.16 = 0.24
  assert.ok(Math.abs(r.channels[1].response - 2.4) < 1e-12);
  assert.ok(Math.abs(r.channels[1].mroi - 0.24) < 1e-12);
  assert.ok(Math.abs(r.channels[1].roi! - 0.6) < 1e-12);
  assert.ok(Math.abs(r.kpi - 13.4) < 1e-12);
  assert.ok(Math.abs(r.roi! - 3.4 / 5) < 1e-12);
  assert.equal(r.totalSpend, 5);
});

test('whatIf agrees with the engine optimizer at its recommended allocation', () => {
  const alloc = allocateBudget(mm, { budget: 6 });
  assert.ok(alloc.feasible);
  const r = whatIf(mm, alloc.channels.map((c) => c.recommended));
  assert.ok(Math.abs(r.kpi - alloc.expected.recommended) < 1e-9);
  for (let c = 0; c < 2; c++) assert.ok(Math.abs(r.channels[c].mroi - alloc.channels[c].mroiRecommended) < 1e-9);
});

test('whatIf at zero spend gives the baseline and null ROI', () => {
  const r = whatIf(mm, [0, 0]);
  assert.equal(r.kpi, 10);
  assert.equal(r.roi, null);
  assert.equal(r.channels[0].roi, null);
});

test('whatIf marks spends outside the levels the data cover', () => {
  const ranged: ResponseModel = { ...mm, channels: [{ ...mm.channels[0], observed: { low: 0.5, high: 2 } }, mm.channels[1]] };
  assert.deepEqual([0.4, 0.5, 2, 2.5].map((x) => whatIf(ranged, [x, 4]).channels[0].beyondData), ['below', null, null, 'above']);
  // A channel without a range is never flagged.
  assert.equal(whatIf(ranged, [1, 400]).channels[1].beyondData, null);
  assert.equal(whatIf(ranged, [1, 4]).channels[0].sparse, null);
});

test('whatIf gives a sparse channel the engine\'s short caution (how few periods it spent in)', () => {
  const sparse: ResponseModel = { ...mm, channels: [{ ...mm.channels[0], observed: { low: 5, high: 9, sparse: { active: 3, periods: 156, first: 49, kind: 'few' } } }, mm.channels[1]] };
  const r = whatIf(sparse, [1, 4]);
  assert.equal(r.channels[0].beyondData, 'below');
  assert.equal(r.channels[0].sparse, `Few periods of data: ${mm.channels[0].name} spent in only 3 of the 156 fitted periods, so its response at a sustained level of spend is the fitted curve's guess.`);
  assert.equal(r.channels[1].sparse, null);
});

test('whatIf rejects bad input', () => {
  assert.throws(() => whatIf(mm, [1]), /expected 2/);
  assert.throws(() => whatIf(mm, [1, -1]), /finite number ≥ 0/);
  assert.throws(() => whatIf(mm, [1, Number.NaN]), /finite number ≥ 0/);
});

test('rescaleSpend keeps the mix', () => {
  assert.deepEqual(rescaleSpend([1, 3], 8), { ok: true, spend: [2, 6] });
  assert.deepEqual(rescaleSpend([0, 0], 8), { ok: true, spend: [4, 4] });
  // Through 0 and back from the same base: the mix survives (the field rescales from the spend before the edit).
  assert.deepEqual(rescaleSpend([1, 3], 0), { ok: true, spend: [0, 0] });
  assert.deepEqual(rescaleSpend([1, 3], 4000), { ok: true, spend: [1000, 3000] });
});

test('rescaleSpend keeps locked channels and rescales the rest', () => {
  // tv locked at 160; the others (120, 100) share 600 − 160 = 440 in their mix 120:100.
  const r = rescaleSpend([160, 120, 100], 600, [true, false, false]);
  assert.ok(r.ok);
  assert.equal(r.spend[0], 160);
  assert.ok(Math.abs(r.spend[1] - 240) < 1e-9 && Math.abs(r.spend[2] - 200) < 1e-9);
  assert.ok(Math.abs(r.spend.reduce((s, v) => s + v, 0) - 600) < 1e-9);
  // Unlocked channels at 0 share the rest evenly.
  assert.deepEqual(rescaleSpend([5, 0, 0], 9, [true, false, false]), { ok: true, spend: [5, 2, 2] });
  // Below the locked spend, or nothing left to move: said, not rescaled.
  assert.deepEqual(rescaleSpend([160, 120, 100], 100, [true, false, false]), { ok: false, reason: 'below-locked', lockedTotal: 160 });
  assert.deepEqual(rescaleSpend([1, 2], 5, [true, true]), { ok: false, reason: 'all-locked', lockedTotal: 3 });
  assert.deepEqual(rescaleSpend([1, 2], 3, [true, true]), { ok: true, spend: [1, 2] });
  // Exactly the locked spend leaves the others at 0.
  assert.deepEqual(rescaleSpend([160, 120], 160, [true, false]), { ok: true, spend: [160, 0] });
});
