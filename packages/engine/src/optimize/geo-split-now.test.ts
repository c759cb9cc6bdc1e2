import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoSplitNow, geoSplitNowText } from './geo-split-now.ts';
import { geoSplitGap } from './geo-split-gap.ts';
import { referenceRows, responseModelFromMmm } from './response-model-from-mmm.ts';
import { nationalModel, panelModel } from '../model/panel-model.test-support.ts';

test('geoSplitNow: null for a national model; geoSplitGap at the current spend over the reference periods, plus the baseline', () => {
  assert.equal(geoSplitNow(nationalModel()), null);
  const model = panelModel(nationalModel());
  const rm = responseModelFromMmm(model, { referencePeriods: 20 });
  const gap = geoSplitGap(model, Object.fromEntries(rm.channels.map((c) => [c.name, c.current])), { rows: referenceRows(model, 20) })!;
  const now = geoSplitNow(model, { referencePeriods: 20 })!;
  assert.deepEqual({ ...now, channels: undefined }, { basis: 'point', kpi: rm.baseline + gap.historical, proportional: gap.proportional, historical: gap.historical, gap: gap.gap, channels: undefined });
  assert.deepEqual(now.channels.map((c) => [c.channel, c.current, c.gap]), gap.channels.map((c) => [c.channel, c.spend, c.gap]));
  // A current spend given replaces the mean.
  assert.equal(geoSplitNow(model, { current: { tv: 123 } })!.channels.find((c) => c.channel === 'tv')?.current, 123);
});

test('geoSplitNowText: the numbers, the model\'s credit, untested, and that no plan moves it; the even case in a few words', () => {
  const base = { kpi: 1_000_000, proportional: 233_000, historical: 200_000 };
  assert.equal(geoSplitNowText({ ...base, gap: 33_000 }, 'revenue'),
    'At the current split across geos, the current spend is predicted to give 1,000,000 of revenue per period (200,000 from media), 33,000 less than at a split by KPI share: the model credits that much to re-splitting alone (a consequence of the shared curves, untested), which no plan here moves.');
  assert.match(geoSplitNowText({ ...base, gap: -5000 }, 'orders'), /, 5,000 more than at a split by KPI share: the model predicts that much lost by re-splitting alone \(a consequence of the shared curves, untested\), which no plan here moves\.$/);
  assert.equal(geoSplitNowText({ kpi: 10, proportional: 4, historical: 4, gap: 0 }, 'sales'),
    'At the current split across geos, the current spend is predicted to give 10 of sales per period (4 from media), as at a split by KPI share.');
});

test('geoSplitNowText: with a size column (sizeColumn) the split is named by it; geoSplitNow carries it from the model', () => {
  const base = { kpi: 1_000_000, proportional: 233_000, historical: 200_000, sizeColumn: 'population' };
  assert.match(geoSplitNowText({ ...base, gap: 33_000 }, 'revenue'), /, 33,000 less than at a split by population share: the model credits/);
  assert.match(geoSplitNowText({ ...base, gap: 0, historical: 233_000 }, 'revenue'), /\), as at a split by population share\.$/);
  assert.doesNotMatch(geoSplitNowText({ ...base, gap: 33_000 }, 'revenue'), /KPI share/);
  const model = panelModel(nationalModel());
  assert.equal(geoSplitNow(model)!.sizeColumn, undefined);
  const sized = { ...model, panel: { ...model.panel!, sizeColumn: 'population', sizes: model.panel!.shares.map((s) => s * 1000) } };
  assert.equal(geoSplitNow(sized)!.sizeColumn, 'population');
});
