import { beyondObservedRange, compileCurve, sparseChannelText, type Curve, type ResponseModel } from '@mixwise/engine';

/** One channel of a what-if: sustained spend per period and what it returns. */
export interface WhatIfChannel {
  readonly channel: string;
  /** Spend per period (currency units). */
  readonly spend: number;
  /** Steady-state KPI per period from this channel. */
  readonly response: number;
  /** response / spend; null at zero spend. */
  readonly roi: number | null;
  /** d response / d spend at this spend. */
  readonly mroi: number;
  /** 'below' / 'above' when this spend lies outside the sustained levels the data cover (the curve is extrapolated there). */
  readonly beyondData: 'below' | 'above' | null;
  /**
   * For a channel that spent in too few fitted periods (its observed range is sparse): the engine's
   * short caution (sparseChannelText: 'Few periods of data: tv spent in only 3 of the 156 fitted periods, so …'); else null.
   */
  readonly sparse: string | null;
}

/** A what-if result: per channel and totals, all per period. */
export interface WhatIfResult {
  readonly channels: readonly WhatIfChannel[];
  readonly totalSpend: number;
  /** Σ channel responses. */
  readonly media: number;
  /** baseline + media: the predicted KPI per period. */
  readonly kpi: number;
  /** media / totalSpend; null when nothing is spent. */
  readonly roi: number | null;
}

/**
 * Predicted KPI for a sustained spend level per channel, on the same steady-state curves the
 * optimizer uses (compileCurve): response_c(x) = coef_c·f_c(gain_c·x) and mROI_c(x) =
 * coef_c·gain_c·f_c'(gain_c·x) (steady state of an adstocked saturating channel; Jin et al. 2017,
 * "Bayesian methods for media mix modeling with carryover and shape effects", eq. 3 for the Hill
 * curve), or the mean of those over the bootstrap replicates when the channels carry them.
 * @param model the response model (responseModelFromMmm)
 * @param spend [nChannels] spend per period, in the order of model.channels
 * @param curves the channels' compiled curves (compile once and pass them when calling repeatedly:
 *   a mean of replicate curves costs a few milliseconds to compile)
 * @throws Error when spend has the wrong length or a negative / non-finite entry
 * @example whatIf({ baseline: 10, channels: [{ name: 'a', current: 1, coef: 2, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation: 1 } }] }, [1]).kpi // 11
 */
export function whatIf(model: ResponseModel, spend: ArrayLike<number>, curves: readonly Curve[] = model.channels.map(compileCurve)): WhatIfResult {
  if (spend.length !== model.channels.length) throw new Error(`whatIf: expected ${model.channels.length} spend values, got ${spend.length}`);
  const channels: WhatIfChannel[] = [];
  let media = 0, total = 0;
  for (let c = 0; c < model.channels.length; c++) {
    const ch = model.channels[c], x = spend[c];
    if (!(x >= 0) || !Number.isFinite(x)) throw new Error(`whatIf: spend for ${ch.name} must be a finite number ≥ 0, got ${x}`);
    const response = curves[c].value(x);
    const mroi = curves[c].d1(x);
    channels.push({ channel: ch.name, spend: x, response, roi: x > 0 ? response / x : null, mroi, beyondData: beyondObservedRange(x, ch.observed),
      sparse: ch.observed?.sparse ? sparseChannelText(ch.name, ch.observed.sparse) : null });
    media += response;
    total += x;
  }
  return { channels, totalSpend: total, media, kpi: model.baseline + media, roi: total > 0 ? media / total : null };
}

/** A rescaled spend vector, or why the total cannot be reached with the locked channels held. */
export type Rescaled =
  | { readonly ok: true; readonly spend: number[] }
  /** 'below-locked': the total is less than the locked channels' spend; 'all-locked': nothing is free to change. */
  | { readonly ok: false; readonly reason: 'below-locked' | 'all-locked'; readonly lockedTotal: number };

/**
 * Bring a spend vector to a new total: locked channels keep their spend, the others are scaled
 * together so that their mix (shares of the unlocked spend) is kept; when the unlocked channels
 * spend nothing the rest is split evenly between them. Pass the spend from before an edit began
 * (not the last rescaled one), so that passing through 0 while retyping does not lose the mix.
 * @param spend [nChannels] spend per period to take the mix from
 * @param total the new total per period (≥ 0)
 * @param locked [nChannels] optional: true for channels that keep their spend
 * @example rescaleSpend([1, 3], 8) // { ok: true, spend: [2, 6] }
 * @example rescaleSpend([4, 3, 1], 8, [true, false, false]) // { ok: true, spend: [4, 3, 1] }
 */
export function rescaleSpend(spend: readonly number[], total: number, locked: readonly boolean[] = []): Rescaled {
  let lockedTotal = 0, freeTotal = 0, nFree = 0;
  spend.forEach((v, i) => { if (locked[i]) lockedTotal += v; else { freeTotal += v; nFree++; } });
  const free = total - lockedTotal;
  // Round-off in a sum of locked amounts is not a shortfall.
  const slack = 1e-9 * Math.max(1, lockedTotal);
  if (free < -slack) return { ok: false, reason: 'below-locked', lockedTotal };
  if (nFree === 0) return Math.abs(free) <= slack ? { ok: true, spend: [...spend] } : { ok: false, reason: 'all-locked', lockedTotal };
  const rest = Math.max(0, free);
  return {
    ok: true,
    spend: spend.map((v, i) => (locked[i] ? v : freeTotal > 0 ? (v * rest) / freeTotal : rest / nFree)),
  };
}
