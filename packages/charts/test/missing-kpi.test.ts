import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decompose, type MmmModel } from '@mixwise/engine';
import { actualVsFitted, correlationHeatmap, residualHistogram, residualPlot, residualQq } from '../src/index.ts';
import { model } from './fixture-model.ts';
import { seriesOf, valueOf } from './spec-access.ts';

// The fixture's window is rows 2..15 (fit rows 2..12, holdout 13..15); the KPI of rows 5, 6 and 9 is unknown.
const MISSING = [5, 6, 9];
const gap: MmmModel = { ...model, actual: model.actual.map((a, t) => (MISSING.includes(t) ? NaN : a)) };
const d = decompose(gap);

test('actualVsFitted: the actual line is null (a gap, never 0) at periods without a KPI, shaded "no KPI"; fitted is unchanged', () => {
  const spec = actualVsFitted(gap, d);
  const [actual, fitted] = seriesOf(spec);
  const wire = JSON.parse(JSON.stringify(spec)) as typeof spec;
  seriesOf(wire)[0].data.forEach((v, i) => {
    const t = 2 + i;
    if (MISSING.includes(t)) assert.equal(v, null, `row ${t}`);
    else assert.ok(Math.abs(valueOf(v) - model.actual[t]) <= 1e-5 * Math.abs(model.actual[t]));
  });
  assert.equal(actual.data.filter((v) => v === null).length, 3);
  assert.notEqual((actual as unknown as { connectNulls?: boolean }).connectNulls, true);
  // The gaps 5–6 and 9, each shaded from the last observed period before to the first after.
  const area = actual.markArea?.data;
  assert.deepEqual(area, [
    [{ name: 'no KPI', xAxis: model.dates[4] }, { xAxis: model.dates[7] }],
    [{ name: 'no KPI', xAxis: model.dates[8] }, { xAxis: model.dates[10] }],
  ]);
  assert.deepEqual(fitted.data, seriesOf(actualVsFitted(model, decompose(model)))[1].data);
  assert.equal(seriesOf(actualVsFitted(model, decompose(model)))[0].markArea, undefined, 'no area when every period has a KPI');
});

test('residual charts: no residual at periods without a KPI — a gap in the plot, left out of the histogram and the Q–Q plot', () => {
  const plot = seriesOf(residualPlot(gap, d))[0].data;
  plot.forEach((v, i) => (MISSING.includes(2 + i) ? assert.equal(v, null) : assert.ok(Number.isFinite(valueOf(v)))));
  // 11 fit rows less 3 without a KPI: 8 residuals, ⌈log₂ 8⌉ + 1 = 4 bins.
  const [count] = seriesOf(residualHistogram(gap, d));
  assert.equal(count.data.length, 4);
  assert.equal((count.data as number[]).reduce((a, b) => a + b, 0), 8);
  const pts = seriesOf(residualQq(gap, d))[0].data as [number, number][];
  assert.equal(pts.length, 8);
  assert.ok(pts.flat().every(Number.isFinite));
});

test('correlationHeatmap: the KPI is correlated over the periods where it is known, not turned into "-"', () => {
  const cells = seriesOf(correlationHeatmap(gap))[0].data as [number, number, number | string][];
  const kpi = 3; // tv, search, price, revenue
  assert.ok(cells.filter((c) => c[0] === kpi || c[1] === kpi).every((c) => typeof c[2] === 'number'));
  const full = seriesOf(correlationHeatmap(model))[0].data as [number, number, number | string][];
  assert.deepEqual(cells.filter((c) => c[0] !== kpi && c[1] !== kpi), full.filter((c) => c[0] !== kpi && c[1] !== kpi));
});
