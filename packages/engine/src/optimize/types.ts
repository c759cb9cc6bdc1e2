import type { SaturationSpec } from '../transforms/saturation/types.ts';
import type { SpendRange } from '../analysis/observed-spend-range.ts';
import type { ReferenceCost } from './reference-cost.ts';

/**
 * One channel's steady-state response, the narrow input of every optimizer in this folder:
 * response(x) = coef · f(gain · x) for a sustained spend x per period, f the saturation curve
 * (gain = Σw / scale, see `steadyStateGain`). Plain JSON, so it crosses worker and HTTP boundaries.
 */
export interface ChannelResponse {
  readonly name: string;
  /** Current spend per period (currency units), the operating point. */
  readonly current: number;
  /** KPI per unit of saturated value, ≥ 0. */
  readonly coef: number;
  /** Σw / scale: how a sustained spend level maps onto the saturation input (1 / currency unit). */
  readonly gain: number;
  readonly saturation: SaturationSpec;
  /**
   * Optional draws of the response (e.g. bootstrap replicates). When given, the channel's response is
   * their mean, (1/R) Σ_r coef_r·f_r(gain_r·x): the expected KPI, which the optimizers then maximise;
   * coef, gain and saturation above remain the point estimate.
   */
  readonly components?: readonly ResponseComponent[];
  /**
   * Sustained spend levels the data cover (`observedSpendRange` over the fitted rows). Optional: when
   * given, allocations mark recommended spends outside it (`ChannelAllocation.beyondData`); its
   * `sparse` marks a channel that spent in too few periods for its sustained response to be known.
   */
  readonly observed?: SpendRange;
  /** For a channel modelled on exposure, the cost per exposure unit its spend is priced at (referenceCosts); gain includes it. */
  readonly cost?: ReferenceCost;
}

/** One draw of a channel's steady-state response: coef·f(gain·x). */
export interface ResponseComponent {
  readonly coef: number;
  readonly gain: number;
  readonly saturation: SaturationSpec;
}

/** A model reduced to what budget allocation needs: per-channel curves and the baseline KPI per period. */
export interface ResponseModel {
  readonly channels: readonly ChannelResponse[];
  /** Non-media KPI per period (intercept + baseline terms, mean over the reference periods). */
  readonly baseline: number;
}

/** A bound on one channel's spend per period: an amount, a multiple of current spend, or a share of the total budget. */
export type SpendBound =
  | { readonly type: 'absolute'; readonly value: number }
  | { readonly type: 'multiple'; readonly value: number }
  | { readonly type: 'share'; readonly value: number };

/** Bounds that apply to one channel (or, as `defaults`, to every channel). */
export interface ChannelBounds {
  readonly min?: SpendBound;
  readonly max?: SpendBound;
}

/** Maximum change vs current spend: an amount, or a fraction of current spend (0.3 = ±30 %). */
export type MaxChange = { readonly type: 'absolute'; readonly value: number } | { readonly type: 'relative'; readonly value: number };

/**
 * Serialisable constraints on an allocation. A channel's own bounds, when given, replace the
 * defaults (an empty `{}` leaves it unbounded); the result is intersected with maxChange; a lock
 * overrides them all.
 */
export interface AllocationConstraints {
  /** Bounds for every channel, e.g. `{ min: { type: 'multiple', value: 0.5 }, max: { type: 'multiple', value: 1.5 } }`. */
  readonly defaults?: ChannelBounds;
  /** Per-channel bounds by channel name; they replace `defaults` for that channel. */
  readonly channels?: Readonly<Record<string, ChannelBounds>>;
  /** Locked channels: `true` keeps current spend, a number fixes that amount per period. */
  readonly locks?: Readonly<Record<string, true | number>>;
  /** Largest allowed move away from current spend, for every channel. */
  readonly maxChange?: MaxChange;
}

/** Why a request cannot be met; stable codes for the CLI and UI. */
export type InfeasibleReason =
  | 'CONFLICTING_BOUNDS'
  | 'BUDGET_BELOW_MINIMUM'
  | 'BUDGET_ABOVE_MAXIMUM'
  | 'TARGET_UNREACHABLE'
  | 'TARGET_ROI_UNREACHABLE'
  | 'TARGET_MROI_UNREACHABLE';

/** A request that cannot be met, with a plain-language explanation and the numbers behind it. */
export interface Infeasible {
  readonly feasible: false;
  readonly reason: InfeasibleReason;
  readonly message: string;
  /** Facts behind the message, e.g. `{ minimumBudget: 1200, budget: 1000 }`. */
  readonly details: Readonly<Record<string, number | string>>;
}

/** How a channel ended up relative to its constraints. */
export type BoundStatus = 'free' | 'at-lower' | 'at-upper' | 'locked';

/** One channel of an allocation; spend and KPI per period. */
export interface ChannelAllocation {
  readonly channel: string;
  readonly current: number;
  readonly recommended: number;
  readonly change: number;
  /** change / current (NaN → null when current is 0). */
  readonly changeShare: number | null;
  readonly lower: number;
  readonly upper: number;
  readonly status: BoundStatus;
  readonly responseCurrent: number;
  readonly responseRecommended: number;
  /** response / spend (null at zero spend). */
  readonly roiCurrent: number | null;
  readonly roiRecommended: number | null;
  /** d response / d spend. */
  readonly mroiCurrent: number;
  readonly mroiRecommended: number;
  /**
   * 'below' / 'above' when the recommended spend lies outside the sustained levels the data cover
   * (ChannelResponse.observed, with 1% slack): the response there is the fitted curve extrapolated.
   * null inside the range or when the model carries no range.
   */
  readonly beyondData: 'below' | 'above' | null;
  /** The sustained spend levels the data cover (ChannelResponse.observed), null when the model carries none. */
  readonly dataRange: SpendRange | null;
}

/** Which optimization problem produced an allocation. */
export type AllocationProblem = 'budget' | 'minimum-budget' | 'target-mroi' | 'target-roi';

/** A feasible allocation (steady state, per period), plain JSON. */
export interface Allocation {
  readonly feasible: true;
  readonly problem: AllocationProblem;
  /** Recommended total spend per period; `currentBudget` the current total. */
  readonly budget: number;
  readonly currentBudget: number;
  readonly channels: readonly ChannelAllocation[];
  /** Total KPI per period (baseline + media) at current and recommended spend. */
  readonly expected: { readonly current: number; readonly recommended: number; readonly lift: number; readonly liftShare: number | null };
  /** Media-driven KPI per period at current and recommended spend. */
  readonly media: { readonly current: number; readonly recommended: number };
  /**
   * Lagrange multiplier of the budget: marginal KPI per extra unit of budget (0 when the budget does not
   * bind). With every channel at its lower (upper) bound, the budget equal to their total, it is the
   * largest (smallest) marginal ROI among channels that can move (see cornerMultiplier).
   */
  readonly multiplier: number;
  /** Constraints that bind at the solution, e.g. ['budget', 'tv: upper bound']. */
  readonly binding: readonly string[];
  /** 'kkt' (exact, concave), 'envelope' (certified by the concave envelope), 'grid+polish' (non-concave fallback). */
  readonly method: 'kkt' | 'envelope' | 'grid+polish';
  /** Certified upper bound on (optimum − recommended media KPI), per period; 0 for concave problems; NaN when not certifiable (a mixture curve that bends more than once). */
  readonly optimalityGap: number;
  /**
   * Target mROI only: channels held at their lower bound although their marginal return reaches the
   * floor somewhere above it (an S-shaped curve), with the step they were not given: from the lower
   * bound to where the marginal return falls back to the floor, and its average return per unit (below
   * the floor, which is why the step is not taken). Absent when there are none.
   */
  readonly floorSteps?: readonly FloorStep[];
}

/** A step up an S-shaped curve that a marginal-ROI floor does not take (Allocation.floorSteps). */
export interface FloorStep {
  readonly channel: string;
  readonly from: number;
  readonly to: number;
  /** (r(to) − r(from)) / (to − from): KPI per unit of spend over the step. */
  readonly averageReturn: number;
}

/** The result of an allocation request: a solution or a structured explanation of why there is none. */
export type AllocationResult = Allocation | Infeasible;
