import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeRows, channelScale } from './channel-scale.ts';
import { applyAdstock } from '../transforms/adstock/adstock.ts';

test('activeRows: rows with spend in the row or the maxLag rows before it', () => {
  assert.deepEqual([...activeRows(Float64Array.of(0, 5, 0, 0, 0), 2)], [0, 1, 1, 1, 0]);
  assert.deepEqual([...activeRows(Float64Array.of(1, 0, 0, 2, 0), 0)], [1, 0, 0, 1, 0]);
  assert.deepEqual([...activeRows(new Float64Array(3), 5)], [0, 0, 0]);
});

test('channelScale: mean over the active rows of the range, NaN when none is active', () => {
  assert.equal(channelScale(Float64Array.of(0, 2, 4), Uint8Array.of(0, 1, 1)), 3);
  // A round-off residue on an inactive row does not count; a carryover row does.
  assert.equal(channelScale(Float64Array.of(1e-17, 2, -1e-17, 4), Uint8Array.of(0, 1, 0, 1)), 3);
  assert.equal(channelScale(Float64Array.of(9, 0, 2, 4, 9), Uint8Array.of(1, 1, 1, 1, 1), 1, 4), 2);
  assert.ok(Number.isNaN(channelScale(Float64Array.of(0, 0), Uint8Array.of(0, 0))));
});

test('channelScale is continuous in the adstock parameters when a kernel tail vanishes (no rows flip in or out)', () => {
  // A Weibull-PDF with a short scale and long maxLag: its tail weights fall below 1e-12 of the peak
  // as the shape grows. Flighted spend, so many rows are carryover-only.
  const spend = Float64Array.from({ length: 120 }, (_, t) => (Math.floor(t / 6) % 3 === 0 ? 100 + (t % 5) : 0));
  const active = activeRows(spend, 52);
  const scaleAt = (shape: number): number => channelScale(applyAdstock(spend, { type: 'weibull-pdf', shape, scale: 0.687 }, { maxLag: 52, normalised: true }), active);
  let worst = 0;
  for (let k = 2.5; k < 4; k += 0.01) worst = Math.max(worst, Math.abs(scaleAt(k + 0.01) - scaleAt(k)) / scaleAt(k));
  assert.ok(worst < 0.01, `largest relative change of the scale over a 0.01 step of the shape: ${worst}`);
});
