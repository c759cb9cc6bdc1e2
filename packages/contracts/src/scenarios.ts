import { z } from 'zod';
import { ChannelBoundsSchema } from './optimize.ts';
import { ReferencePeriodsEchoSchema, ReferencePeriodsSchema } from './reference-periods.ts';

/** The three named scenarios, as multiples of the current total spend per period. */
export const DEFAULT_SCENARIO_LEVELS = { conservative: 0.9, current: 1, aggressive: 1.1 } as const;

const level = z.number().finite().positive().max(100);

/**
 * The three levels, in order: conservative ≤ current ≤ aggressive (the names say which way each
 * goes; levels out of order would label a larger budget conservative).
 */
export const ScenarioLevelsSchema = z.strictObject({ conservative: level, current: level, aggressive: level })
  .refine((l) => l.conservative <= l.current && l.current <= l.aggressive, {
    message: 'levels must be in order: conservative ≤ current ≤ aggressive',
  });

/**
 * `POST /api/runs/:id/scenarios` body: the budget level of each scenario (multiples of the current
 * spend per period, in order), and the optimise constraints; `referencePeriods` as for
 * /optimize (current spend, the levels' base, over the last N modeled periods). Unknown keys are refused.
 */
export const ScenarioRequestSchema = z.strictObject({
  levels: ScenarioLevelsSchema.default({ ...DEFAULT_SCENARIO_LEVELS }),
  bounds: z.record(z.string(), ChannelBoundsSchema).default({}),
  locks: z.array(z.string()).default([]),
  referencePeriods: ReferencePeriodsSchema.optional(),
});

/** One scenario: the best allocation at that budget level (per period). */
export const ScenarioSchema = z.object({
  name: z.enum(['conservative', 'current', 'aggressive']),
  level: z.number(),
  budget: z.number(),
  feasible: z.boolean(),
  /** Predicted total KPI per period; null when infeasible. */
  expectedKpi: z.number().nullable(),
  /** Versus the KPI at current spend. */
  lift: z.number().nullable(),
  roi: z.number().nullable(),
  mroi: z.number().nullable(),
  allocation: z.array(z.object({ channel: z.string(), spend: z.number() })).nullable(),
  /** Why the level cannot be met. */
  reason: z.string().nullable(),
});

/** `POST /api/runs/:id/scenarios` answer: conservative, current and aggressive, in that order. */
export const ScenarioComparisonSchema = ReferencePeriodsEchoSchema.extend({
  kpi: z.string(),
  currentBudget: z.number(),
  currentKpi: z.number(),
  scenarios: z.array(ScenarioSchema).length(3),
});

/** Body of a scenarios request (output form). */
export type ScenarioRequest = z.infer<typeof ScenarioRequestSchema>;
/** Body of a scenarios request as a client may send it. */
export type ScenarioRequestInput = z.input<typeof ScenarioRequestSchema>;
/** One scenario. */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** The scenario comparison. */
export type ScenarioComparison = z.infer<typeof ScenarioComparisonSchema>;
