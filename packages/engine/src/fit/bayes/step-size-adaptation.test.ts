import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDualAveraging } from './step-size-adaptation.ts';
import { createRng } from '../../random/rng.ts';
import { EngineError } from '../../errors.ts';

const close = (a: number, b: number, tol = 1e-12): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

test('first two updates match the Hoffman–Gelman recursion worked by hand', () => {
  // ε₀ = 1 → μ = log 10; δ = 0.8, γ = 0.05, t0 = 10, κ = 0.75.
  const da = createDualAveraging(1);
  assert.equal(da.stepSize, 1);
  assert.equal(da.adaptedStepSize, 1); // no update yet
  // t = 1, α = 0.3: H̄₁ = (0.8 − 0.3)/11; log ε₁ = log 10 − (1/0.05)·H̄₁; log ε̄₁ = log ε₁ (weight 1^−κ = 1).
  const h1 = 0.5 / 11;
  const logEps1 = Math.log(10) - 20 * h1;
  assert.ok(close(da.update(0.3), Math.exp(logEps1)));
  assert.ok(close(da.adaptedStepSize, Math.exp(logEps1)));
  // t = 2, α = 1: H̄₂ = (1 − 1/12)·H̄₁ + (0.8 − 1)/12; log ε₂ = log 10 − (√2/0.05)·H̄₂;
  // log ε̄₂ = 2^−0.75·log ε₂ + (1 − 2^−0.75)·log ε̄₁.
  const h2 = (11 / 12) * h1 - 0.2 / 12;
  const logEps2 = Math.log(10) - (Math.SQRT2 / 0.05) * h2;
  const w = 2 ** -0.75;
  assert.ok(close(da.update(1), Math.exp(logEps2)));
  assert.ok(close(da.stepSize, Math.exp(logEps2)));
  assert.ok(close(da.adaptedStepSize, Math.exp(w * logEps2 + (1 - w) * logEps1)));
  assert.equal(da.iterations, 2);
});

test('converges to the step size whose acceptance equals the target (deterministic acceptance curve)', () => {
  // α(ε) = exp(−ε): the fixed point of α = δ is ε* = −log δ. The error shrinks roughly like 1/√t and
  // is larger for high δ, where α is flat in log ε (measured after 2000 updates: 0.6%, 1.3%, 2.9%).
  for (const delta of [0.6, 0.8, 0.9]) {
    const da = createDualAveraging(1, { targetAccept: delta });
    let eps = da.stepSize;
    for (let i = 0; i < 2000; i++) eps = da.update(Math.exp(-eps));
    const target = -Math.log(delta);
    assert.ok(Math.abs(da.adaptedStepSize / target - 1) < 0.04, `δ=${delta}: ${da.adaptedStepSize} vs ${target}`);
    assert.ok(Math.abs(Math.exp(-da.adaptedStepSize) - delta) < 0.005, `δ=${delta}: acceptance ${Math.exp(-da.adaptedStepSize)}`);
  }
});

test('restart forgets the history and re-centres μ on the new step size', () => {
  const da = createDualAveraging(1);
  for (let i = 0; i < 20; i++) da.update(0.1);
  da.restart(0.5);
  assert.equal(da.iterations, 0);
  assert.ok(close(da.stepSize, 0.5));
  assert.ok(close(da.adaptedStepSize, 0.5));
  const fresh = createDualAveraging(0.5);
  for (const a of [0.9, 0.2, 0.7]) assert.equal(da.update(a), fresh.update(a));
  assert.equal(da.adaptedStepSize, fresh.adaptedStepSize);
});

test('acceptance statistics are clamped to [0, 1] and NaN counts as 0', () => {
  const a = createDualAveraging(1), b = createDualAveraging(1);
  assert.equal(a.update(NaN), b.update(0));
  assert.equal(a.update(3), b.update(1));
  assert.equal(a.update(-2), b.update(0));
});

test('too-low acceptance shrinks the step and too-high acceptance grows it', () => {
  const rng = createRng(1);
  const shrink = createDualAveraging(1), grow = createDualAveraging(1);
  for (let i = 0; i < 50; i++) {
    shrink.update(0.3 * rng.next());
    grow.update(0.97 + 0.03 * rng.next());
  }
  assert.ok(shrink.adaptedStepSize < 0.5, `${shrink.adaptedStepSize}`);
  assert.ok(grow.adaptedStepSize > 2, `${grow.adaptedStepSize}`);
});

test('rejects invalid settings', () => {
  const invalid = (e: unknown): boolean => e instanceof EngineError && e.code === 'INVALID_ARGUMENT';
  assert.throws(() => createDualAveraging(0), invalid);
  assert.throws(() => createDualAveraging(Infinity), invalid);
  assert.throws(() => createDualAveraging(1, { targetAccept: 1 }), invalid);
  assert.throws(() => createDualAveraging(1, { gamma: 0 }), invalid);
  assert.throws(() => createDualAveraging(1, { t0: -1 }), invalid);
  assert.throws(() => createDualAveraging(1, { kappa: 1.5 }), invalid);
  assert.throws(() => createDualAveraging(1).restart(-1), invalid);
});
