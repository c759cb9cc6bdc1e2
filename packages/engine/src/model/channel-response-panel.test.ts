import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelChannel } from './mmm-model.ts';
import { channelContribution, contributionSlope } from './channel-response.ts';
import { nationalModel, panelModel } from './panel-model.test-support.ts';

const close = (a: number, b: number, rel: number, what = '') => assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-12), `${what}: ${a} vs ${b}`);
const sum = (v: ArrayLike<number>, a: number, b: number) => { let s = 0; for (let t = a; t < b; t++) s += v[t]; return s; };

test('a panel channel whose geos spend exactly shares[g] × national has the national contribution and slope', () => {
  const national = nationalModel();
  const panel = panelModel(national, true);
  national.channels.forEach((ch, c) => {
    const nat = channelContribution(ch), geo = channelContribution(panel.channels[c]);
    for (let t = 0; t < nat.length; t++) close(geo[t], nat[t], 1e-12, `${ch.name} t=${t}`);
    close(contributionSlope(panel.channels[c], 4, 56), contributionSlope(ch, 4, 56), 1e-12, `${ch.name} slope`);
  });
});

test('a panel channel split unevenly differs from the national formula (saturation is not linear)', () => {
  const national = nationalModel();
  const panel = panelModel(national);
  const a = sum(channelContribution(national.channels[0]), 4, 56), b = sum(channelContribution(panel.channels[0]), 4, 56);
  assert.ok(Math.abs(a - b) > 1e-3 * a, `${a} vs ${b}`);
});

// 2 geos × 4 periods, written out by hand. Geometric α = 0.5, maxLag 1: normalised weights [2/3, 1/3].
// Hill half-saturation 1, shape 1: f(u) = u / (1 + u); scale 10, coef 100. Shares [0.25, 0.75].
// Geo spend [1, 2, 0, 3] and [6, 3, 9, 0]; ÷ share: [4, 8, 0, 12] and [8, 4, 12, 0].
// A: geo 0 [8/3, 20/3, 8/3, 8], geo 1 [16/3, 16/3, 28/3, 4]; u = A / 10;
// f: geo 0 [4/19, 2/5, 4/19, 4/9], geo 1 [8/23, 8/23, 14/29, 2/7];
// contribution = 100·(0.25·f0 + 0.75·f1).
const HAND: ModelChannel = {
  name: 'tv', column: 'tv_spend', spend: [7, 5, 9, 3], adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 1,
  saturation: { type: 'hill', halfSaturation: 1, shape: 1 }, scale: 10, coef: 100,
  panel: { shares: [0.25, 0.75], spend: [[1, 2, 0, 3], [6, 3, 9, 0]] },
};

test('hand-computed 2-geo × 4-period contribution', () => {
  const expected = [100 / 19 + 600 / 23, 10 + 600 / 23, 100 / 19 + 1050 / 29, 100 / 9 + 150 / 7];
  const got = channelContribution(HAND);
  expected.forEach((e, t) => close(got[t], e, 1e-13, `t=${t}`));
});

test('hand-computed slope: Σ_g s_g coef Σ_t f′(u)·w_t/scale, with f′(u) = 1/(1+u)²', () => {
  // Window rows [1, 3): w = A of the window spend only. Geo 0 window spend ÷ share [0, 8, 0, 0] → w [0, 16/3, 8/3, 0];
  // geo 1 [0, 4, 12, 0] → w [0, 8/3, 28/3, 0]. u at t = 1, 2: geo 0 2/3, 4/15; geo 1 8/15, 14/15.
  const fp = (u: number) => 1 / ((1 + u) * (1 + u));
  const g0 = fp(2 / 3) * (16 / 3) / 10 + fp(4 / 15) * (8 / 3) / 10;
  const g1 = fp(8 / 15) * (8 / 3) / 10 + fp(14 / 15) * (28 / 3) / 10;
  close(contributionSlope(HAND, 1, 3), 100 * (0.25 * g0 + 0.75 * g1), 1e-13, 'slope');
});

test('contributionSlope of a panel channel matches a central difference in a common multiplier on every geo\'s window spend', () => {
  const panel = panelModel(nationalModel());
  const [start, end] = [10, 56];
  for (const ch of panel.channels) {
    const at = (m: number) => sum(channelContribution({ ...ch, panel: { shares: ch.panel!.shares, spend: ch.panel!.spend.map((x) => x.map((v, t) => (t >= start && t < end ? v * m : v))) } }), start, end);
    const h = 1e-5;
    close(contributionSlope(ch, start, end), (at(1 + h) - at(1 - h)) / (2 * h), 1e-6, ch.name);
  }
});

test('an explicit national spend is split like the history: the history itself gives the fitted contribution, a zeroed window zeroes every geo', () => {
  const ch = panelModel(nationalModel()).channels[1];
  const own = channelContribution(ch), viaSpend = channelContribution(ch, ch.spend);
  for (let t = 0; t < own.length; t++) close(viaSpend[t], own[t], 1e-12, `t=${t}`);
  const without = ch.spend.map((v, t) => (t >= 20 && t < 28 ? 0 : v));
  const byGeo = channelContribution({ ...ch, panel: { shares: ch.panel!.shares, spend: ch.panel!.spend.map((x) => x.map((v, t) => (t >= 20 && t < 28 ? 0 : v))) } });
  const got = channelContribution(ch, without);
  for (let t = 0; t < got.length; t++) close(got[t], byGeo[t], 1e-12, `t=${t}`);
  // Past the history, spend is split by the shares: a constant level there meets the national curve.
  const longer = channelContribution(ch, [...ch.spend, ...new Array<number>(30).fill(1000)]);
  const nat = channelContribution({ ...ch, panel: undefined }, [...ch.spend.map(() => 1000), ...new Array<number>(30).fill(1000)]);
  close(longer[longer.length - 1], nat[nat.length - 1], 1e-12, 'steady state after the history');
});
