import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GeoBreakdownSchema } from './geo-breakdown.ts';

test('geo breakdown: a B2B country breakdown and a Meridian geo breakdown parse unchanged', () => {
  const country = { level: 'country', kpi: 'revenue', window: { start: '2021-01-04', end: '2024-12-23' },
    rows: [{ geo: 'US', region: 'NA', kpi: 1234.56, pipeline: 9000 }, { geo: 'DE', region: 'EMEA', kpi: 10, pipeline: 0 }] };
  assert.deepEqual(GeoBreakdownSchema.parse(country), country);
  const geo = { level: 'geo', kpi: 'conversions', rows: [{ geo: 'Geo0', kpi: 15, spend: 41 }] };
  assert.deepEqual(GeoBreakdownSchema.parse(geo), geo);
});

test('geo breakdown: unknown level, empty geo and a non-finite KPI are rejected with their paths', () => {
  const r = GeoBreakdownSchema.safeParse({ level: 'state', kpi: 'revenue', rows: [{ geo: '', kpi: Infinity }] });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues.map((i) => i.path.join('.')).sort(), ['level', 'rows.0.geo', 'rows.0.kpi']);
});
