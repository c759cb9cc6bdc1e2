import type { AllocationConstraints, ChannelResponse, Infeasible } from './types.ts';
import type { SpendRange } from '../analysis/observed-spend-range.ts';
import type { PlanHolidayPeriods, PlanHolidays } from './plan-holidays.ts';

/** A channel for multi-period planning: its steady-state curve plus the adstock and the spend before the plan. */
export interface PlanChannel extends ChannelResponse {
  /** Normalised adstock lag weights w[0..maxLag] (Σw = 1). */
  readonly weights: readonly number[];
  /** Adstocked spend is divided by this before saturation (currency units). */
  readonly scale: number;
  /** Spend per period before the plan starts, oldest first (the last maxLag entries are used). */
  readonly history: readonly number[];
  /**
   * A geo-level channel's spend before the plan per geo ([nGeos] series aligned with `history`, which is
   * their sum) and the geos' shares: the carry-in is then each geo's own (geoCarryIn), and the plan's
   * spend and the spend after it are split across geos in proportion to the shares. Absent: national.
   */
  readonly geoHistory?: { readonly shares: readonly number[]; readonly history: readonly (readonly number[])[] };
  /**
   * Spend per period after the plan (default 0: the channel goes dark). Its adstock adds to the levels
   * after the window, so plan spend whose carryover lands there meets a curve as saturated as it
   * will be; the carry-out counts only what spend up to the plan's end adds on top of it.
   */
  readonly after?: number;
}

/** A model reduced to what multi-period planning needs. Plain JSON. */
export interface PlanModel {
  readonly channels: readonly PlanChannel[];
  /** Non-media KPI per period. */
  readonly baseline: number;
  /**
   * The options planModelFromMmm built it with (absent: built by hand), so models of the fit's
   * replicates can be built the same way (planVersusCurrent's lift interval).
   */
  readonly built?: PlanModelOptions;
  /** The model's built-in holiday events, placed on the plan's future periods (planHolidayPeriods); absent without them. */
  readonly holidays?: PlanHolidays;
}

/** Spend after a plan: 'current' (back to current spend per period, default) or 'dark' (none). */
export type AfterPlan = 'current' | 'dark';

/** Options of planModelFromMmm. */
export interface PlanModelOptions {
  /** Use the last N periods of the modeling window as "current" (default: the whole window). */
  readonly referencePeriods?: number;
  /**
   * 'current' (default): after the plan every channel spends its current spend per period, so the
   * carryover of the last plan periods meets a curve as saturated as usual; 'dark': no spend after it
   * (as PyMC-Marketing's time-varying budget optimizer pads the plan with zeros), which rewards spend
   * late in the plan whose carryover lands on an empty curve.
   */
  readonly afterPlan?: AfterPlan;
  /** Current spend per period of named channels (responseModelFromMmm's `current`): the spend after the plan and the comparison. */
  readonly current?: Readonly<Record<string, number>>;
}

/** Options of `planPeriods`. */
export interface PlanOptions {
  /** Number of periods H to plan (≥ 1). */
  readonly periods: number;
  /** One total over the H periods (timing free: flighting), or a budget per period [H]. */
  readonly budget: { readonly total: number } | { readonly perPeriod: readonly number[] };
  /** Bounds per channel per period (multiples of current per-period spend; shares of that period's budget). */
  readonly constraints?: AllocationConstraints;
  /** 'total' (default): KPI in the window plus the carry-out after it; 'window': only inside the window. */
  readonly objective?: 'total' | 'window';
  /** Projected-gradient iterations at most (default 500). */
  readonly maxIterations?: number;
  /**
   * Progress for a display: 'plan starts' (starts built of their number; the dual start is most of the
   * time), then 'plan' (ascent iterations of the most it may take, last with done = total: an ascent
   * that converges early skips ahead). The plan is the same with or without it.
   */
  readonly onProgress?: (p: PlanProgress) => void;
}

/**
 * Progress of a plan's long steps, for a display: 'minimum budget' (the plan solves of
 * planMinimumBudget's search), 'plan starts' and 'plan' (planPeriods), 'lift interval' (replicate models).
 */
export interface PlanProgress {
  readonly phase: 'minimum budget' | 'plan starts' | 'plan' | 'lift interval';
  readonly done: number;
  readonly total: number;
}

/** One channel of a plan. */
export interface PlanChannelResult {
  readonly channel: string;
  /** Recommended spend per period [H]. */
  readonly spend: number[];
  readonly total: number;
  /** Media KPI of this channel inside the window and after it. */
  readonly window: number;
  readonly carryOut: number;
  /** Lowest and highest adstocked spend level inside the window (planValue's low / high), in sustained-spend units. */
  readonly levels: { readonly low: number; readonly high: number };
  /**
   * 'above' when the plan's highest level, else 'below' when its lowest level, lies outside the
   * sustained levels the data cover (ChannelResponse.observed, 1% slack): there the plan's KPI is
   * the fitted curve extrapolated. null inside the range or without one.
   */
  readonly beyondData: 'below' | 'above' | null;
  /** The sustained spend levels the data cover, null when the model carries none. */
  readonly dataRange: SpendRange | null;
}

/** A multi-period plan, plain JSON. KPI figures are sums over periods. */
export interface PlanResult {
  readonly feasible: true;
  readonly periods: number;
  /** Spend per period [H] (sums over channels). */
  readonly budgetPerPeriod: number[];
  readonly channels: PlanChannelResult[];
  /**
   * KPI inside the window (baseline + media, carry-in from the history included) and media KPI after
   * it (carry-out: what spend up to the plan's end adds on top of the channels' `after` spend, see
   * afterPlanKpi); for the plan and for current spend sustained.
   */
  readonly kpi: {
    readonly recommended: { readonly window: number; readonly carryOut: number };
    readonly current: { readonly window: number; readonly carryOut: number };
    readonly lift: { readonly window: number; readonly carryOut: number; readonly total: number };
  };
  readonly iterations: number;
  readonly converged: boolean;
  /**
   * With the model's built-in holiday events: the holidays on each planned period, the KPI they add
   * to the flat baseline (included in kpi.*.window, the same for the plan and current spend), and
   * which events were placed or kept at their average.
   */
  readonly holidays?: PlanHolidayPeriods;
}

/** The result of `planPeriods`. */
export type PlanOutcome = PlanResult | Infeasible;
