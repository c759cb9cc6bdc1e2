import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectTiming } from './effect-timing.ts';

test('effectTiming: geometric decay a peaks at lag 0, and has landed 1 − a^(L+1) by lag L (untruncated)', () => {
  // Closed form: the smallest L with a^(L+1) ≤ 1 − q. Hand values: a = 0.9 → 0.9^7 = 0.478 ≤ 0.5 < 0.9^6 = 0.531, 0.9^22 = 0.098 ≤ 0.1 < 0.9^21 = 0.109.
  const expected: [number, number, number][] = [[0, 0, 0], [0.3, 0, 1], [0.5, 0, 3], [0.7, 1, 6], [0.9, 6, 21], [0.95, 13, 44]];
  for (const [alpha, lag50, lag90] of expected) {
    const closed = (q: number): number => { let l = 0; while (alpha ** (l + 1) > 1 - q) l++; return l; };
    assert.deepEqual([closed(0.5), closed(0.9)], [lag50, lag90], `closed form at ${alpha}`);
    assert.deepEqual(effectTiming({ type: 'geometric', alpha }, 200), { peakLag: 0, lag50, lag90 }, `alpha ${alpha}`);
  }
});

test('effectTiming: the shares are of the weights kept up to maxLag', () => {
  // a = 0.9, maxLag 4: weights 1, 0.9, 0.81, 0.729, 0.6561 (sum 4.0951); cumulative shares 0.244, 0.464, 0.662, 0.840, 1.
  assert.deepEqual(effectTiming({ type: 'geometric', alpha: 0.9 }, 4), { peakLag: 0, lag50: 2, lag90: 4 });
  assert.deepEqual(effectTiming({ type: 'weibull-pdf', shape: 3, scale: 20 }, 0), { peakLag: 0, lag50: 0, lag90: 0 }, 'maxLag 0: all at once');
});

test('effectTiming: delayed adstock peaks at its delay', () => {
  // alpha 0.5, delay 3, maxLag 6: weights 2^−9, 2^−4, 0.5, 1, 0.5, 2^−4, 2^−9 (sum 2.12695);
  // cumulative through lag 2: 0.5645 / 2.127 = 0.265, lag 3: 0.736, lag 4: 0.971.
  assert.deepEqual(effectTiming({ type: 'delayed', alpha: 0.5, delay: 3 }, 6), { peakLag: 3, lag50: 3, lag90: 4 });
  assert.equal(effectTiming({ type: 'delayed', alpha: 0.5, delay: 4.4 }, 12).peakLag, 4, 'the nearer lag of a fractional delay');
});

test('effectTiming: both Weibull kernels with shape 1 are geometric with a = e^(−1/scale)', () => {
  for (const scale of [0.7, 2, 5, 12]) {
    const geometric = effectTiming({ type: 'geometric', alpha: Math.exp(-1 / scale) }, 60);
    assert.deepEqual(effectTiming({ type: 'weibull-cdf', shape: 1, scale }, 60), geometric, `cdf, scale ${scale}`);
    assert.deepEqual(effectTiming({ type: 'weibull-pdf', shape: 1, scale }, 60), geometric, `pdf, scale ${scale}`);
  }
});

test('effectTiming: a Weibull-PDF kernel with shape > 1 peaks at the density\'s mode λ((k−1)/k)^(1/k), less the one-lag shift', () => {
  // k = 2, λ = 10: mode at x = 10·√0.5 = 7.07, and f(7) = 0.2·0.7·e^−0.49 = 0.0858 > f(8) = 0.2·0.8·e^−0.64 = 0.0844: lag 6.
  const t = effectTiming({ type: 'weibull-pdf', shape: 2, scale: 10 }, 60);
  assert.equal(t.peakLag, 6);
  // The median of the density is λ·ln(2)^(1/k) = 8.33, at lag ≈ 7.3 of the shifted, discrete weights.
  assert.ok(t.lag50 === 7 || t.lag50 === 8, String(t.lag50));
  assert.ok(t.peakLag <= t.lag50 && t.lag50 < t.lag90);
});
