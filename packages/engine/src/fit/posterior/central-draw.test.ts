import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centralDraw } from './central-draw.ts';
import { posteriorMedoid } from './posterior-medoid.ts';
import { createRng } from '../../random/rng.ts';
import { normal } from '../../random/distributions.ts';
import { quantile } from '../../stats/quantile.ts';

test('hand-computed: per-column quantile-standardised distance, every column weighted alike', () => {
  // Column 0: 1, 2, 3, 4, 5 (median 3, q05 1.2, q95 4.8); column 1: 50, 10, 30, 20, 40 (median 30, q05 12, q95 48).
  // z² sums: row0 (2/1.8)² + (20/18)² = 2.47; row1 (1/1.8)² + (20/18)² = 1.54; row2 0 + 0 = 0; row3 (1/1.8)²+(10/18)² = 0.62; row4 (2/1.8)² + (10/18)² = 1.54.
  // Rows 0, 1 and 4 lie outside a 90% interval; row 2 sits at both medians.
  const r = centralDraw([1, 50, 2, 10, 3, 30, 4, 20, 5, 40], 5, 2);
  assert.equal(r.index, 2);
  assert.ok(r.insideAll);
  assert.deepEqual([...r.median], [3, 30]);
  assert.ok(Math.abs(r.lower[0] - 1.2) < 1e-12 && Math.abs(r.upper[1] - 48) < 1e-12);
  // Without row 2, row 3 is the nearest (0.62 against 1.54 for row 1).
  assert.equal(centralDraw([1, 50, 2, 10, 4, 20, 5, 40], 4, 2).index, 2);
});

test('a channel with a tiny spend share still gets a draw inside its own 90% interval (where the spend-weighted medoid did not)', () => {
  // Four well-measured channels (99.9% of spend) and a fifth (0.1%) with a wide, skewed, independent posterior.
  const rng = createRng(11);
  const n = 400, nDims = 5;
  const values = new Float64Array(n * nDims);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 4; c++) values[i * nDims + c] = 2 + 0.1 * normal(rng, 0, 1);
    values[i * nDims + 4] = Math.exp(normal(rng, 0, 0.9));
  }
  // Draw 0 sits at the big channels' centre and has the small channel's largest value (as in a real sample, some draw does).
  for (let c = 0; c < 4; c++) values[c] = 2;
  values[4] = 8;
  const weights = [0.3, 0.3, 0.2, 0.199, 0.001];
  const col = (c: number) => Array.from({ length: n }, (_, i) => values[i * nDims + c]);
  const inside = (index: number, c: number) => values[index * nDims + c] >= quantile(col(c), 0.05) && values[index * nDims + c] <= quantile(col(c), 0.95);
  // The old choice: the low-spend channel's value is whatever the draw nearest the big channels has.
  const old = posteriorMedoid(values, n, nDims, weights).index;
  assert.ok(!inside(old, 4), 'the spend-weighted medoid lands outside the small channel\'s interval on this sample');
  const r = centralDraw(values, n, nDims);
  assert.ok(r.insideAll);
  for (let c = 0; c < nDims; c++) assert.ok(inside(r.index, c), `channel ${c}`);
  // And central, not just inside: within the middle half of the small channel's posterior.
  const v = values[r.index * nDims + 4];
  assert.ok(v >= quantile(col(4), 0.25) && v <= quantile(col(4), 0.75), `small channel ${v}`);
});

test('no draw inside every interval: the draw with the smallest largest deviation, flagged', () => {
  // Each row is the smallest or largest of a column, so outside its 90% interval (hand-computed quantiles:
  // column 0 {0, 4, 6, 10}: median 5, [0.6, 9.4]; column 1 {−1, 4, 6, 10}: median 5, [−0.25, 9.4]).
  // Largest |z|: rows 0, 1, 3 5/4.4 = 1.136, row 2 (−1 in column 1) 6/5.25 = 1.143.
  const r = centralDraw([0, 4, 10, 6, 4, -1, 6, 10], 4, 2);
  assert.equal(r.insideAll, false);
  assert.notEqual(r.index, 2);
});

test('non-finite values: a column without any is skipped, a draw with one is never chosen', () => {
  assert.equal(centralDraw([NaN, 1, NaN, 2, NaN, 3], 3, 2).index, 1);
  assert.equal(centralDraw([2, NaN, 2, 1, 1, 1, 3, 1], 4, 2).index !== 0, true);
  assert.throws(() => centralDraw([], 0, 2), /nSamples/);
  assert.throws(() => centralDraw([1, 2, 3], 2, 2), /length/);
});
