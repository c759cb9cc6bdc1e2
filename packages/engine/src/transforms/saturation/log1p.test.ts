import { test } from 'node:test';
import assert from 'node:assert/strict';
import { log1pSaturation as log1p } from './log1p.ts';

test('log1p: hand-computed values, derivative and inverse', () => {
  const c1 = { type: 'log1p', scale: 1 } as const;
  assert.equal(log1p.value(0, c1), 0);
  assert.equal(log1p.value(1, c1), Math.LN2);
  assert.ok(Math.abs(log1p.value(3, { type: 'log1p', scale: 0.5 }) - Math.log(7)) < 1e-15);
  assert.equal(log1p.derivative(0, { type: 'log1p', scale: 2 }), 0.5); // 1/c
  assert.equal(log1p.derivative(2, { type: 'log1p', scale: 2 }), 0.25); // 1/(c + x)
  assert.ok(Math.abs(log1p.inverse(Math.LN2, c1) - 1) < 1e-15);
  assert.equal(log1p.inverse(0, c1), 0);
  // unbounded: large outputs invert fine
  assert.ok(Math.abs(log1p.inverse(10, c1) - Math.expm1(10)) < 1e-9);
  for (const y of [-0.1, NaN]) assert.ok(Number.isNaN(log1p.inverse(y, c1)));
});

test('log1p: accurate for tiny inputs (log1p, not log(1 + x))', () => {
  // ln(1 + 1e-12) = 1e-12 − 5e-25 + …
  assert.ok(Math.abs(log1p.value(1e-12, { type: 'log1p', scale: 1 }) - (1e-12 - 5e-25)) < 1e-27);
  // 1 + 1e-12 rounds by up to 1.1e-16, so Math.log(1 + 1e-12) is off by ~1e-16 absolute: log1p is required
  assert.ok(Math.abs(Math.log(1 + 1e-12) - (1e-12 - 5e-25)) > 1e-27);
});

test('log1p: apply matches value and validates', () => {
  const spec = { type: 'log1p', scale: 0.2 } as const;
  const x = Float64Array.of(0, 0.2, 1, 100);
  const out = new Float64Array(4);
  log1p.apply(x, spec, out);
  for (let t = 0; t < 4; t++) assert.ok(Math.abs(out[t] - log1p.value(x[t], spec)) <= 1e-15 * out[t]);
  assert.throws(() => log1p.apply(x, { type: 'log1p', scale: -1 }, out), { code: 'INVALID_ARGUMENT', message: /scale/ });
});
