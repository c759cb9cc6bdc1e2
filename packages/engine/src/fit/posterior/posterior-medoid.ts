import { EngineError } from '../../errors.ts';

/**
 * The posterior sample closest to the posterior mean of a vector quantity (here: channel ROIs), by
 * weighted relative L1 distance Σ_c w_c·|x_{ic} − x̄_c| / |x̄_c| (channels whose mean is 0 count by
 * absolute distance). Picking a real sample keeps the chosen model internally coherent (one set of
 * curves, coefficients and decomposition) while its ROIs sit near the posterior means, which minimise
 * expected squared error (the Bayes estimator under squared loss; e.g. Berger 1985, *Statistical
 * Decision Theory and Bayesian Analysis*, §4.4.2).
 * @param values row-major [nSamples × nDims]
 * @param nSamples number of rows (≥ 1)
 * @param nDims number of columns
 * @param weights per-column weights [nDims] (e.g. spend shares); default all 1
 * @returns { index, mean } the medoid's row index and the column means [nDims]
 * @throws EngineError INVALID_ARGUMENT when nSamples < 1 or the shapes disagree
 * @example posteriorMedoid(Float64Array.of(1, 10, 3, 30, 2.2, 19), 3, 2).index // 2 (means 2.07, 19.67)
 */
export function posteriorMedoid(values: ArrayLike<number>, nSamples: number, nDims: number, weights?: ArrayLike<number>): { index: number; mean: Float64Array } {
  if (!(Number.isInteger(nSamples) && nSamples >= 1)) throw new EngineError('INVALID_ARGUMENT', `nSamples must be a positive integer, got ${nSamples}`);
  if (values.length !== nSamples * nDims) throw new EngineError('INVALID_ARGUMENT', `values has length ${values.length}, expected ${nSamples}·${nDims}`);
  if (weights && weights.length !== nDims) throw new EngineError('INVALID_ARGUMENT', `weights has length ${weights.length}, expected ${nDims}`);
  const mean = new Float64Array(nDims);
  const count = new Float64Array(nDims);
  for (let i = 0; i < nSamples; i++) {
    for (let c = 0; c < nDims; c++) {
      const v = values[i * nDims + c];
      if (Number.isFinite(v)) { mean[c] += v; count[c]++; }
    }
  }
  for (let c = 0; c < nDims; c++) mean[c] = count[c] > 0 ? mean[c] / count[c] : NaN;
  let best = 0, bestD = Infinity;
  for (let i = 0; i < nSamples; i++) {
    const dist = relativeL1(values, i * nDims, mean, weights);
    if (dist < bestD) { bestD = dist; best = i; }
  }
  return { index: best, mean };
}

/**
 * Weighted relative L1 distance of a row from a reference, Σ_c w_c·|x_c − ref_c| / |ref_c| (a reference
 * of 0 counts by absolute distance): columns whose reference is not finite (a channel without spend)
 * are left out, and a non-finite value where the reference is finite is infinitely far.
 * @param values the row's values start at `offset`, one per reference column
 * @param offset index of the row's first value in `values`
 * @param reference [nDims]
 * @param weights per-column weights [nDims]; default all 1
 * @example relativeL1([3, 30], 0, [2, 20]) // 1 (0.5 + 0.5)
 */
export function relativeL1(values: ArrayLike<number>, offset: number, reference: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let dist = 0;
  for (let c = 0; c < reference.length; c++) {
    if (!Number.isFinite(reference[c])) continue;
    const v = values[offset + c];
    const w = weights ? weights[c] : 1;
    dist += Number.isFinite(v) ? (w * Math.abs(v - reference[c])) / (Math.abs(reference[c]) || 1) : Infinity;
  }
  return dist;
}
