import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeMean, mediaResponse, saturatedResponse } from './media-response.ts';
import type { MediaTransform } from './media-response.ts';

// Reference computed with python3 + scipy 1.17:
//   w = weibull_min.pdf(arange(1, 5), 2, scale=3); w /= w.sum()
//   a[t] = Σ_{l ≤ min(t, 3)} w[l]·x[t−l]; scale = a[a > 0].mean(); u = a/scale; s = u^1.5/(u^1.5 + 1.2^1.5)
const SPEND = Float64Array.of(100, 0, 50, 200, 0, 0, 80);
const TRANSFORM: MediaTransform = {
  adstock: { type: 'weibull-pdf', shape: 2, scale: 3 },
  maxLag: 3,
  saturation: { type: 'hill', halfSaturation: 1.2, shape: 1.5 },
};
const A = [22.61470339473219, 32.40828612332995, 39.198899232613144, 78.51901279782015, 78.76234601428342, 64.32582654383951, 52.262688609167355];
const SCALE = 52.58453753082653;
const S = [0.17664940890550626, 0.269040859037411, 0.32868414463420526, 0.581247277891698, 0.5823765531172137, 0.507206077594396, 0.42979405592748765];

const close = (got: ArrayLike<number>, want: readonly number[], tol: number): void => {
  assert.equal(got.length, want.length);
  for (let i = 0; i < want.length; i++) assert.ok(Math.abs(got[i] - want[i]) <= tol * Math.max(1, Math.abs(want[i])), `[${i}] ${got[i]} vs ${want[i]}`);
};

test('mediaResponse matches the scipy reference (normalised Weibull-PDF adstock, Hill)', () => {
  const r = mediaResponse(SPEND, TRANSFORM);
  close(r.adstocked, A, 1e-12);
  assert.ok(Math.abs(r.scale - SCALE) < 1e-10);
  close(r.saturated, S, 1e-12);
  // Immediate fraction w[0]·x/a: at t = 0 only own spend exists, so it is 1; at t = 1 spend is 0.
  assert.ok(Math.abs(r.immediateFraction[0] - 1) < 1e-15);
  assert.equal(r.immediateFraction[1], 0);
});

test('saturatedResponse with a multiplier scales the adstock input, not the scale', () => {
  const r = saturatedResponse(Float64Array.of(2, 2), { adstock: { type: 'geometric', alpha: 0 }, maxLag: 0, saturation: { type: 'hill', halfSaturation: 1, shape: 1 } }, 2, 3);
  // a = 3·2 = 6, u = 6/2 = 3, f = 3/(3 + 1) = 0.75
  close(r, [0.75, 0.75], 1e-15);
});

test('activeMean: mean over the rows within maxLag of positive spend (round-off residues elsewhere ignored); needs some spend', () => {
  assert.equal(activeMean(Float64Array.of(0, 2, 4), Float64Array.of(0, 2, 4), 0), 3);
  assert.equal(activeMean(Float64Array.of(1e-20, 2, 4), Float64Array.of(0, 2, 4), 0), 3);
  // Carryover rows count: spend 4 at row 0, geometric α = 0.5 normalised over maxLag 1 → a = [8/3, 4/3, 0].
  assert.equal(activeMean(Float64Array.of(8 / 3, 4 / 3, 0), Float64Array.of(4, 0, 0), 1), 2);
  assert.throws(() => activeMean(new Float64Array(3), new Float64Array(3), 2), { code: 'INVALID_ARGUMENT' });
});
