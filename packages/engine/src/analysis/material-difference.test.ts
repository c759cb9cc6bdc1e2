import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MATERIAL_FLOOR, materiallyDifferent } from './material-difference.ts';

test('materiallyDifferent: a ratio of 1.5 or more either way, above the floor', () => {
  assert.equal(materiallyDifferent(12.18, 5.33), true);
  assert.equal(materiallyDifferent(0.0126, 0.0592), true);
  assert.equal(materiallyDifferent(4.9, 4.5), false);
  assert.equal(materiallyDifferent(0.01, 0.02, 0.05), false);
  assert.equal(materiallyDifferent(-1, 1), true);
  assert.equal(materiallyDifferent(NaN, 1), false);
  // A floor as a share of a reference figure: 0.3 against 0.6 is material beside an ROI of 1, not beside 10.
  assert.equal(materiallyDifferent(0.3, 0.6, MATERIAL_FLOOR * 1), true);
  assert.equal(materiallyDifferent(0.3, 0.6, MATERIAL_FLOOR * 10), false);
});
