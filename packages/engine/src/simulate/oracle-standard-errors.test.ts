import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oracleStandardErrors } from './oracle-standard-errors.ts';

test('matches σ·√diag((ZᵀZ)⁻¹) from numpy', () => {
  // python3: Z = column_stack([ones(6), [0,1,0,1,1,0], arange(1, 7)]); 2·sqrt(diag(inv(Z.T @ Z)))
  const want = [1.97419247, 1.64082531, 0.48038446];
  const got = oracleStandardErrors([new Float64Array(6).fill(1), Float64Array.of(0, 1, 0, 1, 1, 0), Float64Array.of(1, 2, 3, 4, 5, 6)], 2);
  for (let j = 0; j < 3; j++) assert.ok(Math.abs(got[j] - want[j]) < 1e-7, `${j}: ${got[j]}`);
});

test('zero columns get NaN; exactly collinear columns give NaN everywhere', () => {
  const se = oracleStandardErrors([Float64Array.of(1, 1, 1), new Float64Array(3), Float64Array.of(0, 1, 2)], 1);
  assert.ok(Number.isNaN(se[1]) && Number.isFinite(se[0]) && Number.isFinite(se[2]));
  const collinear = oracleStandardErrors([Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 6)], 1);
  assert.ok(collinear.every(Number.isNaN));
});
