import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hillSaturation as hill } from './hill.ts';

const close = (a: number, b: number, rel = 1e-14): boolean => Math.abs(a - b) <= rel * Math.abs(b);

test('hill: hand-computed values', () => {
  const s2 = { type: 'hill', halfSaturation: 1, shape: 2 } as const;
  assert.equal(hill.value(0, s2), 0);
  assert.equal(hill.value(1, s2), 0.5); // f(K) = 1/2
  assert.ok(close(hill.value(2, s2), 0.8)); // 4 / (4 + 1)
  assert.ok(close(hill.value(0.5, s2), 0.2)); // 0.25 / 1.25
  // K = 2, s = 0.5, x = 0.5: r = (0.25)^0.5 = 0.5, f = 0.5 / 1.5
  assert.ok(close(hill.value(0.5, { type: 'hill', halfSaturation: 2, shape: 0.5 }), 1 / 3));
  assert.equal(hill.value(1e308, s2), 1);
});

test('hill: derivative, hand-computed and at x = 0 for each shape regime', () => {
  const s2 = { type: 'hill', halfSaturation: 1, shape: 2 } as const;
  assert.ok(close(hill.derivative(1, s2), 0.5)); // s·r / (x·(1+r)^2) = 2 / 4
  assert.ok(close(hill.derivative(2, s2), 0.16)); // 2·4 / (2·25)
  assert.equal(hill.derivative(0, s2), 0);
  assert.equal(hill.derivative(0, { type: 'hill', halfSaturation: 4, shape: 1 }), 0.25);
  assert.equal(hill.derivative(0, { type: 'hill', halfSaturation: 1, shape: 0.7 }), Infinity);
  assert.equal(hill.derivative(-1, s2), 0);
  // python3: K, s, x = 0.5, 0.7, 0.3; s*x**(s-1)*K**s/(x**s+K**s)**2 → 0.5650770786118131
  assert.ok(close(hill.derivative(0.3, { type: 'hill', halfSaturation: 0.5, shape: 0.7 }), 0.5650770786118131, 1e-13));
  // python3: x**s/(x**s+K**s) → 0.4115460053679554
  assert.ok(close(hill.value(0.3, { type: 'hill', halfSaturation: 0.5, shape: 0.7 }), 0.4115460053679554, 1e-13));
});

test('hill: inverse and its range', () => {
  const spec = { type: 'hill', halfSaturation: 0.5, shape: 0.7 } as const;
  // python3: K*(0.25/0.75)**(1/s) → 0.10408022247635994
  assert.ok(close(hill.inverse(0.25, spec), 0.10408022247635994, 1e-13));
  assert.equal(hill.inverse(0, spec), 0);
  assert.equal(hill.inverse(0.5, spec), 0.5);
  for (const y of [1, 1.5, -0.1, NaN]) assert.ok(Number.isNaN(hill.inverse(y, spec)));
});

test('hill: apply matches value, works in place, treats negatives as 0, validates', () => {
  const spec = { type: 'hill', halfSaturation: 1.5, shape: 2.5 } as const;
  const x = Float64Array.of(0, 0.3, 1, 1.5, 7, -1e-17);
  const out = new Float64Array(x.length);
  hill.apply(x, spec, out);
  for (let t = 0; t < x.length; t++) assert.ok(close(out[t], hill.value(x[t], spec)) || out[t] === hill.value(x[t], spec));
  assert.equal(out[3], 0.5);
  assert.equal(out[5], 0);
  hill.apply(x, spec, x);
  assert.deepEqual([...x], [...out]);
  assert.throws(() => hill.apply(x, { type: 'hill', halfSaturation: 0, shape: 1 }, out), { code: 'INVALID_ARGUMENT', message: /halfSaturation/ });
  assert.throws(() => hill.apply(x, { type: 'hill', halfSaturation: 1, shape: -1 }, out), { code: 'INVALID_ARGUMENT', message: /shape/ });
  assert.throws(() => hill.apply(x, spec, new Float64Array(2)), { code: 'SHAPE_MISMATCH' });
});
