import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lagLogs } from './lag-logs.ts';

test('lagLogs holds ln(i) and grows on demand', () => {
  const small = lagLogs(3);
  assert.equal(small[0], -Infinity);
  assert.equal(small[1], 0);
  assert.equal(small[2], Math.LN2);
  const big = lagLogs(5000);
  assert.ok(big.length >= 5001);
  assert.equal(big[5000], Math.log(5000));
  assert.equal(big[10], Math.log(10));
});
