import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankNormalize, rankNormalizedSplitRhat, splitChains, splitRhat } from './split-rhat.ts';
import { createRng } from '../random/rng.ts';
import { normal } from '../random/distributions.ts';

const close = (actual: number, expected: number, tol: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected}`);

/** nChains × nDraws iid normal draws, chain c with mean means[c] and sd sds[c]. */
function normalChains(seed: number, nDraws: number, means: number[], sds: number[]): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(means.length * nDraws);
  for (let c = 0; c < means.length; c++) {
    for (let i = 0; i < nDraws; i++) x[c * nDraws + i] = normal(rng, means[c], sds[c]);
  }
  return x;
}

test('splitRhat on hand-computed examples', () => {
  // 2 chains × 4 draws: chain 1 = [1, 3, 2, 4], chain 2 = [5, 7, 4, 6].
  // Split halves (n = 2): [1, 3] [2, 4] [5, 7] [4, 6], means 2, 3, 6, 5, grand mean 4.
  // Each half has s² = ((−1)² + 1²)/(2 − 1) = 2, so W = 2.
  // B/n = Σ(θ̄ⱼ − 4)²/(m − 1) = (4 + 1 + 4 + 1)/3 = 10/3.
  // var⁺ = (n − 1)/n·W + B/n = 1 + 10/3 = 13/3;  R̂ = √((13/3)/2) = √(13/6) = 1.4719601443879744.
  close(splitRhat([1, 3, 2, 4, 5, 7, 4, 6], 2, 4), 1.4719601443879744, 1e-14, '2 × 4');
  // Odd nDraws drops the middle draw of each chain (100 and −50 here): same halves, same R̂.
  close(splitRhat([1, 3, 100, 2, 4, 5, 7, -50, 4, 6], 2, 5), 1.4719601443879744, 1e-14, '2 × 5');
  // One chain [1, 2, 3, 4]: halves [1, 2] [3, 4], means 1.5 and 3.5, s² = 0.5 each, W = 0.5,
  // B/n = ((−1)² + 1²)/1 = 2, var⁺ = 0.25 + 2 = 2.25, R̂ = √(2.25/0.5) = √4.5 = 2.1213203435596424.
  close(splitRhat([1, 2, 3, 4], 1, 4), 2.1213203435596424, 1e-14, '1 × 4');
  // Agreeing halves: [1, 2, 1, 2] → halves [1, 2] [1, 2], B = 0, R̂ = √((n − 1)/n) = √0.5.
  close(splitRhat([1, 2, 1, 2], 1, 4), Math.SQRT1_2, 1e-15, 'B = 0');
  // Invariant to shift and scale.
  close(splitRhat([1e6 + 2, 1e6 + 6, 1e6 + 4, 1e6 + 8, 1e6 + 10, 1e6 + 14, 1e6 + 8, 1e6 + 12], 2, 4), 1.4719601443879744, 1e-9, 'offset');
});

test('splitRhat agrees with a direct transcription of the BDA3 formulas on uneven chains', () => {
  const nChains = 3, nDraws = 9; // odd: draws 4 of each chain are dropped
  const x = normalChains(5, nDraws, [0, 0.5, -0.3], [1, 2, 0.7]);
  const halves: number[][] = [];
  for (let c = 0; c < nChains; c++) {
    const chain = Array.from(x.subarray(c * nDraws, (c + 1) * nDraws));
    halves.push(chain.slice(0, 4), chain.slice(5));
  }
  const avg = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const means = halves.map(avg);
  const w = avg(halves.map((h, j) => h.reduce((a, v) => a + (v - means[j]) ** 2, 0) / 3));
  const b = (4 / 5) * means.reduce((a, mu) => a + (mu - avg(means)) ** 2, 0);
  close(splitRhat(x, nChains, nDraws), Math.sqrt(((3 / 4) * w + b / 4) / w), 1e-13, 'direct');
});

test('splitRhat: constant draws give NaN, constant but different halves give Infinity', () => {
  assert.ok(Number.isNaN(splitRhat([3, 3, 3, 3, 3, 3, 3, 3], 2, 4)));
  assert.ok(Number.isNaN(rankNormalizedSplitRhat([3, 3, 3, 3, 3, 3, 3, 3], 2, 4)));
  assert.equal(splitRhat([1, 1, 2, 2], 1, 4), Infinity);
  assert.equal(splitRhat([1, 1, 1, 1, 2, 2, 2, 2], 2, 4), Infinity);
  assert.equal(rankNormalizedSplitRhat([1, 1, 2, 2], 1, 4), Infinity);
});

test('splitRhat is ≈ 1 for well-mixed chains and flags shifted means', () => {
  // 4 chains × 1000 iid N(0, 1). Measured (seed 17): splitRhat 0.99980, rank-normalised 0.99979;
  // over seeds 1–200 both stayed within 0.0017 of 1.
  const iid = normalChains(17, 1000, [0, 0, 0, 0], [1, 1, 1, 1]);
  close(splitRhat(iid, 4, 1000), 1, 0.01, 'iid split-R̂');
  close(rankNormalizedSplitRhat(iid, 4, 1000), 1, 0.01, 'iid rank-normalised R̂');
  // Two of the four chains shifted by 1 sd: 8 half-chains with means 0 or 1, B/n ≈ 8·0.5²/7 = 2/7,
  // so R̂ ≈ √(1 + 2/7) ≈ 1.134 for long chains.
  // Measured (seed 17): 1.1205 and 1.1201; over seeds 1–200 neither fell below 1.114.
  const shifted = normalChains(17, 1000, [0, 0, 1, 1], [1, 1, 1, 1]);
  assert.ok(splitRhat(shifted, 4, 1000) > 1.1, `shifted split-R̂ ${splitRhat(shifted, 4, 1000)}`);
  assert.ok(rankNormalizedSplitRhat(shifted, 4, 1000) > 1.1);
});

test('rank-normalised R̂ catches chains that differ only in scale, plain split-R̂ does not', () => {
  // Same mean 0, sd 3 in two chains and 1 in the other two. Measured (seed 23): split-R̂ 1.0003,
  // rank-normalised 1.169 (from the folded draws); over seeds 1–200 split-R̂ stayed within 0.003
  // of 1 and the rank-normalised R̂ never fell below 1.143.
  const x = normalChains(23, 1000, [0, 0, 0, 0], [3, 3, 1, 1]);
  const plain = splitRhat(x, 4, 1000);
  const ranked = rankNormalizedSplitRhat(x, 4, 1000);
  assert.ok(Math.abs(plain - 1) < 0.01, `plain split-R̂ ${plain}`);
  assert.ok(ranked > 1.1, `rank-normalised R̂ ${ranked}`);
});

test('rankNormalizedSplitRhat on a hand-computed example', () => {
  // One chain [1, 2, 3, 4]: S = 4, ranks 1…4, z = Φ⁻¹((r − 3/8)/(4 + 1/4)) = [−a, −b, b, a] with
  // a = Φ⁻¹(3.625/4.25) = 1.0491313979639711, b = Φ⁻¹(2.625/4.25) = 0.29930691046566704
  // (Python's statistics.NormalDist().inv_cdf). Halves [−a, −b] [b, a]: s² = (a − b)²/2 each, so
  // W = (a − b)²/2; means ∓(a + b)/2, B/n = 2·((a + b)/2)²/1 = (a + b)²/2; var⁺ = W/2 + (a + b)²/2;
  // bulk R̂ = √(1/2 + (a + b)²/(a − b)²) = 1.9323616817508809.
  // Folded: median 2.5, |θ − 2.5| = [1.5, 0.5, 0.5, 1.5], tied ranks 3.5, 1.5, 1.5, 3.5, halves
  // [c, −c] [−c, c]: B = 0, tail R̂ = √(1/2). The maximum is the bulk value.
  close(rankNormalizedSplitRhat([1, 2, 3, 4], 1, 4), 1.9323616817508809, 1e-9, 'bulk');
  // Symmetric two-point draws [−1, 1, −1, 1]: the folded draws are all 1 (tail R̂ NaN), so the bulk
  // R̂ is returned: z = [−c, c, −c, c], both halves alike, B = 0, R̂ = √(1/2).
  close(rankNormalizedSplitRhat([-1, 1, -1, 1], 1, 4), Math.SQRT1_2, 1e-12, 'two-point');
});

test('splitChains drops the middle draw of odd chains; rankNormalize averages tied ranks', () => {
  assert.deepEqual(Array.from(splitChains([1, 2, 9, 3, 4, 5, 6, 9, 7, 8], 2, 5, 't')), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(Array.from(splitChains([1, 2, 3, 4, 5, 6], 1, 6, 't')), [1, 2, 3, 4, 5, 6]);
  // [5, 1, 5]: S = 3, ranks 2.5, 1, 2.5 → Φ⁻¹(2.125/3.25) = 0.3957252958144873 and
  // Φ⁻¹(0.625/3.25) = −0.869423773288886 (Python statistics.NormalDist().inv_cdf)
  const z = rankNormalize(new Float64Array([5, 1, 5]));
  close(z[0], 0.3957252958144873, 1e-12, 'tied rank');
  close(z[1], -0.869423773288886, 1e-12, 'lowest rank');
  assert.equal(z[2], z[0]);
});

test('splitRhat and rankNormalizedSplitRhat reject bad shapes and non-finite draws', () => {
  for (const f of [splitRhat, rankNormalizedSplitRhat]) {
    assert.throws(() => f([1, 2, 3], 1, 3), { code: 'INVALID_ARGUMENT', message: /nDraws/ });
    assert.throws(() => f([], 0, 4), { code: 'INVALID_ARGUMENT', message: /nChains/ });
    assert.throws(() => f([1, 2, 3, 4], 1.5, 4), { code: 'INVALID_ARGUMENT', message: /nChains/ });
    assert.throws(() => f([1, 2, 3, 4, 5], 1, 4.5), { code: 'INVALID_ARGUMENT', message: /nDraws/ });
    assert.throws(() => f([1, 2, 3, 4, 5], 1, 4), { code: 'SHAPE_MISMATCH', message: /expected nChains·nDraws = 4/ });
    assert.throws(() => f([1, 2, 3, 4, 5, 6, 7, 8], 2, 5), { code: 'SHAPE_MISMATCH' });
    assert.throws(() => f([1, 2, NaN, 4], 1, 4), { code: 'NON_FINITE', message: /draw 2/ });
    assert.throws(() => f([1, 2, 3, Infinity], 1, 4), { code: 'NON_FINITE' });
  }
});
