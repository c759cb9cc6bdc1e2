import { test } from 'node:test';
import assert from 'node:assert/strict';
import { negligibleTail } from './negligible-tail.ts';
import { adstockWeights } from './adstock.ts';

test('negligibleTail keeps every weight but a trailing run summing to at most 1e-17 of the total', () => {
  assert.equal(negligibleTail(Float64Array.of(0.5, 0.5, 1e-300)), 2);
  assert.equal(negligibleTail(Float64Array.of(0.5, 0.5, 0)), 2);
  assert.equal(negligibleTail(Float64Array.of(1)), 1);
  assert.equal(negligibleTail(Float64Array.of(0, 0)), 1);
  // 4e-18 + 4e-18 = 8e-18 ≤ 1e-17 is dropped; adding the 5e-18 before them would exceed it.
  assert.equal(negligibleTail(Float64Array.of(1, 5e-18, 4e-18, 4e-18)), 2);
  // A Weibull PDF kernel of scale 2 is ~0 long before lag 52; a geometric kernel with α 0.9 is not.
  const short = adstockWeights({ type: 'weibull-pdf', shape: 2, scale: 2 }, 52, true);
  const kept = negligibleTail(short);
  assert.ok(kept > 5 && kept < 20, `kept ${kept}`);
  let dropped = 0;
  for (let l = kept; l < short.length; l++) dropped += short[l];
  assert.ok(dropped <= 1e-17 && short[kept - 1] > 0);
  assert.equal(negligibleTail(adstockWeights({ type: 'geometric', alpha: 0.9 }, 52, true)), 53);
});
