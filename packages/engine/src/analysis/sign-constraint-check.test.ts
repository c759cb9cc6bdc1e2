import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { fitMmm } from '../fit/fit-mmm.ts';
import { simulatePreset } from '../simulate/presets/index.ts';
import { createRng } from '../random/rng.ts';
import { normal } from '../random/distributions.ts';
import { WRONG_SIGN_CHI_SQUARE, wrongSignControls } from './sign-constraint-check.ts';

/** A model with no media, the KPI 100 − 5·price + e over 6 periods, price held at 0 by `sign`, ridge λ 0. */
function priceModel(e: number[], sign: 'positive' | 'negative' | undefined, slope = -5): MmmModel {
  const price = [1, 2, 3, 4, 5, 6];
  return {
    window: { start: 0, end: 6 }, holdout: 0, channels: [],
    actual: price.map((p, t) => 100 + slope * p + e[t]),
    baseline: [{ name: 'price', kind: 'control', values: price, coef: 0, ...(sign ? { sign } : {}) }],
    search: { chosen: { lambda: 0 } },
  } as unknown as MmmModel;
}

test('wrongSignControls: a lone control is a simple regression — its free coefficient is the OLS slope and the statistic its t²', () => {
  // Centred price ±2.5, ±1.5, ±0.5: Σp̃² = 17.5; Σp̃·e = −2.5 + 1.5 + 0.5 + 0.5 + 1.5 − 2.5 = −1.
  const e = [1, -1, -1, 1, 1, -1];
  const slope = -5 - 1 / 17.5; // −5.0571…
  const rss = 6 - 1 / 17.5; // Σe² − (Σp̃·e)²/Σp̃²
  const t2 = (slope * slope * 17.5) / (rss / 4); // ≈ 301.2
  const [w] = wrongSignControls(priceModel(e, 'positive'));
  assert.equal(w.name, 'price');
  assert.equal(w.sign, 'positive');
  assert.ok(Math.abs(w.freeCoef - slope) < 1e-9, String(w.freeCoef));
  assert.ok(Math.abs(w.chiSquare - t2) < 1e-6 * t2, `${w.chiSquare} vs ${t2}`);
  assert.ok(Math.abs(t2 - 301.24) < 0.01);
});

test('wrongSignControls: not named when it has no effect, when the data agree with its sign, or when its sign is free', () => {
  // No effect: the free slope is −1/17.5, t² = (1/17.5)²·17.5 / ((6 − 1/17.5)/4) ≈ 0.038.
  assert.deepEqual(wrongSignControls(priceModel([1, -1, -1, 1, 1, -1], 'positive', 0)), []);
  // A true slope of −5 held at 0 by a negative constraint would not be at 0; even so freeing it moves it the allowed way.
  assert.deepEqual(wrongSignControls(priceModel([1, -1, -1, 1, 1, -1], 'negative')), []);
  assert.deepEqual(wrongSignControls(priceModel([1, -1, -1, 1, 1, -1], undefined)), []);
  // A coefficient off its bound is not held by the constraint.
  const off = priceModel([1, -1, -1, 1, 1, -1], 'positive');
  assert.deepEqual(wrongSignControls({ ...off, baseline: [{ ...off.baseline[0], coef: 0.5 }] }), []);
});

test('wrongSignControls: on simulated retail data, price and promo constrained to the wrong signs are named, the right signs and a control of noise are not', async () => {
  const sim = simulatePreset('retail', 4);
  const [price, promo] = sim.table.controls; // truth: price negative, promo positive
  assert.deepEqual([price.sign, promo.sign], ['negative', 'positive']);
  const rng = createRng(1004);
  let ar = 0;
  const noise = { name: 'noise', values: Float64Array.from(sim.table.dates, () => (ar = 0.9 * ar + normal(rng))) };
  const search = { iterations: 600, trials: 2, seed: 1, bootstrap: 0, posterior: 0, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 } };
  const wrong = await fitMmm({ ...sim.table, controls: [{ ...price, sign: 'positive' }, { ...promo, sign: 'negative' }] }, { search });
  assert.deepEqual(wrong.baseline.filter((b) => b.kind === 'control').map((b) => [b.name, b.sign, b.coef]), [['price', 'positive', 0], ['promo', 'negative', 0]]);
  const flagged = wrongSignControls(wrong);
  assert.deepEqual(flagged.map((w) => [w.name, w.sign]), [['price', 'positive'], ['promo', 'negative']]);
  assert.ok(flagged[0].freeCoef < 0 && flagged[1].freeCoef > 0);
  assert.ok(flagged.every((w) => w.chiSquare > WRONG_SIGN_CHI_SQUARE));
  const right = await fitMmm({ ...sim.table, controls: [price, promo, { ...noise, sign: 'positive' }] }, { search });
  assert.equal(right.baseline.find((b) => b.name === 'noise')?.coef, 0, 'the noise control sits at its bound');
  assert.deepEqual(wrongSignControls(right), []);
});

test('wrongSignControls: periods without a KPI are left out, as if their rows were removed', () => {
  // Ten periods, the KPI of rows 2 and 7 unknown; no media, so removing rows changes nothing else.
  const price = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const e = [1, -1, 0.5, -1, 1, 0.5, -0.5, 1, -1, 0.5];
  const actual = price.map((p, t) => (t === 2 || t === 7 ? NaN : 100 - 5 * p + e[t]));
  const at = (values: number[]): MmmModel => ({
    window: { start: 0, end: values.length }, holdout: 0, channels: [], actual: values,
    baseline: [{ name: 'price', kind: 'control', values: price.filter((_, t) => values.length === 10 || (t !== 2 && t !== 7)), coef: 0, sign: 'positive' }],
    search: { chosen: { lambda: 0 } },
  }) as unknown as MmmModel;
  const gap = wrongSignControls(at(actual));
  const removed = wrongSignControls(at(actual.filter((a) => !Number.isNaN(a))));
  assert.equal(gap.length, 1);
  assert.ok(Number.isFinite(gap[0].chiSquare) && Number.isFinite(gap[0].freeCoef));
  assert.ok(Math.abs(gap[0].chiSquare - removed[0].chiSquare) <= 1e-9 * removed[0].chiSquare, `${gap[0].chiSquare} vs ${removed[0].chiSquare}`);
  assert.ok(Math.abs(gap[0].freeCoef - removed[0].freeCoef) <= 1e-12 * Math.abs(removed[0].freeCoef));
});
