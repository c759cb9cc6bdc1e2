import { test } from 'node:test';
import assert from 'node:assert/strict';
import { studentTQuantile } from './student-t-quantile.ts';
import { studentTCdf } from './student-t-cdf.ts';

test('studentTQuantile matches scipy.stats.t.ppf(p, df)', () => {
  const ref: [number, number, number][] = [
    [0.975, 10, 2.228138851986274], [0.995, 1, 63.656741162871526], [0.9, 3, 1.637744353696209],
    [0.05, 2, -2.9199855803537256], [1e-6, 4, -41.577854150450975], [0.6, 25.5, 0.25600619097061245],
    [0.999, 1000, 3.0984021639129233], [1e-10, 1, -3183098861.8379064], [0.75, 0.5, 1.5537739740300383],
  ];
  for (const [p, df, e] of ref) {
    const got = studentTQuantile(p, df);
    assert.ok(Math.abs(got - e) <= 1e-12 * Math.abs(e), `p = ${p}, df = ${df}: ${got} vs ${e}`);
  }
});

test('studentTQuantile inverts the CDF, is odd, and handles the ends', () => {
  for (const df of [1.5, 4, 60]) {
    for (const p of [0.0078125, 0.25, 0.5, 0.6875, 0.9921875]) { // 1 − p is exact for these
      const t = studentTQuantile(p, df);
      assert.ok(Math.abs(studentTCdf(t, df) - p) < 1e-14, `df ${df}, p ${p}`);
      assert.equal(studentTQuantile(1 - p, df) + t, 0);
    }
  }
  assert.equal(studentTQuantile(0, 3), -Infinity);
  assert.equal(studentTQuantile(1, 3), Infinity);
  assert.throws(() => studentTQuantile(0.5, -1), /df > 0/);
});
