import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logisticSaturation as logistic } from './logistic.ts';

const close = (a: number, b: number, rel = 1e-14): boolean => Math.abs(a - b) <= rel * Math.abs(b);

test('logistic: hand-computed values, derivative and inverse', () => {
  const l1 = { type: 'logistic', lambda: 1 } as const;
  assert.equal(logistic.value(0, l1), 0);
  // e^(−ln 3) = 1/3: (1 − 1/3) / (1 + 1/3) = 0.5
  assert.ok(close(logistic.value(Math.log(3), l1), 0.5));
  // λ = 2, x = ln(3)/2 is the same point
  assert.ok(close(logistic.value(Math.log(3) / 2, { type: 'logistic', lambda: 2 }), 0.5));
  // f'(x) = 2λe/(1+e)^2: at 0 it is λ/2; at ln 3 it is 2·(1/3)/(16/9) = 0.375
  assert.equal(logistic.derivative(0, l1), 0.5);
  assert.ok(close(logistic.derivative(Math.log(3), l1), 0.375));
  assert.ok(close(logistic.inverse(0.5, l1), Math.log(3)));
  assert.equal(logistic.inverse(0, l1), 0);
  for (const y of [1, 2, -0.5, NaN]) assert.ok(Number.isNaN(logistic.inverse(y, l1)));
  assert.equal(logistic.value(-2, l1), 0);
  assert.equal(logistic.derivative(-2, l1), 0);
});

test('logistic: derivative stays accurate where f ≈ 1 (asymptotic 2λe^(−λx))', () => {
  const spec = { type: 'logistic', lambda: 5 } as const;
  const x = 8; // λx = 40: f'(x) = 10e^(−40)/(1+e^(−40))^2 ≈ 10e^(−40)
  assert.ok(close(logistic.derivative(x, spec), 10 * Math.exp(-40), 1e-12));
});

test('logistic: apply matches value and validates lambda', () => {
  const spec = { type: 'logistic', lambda: 0.7 } as const;
  const x = Float64Array.of(0, 0.2, 1, 3, 50);
  const out = new Float64Array(5);
  logistic.apply(x, spec, out);
  for (let t = 0; t < 5; t++) assert.equal(out[t], logistic.value(x[t], spec));
  assert.throws(() => logistic.apply(x, { type: 'logistic', lambda: 0 }, out), { code: 'INVALID_ARGUMENT', message: /lambda/ });
});
