import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../random/rng.ts';
import { geoNames, geoSizes } from './geo-sizes.ts';
import { splitSpendByGeo } from './geo-spend-split.ts';
import { panelOracleStandardErrors } from './panel-oracle.ts';

test('geoSizes: descending, sum to 1, none below a fifth of the average; spread 0 gives equal sizes', () => {
  const s = geoSizes(createRng(3), 30, 1.2);
  assert.ok(Math.abs(s.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  for (let g = 1; g < s.length; g++) assert.ok(s[g] <= s[g - 1]);
  // The floor is a fifth of the raw average; renormalising after flooring can only lower it a little.
  assert.ok(s[29] >= 0.8 / (5 * 30), `${s[29]}`);
  assert.ok(s[0] / s[29] > 5);
  assert.deepEqual(Array.from(geoSizes(createRng(3), 4, 0)), [0.25, 0.25, 0.25, 0.25]);
  assert.throws(() => geoSizes(createRng(1), 1, 1), /nGeos must be an integer ≥ 2/);
  assert.deepEqual(geoNames(3), ['geo_01', 'geo_02', 'geo_03']);
  assert.equal(geoNames(120)[0], 'geo_001');
});

test('splitSpendByGeo: every period splits into cents that add up to the national amount; test windows are dark', () => {
  const n = 60;
  const national = Float64Array.from({ length: n }, (_, t) => (t % 7 === 6 ? 0 : 1000 + 13.37 * t));
  const sizes = Float64Array.of(0.5, 0.3, 0.15, 0.05);
  const { spend, dark } = splitSpendByGeo(createRng(9), national, sizes, { tests: 3, testLength: [5, 8], darkShare: 0.05 });
  assert.equal(dark.tests.length, 3);
  for (let t = 0; t < n; t++) {
    assert.equal(Math.round(spend.reduce((a, x) => a + x[t], 0) * 100), Math.round(national[t] * 100), `t ${t}`);
    for (const x of spend) assert.ok(Math.abs(Math.round(x[t] * 100) - x[t] * 100) < 1e-6, `whole cents: ${x[t]}`);
  }
  for (const d of dark.tests) {
    assert.ok(d.end - d.start >= 5 && d.end - d.start <= 8);
    // Dark unless every geo was dark that period (then the untested shares are kept).
    for (let t = d.start; t < d.end; t++) if (spend.some((x, g) => g !== d.geo && x[t] > 0)) assert.equal(spend[d.geo][t], 0);
  }
});

test('panelOracleStandardErrors: one component with geo intercepts is σ / √(Σ_g Σ_t (x_gt − x̄_g)² / s_g)', () => {
  const x1 = Float64Array.of(1, 2, 4, 3), x2 = Float64Array.of(0, 5, 1, 2);
  const sizes = [0.25, 0.75];
  const ss = (x: Float64Array, s: number): number => { const m = x.reduce((a, b) => a + b, 0) / x.length; return x.reduce((a, v) => a + (v - m) ** 2, 0) / s; };
  const want = 2 / Math.sqrt(ss(x1, 0.25) + ss(x2, 0.75));
  const [got] = panelOracleStandardErrors([[x1, x2]], sizes, 2);
  assert.ok(Math.abs(got - want) < 1e-12 * want, `${got} vs ${want}`);
});
