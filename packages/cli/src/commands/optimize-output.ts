import { BUDGET_TOLERANCE, type AfterPlan, type AllocationConstraints, type AllocationResult, type BoundStatus, type GeoSplitNow as EngineGeoSplitNow, type InfeasibleReason, type PlanHolidayPeriods, type SpendRange } from '@mixwise/engine';
import type { BoundsSource, OptimizeObjective } from './optimize-options.ts';

/** One channel of `optimization.json` (snake_case, the CLI's JSON contract). */
export interface OptimizationChannel {
  readonly channel: string;
  /** Current spend: the mean per period over the reference periods (steady state), or that level sustained over the plan (total, --periods). */
  readonly current: number;
  readonly recommended: number;
  readonly change: number;
  /** change / current; null when current is 0. */
  readonly change_share: number | null;
  /** KPI per unit of spend at current / recommended spend; null at zero spend. */
  readonly roi_current: number | null;
  readonly roi_recommended: number | null;
  /** Marginal KPI per extra unit of spend (steady state only; null with --periods). */
  readonly mroi_current: number | null;
  readonly mroi_recommended: number | null;
  /** How the channel ended up against its constraints. */
  readonly bound: BoundStatus;
  /** The limits that applied (per period); upper null when unbounded. */
  readonly lower: number;
  readonly upper: number | null;
  /**
   * The sustained spend levels the fitted data cover [low, high] per period, and 'below' / 'above'
   * when the recommendation lies outside them (the response there is extrapolated): the steady-state
   * spend, or with --periods the plan's lowest / highest adstocked level (plan_levels).
   */
  readonly data_range?: [number, number];
  readonly beyond_data?: 'below' | 'above' | null;
  /**
   * Set when the channel spent in too few of the fitted periods for its response at a sustained
   * level to be identified (the fit's SPARSE_SPEND warning): how many periods it spent in, of how
   * many, and why it counts ('few' periods, or 'launched' late). data_range is then the levels its
   * bursts reached (zero, its dark periods, counts as seen), and the recommendation says to test it.
   */
  readonly sparse_data?: { readonly periods_with_spend: number; readonly fitted_periods: number; readonly reason: 'few' | 'launched' };
  /**
   * A channel modelled on exposure: the cost per 1,000 exposure units its spend is planned at, the
   * reference periods' ('reference') or, over the whole window or without spend in them, the window's average ('window').
   */
  readonly cost_per_1000?: number;
  readonly cost_basis?: 'reference' | 'window';
  /** --periods: recommended spend in each plan period [H]. */
  readonly spend?: number[];
  /** --periods: how many of the H periods sit on the lower / upper bound (`bound` says all of them). */
  readonly periods_at_lower?: number;
  readonly periods_at_upper?: number;
  /** --periods: the lowest and highest adstocked spend level the plan gives the channel inside the window [low, high], per period. */
  readonly plan_levels?: [number, number];
}

/** A KPI comparison: current vs recommended, with the lift. */
export interface KpiComparison {
  readonly current: number;
  readonly recommended: number;
  readonly lift: number;
}

/** One budget level of --scenarios (steady state, per period). */
export interface ScenarioRow {
  /** Multiple of the current total budget. */
  readonly level: number;
  readonly budget: number;
  readonly feasible: boolean;
  /** Predicted KPI per period (baseline + media); null when infeasible. */
  readonly expected_kpi: number | null;
  readonly lift: number | null;
  /** Media KPI / budget. */
  readonly roi: number | null;
  /** Marginal KPI of the next unit of budget (the budget's Lagrange multiplier). */
  readonly mroi: number | null;
  /** Best spend per channel. */
  readonly allocation: Record<string, number> | null;
  /** Why the level is infeasible. */
  readonly reason?: string;
}

/**
 * A warning about the request's inputs, beside a feasible result. LATE_START: a channel that first
 * spent during the reference periods, whose current spend (their mean, counting the periods before
 * its launch as zero) is well below its run-rate since launch (lateStartChannels).
 */
export interface OptimizeWarning {
  readonly code: 'LATE_START';
  readonly channel: string;
  readonly message: string;
  /** Date of its first period with spend (ISO). */
  readonly first_spend_date: string;
  /** Reference periods from its first spend to the end of the window. */
  readonly periods_since_launch: number;
  /** Mean spend per period since its first spend. */
  readonly mean_since_launch: number;
  /** Mean spend per period over the reference periods (its current spend). */
  readonly reference_mean: number;
}

/** The JSON `mixwise optimize` prints with --json and writes to DIR/optimization.json. */
export interface OptimizationOutput {
  readonly feasible: true;
  /** The KPI's column name. */
  readonly kpi: string;
  /** 'steady-state': sustained spend per period; 'plan': --periods H, spend and KPI summed over the plan. */
  readonly mode: 'steady-state' | 'plan';
  readonly problem: 'budget' | 'minimum-budget' | 'target-roi' | 'target-mroi' | 'plan';
  readonly objective: OptimizeObjective;
  /** A steady-state budget problem: 'exact' spends the budget, 'up-to' (--up-to) treats it as a ceiling. */
  readonly budget_mode?: 'exact' | 'up-to';
  /** Recommended total spend: per period (steady state) or over the H periods (plan). */
  readonly budget: number;
  readonly current_budget: number;
  /** 1 in steady state, H with --periods. */
  readonly periods: number;
  /** Rows of the modeling window that define "current" spend and the baseline. */
  readonly reference_periods: number;
  /** Periods of the modeling window, so "the last N of the M modeled periods" (referencePeriodsText) can be said from the file. */
  readonly window_periods: number;
  readonly allocation: OptimizationChannel[];
  readonly expected: KpiComparison & {
    readonly lift_share: number | null;
    /** 5–95 % interval of the lift over bootstrap replicates (see docs/optimize.md). */
    readonly lift_interval?: [number, number];
    /** --periods: the KPI inside the plan window and the carry-out after it (expected = their sum). */
    readonly window?: KpiComparison;
    readonly carry_out?: KpiComparison;
  };
  readonly binding: string[];
  /** Marginal KPI per extra unit of budget at the solution (steady state). */
  readonly multiplier: number | null;
  readonly method: string;
  /** Certified bound on how far the KPI per period may be below the optimum (S-shaped curves). */
  readonly optimality_gap: number | null;
  readonly recommendation: string;
  /** source: 'posterior' for a Bayesian fit (the replicates are NUTS draws), 'bootstrap' for a ridge fit (absent in outputs written before it existed). */
  readonly uncertainty: { readonly replicates: number; readonly objective: 'point' | 'expected'; readonly source?: 'bootstrap' | 'posterior'; readonly method: string } | null;
  /**
   * Steady-state budget problems on the expected KPI: expected KPI per period gained by re-optimising
   * if the curves were known, for all channels and per channel (informationValue; docs/optimize.md).
   */
  readonly information_value?: { readonly total: number; readonly channels: readonly { readonly channel: string; readonly value: number }[]; readonly replicates: number };
  /** With --periods: each period's start date (right after the data's last row), its total spend, the spend assumed after the plan, and the solver's state. */
  readonly plan?: {
    readonly dates: string[]; readonly budget_per_period: number[]; readonly after_plan: AfterPlan; readonly iterations: number; readonly converged: boolean;
    /** With the model's built-in holiday events: the holidays on each planned period, the KPI they add inside the window, the events placed or kept flat. */
    readonly holidays?: PlanHolidayPeriods;
  };
  readonly scenarios?: ScenarioRow[];
  /**
   * With --scenarios: the curves the scenario levels were solved on ('expected', the mean over the
   * replicates, unless --uncertainty point was asked or the model has none). Beside a --periods plan
   * (which optimises the point estimate) it can differ from uncertainty.objective.
   */
  readonly scenarios_uncertainty?: 'point' | 'expected';
  /** The constraints as solved (bounds per period; `defaults` apply to every channel without its own). */
  readonly constraints?: AllocationConstraints;
  /** Where `constraints.defaults` came from: the built-in 0.5×–2× ('default'), --bounds ('given'), or --bounds none ('none'). */
  readonly bounds_source?: BoundsSource;
  /**
   * Steady state: what the allocation's figures (current and recommended KPI, ROI, mROI) rest on, in
   * words: a steady spend per period, on the mean of the replicates' curves or on the point estimate
   * (engine steadyBasisText). Absent in outputs written before it existed and for --periods plans.
   */
  readonly basis?: string;
  /**
   * Steady state on the averaged curves: the current spend on the point-estimate curves instead, the
   * KPI per period and per channel its ROI, mROI and the replicates' median ROI (engine
   * expectedVersusPoint), for comparison with --uncertainty point.
   */
  readonly point_current?: { readonly kpi: number; readonly channels: readonly { readonly channel: string; readonly roi: number | null; readonly mroi: number | null; readonly roi_replicate_median: number | null }[] };
  /** When the averaged and the point curves disagree materially on a channel's ROI or marginal ROI at current spend: both, and why (engine expectedPointGapText). */
  readonly basis_note?: string;
  /** Channels modelled on exposure: the cost per 1,000 they are planned at (engine exposurePlanText). */
  readonly exposure_cost?: string;
  /** A geo-level model: the budget split across geos a plan implies (engine geoSplitText); absent for a national model. */
  readonly geo_split?: string;
  /**
   * A geo-level model: the current spend per period at the channels' historical split across geos (over
   * the reference periods) against the split by KPI share (or size-column share, `size_column`) the plan's curves assume (engine geoSplitGap);
   * absent for a national model.
   */
  readonly geo_split_now?: GeoSplitNow;
  /** With --margin: the value of one unit of KPI, and gross profit after media spend (margin × expected − budget) now and recommended. */
  readonly margin?: number;
  readonly profit?: { readonly current: number; readonly recommended: number; readonly lift: number };
  /** --current CH=X: the current spend per period given for channels (replacing their mean over the reference periods). */
  readonly current_given?: Readonly<Record<string, number>>;
  /** Warnings about the inputs (absent when none): LATE_START per channel launched during the reference periods. */
  readonly warnings?: readonly OptimizeWarning[];
}

/** What optimization.json holds when the request cannot be met. */
export interface InfeasibleOutput {
  readonly feasible: false;
  readonly reason: InfeasibleReason;
  readonly message: string;
  readonly hint: string;
  readonly details: Readonly<Record<string, number | string>>;
  readonly objective: OptimizeObjective;
  readonly bounds_source?: BoundsSource;
}

/** Either outcome. */
export type OptimizeOutcome = OptimizationOutput | InfeasibleOutput;

const fmt = (v: unknown): string => (typeof v === 'number' ? v.toLocaleString('en-US', { maximumSignificantDigits: 6 }) : String(v));

/**
 * A limit shown to 6 significant digits, rounded toward the side that still satisfies it: up for "at
 * least", down for "at most", so the value the hint prints works when typed back in. A value within
 * `tolerance` (relative) of a 6-digit grid point stays on it: a least budget of 190,000.00035 (a
 * mean's round-off) prints as 190,000, not 190,001. The default is the slack the engine's budget
 * checks allow (BUDGET_TOLERANCE), so such a budget still works typed back in; pass 0 for a limit
 * the engine checks exactly.
 * @example limit(1234561.2, 'up') // '1,234,570'; limit(1234568, 'down') // '1,234,560'; limit(190000.00035, 'up') // '190,000'
 */
export function limit(v: unknown, side: 'up' | 'down', tolerance = BUDGET_TOLERANCE): string {
  if (typeof v !== 'number' || !Number.isFinite(v) || v === 0) return fmt(v);
  const step = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 5);
  // The 1e-9 (of a step) keeps a value already on the grid, up to division round-off, where it is.
  const q = v / step;
  const slack = tolerance * Math.abs(q) + 1e-9;
  const r = (side === 'up' ? Math.ceil(q - slack) : Math.floor(q + slack)) * step;
  return fmt(Number(r.toPrecision(12)));
}

/** The fix for bounds that conflict: one channel's own range, or share bounds no budget can meet. */
function conflictHint(d: Readonly<Record<string, number | string>>): string {
  switch (d.bound) {
    case 'lower': return 'lower the share lower bounds so that they add up to less than 100% of the budget, with room for the other lower bounds and locks (check --bounds, --bound, --lock)';
    case 'upper': return 'raise the share upper bounds so that they add up to at least 100% of the budget (check --bounds, --bound), or add --up-to to allow spending less';
    case 'both': return 'relax the lower or the upper bounds so that some budget meets both (check --bounds, --bound, --lock, --max-change)';
    default: return `make the lower bound of ${fmt(d.channel)} at most its upper bound (check --bounds, --bound, --max-change)`;
  }
}

/**
 * A hint that says how to fix an infeasible request, per engine reason, with its numbers.
 * @example infeasibleHint({ feasible: false, reason: 'TARGET_UNREACHABLE', message: '…', details: { maximumKpi: 1200 } }) // 'lower --target-kpi to at most 1,200 …'
 */
export function infeasibleHint(r: Extract<AllocationResult, { feasible: false }>, options: { plan?: boolean } = {}): string {
  const d = r.details;
  switch (r.reason) {
    case 'CONFLICTING_BOUNDS': return conflictHint(d);
    case 'BUDGET_BELOW_MINIMUM': return `raise --budget to at least ${limit(d.minimumBudget, 'up')}, or lower the lower bounds and locks`;
    case 'BUDGET_ABOVE_MAXIMUM': return `lower --budget to at most ${limit(d.maximumBudget, 'down')}${options.plan === true ? ' or widen the upper bounds' : ', widen the upper bounds, or add --up-to to allow spending less'}`;
    case 'TARGET_UNREACHABLE': {
      const unit = options.plan === true ? ' over the plan' : ' per period';
      return d.limitedBy === 'curves'
        ? `lower --target-kpi to at most ${limit(d.maximumKpi, 'down', 0)}${unit}: without upper bounds no budget reaches more`
        : `lower --target-kpi to at most ${limit(d.maximumKpi, 'down', 0)}${unit}, or widen the upper bounds (--bounds, --bound)`;
    }
    case 'TARGET_ROI_UNREACHABLE': return d.limitedBy === 'bounds'
      ? `lower --target-roi below ${fmt(d.bestRoi)}, the best media ROI within the bounds, or relax the bounds (--bounds, --bound, --lock, --max-change)`
      : `lower --target-roi below ${fmt(d.bestRoi)}, the best media ROI any budget reaches`;
    case 'TARGET_MROI_UNREACHABLE': return 'lower --target-mroi, or lower the lower bounds and locks';
  }
}

/**
 * optimization.json's `sparse_data` of a channel whose data range is sparse (engine sparseSpend), as
 * a spread: {} for every other channel.
 * @example sparseData({ low: 1, high: 2, sparse: { active: 3, periods: 156, first: 49, kind: 'few' } }) // { sparse_data: { periods_with_spend: 3, fitted_periods: 156, reason: 'few' } }
 */
export function sparseData(range: SpendRange | null): { sparse_data?: NonNullable<OptimizationChannel['sparse_data']> } {
  const s = range?.sparse;
  return s ? { sparse_data: { periods_with_spend: s.active, fitted_periods: s.periods, reason: s.kind } } : {};
}

/**
 * optimization.json `geo_split_now` (engine GeoSplitNow, whose fields are single words, the same in the
 * file and the API, except the size column: `size_column` here as the file's other keys, the API's
 * `sizeColumn`): steady-state KPI per period from media at the current spend split across geos by
 * KPI share (or the size column's share) and as each channel's history split it, the gap, and the whole
 * KPI at the historical split.
 */
export type GeoSplitNow = Omit<EngineGeoSplitNow, 'sizeColumn'> & { readonly size_column?: string };
