import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addColumns, dotColumns, dotColumnsAdd } from './dot-columns.ts';
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

test('dotColumnsAdd: block after block equals one running loop over all blocks, to the bit', () => {
  const rng = createRng(11);
  const draw = () => (rng.next() - 0.3) * 10 ** Math.floor(rng.next() * 12 - 6);
  const nBlocks = 5, n = 23, nCols = 6, stride = nBlocks * n;
  const a = Float64Array.from({ length: nBlocks * n }, draw);
  const b = Float64Array.from({ length: nCols * stride }, draw);
  const out = new Float64Array(nCols);
  for (let g = 0; g < nBlocks; g++) dotColumnsAdd(a, g * n, b, g * n, stride, nCols, n, out, 0);
  for (let k = 0; k < nCols; k++) {
    let s = 0;
    for (let g = 0; g < nBlocks; g++) for (let i = 0; i < n; i++) s += a[g * n + i] * b[k * stride + g * n + i];
    assert.ok(Object.is(out[k], s), `column ${k}: ${out[k]} vs ${s}`);
  }
  const start = Float64Array.of(1, 0);
  dotColumnsAdd(Float64Array.of(1, 2), 0, Float64Array.of(3, 4, 5, 6), 0, 2, 2, 2, start, 0);
  assert.deepEqual(Array.from(start), [12, 17]);
});

test('addColumns: equals one pass per column in order, to the bit, for 1–9 columns', () => {
  const rng = createRng(13);
  const draw = () => (rng.next() - 0.3) * 10 ** Math.floor(rng.next() * 12 - 6);
  const n = 31;
  for (const nCols of [1, 3, 4, 5, 8, 9]) {
    const src = Float64Array.from({ length: nCols * 40 + 7 }, draw);
    const offsets = Int32Array.from({ length: nCols }, (_, k) => 7 + (nCols - 1 - k) * 40); // columns out of storage order
    const coef = Float64Array.from({ length: nCols }, draw);
    const start = Float64Array.from({ length: n }, draw);
    const out = start.slice();
    addColumns(out, n, src, offsets, coef, nCols);
    for (let i = 0; i < n; i++) {
      let f = start[i];
      for (let k = 0; k < nCols; k++) f += coef[k] * src[offsets[k] + i];
      assert.ok(Object.is(out[i], f), `row ${i} with ${nCols} columns: ${out[i]} vs ${f}`);
    }
  }
  const small = Float64Array.of(1, 1);
  addColumns(small, 2, Float64Array.of(1, 2, 3, 4), Int32Array.of(0, 2), Float64Array.of(10, 1), 2);
  assert.deepEqual(Array.from(small), [14, 25]);
});
