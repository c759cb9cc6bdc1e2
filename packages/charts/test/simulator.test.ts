import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetBeforeAfter, scenarioComparison, channelColor, informationValueBars, planFlighting } from '../src/index.ts';
import { matchSnapshot } from './snapshot.ts';
import { seriesOf, valueOf, xCategories } from './spec-access.ts';

test('budgetBeforeAfter: current and proposed bars per channel, labelled with the change', () => {
  const spec = budgetBeforeAfter({ tv: 100, search: 50, ooh: 0 }, { tv: 80, search: 70, ooh: 10, radio: 5 });
  matchSnapshot('budget-before-after', spec);
  assert.deepEqual(xCategories(spec), ['tv', 'search', 'ooh', 'radio']);
  const [cur, pro] = seriesOf(spec);
  assert.deepEqual(cur.data, [100, 50, 0, 0]);
  assert.deepEqual(pro.data.map(valueOf), [80, 70, 10, 5]);
  const labels = (pro.data as { label: { formatter: string } }[]).map((d) => d.label.formatter);
  assert.deepEqual(labels, ['−20%', '+40%', 'new', 'new']);
});

test('scenarioComparison: stacked spend per channel and the predicted KPI on the second axis', () => {
  const spec = scenarioComparison([
    { name: 'conservative', allocation: { tv: 90, search: 45 }, kpi: 1000 },
    { name: 'current', allocation: { tv: 100, search: 50 }, kpi: 1100 },
    { name: 'aggressive', allocation: { tv: 120, search: 60, social: 20 }, kpi: 1180 },
  ]);
  matchSnapshot('scenario-comparison', spec);
  const s = seriesOf(spec);
  assert.deepEqual(s.map((x) => x.name), ['tv', 'search', 'social', 'predicted KPI']);
  assert.deepEqual(s[2].data, [0, 0, 20]);
  assert.deepEqual(s[3].data, [1000, 1100, 1180]);
  assert.equal(s[3].yAxisIndex, 1);
  assert.equal((s[1] as unknown as { color: string }).color, channelColor(1));
  // Both value axes are named at the top: the legend goes below the bars, clear of those names.
  const legend = spec.legend as { bottom?: number; top?: number };
  const grid = spec.grid as { top: number; bottom: number };
  assert.equal(legend.top, undefined);
  assert.ok(legend.bottom !== undefined && legend.bottom + 24 <= grid.bottom - 28, JSON.stringify({ legend, grid }));
});

test('informationValueBars: one bar per channel, largest on top, in the channel\'s colour', () => {
  const spec = informationValueBars({ total: 5200, channels: [{ channel: 'search', value: 3100.4 }, { channel: 'tv', value: 900 }], replicates: 40 }, ['tv', 'search']);
  matchSnapshot('information-value-bars', spec);
  const yAxis = spec.yAxis as { data: string[]; inverse: boolean };
  assert.deepEqual(yAxis.data, ['search', 'tv']);
  assert.equal(yAxis.inverse, true);
  const [bars] = seriesOf(spec);
  assert.deepEqual(bars.data.map(valueOf), [3100.4, 900]);
  assert.deepEqual((bars.data as { itemStyle: { color: string } }[]).map((d) => d.itemStyle.color), [channelColor(1), channelColor(0)]);
});

test('planFlighting: stacked spend per period per channel; the stack tops are the budget per period, the line current spend', () => {
  const tv = [120.4, 0, 95.5], search = [30, 80, 55.25];
  const spec = planFlighting(['2025-01-06', '2025-01-13', '2025-01-20'], [{ name: 'tv', spend: tv }, { name: 'search', spend: search }], 140);
  matchSnapshot('plan-flighting', spec);
  assert.deepEqual(xCategories(spec), ['2025-01-06', '2025-01-13', '2025-01-20']);
  const s = seriesOf(spec);
  assert.deepEqual(s.map((x) => x.name), ['tv', 'search', 'current spend']);
  const tops = [0, 1, 2].map((h) => (s[0].data[h] as number) + (s[1].data[h] as number));
  assert.deepEqual(tops, [150.4, 80, 150.75]);
  assert.deepEqual(s[2].data, [140, 140, 140]);
  assert.equal((s[1] as unknown as { stack: string }).stack, 'plan');
  assert.equal((s[1] as unknown as { color: string }).color, channelColor(1));
});

test('budgetBeforeAfter: the spend axis reads in the model\'s currency when given one', () => {
  const label = (spec: ReturnType<typeof budgetBeforeAfter>): string => ((spec.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter)(160000);
  assert.equal(label(budgetBeforeAfter({ tv: 100 }, { tv: 80 })), '160.0k');
  assert.equal(label(budgetBeforeAfter({ tv: 100 }, { tv: 80 }, { currency: 'GBP', locale: 'en-GB' })), '£160k');
});
