import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POSTERIOR_ITERATIONS, POSTERIOR_ITERATIONS_FLOOR, scaledPosteriorIterations } from './model-spec.ts';
import { hyperSampleCount } from '../fit/posterior/hyper-posterior.ts';

test('the posterior length follows a smaller search proportionally, between the floor and the default', () => {
  assert.equal(scaledPosteriorIterations(20000), DEFAULT_POSTERIOR_ITERATIONS);
  assert.equal(scaledPosteriorIterations(100000), DEFAULT_POSTERIOR_ITERATIONS);
  assert.equal(scaledPosteriorIterations(10000), 10000);
  assert.equal(scaledPosteriorIterations(3001), 3001);
  assert.equal(scaledPosteriorIterations(500), POSTERIOR_ITERATIONS_FLOOR);
  assert.equal(scaledPosteriorIterations(1), POSTERIOR_ITERATIONS_FLOOR);
});

test('the hyperparameter chain keeps 560 samples at the default length (the ROI refits the progress counts)', () => {
  assert.equal(hyperSampleCount(20000), 560);
  assert.equal(hyperSampleCount(2000), 56);
  assert.equal(hyperSampleCount(1), 1);
});
