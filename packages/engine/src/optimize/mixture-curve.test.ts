import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../random/rng.ts';
import { uniform } from '../random/distributions.ts';
import { compileCurve } from './curve.ts';
import { mixtureCurve } from './mixture-curve.ts';
import { allocateBudget, compileCurves } from './allocate-budget.ts';
import { targetEfficiency } from './target-efficiency.ts';
import { referenceAllocation } from './reference-allocation.ts';
import type { ChannelResponse, ResponseComponent, ResponseModel } from './types.ts';

const close = (a: number, b: number, tol = 1e-12): void => assert.ok(a === b || Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
const hill = (coef: number, gain: number, halfSaturation: number, shape: number): ResponseComponent => ({ coef, gain, saturation: { type: 'hill', halfSaturation, shape } });
const channel = (components: ResponseComponent[], current = 1): ChannelResponse => ({ name: 'c', current, ...components[0], components });

test('mixture value and derivatives are the means of the components (Michaelis–Menten by hand)', () => {
  // 2·x/(1 + x) and 4·x/(3 + x) at x = 1: values 1 and 1, d1 2/4 and 12/16, d2 −4/8 and −24/64.
  const m = compileCurve(channel([{ coef: 2, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } }, { coef: 4, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 3 } }]));
  close(m.value(1), 1);
  close(m.d1(1), (0.5 + 0.75) / 2);
  close(m.d2(1), (-0.5 - 0.375) / 2);
  assert.equal(m.inflection, 0);
  const direct = mixtureCurve([compileCurve({ name: 'a', current: 1, coef: 2, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } }), compileCurve({ name: 'b', current: 1, coef: 4, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 3 } })]);
  close(direct.value(2.5), m.value(2.5));
});

test('a mixture of identical S-curves keeps their inflection (closed form) and is convex–concave', () => {
  // Hill K = 2, s = 3, gain 0.5: inflection K((s − 1)/(s + 1))^(1/s)/gain = 2·0.5^(1/3)/0.5.
  const m = compileCurve(channel([hill(1, 0.5, 2, 3), hill(3, 0.5, 2, 3)]));
  close(m.inflection, (2 * Math.cbrt(0.5)) / 0.5, 1e-10);
  assert.equal(m.convexConcave, true);
});

test('d1 and d2 match central differences of value and d1', () => {
  const m = compileCurve(channel([hill(2, 1, 1, 0.7), hill(1, 1.3, 0.8, 2.5), hill(1.5, 0.9, 1.4, 1.6)]));
  for (const x of [0.3, 0.9, 1.7, 3.2]) {
    const h = 1e-5 * x;
    close(m.d1(x), (m.value(x + h) - m.value(x - h)) / (2 * h), 1e-6);
    close(m.d2(x), (m.d1(x + h) - m.d1(x - h)) / (2 * h), 1e-5);
  }
});

test('a concave + S-shaped mixture that bends twice is flagged: not convex–concave, concave beyond the inflection', () => {
  // Concave near 0 (shape 0.5), convex around the S-curve's rise (K 4, shape 4, large coef), concave after.
  const m = compileCurve(channel([hill(1, 1, 0.2, 0.5), hill(20, 1, 4, 4)]));
  assert.equal(m.convexConcave, false);
  assert.ok(m.inflection > 3 && m.inflection < 4.5, `inflection ${m.inflection}`);
  for (let x = m.inflection * 1.001; x < 40; x *= 1.1) assert.ok(m.d2(x) <= 0, `d2(${x}) = ${m.d2(x)}`);
  assert.ok(m.d2(0.05) < 0 && m.d2(0.9 * m.inflection) > 0);
});

/** Random mixtures of 3–8 Hill draws around a channel's curve, as bootstrap replicates scatter. */
function randomMixtureModel(seed: number, nChannels: number): ResponseModel {
  const rng = createRng(seed);
  const channels = Array.from({ length: nChannels }, (_, c) => {
    const current = uniform(rng, 1, 10), K = uniform(rng, 0.5, 2), s = uniform(rng, 0.6, 3), coef = uniform(rng, 0.5, 5) * current;
    const n = 3 + Math.floor(rng.next() * 6);
    const components = Array.from({ length: n }, () => hill(coef * uniform(rng, 0.5, 1.5), uniform(rng, 0.7, 1.3) / current, K * uniform(rng, 0.6, 1.6), Math.max(0.5, s * uniform(rng, 0.5, 1.5))));
    return { name: `ch${c}`, current, ...components[0], components };
  });
  return { baseline: 0, channels };
}

test('allocation on mixture curves is never worse than the lattice + pattern-search reference; gap NaN only without a certificate', () => {
  let uncertified = 0;
  for (let i = 0; i < 60; i++) {
    const model = randomMixtureModel(700 + i, 2 + (i % 3));
    const budget = model.channels.reduce((a, c) => a + c.current, 0);
    const constraints = { defaults: { min: { type: 'multiple' as const, value: 0.5 }, max: { type: 'multiple' as const, value: 1.5 } } };
    const a = allocateBudget(model, { budget, constraints });
    assert.ok(a.feasible);
    const curves = compileCurves(model);
    const lo = Float64Array.from(a.channels, (c) => c.lower), hi = Float64Array.from(a.channels, (c) => c.upper);
    const ref = referenceAllocation(curves, lo, hi, budget);
    const rel = (ref.value - a.media.recommended) / Math.abs(ref.value);
    assert.ok(rel <= 1e-9, `problem ${i}: reference beats Mixwise by ${rel} (${a.method})`);
    close(a.channels.reduce((s, c) => s + c.recommended, 0), budget, 1e-9);
    const certified = curves.every((c) => c.convexConcave !== false || !(c.inflection > 0));
    if (Number.isNaN(a.optimalityGap)) { uncertified++; assert.equal(a.method, 'grid+polish'); } else assert.ok(a.optimalityGap >= 0);
    if (certified) assert.ok(!Number.isNaN(a.optimalityGap));
  }
  assert.ok(uncertified > 0, 'the random mixtures should include some that bend twice');
});

test('target mROI on a mixture that bends twice finds the best r(x) − m·x (fine grid reference)', () => {
  const model: ResponseModel = { baseline: 0, channels: [channel([hill(1, 1, 0.2, 0.5), hill(20, 1, 4, 4)], 2)] };
  const curve = compileCurves(model)[0];
  for (const m of [0.05, 0.5, 2, 4]) {
    const r = targetEfficiency(model, { type: 'mroi', value: m, constraints: { defaults: { max: { type: 'absolute', value: 12 } } } });
    assert.ok(r.feasible || r.reason === 'TARGET_MROI_UNREACHABLE');
    const x = r.feasible ? r.channels[0].recommended : 0;
    let best = -Infinity;
    for (let k = 0; k <= 120000; k++) best = Math.max(best, curve.value(k * 1e-4) - m * k * 1e-4);
    assert.ok(curve.value(x) - m * x >= best - 1e-7, `m ${m}: x ${x} gives ${curve.value(x) - m * x} < ${best}`);
  }
});

test('the fast Hill path agrees with averaging the compiled curves, including extreme x', () => {
  const comps = [hill(2, 1, 1, 0.7), hill(1, 1.3, 0.8, 2.5), hill(1.5, 0.9, 1.4, 1), hill(3, 2, 0.5, 3.9)];
  const fast = compileCurve(channel(comps));
  const slow = mixtureCurve(comps.map((c) => compileCurve({ name: 'c', current: 1, ...c })));
  for (const x of [0, 1e-9, 1e-3, 0.2, 0.77, 1, 2.5, 40, 1e6, 1e12]) {
    close(fast.value(x), slow.value(x), 1e-12);
    close(fast.d1(x), slow.d1(x), 1e-12);
    close(fast.d2(x), slow.d2(x), 1e-10);
  }
  assert.equal(fast.d1(0), Infinity);
  assert.equal(fast.d1(-1), 0);
  close(fast.inflection, slow.inflection, 1e-9);
  // Calls alternating between two points: the kept exponentials of one x never answer for another.
  const xs = [0.3, 2.2, 0.3, 0.3, 5, 2.2];
  xs.forEach((x, i) => {
    const y = xs[(i + 1) % xs.length];
    close(fast.d2(x), slow.d2(x), 1e-10);
    close(fast.value(y), slow.value(y), 1e-12);
    close(fast.d1(x), slow.d1(x), 1e-12);
  });
});
