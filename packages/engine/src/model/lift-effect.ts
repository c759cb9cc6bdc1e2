import { channelContribution, type ChannelCurve } from './channel-response.ts';
import { EngineError } from '../errors.ts';

/**
 * What a lift test on this channel measures, by the model: the KPI its spend in the test rows
 * [startRow, endRow) produced over the measured rows [startRow, measureEndRow), i.e.
 *   Σ_{t=startRow}^{measureEndRow−1} contribution_t(spend) − contribution_t(spend with the test rows at 0).
 * This is the counterfactual an experiment estimates (test vs control: the control has no spend
 * on the channel during the test; both share the carryover of earlier spend, so it cancels). With
 * saturation the removed spend's effect depends on the spend around it, hence the two full
 * contribution series rather than a contribution of the test spend alone.
 * Reference implementation (O(nTimes·maxLag)); the search's evaluator and the Bayesian log density
 * compute the same sum without allocating (liftPerUnitCoef) and tests check they agree. For a geo-level
 * model without `geos` it is a national test (every geo dark in the test rows): channelContribution
 * splits the counterfactual spend like the history, so each geo's spend in the test rows is removed.
 * With `geos` (a geo experiment) only those geos go dark, and the lift is their contributions' change:
 * Σ_{g ∈ geos} s_g · (the national formula's change on x_g / s_g), the search's definition (fit/search/panel-lift.ts).
 * @param ch the channel's spend, adstock, saturation, scale and coefficient
 * @param rows the test rows and the end of the measured rows (liftTestRows)
 * @param geos indices into the channel's panel geos of the geos tested (geo-level channels only)
 * @returns the lift in KPI units (≥ 0 for a non-negative coefficient)
 * @throws EngineError INVALID_ARGUMENT for `geos` on a national channel or a geo index out of range
 * @example liftEffect(ch, { startRow: 10, endRow: 18, measureEndRow: 22 }) // KPI of weeks 10–17's spend seen in weeks 10–21
 */
export function liftEffect(ch: ChannelCurve, rows: { readonly startRow: number; readonly endRow: number; readonly measureEndRow: number }, geos?: readonly number[]): number {
  const d = geos === undefined ? liftEffectSeries(ch, rows) : geoLiftEffectSeries(ch, rows, geos);
  let s = 0;
  for (let t = rows.startRow; t < Math.min(rows.measureEndRow, d.length); t++) s += d[t];
  return s;
}

/**
 * Per period, what the channel's spend in rows [startRow, endRow) adds to its contribution:
 * contribution_t(spend) − contribution_t(spend with those rows at 0) (0 before startRow).
 * @param ch the channel's spend, adstock, saturation, scale and coefficient
 * @param rows the test rows
 * @returns [nTimes] KPI units
 * @example liftEffectSeries(ch, { startRow: 10, endRow: 18 })[9] // 0
 */
export function liftEffectSeries(ch: ChannelCurve, rows: { readonly startRow: number; readonly endRow: number }): Float64Array {
  const without = Float64Array.from(ch.spend);
  without.fill(0, rows.startRow, rows.endRow);
  const actual = channelContribution(ch);
  const counterfactual = channelContribution(ch, without);
  for (let t = 0; t < actual.length; t++) actual[t] -= counterfactual[t];
  return actual;
}

/** liftEffectSeries of a geo experiment: the change of each tested geo's contribution with its test rows dark, summed. */
function geoLiftEffectSeries(ch: ChannelCurve, rows: { readonly startRow: number; readonly endRow: number }, geos: readonly number[]): Float64Array {
  const { panel, ...curve } = ch;
  if (panel === undefined) throw new EngineError('INVALID_ARGUMENT', 'a lift test that names geos needs a geo-level model');
  const out = new Float64Array(ch.spend.length);
  for (const g of geos) {
    if (!(g >= 0 && g < panel.shares.length)) throw new EngineError('INVALID_ARGUMENT', `lift test geo index ${g} is outside the model's ${panel.shares.length} geos`);
    const s = panel.shares[g];
    const d = liftEffectSeries({ ...curve, spend: Float64Array.from(panel.spend[g], (v) => v / s) }, rows);
    for (let t = 0; t < out.length; t++) out[t] += s * d[t];
  }
  return out;
}
