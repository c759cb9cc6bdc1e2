import { bootstrapInterval } from '../stats/bootstrap-interval.ts';

/** Fewer finite replicates than this give no interval (summary.json's roi_interval, the optimizer's lift interval, the lift-test check). */
export const MIN_REPLICATES = 10;

/**
 * The 90% interval of replicate values (bootstrap replicates or posterior draws) the summary, the
 * optimizer and the lift-test check report: the 5% and 95% quantiles by Hyndman & Fan's definition 7
 * (numpy's default; bootstrapInterval at level 0.9). Values that are not finite (a replicate whose
 * curves break down) are left out, and count against MIN_REPLICATES.
 * @param draws one value per replicate (any order)
 * @returns [q05, q95], or null with fewer than MIN_REPLICATES finite values
 * @example interval90(Array.from({ length: 11 }, (_, r) => r)) // [0.5, 9.5]
 */
export function interval90(draws: readonly number[]): [number, number] | null {
  const v = draws.filter(Number.isFinite);
  return v.length < MIN_REPLICATES ? null : bootstrapInterval(v, 0.9);
}
