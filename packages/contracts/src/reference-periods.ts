import { z } from 'zod';
import { wholeNumber } from './number-fields.ts';

/**
 * A request's `referencePeriods` (`mixwise optimize --reference-periods N`): "current" spend, the
 * baseline and an exposure channel's price are measured over the last N periods of the model's
 * modeling window instead of all of it. At most the window's length: the server refuses a longer one
 * with 400, naming the window. Left out: the whole window.
 */
export const ReferencePeriodsSchema = wholeNumber('referencePeriods', 1);

/**
 * What an answer's "current" is the mean of: `referencePeriods`, the periods measured (the request's,
 * or the whole window when it sent none), and `windowPeriods`, the modeling window's length, so a page
 * can say "the last 13 of the 156 modeled periods" (engine referencePeriodsText).
 */
export const ReferencePeriodsEchoSchema = z.object({
  referencePeriods: z.number().int().min(1),
  windowPeriods: z.number().int().min(1),
});

/**
 * A channel that first spent after the reference periods began (engine lateStartChannels; the CLI's
 * LATE_START warning): its "current", a mean that counts the periods before its launch as zero, is
 * well below its run-rate since launch. `message` says so in the request's terms.
 */
export const LateStartSchema = z.object({
  channel: z.string(),
  /** Date of its first period with spend (ISO). */
  firstSpendDate: z.string(),
  /** Reference periods from its first spend on (that period included). */
  periodsSinceLaunch: z.number().int().min(1),
  /** Mean spend per period since its first spend, and over all the reference periods (its "current"). */
  meanSinceLaunch: z.number(),
  referenceMean: z.number(),
  message: z.string(),
});

/** One late-starting channel of an answer. */
export type LateStart = z.infer<typeof LateStartSchema>;
