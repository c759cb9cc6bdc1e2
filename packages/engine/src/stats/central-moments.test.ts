import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centralMoments } from './central-moments.ts';
import { SKEWED60 } from '../../test/reference-data.ts';

test('centralMoments matches scipy.stats.moment and numpy.mean', () => {
  // numpy.mean(x); scipy.stats.moment(x, 2), moment(x, 3), moment(x, 4)
  const m = centralMoments(SKEWED60);
  assert.equal(m.n, 60);
  assert.ok(Math.abs(m.mean - 1.1799571367924915) < 1e-14);
  assert.ok(Math.abs(m.m2 - 1.0371130301920208) < 1e-13);
  assert.ok(Math.abs(m.m3 - 1.0519614121557481) < 1e-13);
  assert.ok(Math.abs(m.m4 - 3.4570131953598153) < 1e-12);
});

test('centralMoments by hand', () => {
  assert.deepEqual(centralMoments([1, 2, 3, 4]), { n: 4, mean: 2.5, m2: 1.25, m3: 0, m4: 2.5625 });
  assert.throws(() => centralMoments([]), /at least 1/);
});
