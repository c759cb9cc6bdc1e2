import type { MmmModel } from '../model/mmm-model.ts';
import { DEFAULT_MAX_LAG } from '../spec/model-spec.ts';
import { effectTiming } from './effect-timing.ts';

/**
 * A delay counted as long: a quarter, 13 weeks on weekly data and 91 days on daily data. Consumer media
 * act within weeks; an effect that peaks (or is only half in) a quarter after the spend is more often a
 * fit that used a long lag to soak up trend or seasonality than a real delay (the Robyn sample's
 * search, fitted to peak in week 19), though a long B2B sales cycle can make it true.
 */
export const LONG_DELAY_PERIODS = { weekly: 13, daily: 91 } as const;

/**
 * The LONG_DELAY fit warning of channel k: its fitted adstock puts the effect's peak, or the point by
 * which half of it has landed, LONG_DELAY_PERIODS or more after the spend (effectTiming). It is a
 * caution, not an error: the message names the delay, says when it can be true (a long sales cycle;
 * said more firmly when the channel's max lag was raised above the default, as the B2B example's 78
 * weeks) and how to constrain it (a shorter max lag, or the geometric family, whose effect starts at
 * once). null when the delay is shorter.
 * @param model the fitted model
 * @param k the channel's index
 * @example longDelayMessage(model, 2) // 'search's effect peaks 19 weeks after the spend and half of it lands only by week 19 …'
 */
export function longDelayMessage(model: Pick<MmmModel, 'channels' | 'frequency'>, k: number): string | null {
  const ch = model.channels[k];
  const t = effectTiming(ch.adstock, ch.maxLag);
  const limit = LONG_DELAY_PERIODS[model.frequency];
  if (t.peakLag < limit && t.lag50 < limit) return null;
  const unit = model.frequency === 'weekly' ? 'week' : 'day';
  const raised = ch.maxLag > DEFAULT_MAX_LAG[model.frequency];
  const cap = model.frequency === 'weekly' ? 8 : 28;
  const when = raised
    ? `Its max lag was raised to ${ch.maxLag} ${unit}s, so a long delay was expected: keep it if the KPI really follows spend by months (a long B2B sales cycle), and check it against what sales see`
    : `That is rare for media outside long sales cycles (B2B) and often means the fit used a long lag to absorb trend or seasonality, which then counts as media`;
  return `${ch.name}'s effect peaks ${t.peakLag} ${unit}s after the spend and half of it lands only by ${unit} ${t.lag50} (${ch.adstock.type} adstock): `
    + `a delay of ${limit} ${unit}s or more. ${when}. To constrain it, refit with a shorter carryover (--max-lag ${cap}, or max_lag: ${cap} for ${ch.name} in the config file) `
    + `or an effect that starts at once (--adstock geometric, or adstock: geometric for ${ch.name}), and compare the fit and ROIs`;
}
