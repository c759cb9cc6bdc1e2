/**
 * How a channel's spend series is generated, tagged by `type`. Spend is in currency units per period.
 *
 * - always-on: spend = exp(volatility · u[t] + season[t]), u a unit-variance AR(1) that mixes the shared
 *   budget factor and the channel's own AR(1) noise (search, social, display, affiliate).
 * - flighted: on/off campaigns (TV, OOH, events): zero between flights; each flight has its own level
 *   (log-normal with sd `volatility`), with mild period-to-period variation inside a flight.
 * - campaigns: like flighted but each burst ramps up and down (trapezoid profile), for daily data
 *   (influencer pushes, launches).
 *
 * Every pattern is finally rescaled so its mean over the series equals `mean` exactly, then rounded to
 * cents (so the realised mean can differ from `mean` by at most half a cent).
 */
export type SpendPattern =
  | (SpendCommon & { readonly type: 'always-on'; readonly volatility: number; readonly persistence: number })
  | (SpendCommon & { readonly type: 'flighted'; readonly volatility: number; readonly onLength: readonly [number, number]; readonly offLength: readonly [number, number] })
  | (SpendCommon & {
    readonly type: 'campaigns';
    readonly volatility: number;
    readonly onLength: readonly [number, number];
    readonly offLength: readonly [number, number];
    /** Share of a burst spent ramping up (and again ramping down), in [0, 0.5]. */
    readonly ramp: number;
  });

/** Knobs every spend pattern shares. */
export interface SpendCommon {
  /** Mean spend per period over the whole series, currency units (> 0). */
  readonly mean: number;
  /**
   * Yearly spend seasonality: a log-multiplier amplitude·cos(2π(yearPhase − peak)), where peak is
   * the time of year (0 = Jan 1, 0.9 ≈ late November) when spend is highest.
   */
  readonly seasonality?: { readonly amplitude: number; readonly peak: number };
  /** Probability that any one period is dark (zero spend), e.g. 0.04 for an occasional paused week. */
  readonly zeroShare?: number;
  /** Daily data only: 7 relative multipliers, Monday first (e.g. lower spend at weekends). */
  readonly weekdayProfile?: readonly number[];
}

export type SpendPatternType = SpendPattern['type'];
