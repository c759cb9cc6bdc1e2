import { test } from 'node:test';
import assert from 'node:assert/strict';
import { observedSpendRange, responseCurve, type MmmModel } from '@mixwise/engine';
import { organicResponseCurves, modelOrganicResponseCurves, organicMarginalLabel, exposureStep, channelColor } from '../src/index.ts';
import { model } from './fixture-model.ts';
import { matchSnapshot } from './snapshot.ts';
import { seriesOf } from './spec-access.ts';

/** Weekly newsletter sends: 2,000 to 5,000 with a quiet week every fourth. */
const SENDS = model.dates.map((_, t) => (t % 4 === 3 ? 0 : 2000 + 1000 * (t % 4)));
const newsletter = {
  name: 'newsletter', column: 'newsletter_sends', exposure: SENDS, adstock: { type: 'geometric' as const, alpha: 0.4 }, maxLag: 3,
  saturation: { type: 'hill' as const, halfSaturation: 1, shape: 1.5 }, scale: 2500, coef: 80,
};
const withOrganic: MmmModel = { ...model, organic: [newsletter] };

const close = (a: number, b: number, tol = 1e-6) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);

test('organicResponseCurves: per organic series a dashed whole curve and a solid measured part, in exposure units, with the current point per 1,000 exposures', () => {
  const curves = modelOrganicResponseCurves(withOrganic);
  assert.equal(curves.length, 1);
  // Current exposure: the mean over the window rows 2..15; the curve is the engine's on the exposure.
  const mean = SENDS.slice(2).reduce((a, b) => a + b, 0) / 14;
  close(curves[0].current.spend, mean);
  close(curves[0].current.response, responseCurve({ ...newsletter, spend: SENDS }, mean).current.response);
  const spec = organicResponseCurves(withOrganic, curves);
  matchSnapshot('organic-response-curves', spec);
  const s = seriesOf(spec);
  assert.deepEqual(s.map((x) => x.name), ['newsletter', 'newsletter']);
  // Never the paid channels' colours (tv, search), and the axis speaks of exposure, not spend or money.
  assert.equal((s[0] as unknown as { color: string }).color, channelColor(2));
  const xAxis = spec.xAxis as { name: string };
  assert.match(xAxis.name, /^exposure per period/);
  assert.doesNotMatch(JSON.stringify(spec), /spend|ROI|\$/);
  const mp = s[1].markPoint as unknown as { data: { label: { formatter: string }; name: string; coord: [number, number] }[] };
  assert.equal(mp.data[0].label.formatter, organicMarginalLabel('newsletter', curves[0].current.marginal));
  assert.match(mp.data[0].label.formatter, /^newsletter: [\d.,]+k? per 1,000 more$/);
  assert.match(mp.data[0].name, /current [\d.,k]+ exposures per period, [\d.,]+k? revenue per period for every 1,000 more exposures sustained; the data show/);
  close(mp.data[0].coord[0], curves[0].current.spend, 1e-3);
  // The solid part stays inside the sustained-exposure levels of the fitted rows (2..12).
  const range = observedSpendRange({ ...newsletter, spend: SENDS }, 2, 13);
  const pts = s[1].data as [number, number][];
  assert.ok(pts.length > 2 && pts.every(([x]) => x >= range.low - 1e-6 && x <= range.high + 1e-6), JSON.stringify(range));
  assert.equal(s[0].data.length, 61);
});

test('organicResponseCurves: no series without organic media; the marginal label is per 1,000 exposures', () => {
  assert.deepEqual(seriesOf(organicResponseCurves(model)), []);
  assert.equal(organicMarginalLabel('newsletter', 0.0123), 'newsletter: 12.30 per 1,000 more');
  assert.equal(organicMarginalLabel('newsletter', 22.25), 'newsletter: 22.3k per 1,000 more');
});

test('organicResponseCurves: a sparse series of a few exposures a period is labelled per 1 more, not per 1,000 it never reaches', () => {
  // PR mentions: 0 most weeks, 2 to 4 when there are any.
  const mentions = model.dates.map((_, t) => (t % 3 === 0 ? 2 + (t % 2) * 2 : 0));
  const pr = { ...newsletter, name: 'pr', column: 'pr_mentions', exposure: mentions, scale: 3, coef: 40 };
  const spec = organicResponseCurves({ ...model, organic: [pr] });
  const mp = seriesOf(spec)[1].markPoint as unknown as { data: { label: { formatter: string }; name: string }[] };
  assert.match(mp.data[0].label.formatter, /^pr: [\d.,]+ per 1 more$/);
  assert.match(mp.data[0].name, /for every 1 more exposure sustained/);
  assert.equal(exposureStep([0, 3, 0, 4, 2]), 1);
  assert.equal(exposureStep([42000, 38000]), 10000);
  assert.equal(exposureStep([0.3, 0.5, 0]), 0.1);
  assert.equal(exposureStep([0, 0]), 1000);
  assert.equal(organicMarginalLabel('mentions', 22.25, 1), 'mentions: 22.25 per 1 more');
  assert.equal(organicMarginalLabel('impressions', 0.00042, 100000), 'impressions: 42.00 per 100,000 more');
});
