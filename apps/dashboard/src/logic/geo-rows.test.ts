import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MmmModel, SummaryResult } from '@mixwise/engine';
import { geoRows, geoShareOf } from './geo-rows.ts';

type Geos = NonNullable<SummaryResult['geos']>;

test('geoRows: largest geo first, media ROI weighted by spend, the best channel among those that spent; null for NaN (summary.json null)', () => {
  const geos = [
    { name: 'small', share: 0.3, kpi: 300, fitted: 290, r2: Number.NaN, channels: [{ name: 'tv', spend: 0, contribution: 0, roi: Number.NaN }, { name: 'search', spend: 10, contribution: 30, roi: 3 }] },
    { name: 'big', share: 0.7, kpi: 700, fitted: 710, r2: 0.9, channels: [{ name: 'tv', spend: 100, contribution: 150, roi: 1.5 }, { name: 'search', spend: 20, contribution: 50, roi: 2.5 }] },
  ] as unknown as Geos;
  const rows = geoRows({ geos });
  assert.deepEqual(rows.map((r) => r.name), ['big', 'small']);
  assert.equal(rows[0].spend, 120);
  assert.equal(rows[0].contribution, 200);
  assert.equal(rows[0].roi, 200 / 120);
  assert.deepEqual(rows[0].topChannel, { name: 'search', roi: 2.5 });
  assert.equal(rows[1].r2, null);
  assert.deepEqual(rows[1].topChannel, { name: 'search', roi: 3 });
  // JSON writes NaN as null: the same result.
  const fromJson = geoRows(JSON.parse(JSON.stringify({ geos })) as { geos: Geos });
  assert.equal(fromJson[1].r2, null);
  assert.deepEqual(fromJson[1].topChannel, { name: 'search', roi: 3 });
});

test('geoRows: a national run has no geos, and a geo that spent nothing has no ROI', () => {
  assert.deepEqual(geoRows({}), []);
  const none = geoRows({ geos: [{ name: 'g', share: 1, kpi: 1, fitted: 1, r2: 1, channels: [{ name: 'tv', spend: 0, contribution: 0, roi: Number.NaN }] }] as unknown as Geos });
  assert.equal(none[0].roi, null);
  assert.equal(none[0].topChannel, null);
});

test('geoShareOf: the size column when the fit had one, else the KPI', () => {
  const panel = { column: 'region', geos: ['a', 'b'], shares: [0.5, 0.5] } as unknown as NonNullable<MmmModel['panel']>;
  assert.equal(geoShareOf({ panel }, 'revenue'), 'revenue');
  assert.equal(geoShareOf({ panel: { ...panel, sizeColumn: 'kpi_share', sizes: [1, 1] } }, 'revenue'), 'kpi_share');
  assert.equal(geoShareOf({ panel: { ...panel, sizeColumn: 'population', sizes: [1, 1] } }, 'revenue'), 'population');
  assert.equal(geoShareOf({}, 'revenue'), 'revenue');
});
