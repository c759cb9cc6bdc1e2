import type { ModelChannel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';

/**
 * Return on investment of a channel over rows [start, end): Σ contribution / Σ spend, both over the
 * same rows (carryover of spend inside the range that lands after `end` is not counted, nor is spend
 * before `start`, whose carryover is). NaN when the channel did not spend.
 * @example channelRoi(model.channels[0], 0, 156) // e.g. 2.4 KPI units per unit of spend
 */
export function channelRoi(ch: ModelChannel, start: number, end: number): number {
  const contrib = channelContribution(ch);
  let c = 0, s = 0;
  for (let t = start; t < end; t++) { c += contrib[t]; s += ch.spend[t]; }
  return s > 0 ? c / s : NaN;
}
