import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelTruth } from './channel-truth.ts';
import { convertStage } from './convert-stage.ts';
import { mediaResponse } from './media-response.ts';
import type { MediaTransform } from './media-response.ts';

// Same example as media-response.test.ts; references from python3 (numpy 2.4, scipy 1.17), beta = 1000:
//   roi  = beta·Σs / Σx
//   mroi = beta·Σ f'(u)·u / Σx, f'(u) = S·u^(S−1)·K^S / (u^S + K^S)²  (analytic dC/dm at m = 1)
//   imm  = Σ s·w0·x/a / Σ s
// and for the two-stage map (winRate 0.5, geometric α 0.5, maxLag 2, normalised, zero before t = 0):
//   conv[t] = 0.5·Σ_l h[l]·beta·s[t−l];  mroi_conv = beta·Σ_t g[t]·f'(u_t)·u_t / Σx with
//   g[t] = 0.5·Σ_{l: t+l < n} h[l] (the share of period t's response booked inside the window).
const SPEND = Float64Array.of(100, 0, 50, 200, 0, 0, 80);
const TRANSFORM: MediaTransform = {
  adstock: { type: 'weibull-pdf', shape: 2, scale: 3 },
  maxLag: 3,
  saturation: { type: 'hill', halfSaturation: 1.2, shape: 1.5 },
};
const ROI = 6.686042737460274;
const MROI = 5.387390683741596;
const IMMEDIATE = 0.2626298059986523;
const CONV = [50.4712596872875, 102.10444671147546, 144.96197896551064, 232.24273284804386, 272.9060652061754, 269.6303353216935, 236.85463800113973];
const ROI_CONV = 3.0445847831193626;
const MROI_CONV = 2.4482232201026;

test('ROI, marginal ROI (finite difference vs the analytic derivative) and immediate share', () => {
  const r = channelTruth(SPEND, TRANSFORM, mediaResponse(SPEND, TRANSFORM), 1000, (x) => x);
  assert.equal(r.spend, 430);
  assert.ok(Math.abs(r.roi - ROI) < 1e-12 * ROI);
  assert.ok(Math.abs(r.roi - r.total / r.spend) < 1e-15);
  assert.ok(Math.abs(r.mroi - MROI) < 1e-5 * MROI, `mroi ${r.mroi}`); // central difference, O(h²) with h = 1e-3
  assert.ok(Math.abs(r.immediateShare - IMMEDIATE) < 1e-12);
});

test('through a conversion stage the totals are those of the converted series', () => {
  const conversion = { stage: 'pipeline', winRate: 0.5, delay: { type: 'geometric', alpha: 0.5 } as const, maxLag: 2, noise: 0 };
  const r = channelTruth(SPEND, TRANSFORM, mediaResponse(SPEND, TRANSFORM), 1000, (x) => convertStage(x, conversion, SPEND.length));
  for (let t = 0; t < CONV.length; t++) assert.ok(Math.abs(r.contribution[t] - CONV[t]) < 1e-10 * CONV[t], `t=${t}`);
  assert.ok(Math.abs(r.roi - ROI_CONV) < 1e-12 * ROI_CONV);
  assert.ok(Math.abs(r.mroi - MROI_CONV) < 1e-5 * MROI_CONV, `mroi ${r.mroi}`);
});

test('no carryover means everything is immediate', () => {
  const t: MediaTransform = { adstock: { type: 'geometric', alpha: 0 }, maxLag: 0, saturation: { type: 'hill', halfSaturation: 1, shape: 1 } };
  const x = Float64Array.of(1, 3, 0, 2);
  const r = channelTruth(x, t, mediaResponse(x, t), 10, (v) => v);
  assert.ok(Math.abs(r.immediateShare - 1) < 1e-15);
});
