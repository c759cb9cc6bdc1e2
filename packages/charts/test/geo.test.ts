import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as echarts from 'echarts';
import { geoMap, GEO_RAMP, ISO_3166_ALPHA2_TO_NUMERIC, registerWorldMap, WORLD_GEOJSON, worldMapName, type GeoMapInput } from '../src/index.ts';
import { matchSnapshot } from './snapshot.ts';
import { seriesOf } from './spec-access.ts';

// Hand-made breakdown in the shape of the B2B sample's geo.json, plus a code that is not ISO (ZZ).
const COUNTRIES: GeoMapInput = {
  level: 'country', kpi: 'revenue', window: { start: '2021-01-04', end: '2024-12-23' },
  rows: [
    { geo: 'CA', region: 'NA', kpi: 2500.5 },
    { geo: 'DE', region: 'EMEA', kpi: 1200.25 },
    { geo: 'SG', region: 'APAC', kpi: 300 },
    { geo: 'US', region: 'NA', kpi: 5000.75 },
    { geo: 'ZZ', kpi: 42 },
  ],
};
const GEOS: GeoMapInput = { level: 'geo', kpi: 'conversions', rows: [{ geo: 'Geo0', kpi: 15 }, { geo: 'Geo1', kpi: 40 }, { geo: 'Geo2', kpi: 7 }] };

interface MapItem { name: string; value: number; code: string; region?: string }
const titleOf = (o: ReturnType<typeof geoMap>): { text: string; subtext: string } => o.title as { text: string; subtext: string };

test('world shapes: Natural Earth 110m countries without Antarctica, ids are ISO 3166-1 numeric codes', () => {
  // world-atlas countries-110m has 177 countries; Antarctica (010) is left out.
  assert.equal(WORLD_GEOJSON.features.length, 176);
  assert.ok(!WORLD_GEOJSON.features.some((f) => f.id === '010'));
  const numeric = new Set(Object.values(ISO_3166_ALPHA2_TO_NUMERIC));
  // Three shapes have no ISO code: N. Cyprus, Somaliland, Kosovo (world-atlas gives them no id).
  const noId = WORLD_GEOJSON.features.filter((f) => f.id === undefined).map((f) => f.properties.name).sort();
  assert.deepEqual(noId, ['Kosovo', 'N. Cyprus', 'Somaliland']);
  assert.ok(WORLD_GEOJSON.features.every((f) => f.id === undefined || numeric.has(String(f.id))));
  // ISO 3166-1: 249 alpha-2 codes; a few well-known numeric codes.
  assert.equal(Object.keys(ISO_3166_ALPHA2_TO_NUMERIC).length, 249);
  assert.deepEqual(['US', 'DE', 'JP', 'AU', 'BR'].map((c) => ISO_3166_ALPHA2_TO_NUMERIC[c]), ['840', '276', '392', '036', '076']);
  // No ring steps across the antimeridian (Russia and Fiji do in world-atlas; a flat map would draw a stripe).
  const rings = WORLD_GEOJSON.features.flatMap((f) => {
    const g = f.geometry as { type: string; coordinates: unknown };
    return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  }).flat();
  assert.ok(rings.every((r) => r.every((p, i) => i === 0 || Math.abs(p[0] - r[i - 1][0]) <= 180)));
  assert.ok(WORLD_GEOJSON.features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type)));
  assert.equal(worldMapName('us'), 'United States of America');
  assert.equal(worldMapName('SG'), undefined);
  assert.equal(worldMapName('ZZ'), undefined);
});

test('geoMap by country: a world choropleth whose values are the breakdown\'s; off-map codes listed in the subtitle', () => {
  const spec = geoMap(COUNTRIES);
  matchSnapshot('geo-map-country', spec);
  const [series] = seriesOf(spec) as unknown as [{ type: string; map: string; data: MapItem[] }];
  assert.equal(series.type, 'map');
  assert.equal(series.map, 'world');
  const us = series.data.find((d) => d.code === 'US');
  assert.equal(us?.name, 'United States of America');
  assert.equal(us?.value, COUNTRIES.rows.find((r) => r.geo === 'US')?.kpi);
  assert.deepEqual(series.data.map((d) => d.code), ['CA', 'DE', 'US']);
  const visualMap = spec.visualMap as { min: number; max: number; inRange: { color: string[] } };
  assert.equal(visualMap.min, 0);
  assert.equal(visualMap.max, 5000.75);
  assert.deepEqual(visualMap.inRange.color, GEO_RAMP);
  const title = titleOf(spec);
  assert.equal(title.text, 'Revenue by country');
  assert.equal(title.subtext, '2021-01-04 to 2024-12-23 · Not on the map: SG 300 (too small to draw), ZZ 42 (unknown code)');
});

test('geoMap by geo: sorted horizontal bars (largest on top) and a title that says there is no map', () => {
  const spec = geoMap(GEOS);
  matchSnapshot('geo-map-geo', spec);
  assert.equal(titleOf(spec).text, 'Conversions by geo (no map: these geos are not real places)');
  assert.deepEqual((spec.yAxis as { data: string[] }).data, ['Geo2', 'Geo0', 'Geo1']);
  assert.deepEqual(seriesOf(spec)[0].data, [7, 15, 40]);
  assert.equal(seriesOf(spec)[0].type, 'bar');
});

test('registerWorldMap + server-side render: the largest country is drawn in the darkest colour, others lighter', () => {
  registerWorldMap(echarts);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 760, height: 420 });
  try {
    chart.setOption({ ...geoMap(COUNTRIES), animation: false });
    const svg = chart.renderToSVGString();
    // US holds the maximum, so it gets the ramp's last colour (#08519c, written by ECharts as rgb);
    // countries with no data keep the grey.
    assert.equal(GEO_RAMP[GEO_RAMP.length - 1], '#08519c');
    assert.ok(svg.includes('fill="rgb(8,81,156)"'), 'darkest fill present');
    assert.ok(svg.includes('fill="#f2f2f2"'), 'no-data grey present');
    assert.ok((svg.match(/<path/g) ?? []).length > 150, 'one path per country at least');
  } finally {
    chart.dispose();
  }
});
