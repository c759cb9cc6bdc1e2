import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundCents, toCents } from './round-cents.ts';

test('rounds half away from zero at the cent, despite binary representation', () => {
  assert.equal(roundCents(1.005), 1.01); // 1.005 is stored as 1.00499999999999989…
  assert.equal(roundCents(-2.345), -2.35);
  assert.equal(roundCents(2.344), 2.34);
  assert.equal(toCents(12.345), 1235);
  assert.ok(Object.is(roundCents(-0.001), 0));
});
