import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, ResponseModel } from '@mixwise/engine';
import { expectedResponseModel, liftInterval, meanFactors, quantileSorted, replicateFactors } from './optimize-uncertainty.ts';

const close = (a: number, b: number, tol = 1e-12): void => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('quantileSorted matches numpy.quantile (linear, Hyndman–Fan 7)', () => {
  // Reference: numpy 2.4, np.quantile([3.2,-1.5,7.25,0.0,2.5,9.75,-4.0,1.125,5.5,6.0,-0.25,8.0], p)
  // → p=0.05: -2.625, p=0.95: 8.7875, p=0.5: 2.85.
  const x = [3.2, -1.5, 7.25, 0.0, 2.5, 9.75, -4.0, 1.125, 5.5, 6.0, -0.25, 8.0].sort((a, b) => a - b);
  close(quantileSorted(x, 0.05), -2.625);
  close(quantileSorted(x, 0.95), 8.7875);
  close(quantileSorted(x, 0.5), 2.85);
  assert.equal(quantileSorted([4], 0.95), 4);
});

const K = [[0.8, 1.3], [1.1, 0.7], [0.95, 1.05], [1.2, 0.9], [0.6, 1.4], [1.0, 1.0], [1.3, 0.5], [0.9, 1.2], [1.05, 0.85], [0.7, 1.1], [1.15, 0.95]];

test('liftInterval: 5–95 % quantiles of Σ_c k_rc·Δ_c over replicates (numpy reference)', () => {
  // Reference: numpy 2.4, l = K @ [100, -40]; np.quantile(l, 0.05) = 15.0, np.quantile(l, 0.95) = 97.0.
  const iv = liftInterval([100, -40], K);
  assert.ok(iv);
  close(iv[0], 15, 1e-12);
  close(iv[1], 97, 1e-12);
});

test('liftInterval needs at least 10 replicates', () => {
  assert.equal(liftInterval([1, 1], K.slice(0, 9)), null);
  assert.notEqual(liftInterval([1, 1], K.slice(0, 10)), null);
});

test('meanFactors averages per channel; no replicates → 1', () => {
  // Reference: numpy K.mean(axis=0) = [0.97727273, 0.99545455] (= 10.75/11, 10.95/11).
  const m = meanFactors(K, 2);
  close(m[0], 10.75 / 11);
  close(m[1], 10.95 / 11);
  assert.deepEqual(meanFactors([], 3), [1, 1, 1]);
});

test('expectedResponseModel scales each coef by its factor and keeps the rest', () => {
  const rm: ResponseModel = { baseline: 5, channels: [
    { name: 'a', current: 1, coef: 2, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } },
    { name: 'b', current: 2, coef: 3, gain: 0.5, saturation: { type: 'log1p', scale: 1 } },
  ] };
  const e = expectedResponseModel(rm, [0.5, 2]);
  assert.deepEqual(e.channels.map((c) => c.coef), [1, 6]);
  assert.equal(e.baseline, 5);
  assert.equal(e.channels[1].gain, 0.5);
});

test('replicateFactors: replicate ROI / point ROI over the modeling window', () => {
  // One channel, no carryover (maxLag 0), linear-ish curve: contribution_t = coef·hill(spend_t/scale).
  // With hill K = 1, s = 1, scale = 1, spend = [1, 1]: f = 0.5 per row, contribution 2·0.5 = 1 per row,
  // so the point ROI is (1 + 1) / (1 + 1) = 1; replicates 1.5 and 0.5 give factors 1.5 and 0.5.
  const model = {
    window: { start: 0, end: 2 },
    channels: [{ name: 'tv', column: 'tv_spend', spend: [1, 1], adstock: { type: 'geometric', alpha: 0 }, maxLag: 0, saturation: { type: 'hill', halfSaturation: 1, shape: 1 }, scale: 1, coef: 2 }],
    bootstrapRoi: [[1.5], [0.5], [Number.NaN]],
  } as unknown as MmmModel;
  assert.deepEqual(replicateFactors(model), [[1.5], [0.5], [1]]);
});
