import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derivedRng } from './derived-rng.ts';

test('side streams are reproducible and differ by label and seed', () => {
  const draw = (seed: number, label: string): number[] => { const r = derivedRng(seed, label); return [r.next(), r.next()]; };
  assert.deepEqual(draw(1, 'a'), draw(1, 'a'));
  assert.notDeepEqual(draw(1, 'a'), draw(1, 'b'));
  assert.notDeepEqual(draw(1, 'a'), draw(2, 'a'));
});
