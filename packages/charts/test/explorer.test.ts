import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  inputSeries, correlationHeatmap, actualVsFitted, residualPlot, residualHistogram, residualQq, responseCurves,
  modelResponseCurves, adstockShapes, paretoFront, roiIntervals, roiVsSpendShare, liftTestCalibration, posteriorRoiTraces, posteriorRoiTracesHeight, formatRoi,
} from '../src/index.ts';
import { model, decomposition, summary, TV_SPEND } from './fixture-model.ts';
import { observedSpendRange } from '@mixwise/engine';
import { matchSnapshot } from './snapshot.ts';
import { COLORS } from '../src/palette.ts';
import { dataNote, legendRows } from '../src/response-curves.ts';
import { seriesOf, valueOf, xCategories } from './spec-access.ts';

const close = (a: number, b: number, tol = 1e-5) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);

test('inputSeries: the spend of every channel over every date', () => {
  const spec = inputSeries(model);
  matchSnapshot('input-series', spec);
  const s = seriesOf(spec);
  assert.deepEqual(s.map((x) => x.name), ['tv', 'search']);
  assert.deepEqual(s[0].data, TV_SPEND);
  assert.equal(xCategories(spec).length, 16);
});

test('correlationHeatmap: symmetric, unit diagonal, values equal to numpy corrcoef', () => {
  const spec = correlationHeatmap(model);
  matchSnapshot('correlation-heatmap', spec);
  assert.deepEqual(xCategories(spec), ['tv', 'search', 'price', 'revenue']);
  const cells = seriesOf(spec)[0].data as [number, number, number | string][];
  assert.equal(cells.length, 16);
  const at = (i: number, j: number) => cells.find((c) => c[0] === i && c[1] === j)?.[2];
  for (let i = 0; i < 4; i++) {
    assert.equal(at(i, i), 1);
    for (let j = 0; j < 4; j++) assert.equal(at(i, j), at(j, i));
  }
  // numpy.corrcoef over rows 2..15 of the fixture's closed forms: tv vs search −0.10562772035120756,
  // tv vs price −0.07621763989199215 (rounded to 3 decimals in the chart).
  assert.equal(at(0, 1), -0.106);
  assert.equal(at(0, 2), -0.076);
});

test('actualVsFitted: actual and fitted over the window, the last `holdout` dates marked', () => {
  const spec = actualVsFitted(model, decomposition);
  matchSnapshot('actual-vs-fitted', spec);
  const [actual, fitted] = seriesOf(spec);
  assert.equal(actual.data.length, 14);
  close(valueOf(actual.data[0]), model.actual[2]);
  const area = fitted.markArea?.data[0];
  assert.ok(area);
  assert.equal(area[0].xAxis, model.dates[13]);
  assert.equal(area[1].xAxis, model.dates[15]);
  assert.equal(seriesOf(actualVsFitted({ ...model, holdout: 0 }, decomposition))[1].markArea, undefined);
});

test('residualPlot: actual − fitted per window period, with the zero line and the holdout', () => {
  const spec = residualPlot(model, decomposition);
  matchSnapshot('residual-plot', spec);
  const s = seriesOf(spec)[0];
  // The fixture's actual is fitted + 30·sin(1.7 t).
  s.data.forEach((v, i) => close(valueOf(v), 30 * Math.sin(1.7 * (i + 2))));
  assert.deepEqual(s.markLine?.data, [{ yAxis: 0 }]);
  assert.equal(s.markArea?.data[0][0].xAxis, model.dates[13]);
});

test("residualHistogram: Sturges' bins over the fit rows, counts summing to them", () => {
  const spec = residualHistogram(model, decomposition);
  matchSnapshot('residual-histogram', spec);
  const [count, normal] = seriesOf(spec);
  // 11 fit rows (2..12): ⌈log₂ 11⌉ + 1 = 5 bins.
  assert.equal(count.data.length, 5);
  assert.equal((count.data as number[]).reduce((a, b) => a + b, 0), 11);
  assert.equal(normal.data.length, 5);
});

test('residualQq: Blom positions against sorted standardised residuals (scipy reference values)', () => {
  const spec = residualQq(model, decomposition);
  matchSnapshot('residual-qq', spec);
  const pts = seriesOf(spec)[0].data as [number, number][];
  assert.equal(pts.length, 11);
  // scipy.stats.norm.ppf((1 − 0.375)/11.25) = −1.5932188180230507; residuals r = 30·sin(1.7 t), t = 2..12,
  // z = sort((r − r.mean())/r.std(ddof=1)) → first −1.2867826191721925, last 1.3535194648608893 (numpy).
  close(pts[0][0], -1.5932188180230507, 1e-4);
  close(pts[10][0], 1.5932188180230507, 1e-4);
  close(pts[0][1], -1.2867826191721925, 1e-4);
  close(pts[10][1], 1.3535194648608893, 1e-4);
  for (let i = 1; i < 11; i++) assert.ok(pts[i][1] >= pts[i - 1][1]);
});

test('responseCurves: per channel a dashed whole curve and a solid part over the spend the data cover, with the current point', () => {
  const curves = modelResponseCurves(model);
  const spec = responseCurves(model, curves);
  matchSnapshot('response-curves', spec);
  const s = seriesOf(spec);
  assert.deepEqual(s.map((x) => x.name), ['tv', 'tv', 'search', 'search']);
  // The current point is labelled with the curve's marginal ROI there (the report's caption promises it);
  // the legend names the channel with the same figure, called steady-state, so no channel name sits beside a dot.
  const legend = (spec.legend as { type: string; formatter: (name: string) => string }[])[0];
  assert.equal(legend.type, 'plain');
  curves.forEach((c, k) => {
    const mp = s[2 * k + 1].markPoint as unknown as { label: { show: boolean }; data: { label: { formatter: string } }[] };
    assert.equal(mp.label.show, true);
    assert.equal(mp.data[0].label.formatter, formatRoi(c.current.marginal));
    assert.equal(legend.formatter(c.channel), `${c.channel}: marginal ${formatRoi(c.current.marginal)} at steady spend`);
  });
  // Current tv spend: mean of rows 2..15 = 1860 / 14.
  close(curves[0].current.spend, 1860 / 14, 1e-12);
  curves.forEach((c, k) => {
    const [dashed, solid] = [s[2 * k], s[2 * k + 1]];
    assert.equal(dashed.data.length, 61);
    const coord = solid.markPoint?.data[0].coord;
    assert.ok(coord);
    close(coord[0], c.current.spend);
    close(coord[1], c.current.response);
    // The solid part runs over the fitted rows' (2..12) sustained-spend range, which sits inside the drawn 0–3× current.
    const range = observedSpendRange(model.channels[k], 2, 13);
    assert.ok(range.low > 0 && range.high < c.spend[c.spend.length - 1], JSON.stringify(range));
    const pts = solid.data as [number, number][];
    close(pts[0][0], range.low, 1e-3);
    close(pts[pts.length - 1][0], range.high, 1e-3);
    // Every solid point lies on the curve (linear interpolation between its samples).
    for (const [x, y] of pts) {
      const j = c.spend.findIndex((v) => v >= x);
      const y0 = c.response[j - 1] + ((c.response[j] - c.response[j - 1]) * (x - c.spend[j - 1])) / (c.spend[j] - c.spend[j - 1]);
      close(y, j === 0 ? c.response[0] : y0, 1e-3);
    }
  });
});

test('responseCurves: the tooltip says what the data show in the engine\'s words; a sparse channel adds zero, its spending periods and the short caution', () => {
  const names = (m: typeof model) => (seriesOf(responseCurves(m)).filter((_, j) => j % 2 === 1)
    .map((x) => (x.markPoint as unknown as { data: { name: string }[] }).data[0].name));
  const [tv] = names(model);
  assert.match(tv, /; the data show 120 to 145\.33$/);
  assert.doesNotMatch(tv, /Few periods/);
  // tv spends in 2 of the 11 fitted rows (2..12) only: sparse.
  const sparseTv = TV_SPEND.map((v, t) => (t === 2 || t === 9 ? v : 0));
  const sparse = { ...model, channels: [{ ...model.channels[0], spend: sparseTv }, model.channels[1]] };
  const range = observedSpendRange(sparse.channels[0], 2, 13);
  assert.ok(range.sparse, JSON.stringify(range));
  assert.equal(names(sparse)[0].slice(names(sparse)[0].indexOf('; the data show')), dataNote('tv', range));
  assert.match(names(sparse)[0], /; the data show 0, and [\d.]+ to [\d.]+ in the 2 periods it spent\. Few periods of data: tv spent in only 2 of the 11 fitted periods, so its response at a sustained level of spend is the fitted curve's guess\.$/);
});

test('adstockShapes: normalised geometric weights per lag', () => {
  const spec = adstockShapes(model);
  matchSnapshot('adstock-shapes', spec);
  const [tv] = seriesOf(spec);
  // Geometric α = 0.5, maxLag 3: [1, .5, .25, .125] / 1.875; lags shown 0..4 (at least 4), lag 4 is 0.
  assert.deepEqual(xCategories(spec), ['0', '1', '2', '3', '4']);
  [0.5333333333, 0.2666666667, 0.1333333333, 0.0666666667, 0].forEach((w, l) => close(valueOf(tv.data[l]), w, 1e-4));
});

test('paretoFront: alternatives on nrmseValidation × decompRssd, chosen highlighted', () => {
  const spec = paretoFront(model);
  matchSnapshot('pareto-front', spec);
  const [alts, chosen] = seriesOf(spec);
  assert.deepEqual((alts.data as { value: number[] }[]).map((d) => d.value), [[0.07, 0.2, 0], [0.065, 0.3, 1], [0.09, 0.15, 2]]);
  assert.deepEqual(chosen.data, [[0.07, 0.2]]);
  const other = seriesOf(paretoFront(model, { x: 'nrmseTrain', y: 'mapeLift' }));
  assert.deepEqual(other[1].data, [[0.05, '-']]);
});

test('paretoFront: readable axis names and tooltips; a run without validation periods says so instead of an empty axis', () => {
  const spec = paretoFront(model);
  const name = (axis: unknown) => (axis as { name: string }).name;
  assert.equal(name(spec.xAxis), 'NRMSE (validation)');
  assert.equal(name(spec.yAxis), 'DECOMP.RSSD');
  assert.equal(spec.graphic, undefined);
  const [alts] = seriesOf(spec);
  const tip = (alts.data[1] as { tooltip: { formatter: string } }).tooltip.formatter;
  assert.match(tip, /^Alternative #2<br\/>NRMSE \(validation\) 0\.065, DECOMP\.RSSD 0\.3 \(lower is better\)<br\/>NRMSE \(validation\): .*<br\/>DECOMP\.RSSD: how far the channels’ shares of effect are from their shares of spend\.$/);
  // No validation periods: every nrmseValidation is NaN (null in model.json).
  const noValidation = (o: readonly number[]) => o.map((v, i) => (i === 1 ? NaN : v));
  const bare = {
    ...model,
    search: {
      ...model.search,
      chosen: { ...model.search.chosen, objectives: noValidation(model.search.chosen.objectives) },
      pareto: model.search.pareto.map((p) => ({ ...p, objectives: noValidation(p.objectives) })),
    },
  };
  const fallback = paretoFront(bare);
  assert.equal(name(fallback.xAxis), 'NRMSE (training) — no validation periods in this run');
  assert.deepEqual(seriesOf(fallback)[1].data, [[0.05, 0.2]]);
  assert.ok(seriesOf(fallback)[0].data.every((d) => (d as { value: unknown[] }).value.every((v) => typeof v === 'number')));
  // An objective with no values at all and no stand-in: the chart says so.
  const lift = paretoFront(model, { y: 'mapeLift' });
  assert.equal(name(lift.yAxis), 'MAPE (lift tests)');
  assert.match(JSON.stringify(lift.graphic), /This run has no MAPE \(lift tests\) values to plot\./);
});

test('roiIntervals: ROI bars with the bootstrap interval segments and break-even', () => {
  const spec = roiIntervals(summary);
  matchSnapshot('roi-intervals', spec);
  const s = seriesOf(spec)[0];
  close(valueOf(s.data[0]), summary.channels[0].roi);
  const lines = s.markLine?.data as unknown[];
  assert.equal(lines.length, 3);
  // numpy.quantile(0.4 + 0.03·arange(12), [0.05, 0.95]) = [0.4165, 0.7135].
  const tv = lines[0] as [{ coord: [string, number] }, { coord: [string, number] }];
  assert.deepEqual(tv.map((p) => p.coord), [['tv', 0.4165], ['tv', 0.7135]]);
  // The break-even line says what it is on the chart, not only in the caption.
  assert.deepEqual(lines[2], { name: 'break-even', yAxis: 1, lineStyle: { type: 'dashed', color: COLORS.neutral, width: 1 }, label: { show: true, position: 'end', formatter: 'ROI 1 = break-even', color: COLORS.neutral } });
  assert.equal((spec.grid as { right: number }).right, 128);
  // Bar values in dark text on a white box, not in the bar's own colour.
  const label = (s as unknown as { label: { color: string; backgroundColor: string } }).label;
  assert.equal(label.color, COLORS.text);
  assert.equal(label.backgroundColor, '#ffffff');
  const noBoot = roiIntervals({ ...summary, channels: summary.channels.map((c) => ({ ...c, roi_interval: null })) });
  assert.equal((seriesOf(noBoot)[0].markLine?.data as unknown[]).length, 1);
});

test('roiIntervals / roiVsSpendShare: a small ROI (count KPI) keeps 2 significant digits in bar labels and tooltips, named KPI per spend', () => {
  const channels = summary.channels.map((c, i) => ({ ...c, roi: [0.0057, 0.052][i], cpa: 1 / [0.0057, 0.052][i] }));
  const spec = roiIntervals({ ...summary, channels });
  const bars = seriesOf(spec)[0].data as { label: { formatter: string } }[];
  assert.deepEqual(bars.map((b) => b.label.formatter), ['0.0057', '0.052']);
  assert.equal(seriesOf(spec)[0].name, 'KPI per spend');
  assert.equal((spec.yAxis as { name: string }).name, 'KPI per spend');
  const points = seriesOf(roiVsSpendShare({ ...summary, channels }))[0].data as { tooltip: { formatter: string } }[];
  assert.deepEqual(points.map((p) => p.tooltip.formatter), ['tv: KPI per spend 0.0057', 'search: KPI per spend 0.052']);
  // A revenue KPI (no channel has a CPA) keeps ROI.
  assert.equal(seriesOf(roiIntervals(summary))[0].name, 'ROI');
});

test('roiIntervals: the value axis holds every interval end and point estimate, also when intervals run far past the points', () => {
  // The demo's shape: the widest intervals end well above every ROI (search 2.52 in 1.41–5.81, social 2.41 in 1.26–3.68).
  const wide: [number, number][] = [[0.68, 1.05], [1.41, 5.81], [-0.4, 3.68]];
  const rois = [0.87, 2.52, 2.41];
  const channels = summary.channels.slice(0, 1).flatMap((c) => rois.map((roi, k) => ({ ...c, name: `ch${k}`, roi, roi_interval: wide[k] })));
  const spec = roiIntervals({ ...summary, channels });
  const axis = spec.yAxis as { min: number; max: number };
  assert.equal(typeof axis.min, 'number');
  assert.equal(typeof axis.max, 'number');
  const ends = (seriesOf(spec)[0].markLine?.data as unknown[]).filter(Array.isArray) as [{ coord: [string, number] }, { coord: [string, number] }][];
  assert.equal(ends.length, 3);
  for (const [lo, hi] of ends) {
    assert.ok(axis.min <= lo.coord[1] && hi.coord[1] <= axis.max, `${lo.coord[1]}–${hi.coord[1]} outside ${axis.min}–${axis.max}`);
  }
  for (const roi of rois) assert.ok(axis.min <= roi && roi <= axis.max);
  // The points alone would end the axis at 3; the interval ends take it to 6, and a negative end below 0.
  assert.deepEqual([axis.min, axis.max], [-0.4, 6]);
  // Without intervals the axis still holds the bars and break-even.
  const bare = roiIntervals({ ...summary, channels: channels.map((c) => ({ ...c, roi_interval: null })) }).yAxis as { min: number; max: number };
  assert.deepEqual([bare.min, bare.max], [0, 3]);
});

test('liftTestCalibration: one row per test, measured ± 1.96 SE and the model with its interval', () => {
  const tests = [
    { channel: 'tv', start: '2024-02-05', end: '2024-03-04', measured_through: '2024-03-04', measured: 1000, standard_error: 100, predicted: 1150, predicted_interval: [1050, 1300] as const, z: 1.5 },
    { channel: 'search', start: '2024-03-11', end: '2024-03-25', measured_through: '2024-04-08', measured: 400, standard_error: 50, predicted: 380, predicted_interval: null, z: -0.4 },
  ];
  const spec = liftTestCalibration(tests);
  matchSnapshot('lift-test-calibration', spec);
  const [measuredBars, measured, modelBars, modelPoints] = seriesOf(spec);
  assert.deepEqual(seriesOf(spec).map((s) => s.name), ['measured ± 1.96 SE', 'measured', 'model 90% interval', 'model']);
  // Test k sits at y = k: measured just above it, the model just below (the axis is inverted).
  assert.deepEqual(measured.data.map((d) => (d as { value: number[] }).value), [[1000, -0.15], [400, 0.85]]);
  assert.deepEqual(modelPoints.data.map((d) => (d as { value: number[] }).value), [[1150, 0.15], [380, 1.15]]);
  // Segments are [low, y], [high, y], gap; the second test has no model interval, so no segment.
  assert.deepEqual(measuredBars.data, [[804, -0.15], [1196, -0.15], ['-', '-'], [302, 0.85], [498, 0.85], ['-', '-']]);
  assert.deepEqual(modelBars.data, [[1050, 0.15], [1300, 0.15], ['-', '-']]);
  const [names, values] = spec.yAxis as [{ data: string[]; inverse: boolean }, { min: number; max: number; inverse: boolean }];
  assert.deepEqual(names.data, ['tv · 2024-02-05', 'search · 2024-03-11']);
  // Band k of the category axis is centred where the value axis reads k.
  assert.deepEqual([values.min, values.max, names.inverse, values.inverse], [-0.5, 1.5, true, true]);
  assert.ok(seriesOf(spec).every((s) => s.yAxisIndex === 1));
  // A geo test (geo-level fits) says its geos in its label.
  const geo = liftTestCalibration([{ ...tests[0], geos: ['north', 'east'] }]).yAxis as [{ data: string[] }];
  assert.deepEqual(geo[0].data, ['tv in north, east · 2024-02-05']);
});

test('posteriorRoiTraces: one panel per channel, one line per chain, each stored ROI draw at its index within its chain', () => {
  // The fixture's 12 replicates as the stored draws of 3 chains × 8 kept draws (stored at draws 1, 3, 5, 7 of each chain).
  const bayesModel = { ...model, bayes: { sampler: 'nuts' as const, chains: 3, warmup: 10, draws: 8, divergences: 0, treeDepthHits: 0, stepSizes: [0.3, 0.3, 0.3], maxRhat: 1.002, minEss: 400, parameters: [] } };
  const spec = posteriorRoiTraces(bayesModel);
  matchSnapshot('posterior-roi-traces', spec);
  const s = seriesOf(spec);
  assert.equal(s.length, 2 * 3);
  assert.deepEqual(s.map((x) => x.name), ['chain 1', 'chain 2', 'chain 3', 'chain 1', 'chain 2', 'chain 3']);
  // tv (channel 0), chain 2: replicates 4–7, at draws 1, 3, 5, 7.
  assert.deepEqual((s[1].data as number[][]).map((p) => p[0]), [1, 3, 5, 7]);
  (s[1].data as number[][]).forEach((p, i) => close(p[1], 0.4 + 0.03 * (4 + i)));
  // search (channel 1), chain 3: replicates 8–11.
  assert.deepEqual((s[5].data as number[][]).map((p) => p[0]), [1, 3, 5, 7]);
  (s[5].data as number[][]).forEach((p, i) => close(p[1], 0.9 + 0.04 * (8 + i)));
  assert.equal(posteriorRoiTracesHeight(bayesModel), 40 + 2 * 144);
  assert.throws(() => posteriorRoiTraces(model), /no posterior draws/);
});

test('legendRows: legend entries packed into rows that fit the chart, one legend per row above the plot', () => {
  // Entries of 30 characters: 25 swatch + 7·30 text + 48 gap = 283 px; 700 px hold 2 a row.
  const e = (name: string) => ({ name, text: 'x'.repeat(30) });
  assert.deepEqual(legendRows([e('a')]), [['a']]);
  assert.deepEqual(legendRows([e('a'), e('b')]), [['a', 'b']]);
  assert.deepEqual(legendRows([e('a'), e('b'), e('c')]), [['a', 'b'], ['c']]);
  assert.deepEqual(legendRows([e('a'), e('b'), e('c'), e('d'), e('e')]), [['a', 'b'], ['c', 'd'], ['e']]);
  const spec = responseCurves(model);
  const legends = spec.legend as { top: number; data: string[] }[];
  const rows = legendRows(modelResponseCurves(model).map((c) => ({ name: c.channel, text: `${c.channel}: marginal ${formatRoi(c.current.marginal)} at steady spend` })));
  assert.deepEqual(legends.map((l) => l.data), rows);
  assert.equal((spec.grid as { top: number }).top, 48 + 24 * (rows.length - 1));
});
