import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hillCurve } from './hill-curve.ts';
import { saturationSecond } from './curve.ts';
import { hillSaturation } from '../transforms/saturation/hill.ts';

const close = (a: number, b: number, tol: number): void =>
  assert.ok(a === b || Math.abs(a - b) <= tol * Math.max(1e-300, Math.abs(b)), `${a} vs ${b}`);

test('hillCurve by hand: r = 2·x²/(x² + 1) at x = 1 and x = 2 (K = 1, s = 2, g = 1)', () => {
  const h = hillCurve(2, 1, 1, 2);
  close(h.value(1), 1, 1e-15);
  close(h.d1(1), 2 * (2 / 4), 1e-15); // f' = s·ρ / (u(1+ρ)²) = 2/4
  close(h.d2(1), 2 * (0.5 * (1 - 3)) / 2, 1e-15); // f'' = f'·((s−1) − (s+1)ρ)/(u(1+ρ)) = 0.5·(−2)/2
  close(h.value(2), 2 * 0.8, 1e-15);
  close(h.d1(2), 2 * (2 * 4) / (2 * 25), 1e-15);
  close(h.inflection, Math.sqrt(1 / 3), 1e-15);
});

test('hillCurve matches the Hill kernel and saturationSecond over shapes, gains and both sides of K', () => {
  for (const shape of [0.5, 0.9, 1, 1.7, 3, 4]) {
    for (const gain of [1e-5, 0.3, 2]) {
      const spec = { type: 'hill' as const, halfSaturation: 1.3, shape };
      const coef = 7;
      const h = hillCurve(coef, gain, 1.3, shape);
      for (const u of [1e-6, 0.01, 0.4, 1.3, 2.9, 40, 1e4]) {
        const x = u / gain;
        // Interleave the calls: the cached ratio must not leak from one x to another.
        const d2 = h.d2(x), v = h.value(x), d1 = h.d1(x);
        close(v, coef * hillSaturation.value(u, spec), 1e-13);
        close(d1, coef * gain * hillSaturation.derivative(u, spec), 1e-12);
        close(d2, coef * gain * gain * saturationSecond(u, spec), 1e-12);
        assert.equal(h.d1(x * 1.01) < d1 || shape > 1, true);
      }
      assert.equal(h.value(0), 0);
      assert.equal(h.d2(0), 0);
      assert.equal(h.d1(0), coef * gain * hillSaturation.derivative(0, spec));
    }
  }
});

test('hillCurve does not overflow far beyond saturation', () => {
  const h = hillCurve(1, 1, 1e-3, 4);
  for (const x of [1e6, 1e30, 1e300]) {
    assert.ok(Number.isFinite(h.value(x)) && Number.isFinite(h.d1(x)) && Number.isFinite(h.d2(x)), `finite at ${x}`);
    close(h.value(x), 1, 1e-12);
  }
});
