import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelScale } from './channel-scale.ts';

test('channelScale: mean over active periods, round-off residues ignored, NaN when inactive', () => {
  assert.equal(channelScale(Float64Array.of(0, 2, 4)), 3);
  assert.equal(channelScale(Float64Array.of(1e-17, 2, -1e-17, 4)), 3);
  assert.equal(channelScale(Float64Array.of(9, 0, 2, 4, 9), 1, 4), 3);
  assert.ok(Number.isNaN(channelScale(Float64Array.of(0, 0))));
});
