import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { MODEL_SCHEMA_VERSION } from '../model/mmm-model.ts';
import { defaultModelSpec } from '../spec/model-spec.ts';
import { channelContribution } from '../model/channel-response.ts';
import { newPeriodsHaveIntervals, newPeriodsRoi } from './new-periods-roi.ts';

const N = 20;
const dates = Array.from({ length: N }, (_, t) => new Date(Date.UTC(2024, 0, 1 + 7 * t)).toISOString().slice(0, 10));
const ch = (name: string, spend: number[]): ModelChannel => ({
  name, column: `${name}_spend`, spend, adstock: { type: 'geometric', alpha: 0 }, maxLag: 0,
  saturation: { type: 'hill', halfSaturation: 1, shape: 1 }, scale: 100, coef: 1000,
});
/** Rows [2, 18) are the window, the last 2 of it held out; search spends nothing after row 11. */
const model: MmmModel = {
  schemaVersion: MODEL_SCHEMA_VERSION, target: { name: 'revenue', kind: 'revenue' }, frequency: 'weekly', dates,
  window: { start: 2, end: 18 }, holdout: 2,
  spec: defaultModelSpec({ nTimes: N, frequency: 'weekly', channels: ['tv', 'search'] }),
  intercept: 100,
  channels: [ch('tv', Array.from({ length: N }, (_, t) => 50 + t)), ch('search', Array.from({ length: N }, (_, t) => (t < 12 ? 100 : 0)))],
  baseline: [],
  actual: Array.from({ length: N }, () => 1000),
  search: { nCandidates: 0, objectives: [], chosen: { objectives: [], score: 0 }, pareto: [], selectionRule: 'none' },
  bootstrapRoi: [],
};

test('newPeriodsRoi: contribution / spend over the window rows dated after the previous end (holdout included)', () => {
  const r = newPeriodsRoi(model, dates[11]);
  // Rows 12 … 17: after row 11, before the window's end (row 18 and later are outside the window).
  assert.deepEqual([r.periods, r.first_date, r.last_date], [6, dates[12], dates[17]]);
  const tv = r.channels[0];
  // No carryover: each row's contribution is coef · x/(1 + x) with x = spend / scale.
  let spend = 0, contribution = 0;
  for (let t = 12; t < 18; t++) { const x = (50 + t) / 100; spend += 50 + t; contribution += 1000 * x / (1 + x); }
  assert.ok(Math.abs(tv.spend - spend) < 1e-9 && Math.abs(tv.contribution - contribution) < 1e-6);
  assert.ok(Math.abs((tv.roi ?? NaN) - contribution / spend) < 1e-12);
  const check = channelContribution(model.channels[0]);
  assert.ok(Math.abs(check[12] - 1000 * 0.62 / 1.62) < 1e-9);
  // search spent nothing in those rows: no ROI, not 0 or NaN.
  assert.deepEqual([r.channels[1].spend, r.channels[1].roi], [0, null]);
});

test('newPeriodsRoi: no row after the previous end gives 0 periods and no ROI', () => {
  const r = newPeriodsRoi(model, dates[19]);
  assert.deepEqual([r.periods, r.first_date, r.last_date, r.channels.map((c) => c.roi)], [0, null, null, [null, null]]);
});

test('newPeriodsRoi: the 90% interval of the new periods\' ROI over the replicates, as the summary\'s over the window', () => {
  // 11 replicates scaling tv's coefficient by 0.5 … 1.5 (ROI is linear in it): a known interval.
  const factors = Array.from({ length: 11 }, (_, r) => 0.5 + r / 10);
  const curves = factors.map((f) => model.channels.map((c, k) => ({ adstock: c.adstock, saturation: c.saturation, scale: c.scale, coef: k === 0 ? c.coef * f : c.coef })));
  const withDraws: MmmModel = { ...model, bootstrapRoi: factors.map(() => [0, 0]), bootstrapCurves: curves };
  const r = newPeriodsRoi(withDraws, dates[11]);
  const roi = r.channels[0].roi ?? NaN;
  // interval90 of 11 evenly spaced values: the 5% and 95% points by linear interpolation (0.55 and 1.45 of the point ROI).
  const [lo, hi] = r.channels[0].roi_interval ?? [NaN, NaN];
  assert.ok(Math.abs(lo - 0.55 * roi) < 1e-9 && Math.abs(hi - 1.45 * roi) < 1e-9, `${lo} ${hi} vs ${roi}`);
  // search spent nothing in those rows: no interval either.
  assert.equal(r.channels[1].roi_interval, null);
  // Without replicates (bootstrap disabled) there is none.
  assert.equal(newPeriodsRoi(model, dates[11]).channels[0].roi_interval, null);
});

test('newPeriodsHaveIntervals: only a real interval counts, not null (no or too few replicates) or an absent field', () => {
  assert.equal(newPeriodsHaveIntervals({ channels: [{ roi_interval: null }, { roi_interval: [1, 2] }] }), true);
  assert.equal(newPeriodsHaveIntervals({ channels: [{ roi_interval: null }, { roi_interval: null }] }), false);
  assert.equal(newPeriodsHaveIntervals({ channels: [{}] }), false);
  // This model has no replicates: newPeriodsRoi gives null intervals, so no table claims any.
  assert.equal(newPeriodsHaveIntervals(newPeriodsRoi(model, dates[11])), false);
});
