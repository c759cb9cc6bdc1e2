import type { SearchProblem } from '../search/search-problem.ts';
import type { RoiPrior } from '../posterior/roi-prior.ts';
import { observedRows } from '../../spec/observed-rows.ts';
import { listSum } from '../../design/row-moments.ts';
import { paidChannelCount } from '../search/search-problem.ts';

/** Share of the KPI that media are assumed to drive, at the centre of the fallback ROI prior. */
export const FALLBACK_MEDIA_SHARE = 0.2;
/** Spread of the fallback prior's log ROI: ±2σ covers a factor of 20 either way. */
export const FALLBACK_ROI_SD_LOG = 1.5;

/**
 * The ROI prior of the Bayesian model. The joint model needs a proper prior on every ROI (with a flat
 * one, log ROI of a channel the data barely see could drift to −∞), so when the fit has none (a count
 * KPI, or spend and KPI in different units) a wide prior centred on the data's own scale is used:
 * median = FALLBACK_MEDIA_SHARE × Σ KPI / Σ paid spend over the fit rows with a known KPI (media driving a fifth of the KPI
 * at equal ROIs), σ_log = FALLBACK_ROI_SD_LOG. PyMC-Marketing and Meridian likewise scale their
 * default media priors to the data (Meridian docs, "Default prior distributions").
 * @param problem the search problem (KPI and spend over its fit rows)
 * @param given the fit's ROI prior, or null when it has none
 * @returns `given` when set, else the fallback
 * @example bayesRoiPrior(problem, null) // { median: 0.2·ΣKPI/Σspend, sdLog: 1.5 }
 */
export function bayesRoiPrior(problem: Pick<SearchProblem, 'fitStart' | 'fitEnd' | 'target' | 'channels'>, given: RoiPrior | null): RoiPrior {
  if (given) return given;
  // KPI and spend over the same rows, those with a known KPI: a ratio of totals needs both sides to
  // cover the same periods (without a missing KPI these are the fit rows, summed in the same order).
  const rows = observedRows(problem.target, problem.fitStart, problem.fitEnd);
  const kpi = listSum(problem.target, rows);
  // Paid channels only: an organic series' exposure is not money.
  const spend = problem.channels.slice(0, paidChannelCount(problem)).reduce((a, ch) => a + listSum(ch.spend, rows), 0);
  const median = kpi > 0 && spend > 0 ? (FALLBACK_MEDIA_SHARE * kpi) / spend : 1;
  return { median, sdLog: FALLBACK_ROI_SD_LOG };
}
