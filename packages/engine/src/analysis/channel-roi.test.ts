import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelChannel } from '../model/mmm-model.ts';
import { createRng } from '../random/rng.ts';
import { channelRoi } from './channel-roi.ts';

function channel(spend: number[], alpha: number, maxLag: number, half = 1.2, shape = 1.6, scale = 400, coef = 900): ModelChannel {
  return {
    name: 'tv', column: 'tv_spend', spend, adstock: { type: 'geometric', alpha }, maxLag,
    saturation: { type: 'hill', halfSaturation: half, shape }, scale, coef,
  };
}

/** coef · Hill(normalised geometric adstock / scale), written out from the definitions. */
function contribution(ch: ModelChannel): number[] {
  if (ch.adstock.type !== 'geometric' || ch.saturation.type !== 'hill') throw new Error('geometric + hill only');
  const { alpha } = ch.adstock;
  const { halfSaturation: k, shape: s } = ch.saturation;
  let sw = 0;
  for (let l = 0; l <= ch.maxLag; l++) sw += alpha ** l;
  return ch.spend.map((_, t) => {
    let a = 0;
    for (let l = 0; l <= Math.min(ch.maxLag, t); l++) a += (alpha ** l / sw) * ch.spend[t - l];
    const x = a / ch.scale;
    return ch.coef * (x ** s / (x ** s + k ** s));
  });
}

test('ROI = Σ contribution / Σ spend over the rows, computed independently', () => {
  const rng = createRng(8);
  for (let k = 0; k < 30; k++) {
    const n = 30 + Math.floor(40 * rng.next());
    const spend = Array.from({ length: n }, () => (rng.next() < 0.3 ? 0 : 100 + 900 * rng.next()));
    const ch = channel(spend, 0.9 * rng.next(), 1 + Math.floor(10 * rng.next()), 0.5 + rng.next(), 0.6 + 2 * rng.next());
    const c = contribution(ch);
    const start = Math.floor(rng.next() * 10), end = n - Math.floor(rng.next() * 10);
    let sc = 0, ss = 0;
    for (let t = start; t < end; t++) { sc += c[t]; ss += spend[t]; }
    const roi = channelRoi(ch, start, end);
    assert.ok(Math.abs(roi - sc / ss) <= 1e-10 * Math.abs(sc / ss), `case ${k}: ${roi} vs ${sc / ss}`);
  }
});

test('carryover of spend before the range counts; spend after it does not enter', () => {
  // geometric 0.5, maxLag 2: weights [4, 2, 1] / 7; Hill K = 1, s = 1 (x / (1 + x)); scale 100, coef 700.
  // spend 700 at t = 0 and 350 at t = 3 → adstock [400, 200, 100, 200, 100, 50]
  // → x = [4, 2, 1, 2, 1, 0.5] → contribution 700·x/(1+x) = [560, 466.67, 350, 466.67, 350, 233.33].
  const ch = channel([700, 0, 0, 350, 0, 0], 0.5, 2, 1, 1, 100, 700);
  const c = [560, 1400 / 3, 350, 1400 / 3, 350, 700 / 3];
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
  close(channelRoi(ch, 0, 6), (c[0] + c[1] + c[2] + c[3] + c[4] + c[5]) / 1050);
  close(channelRoi(ch, 0, 1), 560 / 700);
  // rows [2, 6): t = 2 is pure carryover from t = 0, counted against the 350 spent at t = 3
  close(channelRoi(ch, 2, 6), (c[2] + c[3] + c[4] + c[5]) / 350);
  // rows [0, 3): the spend at t = 3 is outside, so is its effect
  close(channelRoi(ch, 0, 3), (c[0] + c[1] + c[2]) / 700);
});

test('NaN when there is no spend in the rows (even with carryover there)', () => {
  const ch = channel([500, 0, 0, 0], 0.5, 3);
  assert.ok(Number.isNaN(channelRoi(ch, 1, 4)));
  assert.ok(Number.isNaN(channelRoi(channel([0, 0, 0], 0.5, 3), 0, 3)));
});
