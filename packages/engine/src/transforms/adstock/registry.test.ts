import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../random/rng.ts';
import { adstockWeights, applyAdstock } from './adstock.ts';
import { ADSTOCK_TYPES, adstockRegistry, getAdstockKernel } from './registry.ts';
import type { AdstockKernel } from './types.ts';
import { assertParamBounds, assertRoundTrips, drawSpec } from '../../../test/kernel-contract.ts';

// Contract tests: every registered adstock kernel must pass all of these, with parameters drawn
// uniformly (in each param's search scale) from its search bounds.

const kernels: AdstockKernel[] = ADSTOCK_TYPES.map((t) => getAdstockKernel(t));
const DRAWS = 25;

function randomSeries(rng: { next(): number }, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = rng.next() < 0.3 ? 0 : 100 * rng.next();
  return x;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

test('registry holds exactly the four adstock families, keyed by their own type', () => {
  assert.deepEqual([...ADSTOCK_TYPES].sort(), ['delayed', 'geometric', 'weibull-cdf', 'weibull-pdf']);
  for (const t of ADSTOCK_TYPES) assert.equal(adstockRegistry[t].type, t);
  assert.throws(() => getAdstockKernel('carryover'), { code: 'UNKNOWN_KERNEL', message: /"carryover".*geometric, delayed, weibull-cdf, weibull-pdf/ });
  assert.throws(() => getAdstockKernel('toString'), { code: 'UNKNOWN_KERNEL' });
});

for (const kernel of kernels) {
  test(`${kernel.type}: params bounds are sane`, () => {
    assertParamBounds(kernel);
  });

  test(`${kernel.type}: vector and JSON round trips`, () => {
    const rng = createRng(11);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      const back = assertRoundTrips(kernel, spec, [-1, -2]);
      assert.deepEqual([...adstockWeights(back, 8, false)], [...adstockWeights(spec, 8, false)]);
    }
  });

  test(`${kernel.type}: weights are finite and ≥ 0, normalised weights sum to 1`, () => {
    const rng = createRng(12);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      for (const maxLag of [0, 1, 13, 52, 104]) {
        const raw = kernel.weights(spec, maxLag);
        assert.equal(raw.length, maxLag + 1);
        for (const w of raw) assert.ok(Number.isFinite(w) && w >= 0);
        const norm = adstockWeights(spec, maxLag, true);
        const sum = norm.reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - 1) < 1e-12, `sum ${sum} for ${JSON.stringify(spec)} maxLag ${maxLag}`);
      }
    }
  });

  test(`${kernel.type}: zeros in give zeros out, output length equals input length`, () => {
    const rng = createRng(13);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      for (const n of [0, 1, 7, 200]) {
        for (const normalised of [false, true]) {
          const y = applyAdstock(new Float64Array(n), spec, { maxLag: 52, normalised });
          assert.equal(y.length, n);
          for (const v of y) assert.equal(v, 0);
        }
      }
    }
  });

  test(`${kernel.type}: linear, adstock(a·x + b·y) = a·adstock(x) + b·adstock(y)`, () => {
    const rng = createRng(14);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      const n = 150;
      const x = randomSeries(rng, n);
      const y = randomSeries(rng, n);
      const a = 3 * rng.next() - 1;
      const b = 2 * rng.next();
      const mix = new Float64Array(n);
      for (let t = 0; t < n; t++) mix[t] = a * x[t] + b * y[t];
      for (const normalised of [false, true]) {
        const opts = { maxLag: 60, normalised };
        const ax = applyAdstock(x, spec, opts);
        const ay = applyAdstock(y, spec, opts);
        const am = applyAdstock(mix, spec, opts);
        const tol = 1e-12 * (Math.abs(a) * maxAbs(ax) + b * maxAbs(ay) + 1e-300);
        for (let t = 0; t < n; t++) assert.ok(Math.abs(am[t] - (a * ax[t] + b * ay[t])) <= tol, `t=${t}`);
      }
    }
  });

  test(`${kernel.type}: mass conservation, a normalised spike sums to 1 on a long enough series`, () => {
    const rng = createRng(15);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      for (const maxLag of [0, 26, 104]) {
        const x = new Float64Array(maxLag + 20);
        x[5] = 1;
        const y = applyAdstock(x, spec, { maxLag, normalised: true });
        const total = y.reduce((s, v) => s + v, 0);
        assert.ok(Math.abs(total - 1) < 1e-12, `mass ${total} for ${JSON.stringify(spec)}`);
        for (let t = 0; t < 5; t++) assert.equal(y[t], 0, 'no effect before the spend');
      }
    }
  });
}
