import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crowdingDistance, dominates, nonDominatedSort, paretoFront } from './pareto.ts';
import { createRng } from '../../random/rng.ts';

/** Reference ranks straight from the definition: peel off the non-dominated set, O(n³) worst case. */
function bruteForceRanks(obj: Float64Array, n: number, m: number): Int32Array {
  const rank = new Int32Array(n).fill(-1);
  const row = (i: number) => obj.subarray(i * m, (i + 1) * m);
  let assigned = 0;
  for (let level = 0; assigned < n; level++) {
    const current: number[] = [];
    for (let i = 0; i < n; i++) {
      if (rank[i] !== -1) continue;
      let dominated = false;
      for (let j = 0; j < n && !dominated; j++) {
        if (j !== i && rank[j] === -1 && dominates(row(j), row(i))) dominated = true;
      }
      if (!dominated) current.push(i);
    }
    for (const i of current) rank[i] = level;
    assigned += current.length;
  }
  return rank;
}

test('dominates follows the minimisation definition; NaN is worst', () => {
  assert.equal(dominates([1, 2], [1, 3]), true);
  assert.equal(dominates([1, 3], [1, 2]), false);
  assert.equal(dominates([1, 3], [2, 2]), false);
  assert.equal(dominates([2, 2], [2, 2]), false);
  assert.equal(dominates([5, 1], [5, NaN]), true);
  assert.equal(dominates([5, NaN], [5, 1e300]), false);
  assert.equal(dominates([NaN, NaN], [NaN, NaN]), false);
  assert.throws(() => dominates([1], [1, 2]), /lengths differ/);
});

test('nonDominatedSort and paretoFront on a hand-worked example', () => {
  // rows: (1,4) (2,2) (3,3) (4,1) (2,5) (5,5) (1,4)
  // (3,3) is dominated by (2,2); (2,5) by (1,4); (5,5) by (3,3) and (2,5); the duplicate (1,4) ties.
  const obj = Float64Array.of(1, 4, 2, 2, 3, 3, 4, 1, 2, 5, 5, 5, 1, 4);
  assert.deepEqual(Array.from(nonDominatedSort(obj, 7, 2)), [0, 0, 1, 0, 1, 2, 0]);
  assert.deepEqual(Array.from(paretoFront(obj, 7, 2)), [0, 1, 3, 6]);
});

test('three objectives and NaN rows', () => {
  // (1,1,1) dominates everything else; (NaN,0,0) is (∞,0,0): not dominated (best in objectives 2, 3)
  // (2,NaN,2) is (2,∞,2), dominated by (1,1,1) and by (2,2,2); (2,2,2) by (1,1,1)
  const obj = Float64Array.of(2, 2, 2, 1, 1, 1, NaN, 0, 0, 2, NaN, 2);
  assert.deepEqual(Array.from(nonDominatedSort(obj, 4, 3)), [1, 0, 0, 2]);
});

test('nonDominatedSort equals the brute-force definition on random sets (seeded)', () => {
  const rng = createRng(2024);
  for (let trial = 0; trial < 60; trial++) {
    const n = 1 + Math.floor(rng.next() * 120);
    const m = 1 + Math.floor(rng.next() * 4);
    const discrete = trial % 3 === 0; // many ties
    const obj = new Float64Array(n * m);
    for (let k = 0; k < n * m; k++) {
      const u = rng.next();
      obj[k] = u < 0.03 ? NaN : discrete ? Math.floor(u * 5) : u;
    }
    if (trial % 4 === 1) {
      // anti-correlated objectives give large fronts, like NRMSE vs DECOMP.RSSD
      for (let i = 0; i < n; i++) if (m >= 2) obj[i * m + 1] = 1 - obj[i * m] + 0.1 * rng.next();
    }
    assert.deepEqual(nonDominatedSort(obj, n, m), bruteForceRanks(obj, n, m), `trial ${trial} (n = ${n}, m = ${m})`);
  }
});

test('no member of the Pareto front dominates another, and every other row is dominated by it', () => {
  const rng = createRng(5);
  const n = 300, m = 2;
  const obj = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) obj[k] = rng.next();
  const front = new Set(paretoFront(obj, n, m));
  const row = (i: number) => obj.subarray(i * m, (i + 1) * m);
  for (const i of front) for (const j of front) assert.equal(dominates(row(i), row(j)), false);
  for (let i = 0; i < n; i++) {
    if (front.has(i)) continue;
    assert.ok([...front].some((f) => dominates(row(f), row(i))), `row ${i} should be dominated by the front`);
  }
});

test('edge shapes: empty and single-objective sets; shape errors', () => {
  assert.equal(nonDominatedSort(new Float64Array(0), 0, 2).length, 0);
  // one objective: ranks are dense ranks of the values
  assert.deepEqual(Array.from(nonDominatedSort(Float64Array.of(3, 1, 2, 1), 4, 1)), [2, 0, 1, 0]);
  assert.throws(() => nonDominatedSort(new Float64Array(5), 2, 2), /expected 4/);
  assert.throws(() => paretoFront(new Float64Array(4), 2, 0), /m ≥ 1/);
});

test('crowdingDistance by hand', () => {
  // points (0,4) (1,2) (2,1) (4,0): interior distances (2−0)/4 + (4−1)/4 and (4−1)/4 + (2−0)/4
  const obj = Float64Array.of(0, 4, 1, 2, 2, 1, 4, 0);
  assert.deepEqual(Array.from(crowdingDistance(obj, [0, 1, 2, 3], 2)), [Infinity, 1.25, 1.25, Infinity]);
  // a subset of the rows, given in any order: results follow the order of `indices`
  assert.deepEqual(Array.from(crowdingDistance(obj, [3, 1, 0], 2)), [Infinity, 2, Infinity]);
  assert.deepEqual(Array.from(crowdingDistance(obj, [2, 1], 2)), [Infinity, Infinity]);
});

test('crowdingDistance: zero-range objectives add nothing, NaN neighbours give Infinity', () => {
  // objective 2 constant; objective 1 values 0, 1, 3, 4 → interior gaps (3−0)/4 and (4−1)/4
  const flat = Float64Array.of(0, 7, 1, 7, 3, 7, 4, 7);
  assert.deepEqual(Array.from(crowdingDistance(flat, [0, 1, 2, 3], 2)), [Infinity, 0.75, 0.75, Infinity]);
  // one objective with a NaN: the point next to it (value 2) sees an infinite gap
  const withNaN = Float64Array.of(0, 1, 2, NaN);
  assert.deepEqual(Array.from(crowdingDistance(withNaN, [0, 1, 2, 3], 1)), [Infinity, 1, Infinity, Infinity]);
  assert.throws(() => crowdingDistance(flat, [0, 9], 2), /index 9/);
});
