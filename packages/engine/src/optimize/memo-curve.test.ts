import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCurve, type Curve } from './curve.ts';
import { memoCurve } from './memo-curve.ts';

const mixture = (): Curve => compileCurve({
  name: 'tv', current: 100, coef: 500, gain: 0.01, saturation: { type: 'hill', halfSaturation: 1, shape: 2 },
  components: [1, 1.5, 0.7].map((k, i) => ({ coef: 400 + 100 * i, gain: 0.01, saturation: { type: 'hill' as const, halfSaturation: k, shape: 1.5 + 0.5 * i } })),
});

test('memoCurve gives the wrapped curve\'s values bit for bit and evaluates each (function, x) once', () => {
  const inner = mixture();
  let calls = 0;
  const counted: Curve = { ...inner, value: (x) => { calls++; return inner.value(x); }, d1: (x) => { calls++; return inner.d1(x); }, d2: (x) => { calls++; return inner.d2(x); } };
  const memo = memoCurve(counted);
  assert.equal(memo.inflection, inner.inflection);
  assert.equal(memo.convexConcave, inner.convexConcave);
  const xs = Array.from({ length: 3000 }, (_, i) => (i % 1000) * 0.37);
  for (const x of xs) {
    assert.equal(memo.value(x), inner.value(x));
    assert.equal(memo.d1(x), inner.d1(x));
    assert.equal(memo.d2(x), inner.d2(x));
  }
  assert.equal(calls, 3 * 1000, 'each distinct x asked once per function');
});

test('memoCurve stays exact past its table size (it starts afresh) and passes NaN through', () => {
  const inner = mixture(), memo = memoCurve(inner);
  for (let i = 0; i < 20000; i++) {
    const x = 1 + i * 0.013;
    assert.equal(memo.d1(x), inner.d1(x));
  }
  assert.equal(memo.d1(1), inner.d1(1));
  assert.ok(Number.isNaN(memo.value(NaN)) === Number.isNaN(inner.value(NaN)));
});
