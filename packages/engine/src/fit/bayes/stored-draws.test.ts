import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storedDrawPositions } from './stored-draws.ts';

test('storedDrawPositions: evenly spaced over the chains laid end to end, the same count per chain', () => {
  assert.deepEqual(storedDrawPositions(4, 2, 10), [{ chain: 0, draw: 2 }, { chain: 0, draw: 7 }, { chain: 1, draw: 2 }, { chain: 1, draw: 7 }]);
  const p = storedDrawPositions(200, 4, 500);
  assert.equal(p.length, 200);
  for (let c = 0; c < 4; c++) assert.equal(p.filter((x) => x.chain === c).length, 50);
  for (let i = 1; i < p.length; i++) assert.ok(p[i].chain * 500 + p[i].draw > p[i - 1].chain * 500 + p[i - 1].draw, 'strictly increasing');
  // Every draw stored when nStored equals the total.
  assert.deepEqual(storedDrawPositions(6, 3, 2).map((x) => [x.chain, x.draw]), [[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]]);
});
