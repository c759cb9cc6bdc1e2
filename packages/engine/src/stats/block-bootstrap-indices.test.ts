import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockBootstrapIndices } from './block-bootstrap-indices.ts';
import { createRng } from '../random/rng.ts';

test('indices come in consecutive blocks that start inside the series', () => {
  const rng = createRng(3);
  for (const [nTimes, blockLength] of [[52, 4], [100, 7], [10, 10], [9, 1]]) {
    const idx = blockBootstrapIndices(rng, nTimes, blockLength);
    assert.equal(idx.length, nTimes);
    for (let t = 0; t < nTimes; t++) {
      assert.ok(idx[t] >= 0 && idx[t] < nTimes);
      if (t % blockLength !== 0) assert.equal(idx[t], idx[t - 1] + 1, `t = ${t}`);
      else assert.ok(idx[t] <= nTimes - blockLength, 'block start leaves room for a full block');
    }
  }
});

test('block starts are uniform over the allowed positions and seeds reproduce', () => {
  const rng = createRng(11);
  const nTimes = 12, blockLength = 3, nStarts = 10;
  const counts = new Float64Array(nStarts);
  const reps = 20000;
  for (let r = 0; r < reps; r++) {
    const idx = blockBootstrapIndices(rng, nTimes, blockLength);
    for (let t = 0; t < nTimes; t += blockLength) counts[idx[t]]++;
  }
  const expected = (reps * 4) / nStarts; // 4 blocks per resample
  let chi2 = 0;
  for (const c of counts) chi2 += (c - expected) ** 2 / expected;
  assert.ok(chi2 < 27.88, `chi-square ${chi2} exceeds the 0.999 quantile of χ²₉`);
  assert.deepEqual(blockBootstrapIndices(createRng(1), 6, 3), blockBootstrapIndices(createRng(1), 6, 3));
  assert.deepEqual(Array.from(blockBootstrapIndices(createRng(1), 6, 3)), [1, 2, 3, 0, 1, 2]);
});

test('blockBootstrapIndices validates its arguments', () => {
  const rng = createRng(1);
  assert.throws(() => blockBootstrapIndices(rng, 5, 6), /blockLength/);
  assert.throws(() => blockBootstrapIndices(rng, 5, 0), /blockLength/);
  assert.throws(() => blockBootstrapIndices(rng, 0, 1), /nTimes/);
  assert.throws(() => blockBootstrapIndices(rng, 5, 2.5), /blockLength/);
});
