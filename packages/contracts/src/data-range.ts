import { z } from 'zod';

/**
 * Sustained spend levels per period the fitted data cover; outside them the response is extrapolated.
 * `sparse` is set for a channel that spent in too few fitted periods for its sustained response to be
 * known (the engine's sparseSpend): how many periods it spent in, of how many, and why it counts
 * ('few' periods, or 'launched' near the end). low and high are then the levels its bursts reached.
 */
export const dataRangeSchema = z.object({
  low: z.number(),
  high: z.number(),
  sparse: z.object({
    active: z.number().int(),
    periods: z.number().int(),
    first: z.number().int().nullable(),
    kind: z.enum(['few', 'launched']),
  }).optional(),
});
