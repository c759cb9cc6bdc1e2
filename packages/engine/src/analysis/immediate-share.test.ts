import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelChannel } from '../model/mmm-model.ts';
import type { AdstockSpec } from '../transforms/adstock/types.ts';
import type { SaturationSpec } from '../transforms/saturation/types.ts';
import { createRng } from '../random/rng.ts';
import { immediateShare } from './immediate-share.ts';

const MM: SaturationSpec = { type: 'hill', halfSaturation: 1, shape: 1 }; // x / (1 + x)

function channel(spend: number[], adstock: AdstockSpec, maxLag: number, saturation: SaturationSpec = MM, scale = 100, coef = 2000): ModelChannel {
  return { name: 'tv', column: 'tv_spend', spend, adstock, maxLag, saturation, scale, coef };
}

test('no carryover (geometric alpha = 0, or alpha ≈ 0) ⇒ share 1', () => {
  const spend = [100, 0, 250, 80, 0, 0, 300, 120];
  assert.equal(immediateShare(channel(spend, { type: 'geometric', alpha: 0 }, 8), 0, spend.length), 1);
  const tiny = immediateShare(channel(spend, { type: 'geometric', alpha: 1e-9 }, 8), 0, spend.length);
  assert.ok(Math.abs(tiny - 1) < 1e-6, String(tiny));
  assert.equal(immediateShare(channel(spend, { type: 'geometric', alpha: 0.9 }, 0), 0, spend.length), 1, 'maxLag 0 is no carryover');
});

test('a long Weibull delay ⇒ share near 0: with constant spend it is exactly w₀ (normalised)', () => {
  // Weibull-PDF shape 5, scale 12, maxLag 20: the normalised lag-0 weight is
  // scipy.stats.weibull_min.pdf(1, 5, scale=12) / weibull_min.pdf(arange(1, 22), 5, scale=12).sum() = 2.0093797944566337e-05.
  const n = 80, maxLag = 20;
  const ch = channel(new Array<number>(n).fill(500), { type: 'weibull-pdf', shape: 5, scale: 12 }, maxLag);
  const share = immediateShare(ch, maxLag, n); // rows where the adstock has reached its steady state
  assert.ok(Math.abs(share - 2.0093797944566337e-05) < 1e-12, String(share));
  assert.ok(immediateShare(ch, 0, n) < 1e-3, 'also small over the whole series, warm-up rows included');
});

test('with constant spend at steady state the share is w₀ for any saturation (Weibull-PDF 2, 3: 0.2027…)', () => {
  // scipy.stats.weibull_min.pdf(arange(1, 9), 2, scale=3): w[0] / w.sum() = 0.20270742852093684
  const ch = channel(new Array<number>(40).fill(900), { type: 'weibull-pdf', shape: 2, scale: 3 }, 7, { type: 'logistic', lambda: 2 });
  assert.ok(Math.abs(immediateShare(ch, 7, 40) - 0.20270742852093684) < 1e-12);
  // geometric alpha 0.5, maxLag 3: weights [8, 4, 2, 1] / 15, so w₀ = 8/15
  const g = channel(new Array<number>(30).fill(70), { type: 'geometric', alpha: 0.5 }, 3);
  assert.ok(Math.abs(immediateShare(g, 3, 30) - 8 / 15) < 1e-12);
});

test('hand-computed series: one pulse, then two pulses', () => {
  // Geometric 0.5, maxLag 3 → w = [8, 4, 2, 1] / 15; scale 100; f(x) = x / (1 + x).
  // One pulse of 300 at t = 0: adstock [160, 80, 40, 20, 0, 0] → x = [1.6, 0.8, 0.4, 0.2]; only t = 0 is current,
  // share = f(1.6) / Σ f = 0.4069438837303189 (numpy, same formulas).
  const g: AdstockSpec = { type: 'geometric', alpha: 0.5 };
  assert.ok(Math.abs(immediateShare(channel([300, 0, 0, 0, 0, 0], g, 3), 0, 6) - 0.4069438837303189) < 1e-12);
  // Pulses at t = 0 and t = 2: at t = 2 the current part of the adstock is 8 / (8 + 2) of it; numpy gives 0.42880583409298084.
  assert.ok(Math.abs(immediateShare(channel([300, 0, 300, 0, 0, 0, 0], g, 3), 0, 7) - 0.42880583409298084) < 1e-12);
});

test('NaN when the channel contributes nothing in the rows', () => {
  assert.ok(Number.isNaN(immediateShare(channel([0, 0, 0, 0], { type: 'geometric', alpha: 0.5 }, 2), 0, 4)));
});

test('bounded in [0, 1] over random channels, spend patterns and ranges', () => {
  const rng = createRng(11);
  const adstocks: AdstockSpec[] = [
    { type: 'geometric', alpha: 0.7 }, { type: 'delayed', alpha: 0.6, delay: 3 },
    { type: 'weibull-cdf', shape: 0.8, scale: 5 }, { type: 'weibull-pdf', shape: 3, scale: 6 },
  ];
  for (let k = 0; k < 200; k++) {
    const n = 20 + Math.floor(rng.next() * 40);
    const spend = Array.from({ length: n }, () => (rng.next() < 0.4 ? 0 : 1000 * rng.next()));
    spend[0] = 500;
    const ad = adstocks[k % adstocks.length];
    const sat: SaturationSpec = { type: 'hill', halfSaturation: 0.3 + 2 * rng.next(), shape: 0.5 + 2.5 * rng.next() };
    const start = Math.floor(rng.next() * (n / 2));
    const s = immediateShare(channel(spend, ad, 1 + Math.floor(rng.next() * 12), sat, 50 + 500 * rng.next()), start, n);
    if (Number.isNaN(s)) continue;
    assert.ok(s >= 0 && s <= 1 + 1e-12, `${ad.type}: ${s}`);
  }
});
