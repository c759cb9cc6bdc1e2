import type { MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { familyParams } from '../fit/search/search-problem.ts';
import { DEFAULT_SATURATION_BOUNDS, PERIODS_PER_YEAR } from '../spec/model-spec.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import type { ParamSpec } from '../transforms/param-spec.ts';
import { fittedRows } from '../spec/fitted-rows.ts';
import { wrongSignControls } from './sign-constraint-check.ts';
import { kpiNotObservedMessage } from './kpi-not-observed.ts';
import { SPARSE_SPEND_ADVICE, sparseSpend, sparseSpendText, spendActivity } from './sparse-spend.ts';
import { EXTRAPOLATED_SHARE_WARN, extrapolatedShare } from './extrapolated-share.ts';
import { alwaysOnSpend } from './always-on-spend.ts';
import { proseAmount } from '../text/prose-format.ts';
import { periodWord } from '../text/period-word.ts';
import { unfittedEvents, unfittedEventsText } from './unfitted-events.ts';
import { exposureGapText } from './exposure-gap-warning.ts';
import { longDelayMessage } from './long-delay.ts';

/** Something about a fit its reader should know before trusting a figure. Plain JSON (summary.json `warnings`). */
export interface FitWarning {
  /**
   * PARAMETER_AT_BOUND: a channel's saturation sits at an end of its search range; SPARSE_SPEND: a
   * channel spent in too few fitted periods (or only lately) for its sustained response to be known;
   * SPARSE_ORGANIC: the same for an organic media series' exposure (channel null, the message names it);
   * UNOBSERVED_LOW_SPEND: most of a channel's contribution lies below the lowest spend it ever had; SEASONALITY_SHORT_DATA:
   * less than a year of data; MAPE_SKIPS_ZERO_KPI: MAPE leaves out the periods whose KPI is 0;
   * WRONG_SIGN_CONTROL: a sign-constrained control held at 0 while the data favour the opposite sign;
   * KPI_NOT_OBSERVED: window periods without a KPI were left out of the fit; EVENT_NOT_FITTED: an event
   * does not vary over the fitted periods (on only in the holdout), so its effect is not estimated;
   * NOT_CONVERGED, TREE_DEPTH_LIMIT: a Bayesian fit's sampler (posteriorWarnings in summarize.ts);
   * EXPOSURE_GAPS: a channel modelled on exposure has spend without exposure, or the reverse, in several periods;
   * REFRESH_WINDOW: a `fit --refresh`'s data add no period after the previous window, end before it or start after it (added by the CLI);
   * ROI_OUTSIDE_INTERVAL: a channel's point ROI lies outside its own 90% interval (roi-outside-interval.ts);
   * LONG_DELAY: a channel's effect peaks, or is only half in, a quarter or more after the spend (long-delay.ts).
   */
  readonly code: 'PARAMETER_AT_BOUND' | 'SPARSE_SPEND' | 'SPARSE_ORGANIC' | 'UNOBSERVED_LOW_SPEND' | 'WRONG_SIGN_CONTROL' | 'POOR_FIT' | 'LIFT_TEST_CONFLICT' | 'SEASONALITY_SHORT_DATA' | 'MAPE_SKIPS_ZERO_KPI'
    | 'KPI_NOT_OBSERVED' | 'EVENT_NOT_FITTED' | 'NOT_CONVERGED' | 'TREE_DEPTH_LIMIT' | 'EXPOSURE_GAPS' | 'REFRESH_WINDOW' | 'ROI_OUTSIDE_INTERVAL' | 'LONG_DELAY';
  /** The channel it concerns, null for the whole model (and for a control). */
  readonly channel: string | null;
  readonly message: string;
}

/** Share of a parameter's search range (on its own scale) within which a value counts as at the bound. */
export const AT_BOUND_SHARE = 0.02;

/**
 * Warnings about a fitted model (summary.json `warnings`, the fit's printed report, report.html, the
 * dashboard):
 * - PARAMETER_AT_BOUND: a parameter of a channel's fitted saturation curve lies within AT_BOUND_SHARE
 *   of an end of its search range. Beyond the spend the data show, the curve's course is then set by
 *   the range rather than by the data (an S-curve at its largest half-saturation and shape promises
 *   increasing returns there, which an optimizer will chase). On 29 simulated fits with known curves
 *   (128 channels, 9 flagged) the flagged channels' steady-state response was no worse at current
 *   spend (median error 15% vs 26%) but worse at twice it (37% vs 20%) and three times it (29% vs
 *   19%): the warning is about extrapolation. Adstock parameters at a bound were not predictive of
 *   larger errors there, so they are not flagged.
 * - SPARSE_SPEND: a channel spent in fewer than max(SPARSE_MIN_PERIODS, SPARSE_SHARE of the) fitted
 *   periods, or first spent within that many of their end (sparseSpend). The data then show its KPI
 *   at zero and in a few bursts, so its ROI, marginal ROI and its response at any sustained level in
 *   between are the fitted curve's guess (a 3-week burst of a channel whose true ROI at its mean spend
 *   is 0.09 was read as an ROI above 1 and a planner mROI above 6).
 * - SPARSE_ORGANIC: an organic media series (model.organic) had exposure in too few fitted periods, by
 *   SPARSE_SPEND's rule and threshold (sparseSpend on its exposure): its contribution and response
 *   curve are then the fitted curve's guess from a burst or two (one week of 500 sends among 208 was
 *   credited with 1.39M of revenue). `channel` is null (it is no paid channel); the message names it.
 * - UNOBSERVED_LOW_SPEND: a channel that never went dark or low (an always-on channel) has at least
 *   EXTRAPOLATED_SHARE_WARN of its contribution below the lowest sustained spend level of the fitted
 *   periods (extrapolatedShare): that part of its credit, and so its ROI against zero spend, is the
 *   curve family's guess between zero and that level, not something the data show (docs/model.md §12).
 *   Measured on default fits: one of the four channels of Meridian's simulated national file at 0.63
 *   (the others 0.25–0.48); the simulator's presets, whose channels go dark or low, at most 0.41.
 *   Otherwise the same code, with its own message, when the spend alone shows an always-on channel
 *   (alwaysOnSpend: 90% of the fitted periods at or above half its mean spend): a fitted curve that
 *   puts little of the credit below the floor (an S-curve) hides the hazard from the share above, and
 *   the channel's level then trades off with the baseline (on PyMC-Marketing's credibility data both
 *   channels, whose media total came out 42% under the truth, with intervals that missed it).
 * - WRONG_SIGN_CONTROL: a control given a sign (--control-signs) has its coefficient at that bound,
 *   0, and freeing the sign lowers the fit's penalised loss by more than chance allows
 *   (wrongSignControls: a one-sided likelihood-ratio test at 1%, curves held fixed). The constraint
 *   then removes the control and hands its effect to the other terms, media included (the retail
 *   preset with price constrained positive and promo negative fits both at 0). A control with no
 *   effect sits at 0 too, but frees to a small coefficient and is not named.
 * - SEASONALITY_SHORT_DATA: the modeling window covers less than a year, so a yearly pattern cannot be
 *   told apart from trend and media: without seasonality (the default then) any seasonal swing is
 *   absorbed by them; with it (asked for) its terms are collinear with the trend.
 * - MAPE_SKIPS_ZERO_KPI: the KPI is 0 in some fitted periods (days without orders, weeks without
 *   bookings). A percentage error of 0 is undefined, so MAPE is taken over the other periods only
 *   and says nothing about those; NRMSE and WMAPE cover every period that has a KPI.
 * - KPI_NOT_OBSERVED: some periods of the window have no KPI (NaN: spec/observed-rows.ts) and were left
 *   out of the fit and of every metric; their contributions are the model's estimates
 *   (kpiNotObservedMessage, with a caution when many are missing or a gap outlasts the carryover).
 * - EVENT_NOT_FITTED: an event column (the file's or a built-in holiday) is constant over the fitted
 *   periods, typically on only in the holdout: its coefficient is 0 and the model predicts no effect
 *   where it is on (unfittedEvents).
 * - EXPOSURE_GAPS: a channel modelled on exposure had spend but no exposure, or the reverse, in more
 *   than EXPOSURE_GAP_MAX fitted periods (exposureGapText), so its conversion to money is off there.
 * - LONG_DELAY: a channel's fitted adstock puts its effect's peak, or the point by which half of it has
 *   landed, LONG_DELAY_PERIODS (13 weeks, 91 days) or more after the spend (longDelayMessage): named with
 *   the delay, when it can be true and how to constrain it.
 * @param model a fitted model
 * @returns the warnings, channel ones in channel order, then the model's
 * @example fitWarnings(model).map((w) => w.code) // ['PARAMETER_AT_BOUND']
 */
export function fitWarnings(model: MmmModel): FitWarning[] {
  const out: FitWarning[] = [];
  const rows = fittedRows(model);
  for (const [c, ch] of model.channels.entries()) {
    const gaps = exposureGapText(model, c);
    if (gaps !== null) out.push({ code: 'EXPOSURE_GAPS', channel: ch.name, message: gaps });
    const delay = longDelayMessage(model, c);
    if (delay !== null) out.push({ code: 'LONG_DELAY', channel: ch.name, message: delay });
    const activity = spendActivity(ch.spend, rows.start, rows.end);
    const sparse = sparseSpend(activity);
    if (sparse !== null) {
      // No spend at all in the fitted rows: no bursts to describe; whatever it is credited with is carryover.
      const message = activity.active === 0
        ? `${sparseSpendText(ch.name, activity, sparse)}: the fitted data say nothing about its response, so any contribution credited to it there is carryover from spend outside them `
          + 'and any budget plan for it is the fitted curve\'s guess; fit a window that includes its spend (--start, --end, a shorter --holdout), or drop the channel'
        : `${sparseSpendText(ch.name, activity, sparse)}: its response at a sustained level of spend is not identified by the data, `
          + `so its ROI here describes its bursts only, and its marginal ROI and any budget plan for it rest on the fitted curve's guess between zero and its bursts; ${SPARSE_SPEND_ADVICE}`;
      out.push({ code: 'SPARSE_SPEND', channel: ch.name, message });
    }
    const below = sparse === null ? extrapolatedShare(ch, rows.start, rows.end) : null;
    const alwaysOn = sparse === null ? alwaysOnSpend(ch.spend, rows.start, rows.end) : null;
    const per = periodWord(model.frequency);
    if (below !== null && below.share >= EXTRAPOLATED_SHARE_WARN) {
      out.push({
        code: 'UNOBSERVED_LOW_SPEND', channel: ch.name,
        message: `${ch.name} never spent below a sustained ${proseAmount(below.low)} per ${per} in the fitted periods (${Math.round((100 * below.low) / below.meanSpend)}% of its average), `
          + `so ${Math.round(100 * below.share)}% of the contribution credited to it is the response curve below any level the data show: its ROI against no spend rests on the curve's assumed shape there; `
          + `a lift test, or periods with much lower or no spend, would anchor it`,
      });
    } else if (alwaysOn !== null) {
      // The same hazard read off the spend alone: a curve that puts little below the floor (an S-curve) hides it from extrapolatedShare.
      out.push({
        code: 'UNOBSERVED_LOW_SPEND', channel: ch.name,
        message: `${alwaysOnSubject(ch, proseAmount(alwaysOn.floor), per)} in 90% of the fitted periods (${Math.round((100 * alwaysOn.floor) / alwaysOn.mean)}% of its average): `
          + `the data show its response only around that level, so its response from zero up to it is the curve's assumed shape, and how much of the KPI it drives trades off with the baseline (intercept and trend); `
          + `its ROI against no spend may be under- or overstated, and its interval, which covers only the curves that fit these data, can miss the truth; a lift test, or periods with much lower or no spend, would anchor it`,
      });
    }
    const spec = model.spec.channels.find((s) => s.name === ch.name);
    const saturation = familyParams(getSaturationKernel(ch.saturation.type).params, DEFAULT_SATURATION_BOUNDS[ch.saturation.type], spec?.bounds?.saturation ?? {});
    const hits = atBound(`${ch.saturation.type} saturation`, saturation, ch.saturation as unknown as Readonly<Record<string, unknown>>);
    if (hits.length === 0) continue;
    out.push({
      code: 'PARAMETER_AT_BOUND', channel: ch.name,
      message: `${ch.name}'s response curve sits at the edge of what the search allows (${hits.join('; ')}): beyond the spend the data show, `
        + `its course is set by that limit, not by the data, so treat a budget move that takes ${ch.name} beyond its observed spend as untested (a lift test at higher spend settles it)`,
    });
  }
  for (const o of model.organic ?? []) {
    const activity = spendActivity(o.exposure, rows.start, rows.end);
    if (sparseSpend(activity) === null) continue;
    const when = activity.first !== null && activity.active > 0 && sparseSpend(activity) === 'launched'
      ? `first had exposure in the last ${activity.periods - activity.first} of the ${activity.periods} fitted periods (in ${activity.active} of them)`
      : `had exposure in only ${activity.active} of the ${activity.periods} fitted periods`;
    out.push({
      code: 'SPARSE_ORGANIC', channel: null,
      message: `organic ${o.name} ${when}: its response is not identified by the data, so the contribution credited to it and its response curve rest on the fitted curve's guess from those periods; `
        + `treat its contribution as unreliable, wait for more history, or model its bursts as an event (or leave it out of the organic media)`,
    });
  }
  for (const c of wrongSignControls(model)) {
    const opposite = c.sign === 'positive' ? 'negative' : 'positive';
    out.push({
      code: 'WRONG_SIGN_CONTROL', channel: null,
      message: `${c.name} is constrained to a ${c.sign} effect but its coefficient sits at that bound, 0, and the data favour a ${opposite} one `
        + `(with its sign free the same fit gives ${formatCoef(c.freeCoef)} per unit of ${c.name}): the constraint removes ${c.name} from the model and its effect goes to the other terms, media included; `
        + `drop the constraint (a free sign: ${c.name}=free in --control-signs, or sign: free in the config file) or check the column (its units, and whether higher values should raise or lower the KPI)`,
    });
  }
  const periods = model.window.end - model.window.start, year = PERIODS_PER_YEAR[model.frequency];
  if (periods < year) {
    const span = `${periods} ${model.frequency === 'weekly' ? 'weeks' : 'days'}`;
    out.push({
      code: 'SEASONALITY_SHORT_DATA', channel: null,
      message: model.spec.seasonalityOrder > 0
        ? `yearly seasonality (order ${model.spec.seasonalityOrder}) was fitted on ${span}, less than a year: its terms cannot be told apart from the trend (see the VIFs), so the baseline's split into trend and seasonality is arbitrary; use --seasonality 0 unless a year or more of data is available`
        : `the data cover ${span}, less than a year, so the model has no yearly seasonality: a seasonal swing in the KPI is absorbed by the trend and by channels whose spend follows the calendar`,
    });
  }
  let zeros = 0;
  for (let t = rows.start; t < rows.end; t++) if (model.actual[t] === 0) zeros++;
  if (zeros > 0) {
    out.push({
      code: 'MAPE_SKIPS_ZERO_KPI', channel: null,
      message: `the KPI is 0 in ${zeros} of the ${rows.end - rows.start} fitted periods: MAPE (an error as a percentage of the KPI) leaves those periods out, so read NRMSE or WMAPE (diagnostics), which cover every period that has a KPI`,
    });
  }
  const notObserved = kpiNotObservedMessage(model);
  if (notObserved !== null) out.push({ code: 'KPI_NOT_OBSERVED', channel: null, message: notObserved });
  const unfitted = unfittedEventsText(unfittedEvents(model));
  if (unfitted !== null) out.push({ code: 'EVENT_NOT_FITTED', channel: null, message: unfitted });
  return out;
}

/**
 * 'hill saturation halfSaturation 3 at the upper end of its search range [0.3, 3]' for each parameter
 * of a spec within AT_BOUND_SHARE of an end of its range (a lower end of 0 on a linear scale excepted).
 */
function atBound(what: string, params: readonly ParamSpec[], spec: Readonly<Record<string, unknown>>): string[] {
  const fmt = (v: number): string => v.toPrecision(3).replace(/\.?0+$/, '');
  return params.flatMap((p) => {
    const v = spec[p.name];
    // A fixed parameter (lower == upper) was the user's choice, not a search that hit a wall.
    if (typeof v !== 'number' || !Number.isFinite(v) || p.upper === p.lower) return [];
    const pos = p.scale === 'log' ? Math.log(v / p.lower) / Math.log(p.upper / p.lower) : (v - p.lower) / (p.upper - p.lower);
    // A lower bound of 0 on a linear scale is the parameter's own limit (no carryover, no delay), not an assumption.
    const natural = p.scale === 'linear' && p.lower === 0;
    const end = pos <= AT_BOUND_SHARE && !natural ? 'lower' : pos >= 1 - AT_BOUND_SHARE ? 'upper' : null;
    return end === null ? [] : [`${what} ${p.name} ${fmt(v)} at the ${end} end of its search range [${fmt(p.lower)}, ${fmt(p.upper)}]`];
  });
}

/** A coefficient to 3 significant figures, thousands grouped: -31200 → '-31,200', 0.01234 → '0.0123'. */
function formatCoef(v: number): string {
  return Number(v.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/**
 * What an always-on channel's floor was: its spend, or for a channel modelled on exposure (whose `spend`
 * is exposure at the window's average cost, what the curve saw) its exposure, said as that spend-equivalent.
 * @example alwaysOnSubject({ name: 'social' }, '600', 'week') // 'social spent at least 600 per week'
 */
function alwaysOnSubject(ch: Pick<ModelChannel, 'name' | 'media'>, floor: string, per: string): string {
  return ch.media === undefined
    ? `${ch.name} spent at least ${floor} per ${per}`
    : `${ch.name}'s exposure (${ch.media.column}) was at least the spend-equivalent of ${floor} per ${per} (at its average cost per unit over the window)`;
}
