import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as echarts from 'echarts';
import { geoResults, geoFit, geoResultsHeight, sortGeos, ALL_GEOS, type GeoResultLike } from '../src/index.ts';
import { matchSnapshot } from './snapshot.ts';
import { seriesOf } from './spec-access.ts';

// Three geos given smallest first (the chart must sort them), with tv unspent in 'west' (roi null, as
// summary.json writes NaN) and search unspent in 'south' as NaN (the engine's GeoResult).
const GEOS: GeoResultLike[] = [
  { name: 'west', share: 0.2, kpi: 200, fitted: 190, r2: null, channels: [
    { name: 'tv', spend: 0, contribution: 0, roi: null },
    { name: 'search', spend: 50, contribution: 150, roi: 3 },
  ] },
  { name: 'north', share: 0.5, kpi: 500, fitted: 510, r2: 0.91, channels: [
    { name: 'tv', spend: 100, contribution: 80, roi: 0.8 },
    { name: 'search', spend: 100, contribution: 250, roi: 2.5 },
  ] },
  { name: 'south', share: 0.3, kpi: 300, fitted: 290, r2: -0.05, channels: [
    { name: 'tv', spend: 60, contribution: 120, roi: 2 },
    { name: 'search', spend: 0, contribution: 0, roi: NaN },
  ] },
];

interface Cell { value: [number, number, number]; label: { formatter: string } }
const axisData = (axis: unknown): string[] => (Array.isArray(axis) ? axis[0] : axis as { data: string[] }).data as string[];

test('geoResults: rows are all geos then the geos largest first, the ROI written in each cell', () => {
  const spec = geoResults(GEOS, { kpiKind: 'revenue' });
  matchSnapshot('geo-results', spec);
  assert.deepEqual(axisData(spec.xAxis), ['tv', 'search']);
  assert.deepEqual(axisData(spec.yAxis), [ALL_GEOS, 'north · 50.0%', 'south · 30.0%', 'west · 20.0%']);
  const [heat, none] = seriesOf(spec);
  assert.equal(heat.name, 'ROI');
  const cells = heat.data as Cell[];
  const at = (x: number, y: number) => cells.find((c) => c.value[0] === x && c.value[1] === y);
  // All geos: tv (80 + 120) / (100 + 60) = 1.25, search (150 + 250) / (50 + 100) = 2.666…
  assert.equal(at(0, 0)?.label.formatter, '1.25');
  assert.equal(at(1, 0)?.label.formatter, '2.67');
  assert.equal(at(0, 1)?.label.formatter, '0.80'); // north tv
  assert.equal(at(0, 2)?.label.formatter, '2.00'); // south tv
  assert.equal(at(1, 3)?.label.formatter, '3.00'); // west search
  // Revenue: the colour is the ROI itself around break-even 1, on a scale symmetric around it.
  assert.equal(at(0, 1)?.value[2], 0.8);
  const vm = spec.visualMap as { min: number; max: number; seriesIndex: number };
  assert.equal(vm.seriesIndex, 0);
  assert.equal(vm.min, -1);
  assert.equal(vm.max, 3);
  // Unspent channels: no coloured cell (not a 0), a 'no spend' label at west tv and south search.
  assert.equal(at(0, 3), undefined);
  assert.equal(at(1, 2), undefined);
  assert.equal(cells.length, 6);
  assert.ok(cells.every((c) => c.label.formatter !== '0.00'));
  assert.equal(none.name, 'no spend');
  assert.deepEqual(none.data, [[1, 2], [0, 3]]);
  assert.equal((none as unknown as { label: { formatter: string } }).label.formatter, 'no spend');
});

test('geoResults: a count KPI is named KPI per spend and coloured against each channel\'s all-geos figure', () => {
  const spec = geoResults(GEOS, { kpiKind: 'count' });
  const [heat] = seriesOf(spec);
  assert.equal(heat.name, 'KPI per spend');
  const cells = heat.data as Cell[];
  // north tv 0.8 against all geos 1.25 → 0.64; the all-geos row sits at the midpoint 1.
  assert.equal(cells.find((c) => c.value[0] === 0 && c.value[1] === 1)?.value[2], 0.64);
  assert.ok(cells.filter((c) => c.value[1] === 0).every((c) => c.value[2] === 1));
  assert.deepEqual((spec.visualMap as { text: string[] }).text, ['above all geos', 'below all geos']);
  // A revenue KPI may ask for the same comparison.
  const national = seriesOf(geoResults(GEOS, { compareTo: 'national' }))[0].data as Cell[];
  assert.equal(national.find((c) => c.value[0] === 0 && c.value[1] === 1)?.value[2], 0.64);
});

test('geoResults: renders to SVG with the ROI and "no spend" labels; the height grows with the geos', () => {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: geoResultsHeight(GEOS.length) });
  try {
    chart.setOption({ ...geoResults(GEOS), animation: false });
    const svg = chart.renderToSVGString();
    for (const text of ['1.25', '2.67', '0.80', '3.00', 'no spend', 'north · 50.0%', 'All geos']) assert.ok(svg.includes(text), text);
    assert.equal(svg.split('no spend').length - 1, 2);
  } finally { chart.dispose(); }
  assert.ok(geoResultsHeight(40) > geoResultsHeight(20));
  assert.ok(geoResultsHeight(40) / 41 >= 20, 'at least 20 px a row for 40 geos');
});

test('geoFit: share of KPI and R² per geo, largest first; an unknown R² has no bar', () => {
  const spec = geoFit(GEOS);
  matchSnapshot('geo-fit', spec);
  assert.deepEqual(axisData(spec.yAxis), ['north', 'south', 'west']);
  const [share, r2] = seriesOf(spec) as unknown as { data: { value: number | string; label: { formatter: string } }[] }[];
  assert.deepEqual(share.data.map((d) => d.value), [50, 30, 20]);
  assert.deepEqual(share.data.map((d) => d.label.formatter), ['50.0%', '30.0%', '20.0%']);
  assert.deepEqual(r2.data.map((d) => d.value), [0.91, -0.05, '-']);
  // A negative R² widens the axis below 0.
  assert.equal((spec.xAxis as { min: number }[])[1].min, -0.1);
});

test('sortGeos: by share, largest first, ties by name', () => {
  const tied = [{ name: 'b', share: 0.25 }, { name: 'a', share: 0.25 }, { name: 'c', share: 0.5 }];
  assert.deepEqual(sortGeos(tied).map((g) => g.name), ['c', 'a', 'b']);
});
