import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertStage } from './convert-stage.ts';

const conversion = { stage: 'pipeline', winRate: 0.2, delay: { type: 'geometric', alpha: 0.5 } as const, maxLag: 2, noise: 0 };

test('a window-only series is zero before the window', () => {
  // h = [1, 0.5, 0.25] / 1.75; out[t] = 0.2·Σ h[l]·x[t−l]
  const out = convertStage(Float64Array.of(7, 0, 0), conversion, 3);
  const expected = [0.2 * 4, 0.2 * 2, 0.2 * 1];
  for (let t = 0; t < 3; t++) assert.ok(Math.abs(out[t] - expected[t]) < 1e-12);
});

test('a series with burn-in uses the pre-window values', () => {
  // Burn-in of maxLag = 2 periods holding 7 each, then 0 in the window: out[0] = 0.2·(0.5·7 + 0.25·7)/1.75 = 0.6.
  const out = convertStage(Float64Array.of(7, 7, 0, 0, 0), conversion, 3);
  assert.equal(out.length, 3);
  assert.ok(Math.abs(out[0] - 0.6) < 1e-12 && Math.abs(out[1] - 0.2) < 1e-12 && out[2] === 0);
});
