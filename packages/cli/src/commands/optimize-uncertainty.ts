import type { MmmModel, ResponseModel } from '@mixwise/engine';
import { channelRoi } from '@mixwise/engine';

/** Fewer replicates than this give no interval (as in summary.json's roi_interval). */
export const MIN_REPLICATES = 10;

/**
 * Per bootstrap replicate r and channel c, the factor k_rc = ROI_rc / ROI_c by which the channel's
 * coefficient is scaled to stand for that replicate: ROI_rc from model.bootstrapRoi, ROI_c the point
 * estimate over the same rows (the modeling window, as the replicates are measured). This is an
 * approximation: a replicate may also have refitted the adstock and saturation shape, and only its
 * ROI is stored, so each replicate is represented by the point curves rescaled to its ROI (exact
 * when only the coefficients differ, because ROI is linear in the coefficient). A channel whose point
 * ROI is 0 or undefined (no spend), or a replicate ROI that is not a finite number ≥ 0, gets k = 1.
 * @param model the fitted model
 * @returns [nReplicates][nChannels] factors (empty when the model has no replicates)
 * @example replicateFactors(model)[0] // e.g. [0.93, 1.12, …]: replicate 0's ROI relative to the point ROI per channel
 */
export function replicateFactors(model: MmmModel): number[][] {
  const { start, end } = model.window;
  const point = model.channels.map((ch) => channelRoi(ch, start, end));
  return model.bootstrapRoi
    .filter((rep) => rep.length === model.channels.length)
    .map((rep) => rep.map((roi, c) => (point[c] > 0 && Number.isFinite(point[c]) && roi >= 0 && Number.isFinite(roi) ? roi / point[c] : 1)));
}

/**
 * The mean over replicates of each channel's factor, k̄_c = (1/R) Σ_r k_rc. Because every replicate is
 * the point curve times k_rc, the KPI averaged over replicates is exactly Σ_c coef_c·k̄_c·f_c(gain_c·x_c):
 * optimising the expected KPI is one ordinary solve on curves scaled by k̄ (see expectedResponseModel).
 * @param factors [nReplicates][nChannels] from replicateFactors; nChannels for the empty case
 * @example meanFactors([[1, 2], [3, 4]], 2) // [2, 3]
 */
export function meanFactors(factors: readonly (readonly number[])[], nChannels: number): number[] {
  const out = new Array<number>(nChannels).fill(factors.length === 0 ? 1 : 0);
  for (const rep of factors) for (let c = 0; c < nChannels; c++) out[c] += rep[c] / factors.length;
  return out;
}

/**
 * A response model whose curves are the replicate average: each channel's coef times k̄_c.
 * @example expectedResponseModel(rm, [1, 2]).channels[1].coef // 2 × rm.channels[1].coef
 */
export function expectedResponseModel<M extends ResponseModel>(model: M, kbar: readonly number[]): M {
  return { ...model, channels: model.channels.map((ch, c) => ({ ...ch, coef: ch.coef * kbar[c] })) };
}

/**
 * Sample quantile by linear interpolation between order statistics (Hyndman & Fan 1996, definition 7;
 * numpy's default): h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) on the sorted values.
 * @param sorted values in increasing order, length ≥ 1
 * @param p probability in [0, 1]
 * @example quantileSorted([1, 2, 3, 4], 0.05) // 1.15 (numpy.quantile([1, 2, 3, 4], 0.05))
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

/**
 * The 5–95 % interval of the KPI lift over bootstrap replicates: replicate r's lift is
 * Σ_c k_rc·Δ_c, where Δ_c is channel c's change in response (recommended − current) on the point
 * curves (the baseline cancels).
 * @param delta [nChannels] change in each channel's response on the point curves (KPI units)
 * @param factors [nReplicates][nChannels] from replicateFactors
 * @returns [q05, q95], or null with fewer than MIN_REPLICATES replicates
 * @example liftInterval([10, 0], Array.from({ length: 11 }, (_, r) => [0.5 + 0.1 * r, 1])) // [5.5, 14.5]
 */
export function liftInterval(delta: readonly number[], factors: readonly (readonly number[])[]): [number, number] | null {
  if (factors.length < MIN_REPLICATES) return null;
  const lifts = factors.map((k) => {
    let s = 0;
    for (let c = 0; c < delta.length; c++) s += k[c] * delta[c];
    return s;
  }).sort((a, b) => a - b);
  return [quantileSorted(lifts, 0.05), quantileSorted(lifts, 0.95)];
}
