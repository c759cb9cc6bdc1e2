import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelChannel } from '../model/mmm-model.ts';
import { immediateShare } from './immediate-share.ts';
import { observedSpendRange } from './observed-spend-range.ts';
import { extrapolatedShare } from './extrapolated-share.ts';
import { nationalModel, panelModel } from '../model/panel-model.test-support.ts';

const close = (a: number, b: number, rel: number, what = '') => assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-12), `${what}: ${a} vs ${b}`);

// The 2-geo × 4-period channel of channel-response-panel.test.ts: weights [2/3, 1/3], f(u) = u/(1+u),
// scale 10, coef 100, shares [0.25, 0.75]; geo spend ÷ share [4, 8, 0, 12] and [8, 4, 12, 0];
// levels A [8/3, 20/3, 8/3, 8] and [16/3, 16/3, 28/3, 4]; f [4/19, 2/5, 4/19, 4/9] and [8/23, 8/23, 14/29, 2/7].
const HAND: ModelChannel = {
  name: 'tv', column: 'tv_spend', spend: [7, 5, 9, 3], adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 1,
  saturation: { type: 'hill', halfSaturation: 1, shape: 1 }, scale: 10, coef: 100,
  panel: { shares: [0.25, 0.75], spend: [[1, 2, 0, 3], [6, 3, 9, 0]] },
};

test('immediateShare of a panel channel splits each geo\'s contribution by its own mass (hand-computed)', () => {
  // Current part w0·x/A per geo: [1, 0.8, 0, 1] and [1, 0.5, 6/7, 0].
  const c0 = [4 / 19, 2 / 5, 4 / 19, 4 / 9].map((f) => 25 * f), c1 = [8 / 23, 8 / 23, 14 / 29, 2 / 7].map((f) => 75 * f);
  const r0 = [1, 0.8, 0, 1], r1 = [1, 0.5, 6 / 7, 0];
  const imm = c0.reduce((s, c, t) => s + c * r0[t], 0) + c1.reduce((s, c, t) => s + c * r1[t], 0);
  const total = [...c0, ...c1].reduce((s, c) => s + c, 0);
  close(immediateShare(HAND, 0, 4), imm / total, 1e-13, 'immediate share');
});

test('immediateShare and observedSpendRange of a proportional split are the national ones', () => {
  const national = nationalModel(), panel = panelModel(national, true);
  national.channels.forEach((ch, c) => {
    close(immediateShare(panel.channels[c], 4, 56), immediateShare(ch, 4, 56), 1e-12, ch.name);
    const a = observedSpendRange(panel.channels[c], 4, 56), b = observedSpendRange(ch, 4, 56);
    close(a.low, b.low, 1e-12, `${ch.name} low`);
    close(a.high, b.high, 1e-12, `${ch.name} high`);
  });
});

test('observedSpendRange of a panel channel spans every geo\'s levels; extrapolatedShare floors at the lowest', () => {
  const r = observedSpendRange(HAND, 0, 4);
  close(r.low, 8 / 3, 1e-13, 'low');
  close(r.high, 28 / 3, 1e-13, 'high');
  const total = 25 * (4 / 19 + 2 / 5 + 4 / 19 + 4 / 9) + 75 * (8 / 23 + 8 / 23 + 14 / 29 + 2 / 7);
  close(extrapolatedShare(HAND, 0, 4)!.share, (4 * 100 * (4 / 19)) / total, 1e-13, 'extrapolated share');
});
