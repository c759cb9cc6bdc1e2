import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../random/rng.ts';
import { SATURATION_TYPES, getSaturationKernel, saturationRegistry } from './registry.ts';
import type { SaturationKernel } from './types.ts';
import { assertParamBounds, assertRoundTrips, drawSpec } from '../../../test/kernel-contract.ts';

// Contract tests: every registered saturation kernel must pass all of these, with parameters drawn
// uniformly (in each param's search scale) from its search bounds.

const kernels: SaturationKernel[] = SATURATION_TYPES.map((t) => getSaturationKernel(t));
const DRAWS = 40;
const EPS = Number.EPSILON;

/** Evaluation points: log-spaced from 1e-3 to 20 (scaled units, typical spend ≈ 1). */
const GRID: number[] = [];
for (let i = 0; i <= 60; i++) GRID.push(1e-3 * Math.pow(2e4, i / 60));

test('registry holds exactly the four saturation families, keyed by their own type', () => {
  assert.deepEqual([...SATURATION_TYPES].sort(), ['hill', 'log1p', 'logistic', 'michaelis-menten']);
  for (const t of SATURATION_TYPES) assert.equal(saturationRegistry[t].type, t);
  assert.throws(() => getSaturationKernel('tanh'), { code: 'UNKNOWN_KERNEL', message: /"tanh".*hill, logistic, michaelis-menten, log1p/ });
  assert.throws(() => getSaturationKernel('constructor'), { code: 'UNKNOWN_KERNEL' });
});

for (const kernel of kernels) {
  test(`${kernel.type}: params bounds are sane`, () => {
    assertParamBounds(kernel);
  });

  test(`${kernel.type}: vector and JSON round trips`, () => {
    const rng = createRng(21);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      const back = assertRoundTrips(kernel, spec, [7]);
      assert.equal(kernel.value(0.7, back), kernel.value(0.7, spec));
    }
  });

  test(`${kernel.type}: f(0) = 0, values finite and ≥ 0, monotone non-decreasing`, () => {
    const rng = createRng(22);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      assert.equal(kernel.value(0, spec), 0);
      let prev = 0;
      for (const x of GRID) {
        const f = kernel.value(x, spec);
        assert.ok(Number.isFinite(f) && f >= prev, `${JSON.stringify(spec)} at ${x}: ${f} < ${prev}`);
        prev = f;
      }
    }
  });

  test(`${kernel.type}: derivative matches a central finite difference`, () => {
    // Step h = 1e-5·x: truncation error ~ h²|f'''|/6 is ~1e-10 relative; round-off in the
    // difference is bounded by ~2·eps·|f(x)|/h, which we add to the 1e-5 relative tolerance (it
    // dominates only where f is flat and near 1, e.g. logistic at λx ≈ 100).
    const rng = createRng(23);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      for (const x of GRID) {
        const h = 1e-5 * x;
        const fd = (kernel.value(x + h, spec) - kernel.value(x - h, spec)) / (2 * h);
        const der = kernel.derivative(x, spec);
        assert.ok(Number.isFinite(der) && der >= 0);
        const tol = 1e-5 * Math.abs(der) + (4 * EPS * Math.abs(kernel.value(x, spec))) / h;
        assert.ok(Math.abs(fd - der) <= tol, `${JSON.stringify(spec)} at ${x}: fd ${fd} vs ${der}`);
      }
      assert.ok(kernel.derivative(0, spec) >= 0, 'right derivative at 0 is ≥ 0 (may be +∞)');
    }
  });

  test(`${kernel.type}: inverse(value(x)) ≈ x where defined, NaN outside the range`, () => {
    // Conditioning: an error of eps·|f| in f moves x by eps·|f|/f'(x); allow a few of those.
    const rng = createRng(24);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      assert.equal(kernel.inverse(0, spec), 0);
      for (const x of GRID) {
        const y = kernel.value(x, spec);
        const back = kernel.inverse(y, spec);
        if (y >= 1 && Number.isNaN(back)) continue; // bounded curve rounded to its asymptote
        const tol = 1e-12 * x + (8 * EPS * Math.max(1, y)) / kernel.derivative(x, spec);
        assert.ok(Math.abs(back - x) <= tol, `${JSON.stringify(spec)} at ${x}: inverse ${back}`);
      }
      assert.ok(Number.isNaN(kernel.inverse(-0.5, spec)));
      assert.ok(Number.isNaN(kernel.inverse(NaN, spec)));
    }
  });

  test(`${kernel.type}: apply equals value pointwise, in place too`, () => {
    const rng = createRng(25);
    for (let d = 0; d < DRAWS; d++) {
      const spec = drawSpec(kernel, rng);
      const x = Float64Array.from(GRID);
      const out = new Float64Array(x.length);
      kernel.apply(x, spec, out);
      for (let i = 0; i < x.length; i++) {
        const v = kernel.value(x[i], spec);
        assert.ok(Math.abs(out[i] - v) <= 4 * EPS * Math.abs(v), `${x[i]}: ${out[i]} vs ${v}`);
      }
      kernel.apply(x, spec, x);
      assert.deepEqual([...x], [...out]);
    }
  });
}
