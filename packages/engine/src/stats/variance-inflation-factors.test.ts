import { test } from 'node:test';
import assert from 'node:assert/strict';
import { varianceInflationFactors } from './variance-inflation-factors.ts';
import { close, normals } from '../../test/reference-data.ts';

const N = 50;
const X1 = Float64Array.from(normals(1, N));
const X2 = Float64Array.from(normals(2, N), (z, i) => 0.8 * X1[i] + 0.6 * z);
const X3 = Float64Array.from(normals(3, N), (z, i) => z + 0.3 * X2[i]);

test('VIF matches 1/(1 − R²) from numpy least squares with an intercept', () => {
  // for each j: A = [1, other columns]; coef = numpy.linalg.lstsq(A, x_j); VIF = TSS / RSS
  const vif = varianceInflationFactors([X1, X2, X3], N);
  close(vif[0], 2.664618030155433, 1e-10, 'x1');
  close(vif[1], 2.814932538004229, 1e-10, 'x2');
  close(vif[2], 1.0975913538022797, 1e-10, 'x3');
});

test('perfectly collinear columns get Infinity; the others are unaffected', () => {
  const sum12 = X1.map((v, i) => v + X2[i]);
  const vif = varianceInflationFactors([X1, X2, sum12, X3], N);
  assert.deepEqual(Array.from(vif.subarray(0, 3)), [Infinity, Infinity, Infinity]);
  // x3 on {x1, x2, x1 + x2} spans the same space as on {x1, x2}: numpy value above
  close(vif[3], 1.0975913538022797, 1e-10, 'x3');
  const constant = new Float64Array(N).fill(7);
  const vifC = varianceInflationFactors([X1, constant], N);
  assert.equal(vifC[0], 1);
  assert.equal(vifC[1], Infinity);
});

test('VIF doc example, orthogonal columns and invalid input', () => {
  const vif = varianceInflationFactors([Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 0, 1, 0)], 4);
  close(vif[0], 1.25, 1e-14, 'a');
  close(vif[1], 1.25, 1e-14, 'b');
  // centred (1, −1, 1, −1) and (1, 1, −1, −1) are orthogonal
  const orth = varianceInflationFactors([Float64Array.of(1, -1, 1, -1), Float64Array.of(1, 1, -1, -1)], 4);
  assert.deepEqual(Array.from(orth), [1, 1]);
  assert.throws(() => varianceInflationFactors([Float64Array.of(1, 2, 3)], 4), /column 0/);
  assert.throws(() => varianceInflationFactors([], 4), /≥ 1 column/);
});
