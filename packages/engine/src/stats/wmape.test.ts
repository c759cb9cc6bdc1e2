import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wmape } from './wmape.ts';

const A = [120, 135, 150, 160, 149, 170, 185, 178, 190, 205, 0, 210];
const P = [118, 140, 146, 158, 155, 168, 180, 181, 194, 199, 4, 214];

test('wmape = Σ|e| / Σ|y|, matching numpy', () => {
  // numpy.abs(A − P).sum() / numpy.abs(A).sum() = 47 / 1852
  assert.equal(wmape(A, P), 47 / 1852);
  assert.equal(wmape([100, 200, 0, 50], [110, 180, 7, 50]), 37 / 350);
  assert.ok(Number.isNaN(wmape([0, 0], [1, 1])));
});
