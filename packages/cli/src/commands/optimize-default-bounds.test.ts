import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BOUNDS } from '@mixwise/engine';
import { defaultBoundsHint, defaultBoundsNote, heldByDefault } from './optimize-default-bounds.ts';
import type { OptimizationChannel } from './optimize-output.ts';

const row = (channel: string, bound: OptimizationChannel['bound']): OptimizationChannel => ({
  channel, current: 10, recommended: 10, change: 0, change_share: 0, roi_current: 1, roi_recommended: 1,
  mroi_current: 1, mroi_recommended: 1, bound, lower: 5, upper: 20,
});
const rows = [row('tv', 'at-lower'), row('search', 'at-upper'), row('social', 'free'), row('ooh', 'locked')];

test('only channels at a bound that came from the built-in default are named', () => {
  assert.deepEqual(heldByDefault(rows, { defaults: DEFAULT_BOUNDS }, 'default'), ['tv', 'search']);
  // search has its own --bound: its limit is the user's.
  assert.deepEqual(heldByDefault(rows, { defaults: DEFAULT_BOUNDS, channels: { search: {} } }, 'default'), ['tv']);
  assert.deepEqual(heldByDefault(rows, { defaults: DEFAULT_BOUNDS }, 'given'), []);
  assert.deepEqual(heldByDefault(rows, {}, 'none'), []);
});

test('the note and the hint say how to lift the default, and are empty when it did not apply', () => {
  assert.equal(defaultBoundsNote([]), '');
  assert.match(defaultBoundsNote(['tv']), /^ tv is held by the default bounds \(0\.5×–2× current spend\).*--bounds none\.$/);
  assert.match(defaultBoundsNote(['tv', 'search', 'ooh']), / tv, search and ooh are held/);
  assert.match(defaultBoundsHint('default'), /0\.5×–2×.*--bounds none/);
  assert.equal(defaultBoundsHint('given'), '');
});
