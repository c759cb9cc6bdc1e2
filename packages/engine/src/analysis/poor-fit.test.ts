import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POOR_FIT_R2, poorFitWarning } from './poor-fit.ts';

test('poorFitWarning: below the threshold it warns with the share explained; at or above it, or NaN, nothing', () => {
  const w = poorFitWarning(0.03, 'revenue');
  assert.equal(w?.code, 'POOR_FIT');
  assert.equal(w?.channel, null);
  assert.match(w?.message ?? '', /^the model explains only 3\.0% of the variation in revenue \(R² 0\.030\), so its ROIs and curves rest on the priors/);
  // A negative R² (worse than the mean) reads as 0% explained, with the figure itself given.
  assert.match(poorFitWarning(-0.2, 'orders')?.message ?? '', /only 0\.0% of the variation in orders \(R² -0\.200\)/);
  assert.equal(poorFitWarning(POOR_FIT_R2, 'revenue'), null);
  assert.equal(poorFitWarning(0.9, 'revenue'), null);
  assert.equal(poorFitWarning(NaN, 'revenue'), null);
});
