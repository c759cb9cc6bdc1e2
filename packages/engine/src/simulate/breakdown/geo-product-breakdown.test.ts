import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../random/rng.ts';
import { toCents } from '../round-cents.ts';
import { driftingShares } from './drifting-shares.ts';
import { geoProductBreakdown } from './geo-product-breakdown.ts';

test('drifting shares: rows sum to 1; zero drift keeps the base shares', () => {
  const s = driftingShares(createRng(1), 50, [1, 2, 3], 0.2, 0.9);
  for (let t = 0; t < 50; t++) assert.ok(Math.abs(s[3 * t] + s[3 * t + 1] + s[3 * t + 2] - 1) < 1e-14);
  assert.deepEqual(Array.from(driftingShares(createRng(1), 2, [1, 3], 0, 0.9)), [0.25, 0.75, 0.25, 0.75]);
});

test('every date and column reconciles to the national value to the cent', () => {
  const dates = ['2024-01-01', '2024-01-08', '2024-01-15'];
  const columns = { tv_spend: Float64Array.of(1000.01, 0, 33.33), revenue: Float64Array.of(123456.78, 99.99, 0.01) };
  const dims = { geos: [{ name: 'NA', share: 0.6 }, { name: 'EMEA', share: 0.4 }], products: [{ name: 'a', share: 0.7 }, { name: 'b', share: 0.2 }, { name: 'c', share: 0.1 }] };
  const long = geoProductBreakdown(createRng(2), dates, columns, dims);
  assert.deepEqual(long.columns, ['date', 'geo', 'product', 'tv_spend', 'revenue']);
  assert.equal(long.rows.length, 3 * 6);
  for (let t = 0; t < 3; t++) {
    const rows = long.rows.filter((r) => r[0] === dates[t]);
    assert.equal(rows.length, 6);
    assert.equal(rows.reduce((a, r) => a + toCents(r[3] as number), 0), toCents(columns.tv_spend[t]));
    assert.equal(rows.reduce((a, r) => a + toCents(r[4] as number), 0), toCents(columns.revenue[t]));
    for (const r of rows) assert.ok((r[3] as number) >= 0 && (r[4] as number) >= 0);
  }
});
