import type { ChannelSummary } from '../analysis/summarize.ts';

type Timing = NonNullable<ChannelSummary['effect_timing']>;

/**
 * A channel's effect timing (summary.json effect_timing) in words, for the CLI, report and dashboard:
 * lags counted in the data's periods from the period of the spend (see effectTimingCaption).
 * @param t the channel's effect_timing
 * @example effectTimingText({ peak_lag: 9, lag_50: 10, lag_90: 19, period: 'week' }) // 'peaks in week 9; half by week 10, 90% by week 19'
 */
export function effectTimingText(t: Timing): string {
  return `peaks in ${t.period} ${t.peak_lag}; ${effectBuildUpText(t)}`;
}

/**
 * When the effect has built up, without the peak (effectTimingText's second half), e.g. for organic media.
 * @param t the effect_timing
 * @example effectBuildUpText({ peak_lag: 9, lag_50: 10, lag_90: 19, period: 'week' }) // 'half by week 10, 90% by week 19'
 */
export function effectBuildUpText(t: Pick<Timing, 'lag_50' | 'lag_90' | 'period'>): string {
  return `half by ${t.period} ${t.lag_50}, 90% by ${t.period} ${t.lag_90}`;
}

/**
 * What effectTimingText's numbers count, for a heading or caption.
 * @param period the data's period (effect_timing.period)
 * @example effectTimingCaption('week') // 'weeks after the spend, week 0 being the week of the spend; read off the fitted adstock kernel'
 */
export function effectTimingCaption(period: Timing['period']): string {
  return `${period}s after the spend, ${period} 0 being the ${period} of the spend; read off the fitted adstock kernel`;
}
