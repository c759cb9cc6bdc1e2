import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkParam } from './check-param.ts';

test('checkParam: open and closed ends, non-numbers, readable message', () => {
  assert.doesNotThrow(() => checkParam('k', 'a', 0, 0, 1, false, true));
  assert.throws(() => checkParam('k', 'a', 1, 0, 1, false, true), { code: 'INVALID_ARGUMENT', message: 'k: a must be a finite number in [0, 1), got 1' });
  assert.throws(() => checkParam('k', 'a', 0, 0, Infinity, true, true), { message: 'k: a must be a finite number in (0, ∞), got 0' });
  assert.throws(() => checkParam('k', 'a', '0.5', 0, 1, false, false), { message: 'k: a must be a finite number in [0, 1], got "0.5"' });
  assert.throws(() => checkParam('k', 'a', undefined, 0, 1, false, false), { message: /got undefined/ });
  assert.throws(() => checkParam('k', 'a', Infinity, -Infinity, Infinity, true, true), { message: /\(-∞, ∞\), got Infinity/ });
  assert.doesNotThrow(() => checkParam('k', 'a', 1, 0, 1, false, false));
});
