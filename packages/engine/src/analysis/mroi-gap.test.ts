import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';
import { MROI_GAP_FLOOR, MROI_GAP_RATIO, mroiGaps } from './mroi-gap.ts';

const N = 156;

function channel(name: string, spend: number[]): ModelChannel {
  return { name, column: `${name}_spend`, spend, adstock: { type: 'geometric', alpha: 0.3 }, maxLag: 4, saturation: { type: 'hill', halfSaturation: 1, shape: 1.5 }, scale: 2000, coef: 5000 };
}

/** The fit's mROI by its definition, independently: the extra KPI from scaling the whole spend history by 1 + h, per extra unit. */
function historicalMroi(ch: ModelChannel): number {
  const h = 1e-6;
  const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0);
  const base = sum(channelContribution(ch)), up = sum(channelContribution(ch, ch.spend.map((v) => v * (1 + h))));
  return (up - base) / (h * sum(ch.spend));
}

test('mroiGaps: a channel bursting in one week of eight differs from its steady-state marginal; a steady always-on one does not', () => {
  // About the same mean spend (1,000 a week): steady, or 8,000 in every eighth week, high on its curve in the bursts.
  const steady = channel('search', Array.from({ length: N }, () => 1000));
  const bursty = channel('influencer', Array.from({ length: N }, (_, t) => (t % 8 === 0 ? 8000 : 0)));
  const model = { window: { start: 0, end: N }, channels: [steady, bursty], bootstrapRoi: [] } as unknown as MmmModel;
  const historical = [steady, bursty].map((c) => ({ name: c.name, mroi: historicalMroi(c) }));
  const gaps = mroiGaps(model, historical);
  assert.deepEqual(gaps.map((g) => g.channel), ['influencer']);
  const g = gaps[0];
  assert.ok(Math.abs(g.historical - historical[1].mroi) < 1e-12);
  // the slope of coef·f(x/scale) at the mean (Σw = 1 for normalised weights), by a finite difference
  const f = (x: number): number => 5000 * (x / 2000) ** 1.5 / ((x / 2000) ** 1.5 + 1);
  const mean = bursty.spend.reduce((a, b) => a + b, 0) / N;
  assert.ok(Math.abs(g.steadyState - (f(mean + 1e-3) - f(mean - 1e-3)) / 2e-3) < 1e-4, `${g.steadyState} at ${mean}`);
  assert.ok(g.steadyState >= MROI_GAP_RATIO * g.historical, `${g.steadyState} vs ${g.historical}`);
});

test('mroiGaps: the threshold is relative — a count KPI\'s small marginals count; gaps under 5% of the channel\'s ROI and unusable figures do not', () => {
  const bursty = channel('influencer', Array.from({ length: N }, (_, t) => (t % 8 === 0 ? 8000 : 0)));
  const tiny = { ...bursty, coef: 0.05 }; // the same shape at 1/100,000 of the KPI: marginals of a few thousandths
  const dark = channel('radio', Array.from({ length: N }, () => 0));
  const model = { window: { start: 0, end: N }, channels: [tiny, dark], bootstrapRoi: [] } as unknown as MmmModel;
  const [g] = mroiGaps(model, [{ name: 'influencer', mroi: historicalMroi(tiny) }, { name: 'radio', mroi: NaN }]);
  assert.equal(g.channel, 'influencer');
  assert.ok(g.steadyState < 0.01 && g.steadyState >= MROI_GAP_RATIO * g.historical, `${g.steadyState} vs ${g.historical}`);
  // Beside an ROI 1,000 times the steady-state marginal, the gap is under MROI_GAP_FLOOR of it: not news.
  assert.deepEqual(mroiGaps(model, [{ name: 'influencer', mroi: historicalMroi(tiny), roi: 1000 * g.steadyState }]), []);
  assert.ok(MROI_GAP_FLOOR * 1000 * g.steadyState > g.steadyState - g.historical);
});

test('mroiGaps: a steady channel whose point figures agree is noted when the replicates\' average (what optimize plans on) differs', () => {
  const steady = channel('search', Array.from({ length: N }, () => 1000));
  const rep = (k: number) => [{ adstock: steady.adstock, saturation: steady.saturation, scale: steady.scale, coef: steady.coef * k }];
  const model = { window: { start: 0, end: N }, channels: [steady], bootstrapRoi: [], bootstrapCurves: [rep(0.5), rep(3.5)] } as unknown as MmmModel;
  const historical = [{ name: 'search', mroi: historicalMroi(steady) }];
  const [g] = mroiGaps(model, historical);
  assert.equal(g.channel, 'search');
  assert.ok(Math.abs(g.steadyState / g.historical - 1) < 0.05, `${g.steadyState} vs ${g.historical}`);
  assert.ok(Math.abs((g.planned ?? NaN) - 2 * g.steadyState) < 1e-9 * g.steadyState);
  assert.deepEqual(mroiGaps({ ...model, bootstrapCurves: [] } as MmmModel, historical), []);
});

test('mroiGaps: with replicate curves, `planned` is their average slope (what optimize plans on)', () => {
  const steady = channel('search', Array.from({ length: N }, () => 1000));
  const bursty = channel('influencer', Array.from({ length: N }, (_, t) => (t % 8 === 0 ? 8000 : 0)));
  // Two replicates that differ from the point curve only in the coefficient (×0.5 and ×2.5): the
  // slope is linear in it, so their average slope is 1.5 × the point one.
  const rep = (k: number) => [steady, bursty].map((c) => ({ adstock: c.adstock, saturation: c.saturation, scale: c.scale, coef: c.coef * k }));
  const model = { window: { start: 0, end: N }, channels: [steady, bursty], bootstrapRoi: [], bootstrapCurves: [rep(0.5), rep(2.5)] } as unknown as MmmModel;
  const historical = [steady, bursty].map((c) => ({ name: c.name, mroi: historicalMroi(c) }));
  const g = mroiGaps(model, historical).find((x) => x.channel === 'influencer');
  assert.ok(g);
  assert.equal(g.replicates, 2);
  assert.ok(Math.abs((g.planned ?? NaN) - 1.5 * g.steadyState) < 1e-9 * g.steadyState, `${g.planned} vs ${g.steadyState}`);
  assert.equal(mroiGaps({ ...model, bootstrapCurves: [] } as MmmModel, historical).find((x) => x.channel === 'influencer')?.planned, undefined);
});
