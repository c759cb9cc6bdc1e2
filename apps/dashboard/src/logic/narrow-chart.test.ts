import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetBeforeAfter, contributionWaterfall } from '@mixwise/charts';
import type { SummaryResult } from '@mixwise/engine';
import { categoryLabels, legendClear, narrowWaterfall } from './narrow-chart.ts';

type Obj = Record<string, unknown>;
const summary = {
  target: 'revenue', baseline: { contribution: 333.2e6 },
  channels: ['tv', 'ooh', 'print', 'search', 'facebook'].map((name, i) => ({ name, contribution: (5 - i) * 3e6 })),
} as unknown as SummaryResult;

test('before/after names every channel (no label dropped for overlap), slanted when narrow', () => {
  const o = budgetBeforeAfter({ tv: 1, ooh: 2, search: 3, social: 4, display: 5 }, { tv: 2, ooh: 1, search: 3, social: 4, display: 5 });
  const wide = (categoryLabels(o, false).xAxis as Obj).axisLabel as Obj;
  assert.equal(wide.interval, 0);
  assert.equal(wide.hideOverlap, false);
  assert.equal(wide.rotate, undefined);
  assert.equal(((categoryLabels(o, true).xAxis as Obj).axisLabel as Obj).rotate, 35);
  assert.deepEqual((categoryLabels(o, true).xAxis as Obj).data, ['tv', 'ooh', 'search', 'social', 'display'], 'the categories are kept');
});

test('the narrow waterfall writes values up the bars and slants the names; wide it is untouched', () => {
  const o = contributionWaterfall(summary);
  assert.equal(narrowWaterfall(o, false), o);
  const n = narrowWaterfall(o, true);
  const series = n.series as Obj[];
  assert.equal(series.length, 2);
  assert.equal(series[0].label, undefined, 'the invisible base series gets no label');
  assert.equal((series[1].label as Obj).rotate, 90);
  assert.equal((series[1].label as Obj).show, true, 'the builder\'s label settings are kept');
  assert.deepEqual(series[1].data, (o.series as Obj[])[1].data, 'the values are the builder\'s');
  assert.equal(((n.xAxis as Obj).axisLabel as Obj).rotate, 35);
  assert.equal((n.grid as Obj).top, 56);
});

test('a legend and the y axis name get their own lines when narrow', () => {
  const o = budgetBeforeAfter({ tv: 1 }, { tv: 2 });
  assert.equal(((legendClear(o, true).grid as Obj).top), 72);
  assert.equal(((legendClear(o, false).grid as Obj).top), 48);
  const noLegend = contributionWaterfall(summary);
  assert.equal(legendClear(noLegend, true), noLegend);
});
