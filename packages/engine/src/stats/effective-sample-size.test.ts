import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bulkEffectiveSampleSize, effectiveSampleSize } from './effective-sample-size.ts';
import { createRng } from '../random/rng.ts';
import { normal } from '../random/distributions.ts';

const close = (actual: number, expected: number, tol: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected}`);
const within = (actual: number, expected: number, rel: number, what: string) =>
  assert.ok(Math.abs(actual / expected - 1) <= rel, `${what}: ${actual} vs ${expected} (±${rel * 100}%)`);

/** nChains stationary AR(1) chains xₜ = ρ·xₜ₋₁ + εₜ, εₜ ~ N(0, 1); ρ = 0 gives iid N(0, 1). */
function ar1(seed: number, nChains: number, nDraws: number, rho: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(nChains * nDraws);
  for (let c = 0; c < nChains; c++) {
    let prev = normal(rng, 0, 1 / Math.sqrt(1 - rho * rho));
    for (let i = 0; i < nDraws; i++) {
      if (i > 0) prev = rho * prev + normal(rng);
      x[c * nDraws + i] = prev;
    }
  }
  return x;
}

test('effectiveSampleSize on hand-computed examples', () => {
  // One chain [1, 2, 3, 4]: halves [1, 2] [3, 4] (m = 2, n = 2, S = 4), means 1.5 and 3.5.
  // W = 0.5, B/n = 2, var⁺ = 0.25 + 2 = 2.25. Lag-1 products: (−0.5)(0.5) in each half, so
  // (1/m)·Σ sⱼ²ρ̂₁,ⱼ = (−0.25 − 0.25)/(m·(n − 1)) = −0.25 and ρ̂₁ = 1 − (0.5 + 0.25)/2.25 = 2/3.
  // No lag 2 exists: τ̂ = −1 + 2·(1 + 2/3) = 7/3, ESS = 4/(7/3) = 12/7.
  close(effectiveSampleSize([1, 2, 3, 4], 1, 4), 12 / 7, 1e-14, '1 × 4');
  // 2 chains [1, 3, 2, 4] [5, 7, 4, 6]: halves [1, 3] [2, 4] [5, 7] [4, 6] (S = 8), W = 2, var⁺ = 13/3
  // (see split-rhat.test.ts). Each half's lag-1 product is (−1)(1) = −1, so (1/m)·Σ sⱼ²ρ̂₁,ⱼ =
  // −4/(4·1) = −1 and ρ̂₁ = 1 − (2 + 1)/(13/3) = 4/13; τ̂ = −1 + 2·(17/13) = 21/13, ESS = 104/21.
  close(effectiveSampleSize([1, 3, 2, 4, 5, 7, 4, 6], 2, 4), 104 / 21, 1e-13, '2 × 4');
  // Odd nDraws: the middle draws (99, −99) are dropped, same answer.
  close(effectiveSampleSize([1, 3, 99, 2, 4, 5, 7, -99, 4, 6], 2, 5), 104 / 21, 1e-13, '2 × 5');
  // [1, 3, 2, 4]: halves [1, 3] [2, 4], W = 2, B/n = 0.5, var⁺ = 1.5, ρ̂₁ = 1 − (2 + 1)/1.5 = −1, so
  // τ̂ = −1 + 2·0 = −1 < 1/log₁₀(4): the lower bound applies and ESS = 4·log₁₀(4).
  close(effectiveSampleSize([1, 3, 2, 4], 1, 4), 4 * Math.log10(4), 1e-14, 'bound');
});

test('effectiveSampleSize applies Geyer\'s truncation and monotone sequence (exact rational answers)', () => {
  // One chain of 12 integers → two halves of 6, lags 0…5, pairs P̂₀ = ρ̂₀ + ρ̂₁, P̂₁ = ρ̂₂ + ρ̂₃,
  // P̂₂ = ρ̂₄ + ρ̂₅. The ρ̂ₜ were computed exactly with Python fractions from the formulas in the doc.
  // All pairs positive and decreasing: P̂ = 571/742, 1293/3710, 1051/3710; τ̂ = 3344/1855.
  close(effectiveSampleSize([7, 2, 9, 8, 1, 5, 0, 6, 1, 6, 2, 2], 1, 12), 5565 / 836, 1e-12, 'all pairs');
  // ρ̂ = 1, 327/2030, −178/1015, −1159/2030, …: P̂₁ = −303/406 ≤ 0 stops the sum after P̂₀ = 2357/2030,
  // τ̂ = 1342/1015.
  close(effectiveSampleSize([4, 1, 5, 8, 6, 8, 3, 4, 4, 9, 7, 8], 1, 12), 6090 / 671, 1e-12, 'truncated');
  // P̂ = 1050/1745, 413/1745, 724/1745: P̂₂ > P̂₁ is lowered to 413/1745 (initial monotone sequence),
  // τ̂ = −1 + 2·1876/1745 = 2007/1745. Without the monotone step it would be 12·1745/2629.
  close(effectiveSampleSize([8, 0, 6, 3, 5, 1, 3, 9, 6, 9, 3, 7], 1, 12), 6980 / 669, 1e-12, 'monotone');
  // Here τ̂ = 1837/2105 ≈ 0.873 < 1/log₁₀(12) ≈ 0.927, so the bound gives ESS = 12·log₁₀(12).
  close(effectiveSampleSize([0, 0, 8, 0, 6, 3, 6, 0, 8, 3, 7, 7], 1, 12), 12 * Math.log10(12), 1e-12, 'bound');
});

test('ESS of iid draws is close to the number of draws', () => {
  // 4 × 1000 iid N(0, 1). Measured (seed 31): ESS 3689.6, bulk ESS 3689.6 (−7.8%); over seeds 1–50
  // the ESS ranged 3429–4343.
  const x = ar1(31, 4, 1000, 0);
  within(effectiveSampleSize(x, 4, 1000), 4000, 0.15, 'ESS');
  within(bulkEffectiveSampleSize(x, 4, 1000), 4000, 0.15, 'bulk ESS');
});

test('ESS of an AR(1) chain matches N·(1 − ρ)/(1 + ρ)', () => {
  // ρ = 0.9: τ = (1 + ρ)/(1 − ρ) = 19, so 4 × 10000 draws hold about 40000/19 = 2105.3 independent
  // ones. Measured (seed 37): 2060.1 (−2.1%). Long chains are used because with 4 × 1000 the
  // estimate itself scatters by about ±30% between seeds; with 4 × 10000 all of seeds 1–100 fell
  // within −23% … +14%.
  const x = ar1(37, 4, 10000, 0.9);
  within(effectiveSampleSize(x, 4, 10000), 40000 / 19, 0.25, 'ρ = 0.9');
  // ρ = −0.5 (antithetic): τ = 0.5/1.5 = 1/3, the ESS exceeds the number of draws, about 3·4000.
  // Measured (seed 41): 10132; over seeds 1–100 the ratio to 12000 ranged 0.80–1.20.
  const y = ar1(41, 4, 1000, -0.5);
  const essY = effectiveSampleSize(y, 4, 1000);
  assert.ok(essY > 4000, `antithetic ESS ${essY}`);
  within(essY, 12000, 0.25, 'ρ = −0.5');
});

test('bulk ESS stays close to N for heavy-tailed (Cauchy) draws', () => {
  // 4 × 1000 iid standard Cauchy draws, tan(π(u − ½)). The plain ESS has no variance to work
  // with: over seeds 1–50 it ranged 0.64·N – 1.23·N (seed 43: 4015). The bulk ESS ranged
  // 0.90·N – 1.08·N (seed 43: 3776.8).
  const rng = createRng(43);
  const x = new Float64Array(4000);
  for (let i = 0; i < x.length; i++) x[i] = Math.tan(Math.PI * (rng.next() - 0.5));
  const bulk = bulkEffectiveSampleSize(x, 4, 1000);
  assert.ok(Number.isFinite(bulk));
  within(bulk, 4000, 0.2, 'bulk ESS');
});

test('bulkEffectiveSampleSize: hand-computed value and invariance to monotone transforms', () => {
  // Halves [1, 3] [2, 4] [5, 7] [4, 6]; ranks among the 8 draws [1, 3] [2, 4.5] [6, 8] [4.5, 7]
  // (the two 4s share rank 4.5), z = Φ⁻¹((r − 3/8)/8.25), then the ESS formulas on z: computed
  // with Python's statistics.NormalDist, ρ̂₁ = 0.33682…, ESS = 8/(−1 + 2·(1 + ρ̂₁)) = 4.7799804393685275.
  close(bulkEffectiveSampleSize([1, 3, 2, 4, 5, 7, 4, 6], 2, 4), 4.7799804393685275, 1e-9, 'hand');
  const x = ar1(7, 3, 200, 0.6);
  const ex = x.map(Math.exp);
  assert.equal(bulkEffectiveSampleSize(ex, 3, 200), bulkEffectiveSampleSize(x, 3, 200));
  assert.notEqual(effectiveSampleSize(ex, 3, 200), effectiveSampleSize(x, 3, 200));
});

test('ESS conventions for constant draws and stuck chains', () => {
  assert.ok(Number.isNaN(effectiveSampleSize([2, 2, 2, 2, 2, 2, 2, 2], 2, 4)));
  assert.ok(Number.isNaN(bulkEffectiveSampleSize([2, 2, 2, 2, 2, 2, 2, 2], 2, 4)));
  // Halves [1, 1] [1, 1] [2, 2] [2, 2]: W = 0, every ρ̂ₜ = 1, τ̂ = −1 + 2·2 = 3, ESS = 8/3.
  close(effectiveSampleSize([1, 1, 1, 1, 2, 2, 2, 2], 2, 4), 8 / 3, 1e-14, 'stuck');
});

test('effectiveSampleSize and bulkEffectiveSampleSize reject bad shapes and non-finite draws', () => {
  for (const f of [effectiveSampleSize, bulkEffectiveSampleSize]) {
    assert.throws(() => f([1, 2, 3], 1, 3), { code: 'INVALID_ARGUMENT', message: /nDraws/ });
    assert.throws(() => f([], 0, 4), { code: 'INVALID_ARGUMENT', message: /nChains/ });
    assert.throws(() => f([1, 2, 3, 4], -1, -4), { code: 'INVALID_ARGUMENT' });
    assert.throws(() => f([1, 2, 3, 4, 5, 6, 7], 2, 4), { code: 'SHAPE_MISMATCH' });
    assert.throws(() => f([1, 2, 3, 4, 5], 1, 4), { code: 'SHAPE_MISMATCH' });
    assert.throws(() => f([1, NaN, 3, 4], 1, 4), { code: 'NON_FINITE' });
    assert.throws(() => f([1, 2, -Infinity, 4], 1, 4), { code: 'NON_FINITE' });
  }
});
