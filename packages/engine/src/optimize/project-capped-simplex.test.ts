import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectCappedSimplex } from './project-capped-simplex.ts';

test('Euclidean projection: y = (3, 1), sum 2 → (2, 0) (the lower bound binds)', () => {
  const out = new Float64Array(2);
  projectCappedSimplex(Float64Array.of(3, 1), Float64Array.of(0, 0), Float64Array.of(9, 9), 2, out, 0, 2);
  assert.ok(Math.abs(out[0] - 2) < 1e-12 && Math.abs(out[1]) < 1e-12, String(out));
});

test('projection in the metric D = (1, 3): y = (3, 3), sum 4 → (2.5, 1.5)', () => {
  // By hand: minimise (x1 − 3)²/1 + (x2 − 3)²/3 with x1 + x2 = 4: 2(x1 − 3) = λ = 2(x2 − 3)/3 → x2 = 1.5, x1 = 2.5.
  const out = new Float64Array(2);
  projectCappedSimplex(Float64Array.of(3, 3), Float64Array.of(0, 0), Float64Array.of(9, 9), 4, out, 0, 2, Float64Array.of(1, 3));
  assert.ok(Math.abs(out[0] - 2.5) < 1e-12 && Math.abs(out[1] - 1.5) < 1e-12, String(out));
});
