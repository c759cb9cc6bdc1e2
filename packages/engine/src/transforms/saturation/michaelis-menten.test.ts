import { test } from 'node:test';
import assert from 'node:assert/strict';
import { michaelisMentenSaturation as mm } from './michaelis-menten.ts';

test('michaelis-menten: hand-computed values, derivative and inverse', () => {
  const k1 = { type: 'michaelis-menten', halfSaturation: 1 } as const;
  assert.equal(mm.value(0, k1), 0);
  assert.equal(mm.value(1, k1), 0.5);
  assert.equal(mm.value(3, k1), 0.75);
  assert.equal(mm.derivative(0, k1), 1); // 1/K
  assert.equal(mm.derivative(1, k1), 0.25); // K/(K+x)^2
  assert.equal(mm.derivative(0, { type: 'michaelis-menten', halfSaturation: 4 }), 0.25);
  assert.equal(mm.inverse(0.75, k1), 3);
  assert.equal(mm.inverse(0.5, { type: 'michaelis-menten', halfSaturation: 2 }), 2);
  for (const y of [1, 3, -0.2, NaN]) assert.ok(Number.isNaN(mm.inverse(y, k1)));
  assert.equal(mm.value(-1, k1), 0);
});

test('michaelis-menten: apply matches value and validates', () => {
  const spec = { type: 'michaelis-menten', halfSaturation: 0.3 } as const;
  const x = Float64Array.of(0, 0.3, 1, 9);
  const out = new Float64Array(4);
  mm.apply(x, spec, out);
  for (let t = 0; t < 4; t++) assert.equal(out[t], mm.value(x[t], spec));
  assert.equal(out[1], 0.5);
  assert.throws(() => mm.apply(x, { type: 'michaelis-menten', halfSaturation: NaN }, out), { code: 'INVALID_ARGUMENT' });
});
