import { z } from 'zod';
import { GeoSplitNowSchema } from './geo-split-now.ts';
import { dataRangeSchema } from './data-range.ts';
import { amount, wholeNumber } from './number-fields.ts';
import { LateStartSchema, ReferencePeriodsEchoSchema, ReferencePeriodsSchema } from './reference-periods.ts';

/** The refusal of a margin that is not a number above 0 (the CLI's --margin rule). */
export const MARGIN_MESSAGE = 'margin must be a number greater than 0: send what one unit of KPI is worth, such as 0.3';

/** What one unit of KPI is worth in the spend's currency (`mixwise optimize --margin`), > 0. */
export const MarginSchema = z.number({ error: MARGIN_MESSAGE }).positive({ error: MARGIN_MESSAGE });

/** Gross profit after media spend, margin × KPI − spend, at current and recommended spend, and the change (engine `profit`). */
export const ProfitSchema = z.object({ current: z.number(), recommended: z.number(), lift: z.number() });

/** Spend limits for one channel, per period, in currency units up to MAX_AMOUNT (either side may be left out; no other keys). */
export const ChannelBoundsSchema = z.strictObject({ min: amount('a lower bound (min)').optional(), max: amount('an upper bound (max)').optional() })
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, { message: 'min must not exceed max', path: ['min'] });

/**
 * `POST /api/runs/:id/optimize` body. `budget` is the total spend over `periods` periods (default:
 * the current spend per period × periods); the allocation is a sustained spend level per period.
 * `bounds` are per-period amounts by channel name; `locks` keep a channel at its current spend;
 * `upTo` makes the budget a ceiling (`mixwise optimize --up-to`): spend that would earn nothing, or
 * that the upper bounds leave no room for, stays unspent. Amounts are at most MAX_AMOUNT (1e15).
 * Instead of a budget, a goal (`mixwise optimize --target-kpi / --target-roi / --target-mroi`):
 * `targetKpi` the least budget per period whose best split reaches that KPI per period;
 * `targetRoi` the most spend whose media ROI stays ≥ it; `targetMroi` spend while the next unit
 * returns ≥ it. At most one of budget and the goals; `upTo` only with a budget. `margin`
 * (`mixwise optimize --margin`): what one unit of KPI is worth in the spend's currency (the gross
 * margin of a revenue KPI, 0.3; the value of a conversion, 120), > 0; the answer then has `profit`.
 * `referencePeriods` (`--reference-periods N`): "current" spend and the baseline are the means over
 * the last N modeled periods, not the whole window (ReferencePeriodsSchema). Unknown keys are refused.
 */
export const OptimizeRequestSchema = z.strictObject({
  budget: amount('the budget').optional(),
  targetKpi: amount('the KPI target (targetKpi)').optional(),
  targetRoi: z.number({ error: 'targetRoi must be a number above 0' }).positive({ error: 'targetRoi must be a number above 0' }).max(1e6).optional(),
  targetMroi: z.number({ error: 'targetMroi must be a number above 0' }).positive({ error: 'targetMroi must be a number above 0' }).max(1e6).optional(),
  periods: wholeNumber('periods', 1, 520).default(1),
  bounds: z.record(z.string(), ChannelBoundsSchema).default({}),
  locks: z.array(z.string()).default([]),
  upTo: z.boolean().default(false),
  margin: MarginSchema.optional(),
  referencePeriods: ReferencePeriodsSchema.optional(),
}).refine((r) => [r.budget, r.targetKpi, r.targetRoi, r.targetMroi].filter((v) => v !== undefined).length <= 1, {
  message: 'send at most one of budget, targetKpi, targetRoi and targetMroi', path: ['budget'],
}).refine((r) => !r.upTo || (r.targetKpi === undefined && r.targetRoi === undefined && r.targetMroi === undefined), {
  message: 'upTo applies to a budget, not to a goal (targetKpi, targetRoi, targetMroi)', path: ['upTo'],
});

/** One channel of an allocation; amounts per period except `recommendedTotal`. */
export const ChannelAllocationSchema = z.object({
  channel: z.string(),
  current: z.number(),
  recommended: z.number(),
  /** recommended × periods. */
  recommendedTotal: z.number(),
  change: z.number(),
  /** change / current; null when current is 0. */
  changeShare: z.number().nullable(),
  /** KPI from this channel per period at current and recommended spend. */
  kpiCurrent: z.number(),
  kpiRecommended: z.number(),
  /** KPI per unit of spend; null at zero spend. */
  roiCurrent: z.number().nullable(),
  roiRecommended: z.number().nullable(),
  /** Marginal KPI of the next unit of spend; null when not finite. */
  mroiCurrent: z.number().nullable(),
  mroiRecommended: z.number().nullable(),
  bound: z.enum(['free', 'at-lower', 'at-upper', 'locked']),
  /** Sustained spend levels per period the fitted data cover; outside them the response is extrapolated. */
  dataRange: dataRangeSchema.nullable(),
  /** 'below' / 'above' when `recommended` lies outside dataRange (by more than 1%), else null. */
  beyondData: z.enum(['below', 'above']).nullable(),
});

/** `POST /api/runs/:id/optimize` answer (infeasible requests are a 422 with code INFEASIBLE). */
export const OptimizeResponseSchema = ReferencePeriodsEchoSchema.extend({
  kpi: z.string(),
  /** What was asked: a budget (the one sent, or current spend) or a goal and its value. */
  objective: z.object({ type: z.enum(['budget', 'target-kpi', 'target-roi', 'target-mroi']), value: z.number().nullable() }),
  periods: z.number().int().min(1),
  /** Total budget over the periods, and per period. */
  budget: z.number(),
  budgetPerPeriod: z.number(),
  currentBudgetPerPeriod: z.number(),
  allocation: z.array(ChannelAllocationSchema),
  /**
   * Total KPI (baseline + media) per period at current and recommended spend; the 5–95 % range of the
   * lift per period across the bootstrap replicates (null with fewer than 10) and how many there are.
   */
  expected: z.object({
    current: z.number(), recommended: z.number(), lift: z.number(), liftShare: z.number().nullable(),
    liftInterval: z.tuple([z.number(), z.number()]).nullable(), replicates: z.number().int().nonnegative(),
  }),
  /** Predicted KPI over all periods at the recommended allocation. */
  predictedKpiTotal: z.number(),
  /** Media KPI / budget at the recommendation; null for a zero budget. */
  roi: z.number().nullable(),
  /** Marginal KPI per extra unit of budget (the budget's Lagrange multiplier). */
  mroi: z.number(),
  binding: z.array(z.string()),
  recommendation: z.string(),
  /**
   * For a budget (not a goal) on a model with bootstrap replicates: what knowing the response
   * curves would be worth to this decision, in KPI per period — all of them (`total`) and each
   * channel's alone, largest first (`mixwise optimize`'s information_value; docs/optimize.md). null otherwise.
   */
  informationValue: z.object({
    total: z.number(), channels: z.array(z.object({ channel: z.string(), value: z.number() })), replicates: z.number().int().nonnegative(),
  }).nullable(),
  /** The request's margin, or null when none was sent. */
  margin: z.number().nullable(),
  /**
   * With a margin (else null): gross profit after media spend per period, margin × expected KPI −
   * budget per period, at current and recommended spend, and the change (engine `profit`, the CLI's
   * `profit`); `recommendation` then ends with the engine's profitText.
   */
  profit: ProfitSchema.nullable(),
  /**
   * Only for a run fitted as a geo-level model (absent for a national one): the assumption the answer
   * rests on, that each channel's budget is split across the geos in proportion to their share of the
   * KPI (engine geoSplitText; the same sentence as `mixwise optimize`'s geo_split).
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

/** Body of an optimise request (output form, defaults filled). */
export type OptimizeRequest = z.infer<typeof OptimizeRequestSchema>;
/** Body of an optimise request as a client may send it. */
export type OptimizeRequestInput = z.input<typeof OptimizeRequestSchema>;
/** Spend limits of one channel. */
export type ChannelBounds = z.infer<typeof ChannelBoundsSchema>;
/** One channel of an allocation. */
export type ChannelAllocation = z.infer<typeof ChannelAllocationSchema>;
/** An optimised allocation. */
export type OptimizeResponse = z.infer<typeof OptimizeResponseSchema>;
