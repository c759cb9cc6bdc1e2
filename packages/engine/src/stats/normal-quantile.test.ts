import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalQuantile } from './normal-quantile.ts';
import { normalCdf } from './normal-cdf.ts';

// scipy.special.ndtri(p), scipy 1.17
const REFERENCE: [number, number][] = [
  [1e-300, -37.0470962993612], [1e-100, -21.273453560965322], [1e-20, -9.262340089798409],
  [1e-8, -5.612001244174789], [0.001, -3.090232306167813], [0.02, -2.053748910631823],
  [0.02425, -1.972961051311885], [0.1, -1.2815515655446004], [0.3, -0.5244005127080409],
  [0.6, 0.2533471031357997], [0.975, 1.959963984540054], [0.99, 2.3263478740408408],
  [0.999999, 4.753424308817087], [1 - 1e-12, 7.0344869100478356],
];

test('normalQuantile matches scipy.special.ndtri', () => {
  for (const [p, e] of REFERENCE) {
    const got = normalQuantile(p);
    assert.ok(Math.abs(got - e) <= 1e-14 * Math.max(1, Math.abs(e)), `p = ${p}: ${got} vs ${e}`);
  }
  assert.equal(normalQuantile(0.5), 0);
});

test('normalQuantile inverts normalCdf and handles the ends', () => {
  for (let p = 0.001; p < 1; p += 0.0137) {
    assert.ok(Math.abs(normalCdf(normalQuantile(p)) - p) < 4e-16, `p = ${p}`);
  }
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.throws(() => normalQuantile(1.5), /p must be in/);
  assert.throws(() => normalQuantile(NaN), /p must be in/);
});
