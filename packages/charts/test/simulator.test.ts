import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetBeforeAfter, scenarioComparison, channelColor, informationValueBars } from '../src/index.ts';
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
