import type { ChannelPanel } from './mmm-model.ts';

/**
 * A panel channel's spend per geo in national-equivalent units, x_{g,t} / s_g (spec/panel.ts): the
 * series each geo's adstock and curve see. A geo spending in proportion to its size sees the national
 * spend itself, which is why the national response curve is the panel's curve for such a split.
 * @param panel the channel's geo split (shares and per-geo spend)
 * @returns [nGeos] series of nTimes values
 * @example geoEquivalentSpend({ shares: [0.25, 0.75], spend: [[1, 2], [3, 6]] }) // [[4, 8], [4, 8]]
 */
export function geoEquivalentSpend(panel: ChannelPanel): Float64Array[] {
  return panel.spend.map((x, g) => Float64Array.from(x, (v) => v / panel.shares[g]));
}

/**
 * A national spend series split across geos the way the channel's history split it: in period t geo g
 * gets spend[t] × (its historical spend at t / the historical national spend at t), and in proportion
 * to the shares where the history spent nothing or has no period t (a what-if longer than the data).
 * On the channel's own history this returns each geo's own spend; on a history with a window zeroed (a
 * lift test's counterfactual) the geos' spend with that window zeroed. Returned in national-equivalent
 * units (÷ s_g), as geoEquivalentSpend.
 * @param panel the channel's geo split
 * @param spend [n] national spend
 * @returns [nGeos] series of n values
 * @example splitLikeHistory({ shares: [0.5, 0.5], spend: [[1], [3]] }, [8]) // [[4], [12]] (2 and 6 spent, ÷ 0.5)
 */
export function splitLikeHistory(panel: ChannelPanel, spend: ArrayLike<number>): Float64Array[] {
  const n = spend.length, nGeos = panel.shares.length;
  const out = panel.shares.map(() => new Float64Array(n));
  for (let t = 0; t < n; t++) {
    let total = 0;
    for (let g = 0; g < nGeos; g++) total += t < panel.spend[g].length ? panel.spend[g][t] : 0;
    for (let g = 0; g < nGeos; g++) {
      // Split weight over share: the geo's part of the spend in its national-equivalent units.
      const part = total > 0 && t < panel.spend[g].length ? panel.spend[g][t] / total : panel.shares[g];
      out[g][t] = (spend[t] * part) / panel.shares[g];
    }
  }
  return out;
}
