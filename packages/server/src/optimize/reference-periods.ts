import { idleChannelBounds, lateStartChannels, referencePeriodsText, type AllocationConstraints, type MmmModel } from '@mixwise/engine';
import type { LateStart } from '@mixwise/contracts';
import { ApiHttpError } from '../http/api-http-error.ts';

/** Which periods a request's "current" is the mean of. */
export interface Reference {
  /** What the request sent (undefined: the whole window), as the engine's referencePeriods option takes it. */
  readonly asked: number | undefined;
  /** The periods measured and the window's length, as the answer echoes them. */
  readonly referencePeriods: number;
  readonly windowPeriods: number;
}

/**
 * A request's referencePeriods checked against the model's window, as `mixwise optimize
 * --reference-periods N` checks it.
 * @throws ApiHttpError('BAD_REQUEST') for more periods than the window has, naming its length and dates
 * @example referenceOf(model, 13) // { asked: 13, referencePeriods: 13, windowPeriods: 104 }
 */
export function referenceOf(model: MmmModel, asked: number | undefined): Reference {
  const { start, end } = model.window;
  const windowPeriods = end - start;
  if (asked !== undefined && asked > windowPeriods) {
    throw new ApiHttpError('BAD_REQUEST', `referencePeriods ${asked} is longer than the model's window (${windowPeriods} periods, ${model.dates[start]} … ${model.dates[end - 1]}): send at most ${windowPeriods}, or leave it out for the whole window`);
  }
  return { asked, referencePeriods: asked ?? windowPeriods, windowPeriods };
}

/** The engine's options for this reference ({} for the whole window, so such answers are unchanged). */
export function referenceOption(ref: Reference): { referencePeriods?: number } {
  return ref.asked === undefined ? {} : { referencePeriods: ref.asked };
}

/**
 * The sentence a recommendation ends with when the request sent referencePeriods ('' otherwise): which
 * periods "current" is the mean of (engine referencePeriodsText, the CLI's header words).
 * @example referenceSentence({ asked: 13, referencePeriods: 13, windowPeriods: 104 }) // ' Current spend is the mean spend per period over the last 13 of the 104 modeled periods ("referencePeriods": 13).'
 */
export function referenceSentence(ref: Reference): string {
  if (ref.asked === undefined) return '';
  return ` Current spend is ${referencePeriodsText(ref.referencePeriods, ref.windowPeriods, `"referencePeriods": ${ref.referencePeriods}`)}.`;
}

const ADVICE = '; to plan on the run-rate, ';

/**
 * Channels launched during the reference periods (engine lateStartChannels, the CLI's LATE_START
 * warnings), the advice in the request's terms: the API takes referencePeriods, not --current.
 * @returns `{ lateStart }`, or {} when there are none
 */
export function lateStartOf(model: MmmModel, ref: Reference): { lateStart?: LateStart[] } {
  const late = lateStartChannels(model, referenceOption(ref));
  if (late.length === 0) return {};
  return {
    lateStart: late.map((l) => {
      const cut = l.message.indexOf(ADVICE);
      const said = cut < 0 ? l.message : l.message.slice(0, cut);
      return {
        channel: l.channel, firstSpendDate: l.firstSpendDate, periodsSinceLaunch: l.periodsSinceLaunch, meanSinceLaunch: l.meanSinceLaunch, referenceMean: l.referenceMean,
        message: `${said}${ADVICE}send "referencePeriods": ${l.periodsSinceLaunch} (every channel's current becomes its mean over the last ${l.periodsSinceLaunch} periods)`,
      };
    }),
  };
}

/**
 * Channels that spent nothing over the reference periods but did over the window, under the default
 * bounds (no bounds of their own in the request): 0.5×–2× of nothing would freeze them at 0, so they
 * may spend from 0 up to 2× their mean over the window instead, as `mixwise optimize
 * --reference-periods N` does. The constraints unchanged and no note without referencePeriods or such channels.
 * @param constraints the request's constraints (constraintsOf)
 * @param bounds the request's own bounds by channel
 */
export function idleChannels(model: MmmModel, ref: Reference, constraints: AllocationConstraints, bounds: Readonly<Record<string, unknown>>): { constraints: AllocationConstraints; note: string } {
  if (ref.asked === undefined) return { constraints, note: '' };
  const idle = idleChannelBounds(model, { referencePeriods: ref.asked, hasOwnBounds: (name) => Object.hasOwn(bounds, name) });
  return idle === null ? { constraints, note: '' } : { constraints: { ...constraints, channels: { ...constraints.channels, ...idle.channels } }, note: idle.note };
}
