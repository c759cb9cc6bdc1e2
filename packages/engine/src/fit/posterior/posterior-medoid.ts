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
    let dist = 0;
    for (let c = 0; c < nDims; c++) {
      if (!Number.isFinite(mean[c])) continue;
      const v = values[i * nDims + c];
      const w = weights ? weights[c] : 1;
      dist += Number.isFinite(v) ? (w * Math.abs(v - mean[c])) / (Math.abs(mean[c]) || 1) : Infinity;
    }
    if (dist < bestD) { bestD = dist; best = i; }
  }
  return { index: best, mean };
}
