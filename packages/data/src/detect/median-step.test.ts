import { test } from 'node:test';
import assert from 'node:assert/strict';
import { medianStep } from './median-step.ts';

test('medianStep: the lower median of the steps between distinct sorted days', () => {
  assert.equal(medianStep([0, 7, 14, 21]), 7);
  // Unsorted with a repeat: the same days, the same step.
  assert.equal(medianStep([14, 0, 7, 7, 21]), 7);
  // Steps 1, 6, 7, 14: an even count gives the lower middle step, 6, not their average 6.5.
  assert.equal(medianStep([0, 1, 7, 14, 28]), 6);
  assert.equal(medianStep([5, 5]), undefined);
  assert.equal(medianStep([]), undefined);
});
