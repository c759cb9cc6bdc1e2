import { test } from 'node:test';
import assert from 'node:assert/strict';
import { studentTCdf } from './student-t-cdf.ts';
import { normalCdf } from './normal-cdf.ts';

test('studentTCdf matches scipy.stats.t.cdf(t, df)', () => {
  const ref: [number, number, number][] = [
    [2.228138851986274, 10, 0.975], [-3, 1, 0.10241638234956672], [0.5, 1, 0.6475836176504333],
    [-0.1, 3, 0.46332617440040297], [1.3, 4.5, 0.871901956027983], [-12, 5, 3.544746258580761e-5],
    [40, 2, 0.9996877926639076], [1e-3, 1000, 0.5003988424907736], [-2.5, 30, 0.009057824534033344],
    [3, 1e6, 0.9986500687292891], [-50, 3, 8.808576020635984e-6], [0.7, 0.3, 0.6271884556167513],
  ];
  for (const [t, df, e] of ref) {
    const got = studentTCdf(t, df);
    assert.ok(Math.abs(got - e) <= 1e-12 * e, `t = ${t}, df = ${df}: ${got} vs ${e}`);
  }
});

test('one degree of freedom is the Cauchy distribution; df = ∞ is the normal', () => {
  for (const t of [-7, -1, 0, 0.3, 4]) {
    assert.ok(Math.abs(studentTCdf(t, 1) - (0.5 + Math.atan(t) / Math.PI)) < 1e-15);
    assert.equal(studentTCdf(t, Infinity), normalCdf(t));
  }
  assert.equal(studentTCdf(0, 7), 0.5);
  assert.equal(studentTCdf(Infinity, 3), 1);
  assert.throws(() => studentTCdf(1, 0), /df > 0/);
});
