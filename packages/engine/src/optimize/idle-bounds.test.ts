import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idleBounds } from './idle-channel-bounds.ts';
import { DEFAULT_BOUNDS } from './default-bounds.ts';

test('idleBounds: a channel without spend over the reference periods that spent over the window may spend 0 to 2× its window mean', () => {
  assert.equal(DEFAULT_BOUNDS.max.value, 2);
  const out = idleBounds([
    { name: 'tv', current: 0, windowMean: 40, ownBounds: false },
    // Spending now, idle over the window too, or with bounds of its own: left alone.
    { name: 'search', current: 5, windowMean: 6, ownBounds: false },
    { name: 'radio', current: 0, windowMean: 0, ownBounds: false },
    { name: 'ooh', current: 0, windowMean: 10, ownBounds: true },
  ]);
  assert.deepEqual(out, { tv: { min: { type: 'absolute', value: 0 }, max: { type: 'absolute', value: 80 } } });
  assert.deepEqual(idleBounds([]), {});
});
