import type { ModelChannel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';
import { channelActualSpend } from '../model/actual-spend.ts';

/**
 * Return on investment of a channel over rows [start, end): Σ contribution / Σ spend, both over the
 * same rows (carryover of spend inside the range that lands after `end` is not counted, nor is spend
 * before `start`, whose carryover is). NaN when the channel did not spend. The spend is the actual
 * spend (channelActualSpend): for a channel modelled on exposure it matches the transforms' input in
 * sum over the whole window only, so a sub-range such as a year needs the spend from the file.
 * @example channelRoi(model.channels[0], 0, 156) // e.g. 2.4 KPI units per unit of spend
 */
export function channelRoi(ch: ModelChannel, start: number, end: number): number {
  const contrib = channelContribution(ch);
  const spend = channelActualSpend(ch);
  let c = 0, s = 0;
  for (let t = start; t < end; t++) { c += contrib[t]; s += spend[t]; }
  return s > 0 ? c / s : NaN;
}
