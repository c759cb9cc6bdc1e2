import type { MmmModel } from '../model/mmm-model.ts';
import { referenceRows } from './response-model-from-mmm.ts';
import { proseAmount } from '../text/prose-format.ts';
import { channelActualSpend } from '../model/actual-spend.ts';

/**
 * A channel whose run-rate since its first spend is at least this many times its mean over the
 * reference periods: the periods before its launch, counted as zero spend, pull "current" well below
 * what the channel spends now (a channel dark for a fifth of the window sits at 1.25).
 */
export const LATE_START_MIN_RATIO = 1.25;

/** A channel that first spent after the reference periods began (lateStartChannels). */
export interface LateStartChannel {
  readonly channel: string;
  /** Date of its first period with spend (ISO). */
  readonly firstSpendDate: string;
  /** Reference periods from its first spend to the end of the window (its first spend's included). */
  readonly periodsSinceLaunch: number;
  /** Reference periods in all. */
  readonly referencePeriods: number;
  /** Mean spend per period since its first spend: its run-rate. */
  readonly meanSinceLaunch: number;
  /** Mean spend per period over the reference periods: what optimize calls current. */
  readonly referenceMean: number;
  /** One sentence on it and how to plan on its run-rate. */
  readonly message: string;
}

/**
 * Channels launched during the reference periods (no spend in their first periods, then spend): their
 * "current" spend, the mean over all the reference periods, counts the periods before launch as zero,
 * so the default bounds (multiples of current) and the comparison understate what the channel spends
 * now. Listed when the run-rate since launch is at least LATE_START_MIN_RATIO times that mean; a
 * channel named in `given` (its current spend given explicitly) is not.
 * @param model a fitted model
 * @param options referencePeriods as for responseModelFromMmm; given: the channels whose current spend is given
 * @returns the late-starting channels, in model order
 * @example lateStartChannels(model)[0] // { channel: 'tiktok', firstSpendDate: '2023-06-05', meanSinceLaunch: 10900, referenceMean: 4080, … }
 */
export function lateStartChannels(model: MmmModel, options: { referencePeriods?: number; given?: readonly string[] } = {}): LateStartChannel[] {
  const { start, end } = referenceRows(model, options.referencePeriods);
  const n = end - start;
  return model.channels.flatMap((ch) => {
    if (options.given?.includes(ch.name) === true) return [];
    // Actual spend, like responseModelFromMmm's current with reference periods (a channel on exposure is
    // planned in money at their cost), so the suggested --current is an amount of money.
    const spend = channelActualSpend(ch);
    let first = -1;
    let total = 0;
    for (let t = start; t < end; t++) {
      if (spend[t] > 0 && first < 0) first = t;
      total += spend[t];
    }
    if (first <= start) return [];
    const since = end - first;
    const meanSinceLaunch = total / since;
    const referenceMean = total / n;
    if (meanSinceLaunch < LATE_START_MIN_RATIO * referenceMean) return [];
    const firstSpendDate = model.dates[first];
    const flag = `--current ${ch.name}=${Math.round(meanSinceLaunch)}`;
    const message = `${ch.name} first spent on ${firstSpendDate} (period ${first - start + 1} of the ${n} reference periods): its mean over the ${since} periods since then is ${proseAmount(meanSinceLaunch)} per period, `
      + `but its current spend, the mean over all ${n} periods, is ${proseAmount(referenceMean)}, counting the ${first - start} periods before its launch as zero, so the bounds and the comparison start from well below its run-rate; `
      + `to plan on the run-rate, give ${flag} (this channel only) or --reference-periods ${since} (every channel's current becomes its mean over the last ${since} periods)`;
    return [{ channel: ch.name, firstSpendDate, periodsSinceLaunch: since, referencePeriods: n, meanSinceLaunch, referenceMean, message }];
  });
}
