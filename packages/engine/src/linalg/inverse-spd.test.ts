import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inverseSpd } from './inverse-spd.ts';
import { EngineError } from '../errors.ts';

const S = Float64Array.of(6, 1.5, 0.3, -0.8, 1.5, 5, 0.7, 0.2, 0.3, 0.7, 4, 1.1, -0.8, 0.2, 1.1, 3);

test('inverseSpd matches numpy.linalg.inv', () => {
  // numpy.linalg.inv(S)
  const expected = [
    0.19019540311718366, -0.0565403792993908, -0.021524736280420037, 0.06238053608736237,
    -0.05654037929939079, 0.2218319950243021, -0.029323658525743486, -0.019114226022018403,
    -0.021524736280420034, -0.02932365852574349, 0.286695320538234, -0.10890663663708158,
    0.06238053608736237, -0.019114226022018403, -0.10890663663708157, 0.3911748581250277,
  ];
  const inv = inverseSpd(S, 4);
  for (let i = 0; i < 16; i++) assert.ok(Math.abs(inv[i] - expected[i]) < 1e-15, `${i}: ${inv[i]}`);
});

test('A·A⁻¹ = I and the inverse is exactly symmetric', () => {
  const inv = inverseSpd(S, 4);
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += S[i * 4 + k] * inv[k * 4 + j];
    assert.ok(Math.abs(s - (i === j ? 1 : 0)) < 1e-14, `(${i},${j}) = ${s}`);
    assert.equal(inv[i * 4 + j], inv[j * 4 + i]);
  }
});

test('inverseSpd on the doc example and on a non-SPD input', () => {
  assert.deepEqual(Array.from(inverseSpd(Float64Array.of(4, 2, 2, 5), 2)), [0.3125, -0.125, -0.125, 0.25]);
  assert.throws(() => inverseSpd(Float64Array.of(1, 0, 0, -1), 2), (e: unknown) =>
    e instanceof EngineError && e.code === 'NOT_POSITIVE_DEFINITE');
});
