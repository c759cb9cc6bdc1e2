import type { ModelChannel } from './mmm-model.ts';

/**
 * A channel's actual spend per period, for what users read as spend (exports, charts of spend over
 * time, ROI over a sub-range). For a channel modelled on its exposure, `spend` holds what the
 * transforms saw (exposure at the window's average cost, equal in sum over the window only), and
 * the spend from the file is in `media.spend`; for a spend channel the two are the same series.
 * Transforms, curves and the optimizer keep reading `spend`.
 * @example channelActualSpend(model.channels[0])[10] // the input file's spend in row 10
 */
export function channelActualSpend(ch: Pick<ModelChannel, 'spend' | 'media'>): readonly number[] {
  return ch.media?.spend ?? ch.spend;
}
