import type { ModelingTable } from '../../spec/modeling-table.ts';
import { observedRows } from '../../spec/observed-rows.ts';
import { listSum } from '../../design/row-moments.ts';
import { DEFAULT_ROI_PRIOR, DEFAULT_ROI_PRIOR_FLAG, type RoiPrior } from './roi-prior.ts';

/**
 * The default ROI prior is a statement in currency: a revenue KPI per unit of spend, median 1.22.
 * When all media together, at that median ROI, would explain less than this share of the KPI, spend
 * and KPI are taken to be in different units (spend in thousands, indices, a 0–1 scale) and the
 * prior is not used: it would insist that media explain almost nothing and drag every ROI down by
 * orders of magnitude. Simulated same-currency data sit at 14–110% (retail, e-commerce, B2B presets,
 * 3,000 random scenarios); the public data sets at 2.7% (mmm_stan), 4.7% (Robyn), 13% (Meridian), 9%
 * (PyMC credibility) against 0.01% and 0.4% for the two PyMC-Marketing examples with unitless spend.
 */
export const ROI_PRIOR_MIN_MEDIA_SHARE = 0.01;

/**
 * The other way round: when all media together, at the default prior's median ROI, would explain
 * more than this many times the whole KPI, the KPI is orders of magnitude below spend (a count of
 * deals or leads named like revenue, or spend in cents) and the prior is not used either: it would
 * insist that media explain far more than there is, and the fit would drive every ROI to near zero
 * instead. Same-currency data sit at 0.14–1.1 (see ROI_PRIOR_MIN_MEDIA_SHARE); a business spending
 * eight times its revenue on media is not one a market-mix model describes.
 */
export const ROI_PRIOR_MAX_MEDIA_SHARE = 10;

/** The ROI prior a fit uses by default, and why there is none when there is none. */
export interface DefaultRoiPrior {
  readonly prior: RoiPrior | null;
  /** Why a revenue KPI gets no prior (spend and KPI look like different units); null otherwise. */
  readonly note: string | null;
}

/**
 * The default ROI prior for a table: DEFAULT_ROI_PRIOR for a revenue KPI whose spend and KPI look
 * like the same currency (see ROI_PRIOR_MIN_MEDIA_SHARE), none for a count KPI (its ROI has no common
 * scale) or when the units look different: media at the median ROI would explain under
 * ROI_PRIOR_MIN_MEDIA_SHARE of the KPI, or over ROI_PRIOR_MAX_MEDIA_SHARE times it (a note says so and how to give a prior).
 * @param table the modeling table
 * @param rows the fitted rows [start, end)
 * @example defaultRoiPrior(simulatePreset('retail', 7).table, { start: 0, end: 156 }).prior // DEFAULT_ROI_PRIOR
 */
export function defaultRoiPrior(table: ModelingTable, rows: { readonly start: number; readonly end: number }): DefaultRoiPrior {
  if (table.target.kind !== 'revenue') return { prior: null, note: null };
  // KPI and spend over the same periods: those of the fitted rows whose KPI is known (a period left
  // out of the fit for a missing KPI would otherwise add spend against no KPI and shrink the share).
  const y = table.target.values;
  const known = observedRows(y, rows.start, rows.end);
  let spend = 0;
  for (const ch of table.channels) for (const t of known) spend += ch.spend[t];
  const kpi = listSum(y, known);
  const share = (DEFAULT_ROI_PRIOR.median * spend) / kpi;
  if (kpi > 0 && share >= ROI_PRIOR_MIN_MEDIA_SHARE && share <= ROI_PRIOR_MAX_MEDIA_SHARE) return { prior: DEFAULT_ROI_PRIOR, note: null };
  const pct = (v: number): string => `${(100 * v).toPrecision(2)}%`;
  if (kpi > 0 && share > ROI_PRIOR_MAX_MEDIA_SHARE) {
    const times = share >= 100 ? Math.round(share).toLocaleString('en-US') : share.toPrecision(2);
    return {
      prior: null,
      note: `no ROI prior was used: at the default prior's median ROI (${DEFAULT_ROI_PRIOR.median.toFixed(2)}) all media together would explain ${times} times the whole of ${table.target.name}, `
        + `so ${table.target.name} is far smaller than spend and does not look like revenue in the same currency (above ${ROI_PRIOR_MAX_MEDIA_SHARE} times); ROIs come from the data alone. `
        + `If ${table.target.name} is a count (deals, leads, signups), say so with --target-kind count (config: columns.target_kind) to get cost per acquisition; `
        + `if it is revenue in the same units, give a prior with --roi-prior ${DEFAULT_ROI_PRIOR_FLAG} (config: model.roi_prior)`,
    };
  }
  const what = kpi > 0
    ? `at the default prior's median ROI (${DEFAULT_ROI_PRIOR.median.toFixed(2)}) all media together would explain only ${pct(share)} of ${table.target.name}`
    : `${table.target.name} sums to ${kpi} over the fitted rows with a known value`;
  return {
    prior: null,
    note: `no ROI prior was used: ${what}, so spend and ${table.target.name} do not look like the same currency `
      + `(below ${pct(ROI_PRIOR_MIN_MEDIA_SHARE)}); ROIs come from the data alone. If they are in the same units, give a prior with --roi-prior ${DEFAULT_ROI_PRIOR_FLAG} (config: model.roi_prior)`,
  };
}
