import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { replicateModels } from '../model/replicate-models.ts';
import { interval90, planLiftDraws, steadyStateLiftDraws } from './lift-draws.ts';
import { planModelFromMmm } from './plan-model-from-mmm.ts';
import { planValue } from './plan-objective.ts';
import type { ResponseModel } from './types.ts';

const close = (a: number, b: number, tol = 1e-12): void => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

test('interval90: 5–95 % quantiles (numpy reference); fewer than 10 draws give none', () => {
  // Reference: numpy 2.4, np.quantile([9,2,7,4,0,5,1,8,3,6,10], [0.05, 0.95]) = [0.5, 9.5].
  const iv = interval90([9, 2, 7, 4, 0, 5, 1, 8, 3, 6, 10]);
  assert.ok(iv);
  close(iv[0], 0.5);
  close(iv[1], 9.5);
  assert.equal(interval90([1, 2, 3, 4, 5, 6, 7, 8, 9]), null);
  // Non-finite draws are left out: the same 11 finite values with two NaN give the same interval; 9 finite give none.
  assert.deepEqual(interval90([9, 2, Number.NaN, 7, 4, 0, 5, 1, 8, 3, 6, 10, Number.POSITIVE_INFINITY]), iv);
  assert.equal(interval90([1, 2, 3, 4, 5, 6, 7, 8, 9, Number.NaN]), null);
});

const mm = (k: number) => ({ type: 'michaelis-menten' as const, halfSaturation: k });

test('steadyStateLiftDraws: per replicate Σ_c r_rc(to) − r_rc(from), by hand', () => {
  // Michaelis–Menten x/(K + x): replicate 0 has a = 2·x/(1+x), b = 1·x/(2+x); replicate 1 a = 4·x/(1+x), b = 3·x/(1+x).
  const rm: ResponseModel = { baseline: 100, channels: [
    { name: 'a', current: 1, coef: 1, gain: 1, saturation: mm(1), components: [{ coef: 2, gain: 1, saturation: mm(1) }, { coef: 4, gain: 1, saturation: mm(1) }] },
    { name: 'b', current: 2, coef: 1, gain: 1, saturation: mm(1), components: [{ coef: 1, gain: 1, saturation: mm(2) }, { coef: 3, gain: 1, saturation: mm(1) }] },
  ] };
  const d = steadyStateLiftDraws(rm, [1, 2], [3, 1]);
  // r0: 2(3/4 − 1/2) + (1/3 − 2/4) = 0.5 − 1/6; r1: 4(3/4 − 1/2) + 3(1/2 − 2/3) = 1 − 0.5.
  close(d[0], 0.5 - 1 / 6);
  close(d[1], 0.5);
  assert.deepEqual(steadyStateLiftDraws({ baseline: 0, channels: [{ name: 'a', current: 1, coef: 1, gain: 1, saturation: mm(1) }] }, [1], [2]), []);
});

// One channel without carryover: contribution_t = coef·hill(spend_t / scale); point ROI over rows 0–1.
const oneChannel = (extra: Partial<MmmModel>): MmmModel => ({
  window: { start: 0, end: 2 }, holdout: 0, intercept: 0, baseline: [], dates: ['2024-01-01', '2024-01-08'], actual: [0, 0],
  channels: [{ name: 'tv', column: 'tv_spend', spend: [1, 1], adstock: { type: 'geometric', alpha: 0 }, maxLag: 0, saturation: { type: 'hill', halfSaturation: 1, shape: 1 }, scale: 1, coef: 2 }],
  bootstrapRoi: [], ...extra,
} as unknown as MmmModel);

test('replicateModels: stored replicate curves replace the channel curves', () => {
  const reps = replicateModels(oneChannel({ bootstrapRoi: [[9]], bootstrapCurves: [[{ adstock: { type: 'geometric', alpha: 0.5 }, saturation: mm(3), scale: 2, coef: 7 }]] }));
  assert.equal(reps.length, 1);
  assert.deepEqual(reps[0].channels[0].saturation, mm(3));
  assert.equal(reps[0].channels[0].coef, 7);
  assert.equal(reps[0].channels[0].scale, 2);
  assert.deepEqual(reps[0].channels[0].spend, [1, 1]);
});

test('replicateModels without stored curves: coefficient × replicate ROI / point ROI', () => {
  // hill(1) = 0.5, coef 2 → contribution 1 per row, point ROI 1; replicates 1.5, 0.5 and NaN (kept at the point).
  const reps = replicateModels(oneChannel({ bootstrapRoi: [[1.5], [0.5], [Number.NaN]] }));
  assert.deepEqual(reps.map((r) => r.channels[0].coef), [3, 1, 2]);
});

test('planLiftDraws: each replicate plan KPI difference equals planValue on its own plan model', () => {
  const model = oneChannel({ bootstrapRoi: [[1], [1]], bootstrapCurves: [
    [{ adstock: { type: 'geometric', alpha: 0 }, saturation: mm(1), scale: 1, coef: 2 }],
    [{ adstock: { type: 'geometric', alpha: 0 }, saturation: mm(2), scale: 1, coef: 5 }],
  ] });
  const reps = replicateModels(model);
  const from = Float64Array.of(1, 1), to = Float64Array.of(2, 0);
  const d = planLiftDraws(reps, from, to, 2);
  // No carryover: replicate 0 lift = 2(2/3 + 0 − 1/2 − 1/2) = −2/3; replicate 1 = 5(2/4 − 2/3) = −5/6.
  close(d[0], -2 / 3);
  close(d[1], -5 / 6);
  const pm = planModelFromMmm(reps[1]);
  const tot = (x: Float64Array): number => { const v = planValue(pm.channels, x, 2); return v.window[0] + v.carryOut[0]; };
  close(d[1], tot(to) - tot(from));
});
