import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel } from '../model/mmm-model.ts';
import { defaultModelSpec, type ChannelSpec } from '../spec/model-spec.ts';
import { fitWarnings } from './fit-warnings.ts';

/** Just what fitWarnings reads: channels' spend (on/off flighting unless given) and fitted curves, the spec's channels and seasonality, window, frequency. */
function model(channels: { name: string; k: number; shape: number; bounds?: ChannelSpec['bounds']; spend?: number[] }[], periods = 156, frequency: 'weekly' | 'daily' = 'weekly', seasonalityOrder = 2, actual: number[] = Array.from({ length: periods }, () => 100), holdout = 0): MmmModel {
  return {
    frequency, window: { start: 0, end: periods }, actual, holdout, baseline: [],
    channels: channels.map((c) => ({ name: c.name, spend: c.spend ?? Array.from({ length: periods }, (_, t) => (t % 2 === 0 ? 0 : 2000)), adstock: { type: 'geometric', alpha: 0 }, maxLag: 0, saturation: { type: 'hill', halfSaturation: c.k, shape: c.shape } })),
    spec: { seasonalityOrder, channels: channels.map((c) => ({ name: c.name, adstock: 'auto', maxLag: 8, saturation: 'hill', ...(c.bounds ? { bounds: c.bounds } : {}) })) },
  } as unknown as MmmModel;
}

test('fitWarnings: a saturation parameter within 2% of an end of its search range is flagged, with the value and the range', () => {
  const w = fitWarnings(model([{ name: 'tv', k: 2.99, shape: 1.5 }, { name: 'radio', k: 1, shape: 0.51 }, { name: 'search', k: 1.5, shape: 1.2 }]));
  assert.deepEqual(w.map((x) => [x.code, x.channel]), [['PARAMETER_AT_BOUND', 'tv'], ['PARAMETER_AT_BOUND', 'radio']]);
  assert.match(w[0].message, /halfSaturation 2\.99 at the upper end of its search range \[0\.3, 3\]/);
  assert.match(w[0].message, /beyond the spend the data show/);
  assert.match(w[1].message, /shape 0\.51 at the lower end of its search range \[0\.5, 3\]/);
  // Just inside 2% of the range (0.3 + 0.03·2.7 = 0.381 for K on [0.3, 3]) is not at the bound.
  assert.deepEqual(fitWarnings(model([{ name: 'tv', k: 0.39, shape: 1 }])), []);
});

test('fitWarnings: the range is the one the search used, with the spec\'s own bounds', () => {
  const wide = { saturation: { halfSaturation: [0.3, 10] as const } };
  assert.deepEqual(fitWarnings(model([{ name: 'tv', k: 2.99, shape: 1.5, bounds: wide }])), []);
  const w = fitWarnings(model([{ name: 'tv', k: 9.95, shape: 1.5, bounds: wide }]));
  assert.match(w[0].message, /halfSaturation 9\.95 at the upper end of its search range \[0\.3, 10\]/);
});

test('fitWarnings: less than a year of data — no seasonality by default, collinear seasonality when asked for', () => {
  const ok = { name: 'tv', k: 1, shape: 1 };
  assert.deepEqual(fitWarnings(model([ok], 365, 'daily', 3)), []);
  const off = fitWarnings(model([ok], 120, 'daily', 0));
  assert.deepEqual(off.map((x) => [x.code, x.channel]), [['SEASONALITY_SHORT_DATA', null]]);
  assert.match(off[0].message, /120 days, less than a year, so the model has no yearly seasonality/);
  const forced = fitWarnings(model([ok], 40, 'weekly', 2));
  assert.match(forced[0].message, /yearly seasonality \(order 2\) was fitted on 40 weeks, less than a year/);
});

test('defaultModelSpec: yearly seasonality only when the window covers a year', () => {
  const order = (nTimes: number, frequency: 'weekly' | 'daily', window?: { start: number; end: number }): number =>
    defaultModelSpec({ nTimes, frequency, channels: ['tv'] }, window ? { window } : {}).seasonalityOrder;
  assert.equal(order(120, 'daily'), 0);
  assert.equal(order(365, 'daily'), 3);
  assert.equal(order(51, 'weekly'), 0);
  assert.equal(order(52, 'weekly'), 2);
  assert.equal(order(156, 'weekly', { start: 120, end: 156 }), 0, 'a short modeling window of a long table');
  assert.equal(defaultModelSpec({ nTimes: 120, frequency: 'daily', channels: ['tv'] }, { seasonalityOrder: 2 }).seasonalityOrder, 2, 'asked for, it is kept');
});

test('fitWarnings: a KPI of 0 in fitted periods is named, since MAPE leaves them out; zeros in the holdout are not counted', () => {
  const actual = Array.from({ length: 156 }, (_, t) => (t % 10 === 0 ? 0 : 100)); // 16 zeros: t = 0, 10, …, 150
  const w = fitWarnings(model([{ name: 'tv', k: 1, shape: 1 }], 156, 'weekly', 2, actual));
  assert.deepEqual(w.map((x) => x.code), ['MAPE_SKIPS_ZERO_KPI']);
  assert.match(w[0].message, /^the KPI is 0 in 16 of the 156 fitted periods: MAPE/);
  // With the last 13 periods held out, t = 150 is not a fitted period: 15 of 143.
  assert.match(fitWarnings(model([{ name: 'tv', k: 1, shape: 1 }], 156, 'weekly', 2, actual, 13))[0].message, /0 in 15 of the 143 fitted periods/);
  assert.deepEqual(fitWarnings(model([{ name: 'tv', k: 1, shape: 1 }])), []);
});

test('fitWarnings: a channel that spent in 3 of 156 weeks, or only in the last 8, is named with the count and what to do', () => {
  const ok = { k: 1, shape: 1 };
  const burst = Array.from({ length: 156 }, (_, t) => (t >= 49 && t <= 51 ? 300_000 : 0));
  const launch = Array.from({ length: 156 }, (_, t) => (t >= 148 ? 70_000 : 0));
  const flighted = Array.from({ length: 156 }, (_, t) => (Math.floor(t / 4) % 2 === 0 ? 200_000 : 0));
  const w = fitWarnings(model([{ name: 'tv', ...ok, spend: burst }, { name: 'search', ...ok }, { name: 'social', ...ok, spend: launch }, { name: 'ooh', ...ok, spend: flighted }]));
  assert.deepEqual(w.map((x) => [x.code, x.channel]), [['SPARSE_SPEND', 'tv'], ['SPARSE_SPEND', 'social']]);
  assert.match(w[0].message, /^tv spent in only 3 of the 156 fitted periods: its response at a sustained level of spend is not identified by the data/);
  assert.match(w[0].message, /lift test/);
  assert.match(w[0].message, /more history/);
  assert.match(w[0].message, /as an event/);
  assert.match(w[1].message, /^social first spent in the last 8 of the 156 fitted periods/);
  // Counted over the fitted rows: with the last 13 weeks held out, the launch has no spend in them.
  const held = fitWarnings(model([{ name: 'social', ...ok, spend: launch }], 156, 'weekly', 2, Array.from({ length: 156 }, () => 100), 13));
  assert.match(held[0].message, /^social has no spend in any of the 143 fitted periods/);
  assert.match(held[0].message, /the fitted data say nothing about its response, .*a shorter --holdout\), or drop the channel$/);
  assert.doesNotMatch(held[0].message, /bursts/);
});

test('fitWarnings: a control held at 0 by its sign while the data favour the other sign is named, with its free-sign coefficient and what to do', () => {
  const price = Array.from({ length: 156 }, (_, t) => 50 + (t % 7) - 3);
  const actual = price.map((p, t) => 1000 - 40 * p + (t % 2 === 0 ? 5 : -5));
  const base = model([{ name: 'tv', k: 1, shape: 1 }], 156, 'weekly', 2, actual);
  const withPrice = (sign: 'positive' | 'negative', coef: number): MmmModel => ({
    ...base, channels: [], search: { chosen: { lambda: 0 } }, baseline: [{ name: 'price', kind: 'control', values: price, coef, sign }],
  }) as unknown as MmmModel;
  const w = fitWarnings(withPrice('positive', 0));
  assert.deepEqual(w.map((x) => [x.code, x.channel]), [['WRONG_SIGN_CONTROL', null]]);
  assert.match(w[0].message, /^price is constrained to a positive effect but its coefficient sits at that bound, 0, and the data favour a negative one/);
  assert.match(w[0].message, /with its sign free the same fit gives -40 per unit of price/);
  assert.match(w[0].message, /media included; drop the constraint \(a free sign: price=free in --control-signs, or sign: free in the config file\) or check the column/);
  assert.deepEqual(fitWarnings(withPrice('negative', -40)), [], 'the right sign, fitted off its bound');
});

test('fitWarnings: window periods without a KPI are named, with their dates, and a caution when many are missing or a gap outlasts the carryover', () => {
  const dates = Array.from({ length: 156 }, (_, t) => new Date(Date.UTC(2022, 0, 3 + 7 * t)).toISOString().slice(0, 10));
  // Geometric adstock 0.5 kept to lag 8: 90% of a week's effect has landed by lag 3, so the carryover is 4 weeks.
  const withGaps = (missing: (t: number) => boolean, holdout = 0): MmmModel => {
    const m = model([{ name: 'tv', k: 1, shape: 1 }], 156, 'weekly', 2, Array.from({ length: 156 }, (_, t) => (missing(t) ? NaN : 100)), holdout);
    return { ...m, dates, channels: m.channels.map((c) => ({ ...c, adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 8 })) } as MmmModel;
  };
  const few = fitWarnings(withGaps((t) => t === 20 || t === 40 || t === 60));
  assert.deepEqual(few.map((x) => [x.code, x.channel]), [['KPI_NOT_OBSERVED', null]]);
  assert.equal(few[0].message, `3 of the 156 periods of the window have no KPI (${dates[20]}, ${dates[40]}, ${dates[60]}) and were left out of the fit and its metrics: `
    + 'their contributions and fitted values are the model\'s estimates, not checked against the KPI');
  // An 8-week outage: longer than the 4-week carryover; 8 of 156 is not more than 10%. Six dates listed, then '…'.
  const outage = fitWarnings(withGaps((t) => t >= 50 && t < 58))[0].message;
  assert.match(outage, new RegExp(`^8 of the 156 periods of the window have no KPI \\(${dates.slice(50, 56).join(', ')}, …\\)`));
  assert.match(outage, /; a stretch of 8 weeks without KPI is longer than the slowest channel's carryover \(4 weeks\), so the effect of spend early in it is never seen in the KPI: treat the channels' figures for those periods with care$/);
  assert.doesNotMatch(outage, /% of the fitted periods/);
  // A 4-week outage is not longer than the carryover.
  assert.doesNotMatch(fitWarnings(withGaps((t) => t >= 50 && t < 54))[0].message, /stretch|care/);
  // Every 7th week missing: 22 of 156 fitted periods (14%), each gap a single week.
  const spread = fitWarnings(withGaps((t) => t % 7 === 3))[0].message;
  assert.match(spread, /^22 of the 156 periods/);
  assert.match(spread, /; 14% of the fitted periods have no KPI: treat the channels' figures for those periods with care$/);
  // Missing weeks in the holdout count as window periods but not as fitted ones.
  const held = fitWarnings(withGaps((t) => t >= 140, 16))[0].message;
  assert.match(held, /^16 of the 156 periods of the window have no KPI/);
  assert.match(held, /a stretch of 16 weeks/);
  assert.doesNotMatch(held, /% of the fitted periods/);
});

test('fitWarnings: an always-on channel with most of its credit below the lowest level it spent at is named (UNOBSERVED_LOW_SPEND), with the level and the share', () => {
  const base = model([{ name: 'search', k: 1, shape: 1, spend: Array.from({ length: 156 }, (_, t) => (t % 2 === 0 ? 900 : 1100)) }, { name: 'tv', k: 1, shape: 1, spend: Array.from({ length: 156 }, (_, t) => (t % 2 === 0 ? 0 : 2000)) }]);
  const m = { ...base, channels: base.channels.map((c) => ({ ...c, scale: 1000, coef: 50 })) } as MmmModel;
  const w = fitWarnings(m);
  assert.deepEqual(w.map((x) => [x.code, x.channel]), [['UNOBSERVED_LOW_SPEND', 'search']]);
  // Hill K = 1, s = 1 at 0.9 and 1.1 (scale 1000): share = 2 f(0.9) / (f(0.9) + f(1.1)) = 0.95.
  const f = (x: number) => x / (1 + x);
  const share = Math.round((100 * 2 * f(0.9)) / (f(0.9) + f(1.1)));
  assert.match(w[0].message, new RegExp(`^search never spent below a sustained 900 per week in the fitted periods \\(90% of its average\\), so ${share}% of the contribution credited to it is the response curve below any level the data show`));
  assert.match(w[0].message, /a lift test, or periods with much lower or no spend, would anchor it$/);
});

test('fitWarnings: an always-on channel whose S-curve puts little below its floor is still named, by its spend alone (UNOBSERVED_LOW_SPEND)', () => {
  // Spend between 600 and 1400 (10% quantile 600, mean 1000), an S-curve (K = 1, shape 2.5, scale 1000): f(0.6) is 46% of its mean f,
  // so extrapolatedShare stays under 0.5 and only the spend rule can see that the curve below 600 is a guess.
  const alwaysOn = Array.from({ length: 156 }, (_, t) => [600, 1000, 1400][t % 3]);
  const base = model([{ name: 'social', k: 1, shape: 2.5, spend: alwaysOn }, { name: 'tv', k: 1, shape: 2.5 }]);
  const m = { ...base, channels: base.channels.map((c) => ({ ...c, scale: 1000, coef: 50 })) } as MmmModel;
  const w = fitWarnings(m);
  assert.deepEqual(w.map((x) => [x.code, x.channel]), [['UNOBSERVED_LOW_SPEND', 'social']]);
  assert.match(w[0].message, /^social spent at least 600 per week in 90% of the fitted periods \(60% of its average\): /);
  assert.match(w[0].message, /trades off with the baseline \(intercept and trend\); its ROI against no spend may be under- or overstated, and its interval, which covers only the curves that fit these data, can miss the truth/);
  // Modelled on exposure, `spend` is the exposure at its average cost: the floor is the exposure's, said as its spend-equivalent.
  const onExposure = { ...m, channels: m.channels.map((c, i) => (i === 0 ? { ...c, media: { basis: 'exposure', column: 'social_impressions', costPerUnit: 0.01, spend: c.spend.map(() => 1000) } } : c)) } as MmmModel;
  const [e] = fitWarnings(onExposure);
  assert.match(e.message, /^social's exposure \(social_impressions\) was at least the spend-equivalent of 600 per week \(at its average cost per unit over the window\) in 90% of the fitted periods \(60% of its average\): /);
  assert.doesNotMatch(e.message, /social spent at least/);
  // Spend that drops to a third of its mean in a tenth of the periods is not always on.
  const lower = Array.from({ length: 156 }, (_, t) => (t % 5 === 0 ? 300 : 1200));
  assert.deepEqual(fitWarnings({ ...m, channels: [{ ...m.channels[0], spend: lower }] } as MmmModel), []);
});

test('fitWarnings: an organic series with exposure in too few fitted periods is SPARSE_ORGANIC, by the SPARSE_SPEND rule', () => {
  const organic = (exposure: number[]) => ({ name: 'newsletter', column: 'newsletter', exposure, adstock: { type: 'geometric', alpha: 0 }, maxLag: 0, saturation: { type: 'hill', halfSaturation: 1, shape: 1 }, scale: 1, coef: 1 });
  const one = Array.from({ length: 156 }, (_, t) => (t === 50 ? 500 : 0));
  const w = fitWarnings({ ...model([{ name: 'tv', k: 1, shape: 1 }]), organic: [organic(one)] } as unknown as MmmModel);
  assert.deepEqual(w.map((x) => [x.code, x.channel]), [['SPARSE_ORGANIC', null]]);
  assert.match(w[0].message, /organic newsletter had exposure in only 1 of the 156 fitted periods/);
  // Weekly sends, or exposure in as many periods as a paid channel needs, are not flagged.
  const weekly = Array.from({ length: 156 }, (_, t) => (t % 2 === 0 ? 100 : 0));
  assert.deepEqual(fitWarnings({ ...model([{ name: 'tv', k: 1, shape: 1 }]), organic: [organic(weekly)] } as unknown as MmmModel), []);
});
