import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pushAll } from './push-all.ts';

test('pushAll appends a list far longer than a call can take as arguments', () => {
  const many = Array.from({ length: 500_000 }, (_, i) => i);
  assert.throws(() => [0].push(...many), RangeError, 'the spread it replaces overflows the stack');
  const out = pushAll([-1], many);
  assert.equal(out.length, 500_001);
  assert.equal(out[500_000], 499_999);
});
