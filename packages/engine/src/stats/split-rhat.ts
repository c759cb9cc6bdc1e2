import { EngineError } from '../errors.ts';
import { normalQuantile } from './normal-quantile.ts';
import { quantile } from './quantile.ts';

/**
 * Split-R̂ potential scale reduction factor for one scalar quantity (Gelman et al. 2013, Bayesian
 * Data Analysis, 3rd ed., §11.4). Each chain is cut into two halves, giving m = 2·nChains chains of
 * n = ⌊nDraws/2⌋ draws; with chain means θ̄ⱼ, grand mean θ̄ and within-chain variances sⱼ² (n − 1
 * denominator): W = (1/m)·Σⱼ sⱼ², B/n = Σⱼ(θ̄ⱼ − θ̄)²/(m − 1), var⁺ = (n − 1)/n·W + B/n and
 * R̂ = √(var⁺/W). Values near 1 (say below 1.01) mean the chains agree; larger values mean they
 * have not mixed.
 *
 * Conventions: when nDraws is odd the middle draw of each chain is dropped, so both halves have
 * ⌊nDraws/2⌋ draws. When all retained draws are identical (W = 0 and B = 0) R̂ is undefined and NaN is
 * returned; when every half-chain is constant but they do not all agree (W = 0, B > 0) the chains
 * are stuck apart and +Infinity is returned.
 * @param draws row-major [nChains × nDraws]: draw i of chain c at c·nDraws + i; finite values
 * @param nChains number of chains, an integer ≥ 1
 * @param nDraws draws per chain, an integer ≥ 4
 * @returns R̂ ≥ (n − 1)/n, dimensionless; NaN or +Infinity as described above
 * @throws EngineError('INVALID_ARGUMENT') when nChains < 1 or nDraws < 4 (or either is not an integer)
 * @throws EngineError('SHAPE_MISMATCH') when draws.length ≠ nChains·nDraws
 * @throws EngineError('NON_FINITE') when a draw is NaN or infinite
 * @example splitRhat([1, 3, 2, 4, 5, 7, 4, 6], 2, 4) // 1.4719601443879746 (√(13/6) to rounding: halves
 *   [1,3] [2,4] [5,7] [4,6], W = 2, B/n = 10/3, var⁺ = 1 + 10/3)
 */
export function splitRhat(draws: ArrayLike<number>, nChains: number, nDraws: number): number {
  const split = splitChains(draws, nChains, nDraws, 'splitRhat');
  return rhatOfSplit(split, 2 * nChains, nDraws >> 1);
}

/**
 * Rank-normalised split-R̂ (Vehtari, Gelman, Simpson, Carpenter & Bürkner 2021, "Rank-normalization,
 * folding, and localization: an improved R̂ for assessing convergence of MCMC", Bayesian Analysis
 * 16(2)): the maximum of
 * - bulk R̂: {@link splitRhat} of the rank-normalised split draws, zᵢ = Φ⁻¹((rᵢ − 3/8)/(S + 1/4)),
 *   where rᵢ is the rank of draw i among all S = 2·nChains·⌊nDraws/2⌋ retained draws (ties get the
 *   average rank) — insensitive to heavy tails and to monotone transformations;
 * - tail (folded) R̂: the same on ζᵢ = |θᵢ − median(θ)| — detects chains that share a location but
 *   differ in scale, which the plain split-R̂ misses.
 *
 * Conventions: as {@link splitRhat} (odd nDraws drops each chain's middle draw; split happens before
 * ranking). If one of the two R̂ is NaN because its transformed draws are all tied (e.g. the folded
 * draws of a symmetric two-point sample) the other is returned; NaN only when both are (all draws
 * identical).
 * @param draws row-major [nChains × nDraws]: draw i of chain c at c·nDraws + i; finite values
 * @param nChains number of chains, an integer ≥ 1
 * @param nDraws draws per chain, an integer ≥ 4
 * @returns max(bulk R̂, tail R̂), dimensionless
 * @throws EngineError('INVALID_ARGUMENT') when nChains < 1 or nDraws < 4 (or either is not an integer)
 * @throws EngineError('SHAPE_MISMATCH') when draws.length ≠ nChains·nDraws
 * @throws EngineError('NON_FINITE') when a draw is NaN or infinite
 * @example rankNormalizedSplitRhat([1, 2, 3, 4], 1, 4) // 1.9323616817508809: z = [−a, −b, b, a] with
 *   a = Φ⁻¹(3.625/4.25), b = Φ⁻¹(2.625/4.25), bulk R̂ = √(1/2 + (a + b)²/(a − b)²); the folded draws
 *   give only √(1/2)
 */
export function rankNormalizedSplitRhat(draws: ArrayLike<number>, nChains: number, nDraws: number): number {
  const split = splitChains(draws, nChains, nDraws, 'rankNormalizedSplitRhat');
  const m = 2 * nChains;
  const n = nDraws >> 1;
  const bulk = rhatOfSplit(rankNormalize(split), m, n);
  const median = quantile(split, 0.5);
  const folded = new Float64Array(split.length);
  for (let i = 0; i < split.length; i++) folded[i] = Math.abs(split[i] - median);
  const tail = rhatOfSplit(rankNormalize(folded), m, n);
  if (Number.isNaN(bulk)) return tail;
  if (Number.isNaN(tail)) return bulk;
  return Math.max(bulk, tail);
}

/**
 * Internal, shared with effective-sample-size.ts (not re-exported from the stats index): validates
 * the [nChains × nDraws] layout and returns the split chains as a row-major [2·nChains × ⌊nDraws/2⌋]
 * copy. Split chain 2c is the first half of chain c and 2c + 1 its second half; when nDraws is odd
 * the middle draw of each chain is dropped.
 * @throws EngineError('INVALID_ARGUMENT' | 'SHAPE_MISMATCH' | 'NON_FINITE') as documented on {@link splitRhat}
 * @example splitChains([1, 2, 9, 3, 4], 1, 5, 'f') // Float64Array [1, 2, 3, 4]
 */
export function splitChains(draws: ArrayLike<number>, nChains: number, nDraws: number, what: string): Float64Array {
  if (!Number.isInteger(nChains) || nChains < 1) {
    throw new EngineError('INVALID_ARGUMENT', `${what}: nChains must be an integer ≥ 1, got ${nChains}`);
  }
  if (!Number.isInteger(nDraws) || nDraws < 4) {
    throw new EngineError('INVALID_ARGUMENT', `${what}: nDraws must be an integer ≥ 4, got ${nDraws}`);
  }
  if (draws.length !== nChains * nDraws) {
    throw new EngineError('SHAPE_MISMATCH', `${what}: expected nChains·nDraws = ${nChains * nDraws} draws, got ${draws.length}`);
  }
  for (let i = 0; i < draws.length; i++) {
    if (!Number.isFinite(draws[i])) throw new EngineError('NON_FINITE', `${what}: draw ${i} is ${draws[i]}`);
  }
  const half = nDraws >> 1;
  const secondStart = nDraws - half; // skips the middle draw when nDraws is odd
  const out = new Float64Array(2 * nChains * half);
  for (let c = 0; c < nChains; c++) {
    const src = c * nDraws;
    const dst = 2 * c * half;
    for (let i = 0; i < half; i++) {
      out[dst + i] = draws[src + i];
      out[dst + half + i] = draws[src + secondStart + i];
    }
  }
  return out;
}

/**
 * Internal, shared with effective-sample-size.ts: rank normalisation of Vehtari et al. (2021),
 * zᵢ = Φ⁻¹((rᵢ − 3/8)/(S + 1/4)) with rᵢ the rank of value i among all S values (1 = smallest) and
 * tied values given the average of their ranks. The layout of the input is kept.
 * @example rankNormalize([5, 1, 5]) // [Φ⁻¹(2.125/3.25), Φ⁻¹(0.625/3.25), Φ⁻¹(2.125/3.25)]
 */
export function rankNormalize(values: Float64Array): Float64Array {
  const s = values.length;
  const order = new Uint32Array(s);
  for (let i = 0; i < s; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const z = new Float64Array(s);
  const denom = s + 0.25;
  let i = 0;
  while (i < s) {
    const v = values[order[i]];
    let j = i + 1;
    while (j < s && values[order[j]] === v) j++;
    // sorted positions i … j − 1 hold ranks i + 1 … j; their average is (i + 1 + j)/2
    const zr = normalQuantile(((i + 1 + j) / 2 - 0.375) / denom);
    for (let k = i; k < j; k++) z[order[k]] = zr;
    i = j;
  }
  return z;
}

/**
 * Within-chain variance W (mean of the chains' sample variances) and between-chain variance over n,
 * B/n, of m already-split chains of n draws, row-major [m × n] (BDA3 §11.4). With `centred`, each
 * draw minus its chain's mean is written there (the ESS needs it).
 */
export function splitChainVariances(x: Float64Array, m: number, n: number, centred?: Float64Array): { w: number; bOverN: number } {
  let sumMeans = 0;
  let sumMeansSq = 0;
  let w = 0;
  let ref = 0; // the first chain mean, subtracted before the between-chain sums to avoid cancellation
  for (let j = 0; j < m; j++) {
    const o = j * n;
    let s = 0;
    for (let i = 0; i < n; i++) s += x[o + i];
    let mu = s / n;
    let sd = 0;
    for (let i = 0; i < n; i++) sd += x[o + i] - mu;
    mu += sd / n; // corrected two-pass mean and variance (Chan, Golub & LeVeque 1983, eq. 1.7)
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = x[o + i] - mu;
      if (centred) centred[o + i] = d;
      ss += d * d;
    }
    w += ss / (n - 1);
    if (j === 0) ref = mu;
    const dm = mu - ref;
    sumMeans += dm;
    sumMeansSq += dm * dm;
  }
  return { w: w / m, bOverN: Math.max(0, (sumMeansSq - (sumMeans * sumMeans) / m) / (m - 1)) };
}

/** Split-R̂ of m already-split chains of n draws each, row-major [m × n]. */
function rhatOfSplit(x: Float64Array, m: number, n: number): number {
  const { w, bOverN } = splitChainVariances(x, m, n);
  if (!(w > 0)) return bOverN > 0 ? Infinity : NaN;
  const varPlus = ((n - 1) / n) * w + bOverN;
  return Math.sqrt(varPlus / w);
}
