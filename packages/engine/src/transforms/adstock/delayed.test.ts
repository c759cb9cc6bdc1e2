import { test } from 'node:test';
import assert from 'node:assert/strict';
import { delayedAdstock } from './delayed.ts';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= rel * Math.abs(expected[i]), `index ${i}: ${actual[i]} vs ${expected[i]}`);
  }
}

test('delayed weights alpha^((l − delay)^2): hand-computed, peak at the delay', () => {
  // 0.5^1, 0.5^0, 0.5^1, 0.5^4
  assertClose(delayedAdstock.weights({ type: 'delayed', alpha: 0.5, delay: 1 }, 3), [0.5, 1, 0.5, 0.0625], 1e-15);
  // delay 0 is geometric-like in l^2: 0.5^0, 0.5^1, 0.5^4
  assertClose(delayedAdstock.weights({ type: 'delayed', alpha: 0.5, delay: 0 }, 2), [1, 0.5, 0.0625], 1e-15);
});

test('delayed weights with a fractional delay match numpy', () => {
  // python3: l = np.arange(7); (0.7 ** ((l - 2.5) ** 2)).tolist()
  const ref = [0.10761250725103663, 0.4481986974220602, 0.9146912192286945, 0.9146912192286945,
    0.4481986974220602, 0.10761250725103663, 0.012660503865577204];
  assertClose(delayedAdstock.weights({ type: 'delayed', alpha: 0.7, delay: 2.5 }, 6), ref, 1e-13);
});

test('delayed validate: alpha in (0, 1), delay ≥ 0', () => {
  for (const alpha of [0, 1, NaN]) {
    assert.throws(() => delayedAdstock.validate({ type: 'delayed', alpha, delay: 1 }), { code: 'INVALID_ARGUMENT', message: /alpha/ });
  }
  for (const delay of [-1, Infinity]) {
    assert.throws(() => delayedAdstock.validate({ type: 'delayed', alpha: 0.5, delay }), { code: 'INVALID_ARGUMENT', message: /delay/ });
  }
  assert.deepEqual(delayedAdstock.fromVector([0.4, 3]), { type: 'delayed', alpha: 0.4, delay: 3 });
  assert.deepEqual(delayedAdstock.toVector({ type: 'delayed', alpha: 0.4, delay: 3 }), [0.4, 3]);
});
