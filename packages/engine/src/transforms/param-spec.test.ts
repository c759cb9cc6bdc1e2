import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromUnit, toUnit, type ParamSpec } from './param-spec.ts';

const spec = (lower: number, upper: number, scale: 'linear' | 'log'): ParamSpec => ({ name: 'p', lower, upper, scale, doc: '' });

test('a fixed parameter (lower == upper) decodes to exactly its value for every u, and encodes to 0.5, not NaN', () => {
  for (const scale of ['linear', 'log'] as const) {
    const p = spec(0.3, 0.3, scale); // exp(log(0.3)) is 0.29999999999999993
    for (const u of [0, 0.3, 1]) assert.equal(fromUnit(p, u), 0.3, `${scale} u=${u}`);
    assert.equal(toUnit(p, 0.3), 0.5);
  }
});

test('a range still maps both ways', () => {
  const p = spec(0.1, 10, 'log');
  assert.ok(Math.abs(fromUnit(p, 0.5) - 1) < 1e-12);
  assert.ok(Math.abs(toUnit(p, 1) - 0.5) < 1e-12);
  assert.equal(toUnit(spec(0, 1, 'linear'), 2), 1);
});
