import { rankNormalize, splitChains, splitChainVariances } from './split-rhat.ts';

/**
 * Multi-chain effective sample size of one scalar quantity: how many independent draws would give
 * the same Monte Carlo error for its mean. Computed on the split chains (Vehtari, Gelman, Simpson,
 * Carpenter & Bürkner 2021, Bayesian Analysis 16(2)), i.e. m = 2·nChains chains of
 * n = ⌊nDraws/2⌋ draws, S = m·n in total. Autocorrelations are combined across chains as in Gelman et
 * al. (2013, BDA3 §11.5) in the form of the Stan reference manual and Vehtari et al. (2021):
 * ρ̂ₜ = 1 − (W − (1/m)·Σⱼ sⱼ²·ρ̂ₜ,ⱼ)/var⁺, with W and var⁺ as in {@link splitRhat} and ρ̂ₜ,ⱼ the lag-t
 * autocorrelation of chain j (autocovariance with the 1/n denominator), computed by direct sums.
 * The sum of autocorrelations is truncated by Geyer's (1992, "Practical Markov chain Monte Carlo",
 * Statistical Science 7(4)) initial monotone sequence: P̂ₖ = ρ̂₂ₖ + ρ̂₂ₖ₊₁ is summed while positive
 * (P̂₀ always), each P̂ₖ lowered to min(P̂ₖ, P̂ₖ₋₁); τ̂ = −1 + 2·Σₖ P̂ₖ and ESS = S/τ̂.
 *
 * Conventions: ESS can exceed S for antithetic chains (negative lag-1 autocorrelation); τ̂ is
 * bounded below by 1/log₁₀(S), as in Stan, so ESS ≤ S·log₁₀(S). When all retained draws are
 * identical (var⁺ = 0) the ESS is NaN. When every half-chain is constant but they differ, all ρ̂ₜ = 1
 * and the ESS comes out about m/2. When nDraws is odd the middle draw of each chain is dropped.
 * Cost O(S·L) for truncation lag L (at most n): fast for well-mixing chains, quadratic for chains that
 * never decorrelate.
 * @param draws row-major [nChains × nDraws]: draw i of chain c at c·nDraws + i; finite values
 * @param nChains number of chains, an integer ≥ 1
 * @param nDraws draws per chain, an integer ≥ 4
 * @returns ESS in draws, in (0, S·log₁₀(S)]; NaN for constant draws
 * @throws EngineError('INVALID_ARGUMENT') when nChains < 1 or nDraws < 4 (or either is not an integer)
 * @throws EngineError('SHAPE_MISMATCH') when draws.length ≠ nChains·nDraws
 * @throws EngineError('NON_FINITE') when a draw is NaN or infinite
 * @example effectiveSampleSize([1, 3, 2, 4, 5, 7, 4, 6], 2, 4) // 4.952380952380951 (104/21 to rounding:
 *   halves [1,3] [2,4] [5,7] [4,6], W = 2, var⁺ = 13/3, ρ̂₁ = 1 − (2 + 1)/(13/3) = 4/13,
 *   τ̂ = −1 + 2·(1 + 4/13) = 21/13, ESS = 8/τ̂)
 */
export function effectiveSampleSize(draws: ArrayLike<number>, nChains: number, nDraws: number): number {
  const split = splitChains(draws, nChains, nDraws, 'effectiveSampleSize');
  return essOfSplit(split, 2 * nChains, nDraws >> 1);
}

/**
 * Bulk effective sample size (Vehtari et al. 2021): {@link effectiveSampleSize} of the
 * rank-normalised split chains, zᵢ = Φ⁻¹((rᵢ − 3/8)/(S + 1/4)) with rᵢ the (average, for ties) rank
 * of draw i among all S retained draws. Well defined for heavy-tailed draws (no finite variance
 * needed) and invariant to monotone transformations of the quantity.
 *
 * Conventions as {@link effectiveSampleSize}: split before ranking, odd nDraws drops each chain's
 * middle draw, NaN when all draws are identical, ESS ≤ S·log₁₀(S).
 * @param draws row-major [nChains × nDraws]: draw i of chain c at c·nDraws + i; finite values
 * @param nChains number of chains, an integer ≥ 1
 * @param nDraws draws per chain, an integer ≥ 4
 * @returns bulk ESS in draws
 * @throws EngineError('INVALID_ARGUMENT') when nChains < 1 or nDraws < 4 (or either is not an integer)
 * @throws EngineError('SHAPE_MISMATCH') when draws.length ≠ nChains·nDraws
 * @throws EngineError('NON_FINITE') when a draw is NaN or infinite
 * @example bulkEffectiveSampleSize([1, 3, 2, 4, 5, 7, 4, 6], 2, 4) // 4.7799804393685275 (ranks of the
 *   halves [1,3] [2,4.5] [6,8] [4.5,7], z = Φ⁻¹((r − 3/8)/8.25), then as effectiveSampleSize)
 */
export function bulkEffectiveSampleSize(draws: ArrayLike<number>, nChains: number, nDraws: number): number {
  const split = splitChains(draws, nChains, nDraws, 'bulkEffectiveSampleSize');
  return essOfSplit(rankNormalize(split), 2 * nChains, nDraws >> 1);
}

/** ESS of m already-split chains of n draws each, row-major [m × n]. */
function essOfSplit(x: Float64Array, m: number, n: number): number {
  const total = m * n;
  const centred = new Float64Array(total);
  const { w, bOverN } = splitChainVariances(x, m, n, centred);
  const varPlus = ((n - 1) / n) * w + bOverN;
  if (!(varPlus > 0)) return NaN;

  // ρ̂ₜ = 1 − (W − (1/m)·Σⱼ sⱼ²·ρ̂ₜ,ⱼ)/var⁺, where sⱼ²·ρ̂ₜ,ⱼ = n/(n − 1)·γ̂ₜ,ⱼ and γ̂ₜ,ⱼ = (1/n)·Σᵢ dᵢ·dᵢ₊ₜ,
  // so (1/m)·Σⱼ sⱼ²·ρ̂ₜ,ⱼ = Σⱼ Σᵢ dᵢ·dᵢ₊ₜ / (m·(n − 1)).
  const scale = 1 / (m * (n - 1));
  const rho = (t: number): number => {
    let s = 0;
    for (let j = 0; j < m; j++) {
      const o = j * n;
      const end = o + n - t;
      for (let i = o; i < end; i++) s += centred[i] * centred[i + t];
    }
    return 1 - (w - s * scale) / varPlus;
  };

  let prev = 1 + rho(1); // P̂₀ = ρ̂₀ + ρ̂₁ with ρ̂₀ = 1, always kept
  let sumP = prev;
  for (let t = 2; t + 1 < n; t += 2) {
    let p = rho(t) + rho(t + 1);
    if (!(p > 0)) break;
    if (p > prev) p = prev;
    sumP += p;
    prev = p;
  }
  const tau = Math.max(-1 + 2 * sumP, 1 / Math.log10(total));
  return total / tau;
}
