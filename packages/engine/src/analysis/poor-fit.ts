import type { FitWarning } from './fit-warnings.ts';

/**
 * Below this in-sample R² a fit is flagged (POOR_FIT). Intercept, trend and seasonality alone explain
 * most of a real KPI's variation; the fits in this repository's tests and benchmarks (simulated
 * presets, the Robyn, mmm_stan and PyMC example data) sit at 0.6–0.99, Meridian's simulated national
 * files (a sum of noisy geos) at 0.31–0.36, just above it, with ROI intervals to match. The fits below it
 * that reviewers met were broken inputs: one KPI cell typed 1,000× too large (R² 0.03), a KPI
 * constant but for one period (0.05), a KPI unrelated to spend (0.004), each reported as if fine.
 */
export const POOR_FIT_R2 = 0.3;

/**
 * The POOR_FIT warning: the model explains little of the KPI, so what it says about channels rests on
 * its priors and the search's choices (every ROI near the ROI prior's median, say) rather than on the
 * data, and the likely cause is the input.
 * @param r2 the in-sample R² (summary.fit.r2)
 * @param target the KPI's name
 * @returns the warning, or null for R² ≥ POOR_FIT_R2 (or not a number)
 * @example poorFitWarning(0.03, 'revenue')?.code // 'POOR_FIT'
 */
export function poorFitWarning(r2: number, target: string): FitWarning | null {
  if (!(r2 < POOR_FIT_R2)) return null;
  const pct = `${(100 * Math.max(0, r2)).toFixed(1)}%`;
  return {
    code: 'POOR_FIT', channel: null,
    message: `the model explains only ${pct} of the variation in ${target} (R² ${r2.toFixed(3)}), so its ROIs and curves rest on the priors and the search's choices more than on the data; `
      + `check ${target} for a mistyped cell or mixed units (validate's IMPLAUSIBLE_VALUE and EXTREME_OUTLIER findings), that the KPI and spend dates line up, and for drivers left out before trusting any figure`,
  };
}
