import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dotColumns } from './dot-columns.ts';
import { createRng } from '../../random/rng.ts';

test('dotColumns: small sums by hand', () => {
  const out = new Float64Array(3);
  dotColumns(Float64Array.of(1, 2), 0, Float64Array.of(3, 4, 5, 6), 0, 2, 2, 2, out, 1);
  assert.deepEqual(Array.from(out), [0, 11, 17]);
});

test('dotColumns: every sum equals a one-column ascending loop to the bit, with offsets and 1–9 columns', () => {
  const rng = createRng(7);
  // Values over many magnitudes, so a different order of additions would round differently.
  const draw = () => (rng.next() - 0.3) * 10 ** Math.floor(rng.next() * 12 - 6);
  for (const [n, nCols, stride, aOff, bOff] of [[37, 1, 40, 3, 0], [101, 4, 101, 0, 5], [64, 7, 70, 9, 2], [5, 9, 5, 1, 1]]) {
    const a = Float64Array.from({ length: aOff + n }, draw);
    const b = Float64Array.from({ length: bOff + nCols * stride }, draw);
    const out = new Float64Array(nCols);
    dotColumns(a, aOff, b, bOff, stride, nCols, n, out, 0);
    for (let k = 0; k < nCols; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += a[aOff + i] * b[bOff + k * stride + i];
      assert.ok(Object.is(out[k], s), `column ${k} of ${nCols} (n ${n}): ${out[k]} vs ${s}`);
    }
  }
});
