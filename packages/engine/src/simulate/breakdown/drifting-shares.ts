import { normal } from '../../random/distributions.ts';
import type { Rng } from '../../random/rng.ts';
import { ar1 } from '../spend/ar1.ts';

/**
 * Per-period shares over K cells that wander mildly around base shares, like a slowly drifting
 * Dirichlet mean: w_k[t] ∝ base_k · exp(drift·d_k[t]), d_k a unit-variance AR(1) with the given
 * persistence, normalised to sum to 1 each period.
 * @param rng seeded generator
 * @param nTimes number of periods
 * @param base base shares, shape [K], > 0 (normalised internally)
 * @param drift log-scale sd of the drift (0.1 ≈ ±10 % relative moves)
 * @param persistence AR(1) coefficient of the drift (close to 1 for slow drift)
 * @returns row-major [nTimes × K], every row sums to 1
 * @example driftingShares(createRng(1), 2, [1, 3], 0, 0.9) // [0.25, 0.75, 0.25, 0.75]
 */
export function driftingShares(rng: Rng, nTimes: number, base: readonly number[], drift: number, persistence: number): Float64Array {
  const k = base.length;
  const paths = base.map(() => ar1(rng, nTimes, persistence));
  const out = new Float64Array(nTimes * k);
  for (let t = 0; t < nTimes; t++) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const w = base[j] * Math.exp(drift * paths[j][t]);
      out[t * k + j] = w;
      sum += w;
    }
    for (let j = 0; j < k; j++) out[t * k + j] /= sum;
  }
  return out;
}

/**
 * Tilt shares by a fixed random log-offset per cell (sd `spread`) and renormalise: the same drift,
 * but a column-specific mix (e.g. events spend concentrated in one region).
 * @param rng seeded generator
 * @param shares row-major [nTimes × K], rows summing to 1
 * @param k number of cells
 * @param spread log-sd of the offsets
 * @returns a new row-major [nTimes × K] array, rows summing to 1
 * @example tiltShares(createRng(1), Float64Array.of(0.5, 0.5), 2, 0) // [0.5, 0.5]
 */
export function tiltShares(rng: Rng, shares: Float64Array, k: number, spread: number): Float64Array {
  const tilt = Array.from({ length: k }, () => Math.exp(spread * normal(rng)));
  const out = new Float64Array(shares.length);
  for (let t = 0; t < shares.length / k; t++) {
    let sum = 0;
    for (let j = 0; j < k; j++) { out[t * k + j] = shares[t * k + j] * tilt[j]; sum += out[t * k + j]; }
    for (let j = 0; j < k; j++) out[t * k + j] /= sum;
  }
  return out;
}
