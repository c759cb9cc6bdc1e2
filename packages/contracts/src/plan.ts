import { z } from 'zod';
import { GeoSplitNowSchema } from './geo-split-now.ts';
import { dataRangeSchema } from './data-range.ts';
import { ChannelBoundsSchema, MarginSchema, ProfitSchema } from './optimize.ts';
import { amount, wholeNumber } from './number-fields.ts';
import { LateStartSchema, ReferencePeriodsEchoSchema, ReferencePeriodsSchema } from './reference-periods.ts';

/** The longest plan the API makes, in periods (two years of weeks; the dashboard's limit too). */
export const MAX_PLAN_PERIODS = 104;

/** What each channel spends after the plan: current spend resumes (default), or nothing ('dark'). */
export const AfterPlanSchema = z.enum(['current', 'dark']);

/** The refusal of a plan request that sends both a budget and a KPI target. */
export const PLAN_BUDGET_OR_TARGET = 'send either budget or targetKpi, not both: a budget to plan, or a KPI target the plan must reach inside its periods (the least budget that does is found)';

/**
 * `POST /api/runs/:id/plan` body: a flighted plan for the next `periods` periods, as
 * `mixwise optimize --periods H` makes it. `budget` is the total over the plan (default: the current
 * spend per period × periods); or, instead, `targetKpi`: the KPI (baseline included) to reach inside
 * the `periods` periods, and the plan is the one with the least budget that does
 * (`mixwise optimize --periods H --target-kpi Y`); `bounds` are per-period amounts by channel name,
 * applied in every period; `locks` keep a channel at its current spend in every period; `afterPlan`
 * is the spend after the plan (`--after-plan`); `margin` (`--margin`) what one unit of KPI is worth,
 * for the plan's gross profit; `referencePeriods` (`--reference-periods N`): current spend (held
 * over the plan and resumed after it) and the baseline are the means over the last N modeled
 * periods. Amounts are at most MAX_AMOUNT (1e15). Unknown keys are refused.
 */
export const PlanRequestSchema = z.strictObject({
  periods: wholeNumber('periods', 1, MAX_PLAN_PERIODS),
  budget: amount('the budget').optional(),
  targetKpi: amount('the KPI target (targetKpi)').optional(),
  bounds: z.record(z.string(), ChannelBoundsSchema).default({}),
  locks: z.array(z.string()).default([]),
  afterPlan: AfterPlanSchema.default('current'),
  margin: MarginSchema.optional(),
  referencePeriods: ReferencePeriodsSchema.optional(),
}).refine((r) => r.budget === undefined || r.targetKpi === undefined, { message: PLAN_BUDGET_OR_TARGET, path: ['targetKpi'] });

/** KPI inside the plan's window and after it (the carry-out). */
const WindowKpiSchema = z.object({ window: z.number(), carryOut: z.number() });

/** A figure for current spend and the plan, and their difference. */
const ComparedSchema = z.object({ current: z.number(), recommended: z.number(), lift: z.number() });

/** One channel of a plan. Amounts are totals over the plan except `spend`, `lower`, `upper`, `levels` and `dataRange` (per period). */
export const PlanChannelAllocationSchema = z.object({
  channel: z.string(),
  /** Recommended spend in each period [periods]. */
  spend: z.array(z.number()),
  /** Spend over the plan: current spend per period × periods, and the plan's. */
  current: z.number(),
  recommended: z.number(),
  change: z.number(),
  /** change / current; null when current is 0. */
  changeShare: z.number().nullable(),
  /** This channel's media KPI inside the window and after it, at current spend and in the plan. */
  kpiCurrent: WindowKpiSchema,
  kpiRecommended: WindowKpiSchema,
  /** KPI the channel's spend in the plan adds (net of the carry-in from before it) per unit; null at zero spend. */
  roiCurrent: z.number().nullable(),
  roiRecommended: z.number().nullable(),
  /** KPI of one more unit spread over the periods like the channel's spend; null when not finite. */
  mroiCurrent: z.number().nullable(),
  mroiRecommended: z.number().nullable(),
  /** 'at-lower' / 'at-upper' only when every period sits on that bound. */
  bound: z.enum(['free', 'at-lower', 'at-upper', 'locked']),
  /** Spend limits per period; `upper` null when unbounded. */
  lower: z.number(),
  upper: z.number().nullable(),
  /** Lowest and highest adstocked spend level inside the window, in sustained spend per period. */
  levels: z.object({ low: z.number(), high: z.number() }),
  /** Sustained spend levels per period the fitted data cover; outside them the response is extrapolated. */
  dataRange: dataRangeSchema.nullable(),
  /** 'below' / 'above' when the plan's levels leave dataRange (by more than 1%), else null. */
  beyondData: z.enum(['below', 'above']).nullable(),
});

/**
 * The model's built-in holiday events on the plan (the CLI's `plan.holidays` and its line under the KPI):
 * per period its date and the holiday ids in it; `kpi`, what they change in the KPI inside the window
 * against the reference periods' average (the baseline's holiday average taken out, each event's effect
 * put on its holidays' periods; the same for the plan and current spend); each event standing for
 * holidays and whether it was placed (a file's own event column a requested holiday equals is placed on
 * that holiday's dates) or kept at its average; `calendar` 'recorded' (model.json's holidayCalendar) or
 * 'inferred' (none recorded: ids from the events' records or names, placed only where they reproduce the
 * past); the week label used (weekly data); and `text`, the CLI's line.
 */
export const PlanHolidaysSchema = z.object({
  periods: z.array(z.object({ date: z.string(), holidays: z.array(z.string()) })),
  kpi: z.number(),
  events: z.array(z.object({ name: z.string(), holidays: z.array(z.string()), placed: z.boolean() })),
  calendar: z.enum(['recorded', 'inferred']),
  weekLabel: z.enum(['start', 'end']).optional(),
  text: z.string(),
});

/** `POST /api/runs/:id/plan` answer (infeasible requests are a 422 with code INFEASIBLE). KPI figures are totals over the plan. */
export const PlanResponseSchema = ReferencePeriodsEchoSchema.extend({
  kpi: z.string(),
  periods: z.number().int().min(1),
  /** The start date of each period: the periods right after the data's last row. */
  dates: z.array(z.string()),
  afterPlan: AfterPlanSchema,
  /** What was asked: a budget (the one sent, or null for current spend) or a KPI target inside the window. */
  objective: z.object({ type: z.enum(['budget', 'target-kpi']), value: z.number().nullable() }),
  /**
   * For a KPI target (else null): the target, the least budget over the plan found to reach it, the
   * plan's KPI inside the window (≥ the target) and after it (carry-out), what current spend held
   * brings inside the window, and `floor` when the lower bounds and locks alone reach the target.
   */
  target: z.object({
    kpi: z.number(), budget: z.number(), window: z.number(), carryOut: z.number(), currentWindow: z.number(), floor: z.boolean(),
  }).nullable(),
  /** Total budget over the plan; current spend per period × periods; the plan's spend in each period. */
  budget: z.number(),
  currentBudget: z.number(),
  budgetPerPeriod: z.array(z.number()),
  allocation: z.array(PlanChannelAllocationSchema),
  /**
   * Total KPI (baseline and media inside the window, plus the media carry-out after it) for current
   * spend held over the plan and for the plan; the window and carry-out parts; the 5–95 % range of the
   * lift across the bootstrap replicates (null with fewer than 10) and how many there are.
   */
  expected: z.object({
    current: z.number(), recommended: z.number(), lift: z.number(), liftShare: z.number().nullable(),
    liftInterval: z.tuple([z.number(), z.number()]).nullable(), replicates: z.number().int().nonnegative(),
    window: ComparedSchema, carryOut: ComparedSchema,
  }),
  /** 'budget', then each channel held by a bound in every period ('tv: upper bound'). */
  binding: z.array(z.string()),
  iterations: z.number().int().nonnegative(),
  converged: z.boolean(),
  /** The plan in one paragraph, as `mixwise optimize --periods` writes it. */
  recommendation: z.string(),
  /** The request's margin, or null when none was sent. */
  margin: z.number().nullable(),
  /**
   * With a margin (else null): gross profit after media spend over the plan, margin × expected KPI
   * (window and carry-out) − budget over the plan, for current spend held and for the plan (engine
   * `profit`, the CLI's `--periods H --margin V`); `recommendation` then ends with profitText.
   */
  profit: ProfitSchema.nullable(),
  /** The model's built-in holiday events on the plan (PlanHolidaysSchema); null for a model without them. */
  holidays: PlanHolidaysSchema.nullable(),
  /**
   * Only for a run fitted as a geo-level model (absent for a national one): the plan's budget in each
   * period is taken as split across the geos in proportion to their share of the KPI (engine
   * geoSplitText; the same sentence as `mixwise optimize --periods`' geo_split).
   */
  geoSplit: z.string().optional(),
  /**
   * Only for a geo-level model: the current spend at today's split across geos against the split by KPI
   * share assumed above (GeoSplitNowSchema; `mixwise optimize`'s geo_split_now), which no plan moves.
   */
  geoSplitNow: GeoSplitNowSchema.optional(),
  /** Channels launched during the reference periods, whose "current" understates their run-rate (LateStartSchema); absent when none. */
  lateStart: z.array(LateStartSchema).optional(),
});

/** Body of a plan request (output form, defaults filled). */
export type PlanRequest = z.infer<typeof PlanRequestSchema>;
/** Body of a plan request as a client may send it. */
export type PlanRequestInput = z.input<typeof PlanRequestSchema>;
/** One channel of a plan. */
export type PlanChannelAllocation = z.infer<typeof PlanChannelAllocationSchema>;
/** The holidays on a plan. */
export type PlanHolidaysResponse = z.infer<typeof PlanHolidaysSchema>;
/** A flighted multi-period plan. */
export type PlanResponse = z.infer<typeof PlanResponseSchema>;
