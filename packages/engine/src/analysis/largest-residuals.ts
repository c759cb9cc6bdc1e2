import { isObserved } from '../spec/observed-rows.ts';
import { quantile } from '../stats/quantile.ts';
import { recurringDates } from './recurring-dates.ts';

/**
 * A residual at least this many robust standard deviations from the median residual is listed:
 * Iglewicz & Hoaglin's (1993, *How to Detect and Handle Outliers*) cut-off for the modified z-score.
 * Normal residuals pass it with probability 4.7e-4, about one period in six years of daily data.
 */
export const LARGE_RESIDUAL_Z = 3.5;

/** At most this many periods are listed, largest first (`beyond` counts them all). */
export const LARGE_RESIDUALS_MAX = 10;

/** 1/Φ⁻¹(0.75): 1.4826 × the median absolute deviation estimates σ for normal residuals. */
const MAD_TO_SD = 1.4826;

/** √(π/2): the mean absolute deviation times this estimates σ, the fallback when over half the residuals are equal (MAD 0). */
const MEAN_AD_TO_SD = 1.2533;

/** With fewer observed residuals no list: the median absolute deviation of a handful of values is too rough a scale. */
const MIN_RESIDUALS = 8;

/** A period whose residual is large next to the others'. */
export interface LargeResidual {
  readonly date: string;
  readonly actual: number;
  readonly fitted: number;
  /** actual − fitted */
  readonly residual: number;
  /** (residual − median residual) / robust standard deviation */
  readonly z: number;
  /** 1: the KPI was above the fit; −1: below it. */
  readonly sign: 1 | -1;
}

/** Listed periods of one sign that fall at the same time of year in different years (recurring-dates.ts). */
export interface RecurringResiduals {
  /** In date order. */
  readonly dates: readonly string[];
  readonly sign: 1 | -1;
}

/** diagnostics.json `largestResiduals`. */
export interface LargestResiduals {
  /** LARGE_RESIDUAL_Z: |z| at or above which a period is listed. */
  readonly threshold: number;
  /** The median residual, from which z is measured. */
  readonly centre: number;
  /** The robust standard deviation: 1.4826 × the median absolute deviation of the residuals. */
  readonly scale: number;
  /** How many periods reach the threshold; `periods` lists at most LARGE_RESIDUALS_MAX of them. */
  readonly beyond: number;
  /** Largest |z| first. */
  readonly periods: readonly LargeResidual[];
  /** Groups of the listed periods that recur at the same time of year: likely an event without a column. */
  readonly recurring: readonly RecurringResiduals[];
}

/**
 * The periods of [start, end) whose residual is largest next to the others', in robust standard
 * deviations: the dates behind "residuals are not normal", so a reader can see Black Friday there
 * rather than guess. The scale is 1.4826 × the median absolute deviation from the median residual
 * (the modified z-score, Iglewicz & Hoaglin 1993), which the spikes themselves barely move, unlike the
 * standard deviation: ten Black Fridays would inflate it until none of them stood out. Periods whose
 * KPI is not observed (NaN, spec/observed-rows.ts) have no residual and are never listed. Listed
 * periods of one sign that fall at the same time of year in different years are grouped as recurring.
 * @param dates the model's dates (yyyy-mm-dd), one per period
 * @param actual the KPI, NaN where not observed
 * @param fitted the model's fit
 * @param start first period (the window's start)
 * @param end one past the last period (the window's end less the holdout: the in-sample residuals)
 * @returns null with fewer than MIN_RESIDUALS observed periods or no spread (every residual equal)
 * @example largestResiduals(model.dates, d.actual, d.fitted, 0, 731)?.periods[0] // { date: '2023-11-24', …, z: 9.1, sign: 1 }
 */
export function largestResiduals(
  dates: readonly string[], actual: ArrayLike<number>, fitted: ArrayLike<number>, start: number, end: number,
  options: { readonly threshold?: number; readonly max?: number } = {},
): LargestResiduals | null {
  const threshold = options.threshold ?? LARGE_RESIDUAL_Z;
  const max = options.max ?? LARGE_RESIDUALS_MAX;
  const rows: number[] = [];
  for (let t = start; t < end; t++) if (isObserved(actual[t]) && Number.isFinite(fitted[t])) rows.push(t);
  if (rows.length < MIN_RESIDUALS) return null;
  const resid = Float64Array.from(rows, (t) => actual[t] - fitted[t]);
  const centre = quantile(resid, 0.5);
  const deviation = resid.map((e) => Math.abs(e - centre));
  let scale = MAD_TO_SD * quantile(deviation, 0.5);
  if (!(scale > 0)) scale = MEAN_AD_TO_SD * deviation.reduce((s, v) => s + v, 0) / deviation.length;
  if (!(scale > 0)) return null;
  const large = rows
    .map((t, i) => ({ t, z: (resid[i] - centre) / scale, residual: resid[i] }))
    .filter((r) => Math.abs(r.z) >= threshold)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.t - b.t);
  const periods: LargeResidual[] = large.slice(0, max).map((r) => ({
    date: dates[r.t], actual: actual[r.t], fitted: fitted[r.t], residual: r.residual, z: r.z, sign: r.z >= 0 ? 1 : -1,
  }));
  const recurring = ([1, -1] as const)
    .flatMap((sign) => recurringDates(periods.filter((p) => p.sign === sign).map((p) => p.date)).map((g) => ({ dates: g, sign })))
    // The group with the largest residual first, as the periods are.
    .sort((a, b) => periods.findIndex((p) => a.dates.includes(p.date)) - periods.findIndex((p) => b.dates.includes(p.date)));
  return { threshold, centre, scale, beyond: large.length, periods, recurring };
}
