import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundLabel } from './bound-label.ts';

test('boundLabel: nothing for a free channel, words for the others', () => {
  assert.deepEqual((['free', 'locked', 'at-lower', 'at-upper'] as const).map(boundLabel), ['', 'locked', 'at minimum', 'at maximum']);
});
