import { test } from 'node:test';
import assert from 'node:assert/strict';
import { standardDeviation } from './standard-deviation.ts';

test('standardDeviation matches numpy.std(ddof=1)', () => {
  // numpy.std([2,4,4,4,5,5,7,9], ddof=1)
  assert.ok(Math.abs(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) - 2.138089935299395) < 1e-15);
  // numpy.std([2.5, 3.1, -0.4, 7.7, 5.2, 5.2, 1.9, 12.6, 0.3, 4.4], ddof=1)
  assert.ok(Math.abs(standardDeviation([2.5, 3.1, -0.4, 7.7, 5.2, 5.2, 1.9, 12.6, 0.3, 4.4]) - 3.8091264673733853) < 1e-14);
  assert.throws(() => standardDeviation([]), /at least 2/);
});
