import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { fixedLevels, planEvaluator } from './plan-evaluator.ts';
import { planValue } from './plan-objective.ts';
import type { PlanChannel } from './plan-types.ts';

const geo = (alpha: number, maxLag: number): number[] => Array.from(adstockWeights({ type: 'geometric', alpha }, maxLag, true));
function chan(name: string, coef: number, k: number, shape: number, scale: number, weights: number[], history: number[]): PlanChannel {
  return { name, current: 1, coef, gain: 1 / scale, saturation: { type: 'hill', halfSaturation: k, shape }, weights, scale, history };
}

// History shorter than the lag, a zero-weight tail with a Hill shape < 1 (f'(0) = ∞), a lag longer than the plan.
const chans = [
  chan('a', 5, 1, 2.5, 3, geo(0.5, 3), [1, 2, 3]),
  chan('b', 3, 0.8, 0.6, 2, [0.7, 0.3, 0, 0], [4]),
  chan('c', 4, 1.2, 1, 5, geo(0.8, 9), [2, 2, 2, 2, 2, 2, 2, 2, 2]),
];
const x = Float64Array.of(1, 0, 3, 0.5, 2.5, 1.5, 0, 1, 2, 4, 0, 0);

for (const [carry, after] of [[true, 0], [false, 0], [true, 1.5], [false, 1.5]] as const) {
  test(`planEvaluator equals planValue in value and gradient (carry-out ${carry ? 'counted' : 'not counted'}, spend after the plan ${after})`, () => {
    const channels = chans.map((ch) => ({ ...ch, after }));
    const g1 = new Float64Array(12), g2 = new Float64Array(12);
    const r = planValue(channels, x, 4, g1, carry);
    const expected = r.window.reduce((a, b) => a + b, 0) + (carry ? r.carryOut.reduce((a, b) => a + b, 0) : 0);
    const got = planEvaluator(channels, 4, carry)(x, g2);
    assert.ok(Math.abs(got - expected) <= 1e-12 * expected, `${got} vs ${expected}`);
    for (let i = 0; i < 12; i++) {
      assert.ok(Number.isFinite(g2[i]) && Number.isFinite(g1[i]), `coordinate ${i}: ${g1[i]} ${g2[i]}`);
      assert.ok(Math.abs(g1[i] - g2[i]) <= 1e-12 * Math.max(1, Math.abs(g1[i])), `coordinate ${i}: ${g1[i]} vs ${g2[i]}`);
    }
  });
}

test('the gradient skips zero lag weights instead of producing ∞·0 = NaN (Hill shape < 1 with nothing adstocked)', () => {
  // Channel b's level is 0 in the carry-out periods after its two non-zero lags: f'(0) = ∞ there.
  const g = new Float64Array(12);
  planValue(chans, x, 4, g);
  assert.ok(g.every(Number.isFinite));
});

test('fixedLevels: carry-in of the history in the first L periods, plus the adstock of the spend after the plan from H on', () => {
  // w = [0.5, 0.3, 0.2], history [10, 20], H = 2, after = 4: t0 = 0.3·20 + 0.2·10, t1 = 0.2·20, t2 = 0.5·4, t3 = 0.8·4.
  const lv = fixedLevels([0.5, 0.3, 0.2], [10, 20], 2, 4, 4);
  const expected = [8, 4, 2, 3.2];
  expected.forEach((e, t) => assert.ok(Math.abs(lv[t] - e) < 1e-12, `t ${t}: ${lv[t]} vs ${e}`));
  assert.deepEqual(Array.from(fixedLevels([0.5, 0.3, 0.2], [10, 20], 2, 4)), [8, 4, 0, 0]);
});
