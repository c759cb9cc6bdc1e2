import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelChannel } from '../model/mmm-model.ts';
import type { AdstockSpec } from '../transforms/adstock/types.ts';
import type { SaturationSpec } from '../transforms/saturation/types.ts';
import { channelContribution } from '../model/channel-response.ts';
import { responseCurve, steadyStateGain } from './response-curve.ts';
import { EngineError } from '../errors.ts';

function channel(adstock: AdstockSpec, saturation: SaturationSpec, maxLag = 6, scale = 500, coef = 1200): ModelChannel {
  return { name: 'tv', column: 'tv_spend', spend: [], adstock, maxLag, saturation, scale, coef };
}

/** Saturation curves written out from their definitions (types.ts), independent of the kernels. */
function sat(x: number, s: SaturationSpec): number {
  switch (s.type) {
    case 'hill': return x ** s.shape / (x ** s.shape + s.halfSaturation ** s.shape);
    case 'logistic': return (1 - Math.exp(-s.lambda * x)) / (1 + Math.exp(-s.lambda * x));
    case 'michaelis-menten': return x / (s.halfSaturation + x);
    case 'log1p': return Math.log(1 + x / s.scale);
  }
}

const cases: ModelChannel[] = [
  channel({ type: 'geometric', alpha: 0.6 }, { type: 'hill', halfSaturation: 1.2, shape: 2.5 }),
  channel({ type: 'geometric', alpha: 0.3 }, { type: 'hill', halfSaturation: 0.8, shape: 0.7 }, 4),
  channel({ type: 'weibull-pdf', shape: 2, scale: 3 }, { type: 'logistic', lambda: 1.7 }, 8),
  channel({ type: 'delayed', alpha: 0.5, delay: 2 }, { type: 'michaelis-menten', halfSaturation: 1.5 }, 10),
  channel({ type: 'weibull-cdf', shape: 1.3, scale: 4 }, { type: 'log1p', scale: 0.9 }, 12, 800, 300),
];

test('normalised weights sum to 1, so the steady-state gain is 1 / scale', () => {
  for (const ch of cases) assert.ok(Math.abs(steadyStateGain(ch) - 1 / ch.scale) < 1e-15 / ch.scale, ch.adstock.type);
});

test('at the operating point the curve equals coef·f(spend·Σw/scale), hand-written f', () => {
  const current = 650;
  for (const ch of cases) {
    const c = responseCurve(ch, current);
    const expected = ch.coef * sat(current / ch.scale, ch.saturation);
    assert.ok(Math.abs(c.current.response - expected) <= 1e-12 * Math.abs(expected), `${ch.saturation.type}: ${c.current.response} vs ${expected}`);
    assert.equal(c.current.spend, current);
    assert.equal(c.channel, 'tv');
  }
});

test('the steady-state response equals the contribution after a long run of constant spend', () => {
  // Independent of the closed form: run channelContribution on a constant spend series longer than maxLag.
  const level = 420;
  for (const ch of cases) {
    const series = new Float64Array(ch.maxLag + 40).fill(level);
    const contrib = channelContribution(ch, series);
    const steady = contrib[contrib.length - 1];
    const c = responseCurve(ch, level);
    assert.ok(Math.abs(c.current.response - steady) <= 1e-9 * Math.abs(steady), `${ch.adstock.type}: ${c.current.response} vs ${steady}`);
  }
});

test('response(0) = 0, the grid runs from 0 to maxMultiple × current, and the curve is monotone', () => {
  for (const ch of cases) {
    const c = responseCurve(ch, 1000, 2.5, 51);
    assert.equal(c.spend.length, 51);
    assert.equal(c.response.length, 51);
    assert.equal(c.marginal.length, 51);
    assert.equal(c.spend[0], 0);
    assert.ok(Math.abs(c.spend[50] - 2500) < 1e-9);
    assert.equal(c.response[0], 0);
    for (let i = 1; i < 51; i++) {
      assert.ok(c.spend[i] > c.spend[i - 1]);
      assert.ok(c.response[i] >= c.response[i - 1], `${ch.saturation.type} not monotone at ${i}`);
      assert.ok(c.marginal[i] >= 0);
    }
  }
});

test('marginal is the derivative of response: central finite difference', () => {
  for (const ch of cases) {
    const c = responseCurve(ch, 800);
    for (let i = 1; i < c.spend.length; i += 7) {
      const x = c.spend[i];
      const h = 1e-4 * x;
      const fd = (responseCurve(ch, x + h).current.response - responseCurve(ch, x - h).current.response) / (2 * h);
      // also against the hand-written curve, so a wrong derivative in a kernel cannot cancel out
      const fdHand = (ch.coef * (sat((x + h) / ch.scale, ch.saturation) - sat((x - h) / ch.scale, ch.saturation))) / (2 * h);
      const tol = 1e-6 * Math.max(Math.abs(fd), 1e-12);
      assert.ok(Math.abs(c.marginal[i] - fd) <= tol, `${ch.saturation.type} at ${x}: ${c.marginal[i]} vs ${fd}`);
      assert.ok(Math.abs(c.marginal[i] - fdHand) <= tol, `${ch.saturation.type} at ${x}: ${c.marginal[i]} vs ${fdHand}`);
    }
    const x = c.current.spend, h = 1e-4 * x;
    const fd = (responseCurve(ch, x + h).current.response - responseCurve(ch, x - h).current.response) / (2 * h);
    assert.ok(Math.abs(c.current.marginal - fd) <= 1e-6 * Math.abs(fd));
  }
});

test('a concave Hill (shape < 1) has an infinite slope at zero spend; an S-curve a zero slope', () => {
  assert.equal(responseCurve(cases[1], 100).marginal[0], Infinity);
  assert.equal(responseCurve(cases[0], 100).marginal[0], 0);
});

test('the curve scales linearly with the coefficient', () => {
  const base = cases[0];
  const a = responseCurve(base, 900);
  const b = responseCurve({ ...base, coef: 3 * base.coef }, 900);
  for (let i = 0; i < a.response.length; i++) {
    assert.ok(Math.abs(b.response[i] - 3 * a.response[i]) <= 1e-9 * Math.abs(b.response[i]) + 1e-12);
  }
});

test('bad spend, multiple or point count is an EngineError naming the argument', () => {
  const isArg = (re: RegExp) => (e: unknown) => e instanceof EngineError && e.code === 'INVALID_ARGUMENT' && re.test(e.message);
  assert.throws(() => responseCurve(cases[0], -100), isArg(/currentSpend of channel "tv" must be a finite number ≥ 0, got -100/));
  assert.throws(() => responseCurve(cases[0], NaN), isArg(/got NaN/));
  assert.throws(() => responseCurve(cases[0], 100, 3, 1), isArg(/nPoints must be an integer ≥ 2/));
  assert.throws(() => responseCurve(cases[0], 100, 0), isArg(/maxMultiple/));
});

test('an unfunded channel (current spend 0) gets a curve over its typical spend, not 0 … 3e-9', () => {
  const ran = { ...cases[0], spend: [0, 0, 400, 800, 0] };
  const c = responseCurve(ran, 0);
  assert.equal(c.spend[c.spend.length - 1], 3 * 600); // 3 × its mean spend in the periods it spent
  assert.equal(c.current.spend, 0);
  assert.equal(c.current.response, 0);
  // Never spent: the spend that puts the saturation input at 1 (1/gain = scale with normalised weights).
  const never = responseCurve(cases[0], 0, 2);
  assert.ok(Math.abs(never.spend[never.spend.length - 1] - 2 * cases[0].scale) < 1e-9);
  assert.ok(never.response[never.response.length - 1] > 0);
});
