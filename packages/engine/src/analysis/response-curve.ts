import type { ModelChannel } from '../model/mmm-model.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import { EngineError } from '../errors.ts';

export interface ResponseCurve {
  readonly channel: string;
  /** Sustained spend per period [nPoints]. */
  readonly spend: Float64Array;
  /** Steady-state KPI per period at that spend [nPoints]. */
  readonly response: Float64Array;
  /** d response / d spend [nPoints]: the marginal return at each level. */
  readonly marginal: Float64Array;
  /** Mean spend per period over the reference rows, and the curve there. */
  readonly current: { readonly spend: number; readonly response: number; readonly marginal: number };
}

/**
 * Steady-state response curve: the KPI per period once a constant spend x per period has run for
 * longer than the maximum lag. Then the adstocked level is x·Σw (= x with normalised weights), so
 * response(x) = coef · f(x·Σw / scale) and response'(x) = coef · f'(x·Σw/scale) · Σw/scale.
 * The budget optimizer works on these curves. For a geo-level model (ch.panel) this is the national
 * curve of a spend split across geos in proportion to their size, which it equals exactly (spec/panel.ts).
 *
 * The curve runs from 0 to maxMultiple × currentSpend. For an unfunded channel (currentSpend 0) that
 * range would be empty, so it runs to maxMultiple × the channel's typical spend instead
 * (unfundedReference: its mean spend in the periods it spent, else the spend that puts the saturation
 * curve's input at 1, about its half-saturation point).
 * @param ch the fitted channel
 * @param currentSpend mean spend per period that counts as "current" (the operating point), ≥ 0
 * @param maxMultiple curve from 0 to maxMultiple × currentSpend (> 0)
 * @param nPoints points on the curve, an integer ≥ 2
 * @throws EngineError('INVALID_ARGUMENT') for a negative or non-finite currentSpend or maxMultiple, or nPoints < 2
 * @example responseCurve(model.channels[0], 10000).current.response // KPI per period at 10k per period
 */
export function responseCurve(ch: ModelChannel, currentSpend: number, maxMultiple = 3, nPoints = 101): ResponseCurve {
  if (typeof currentSpend !== 'number' || !Number.isFinite(currentSpend) || currentSpend < 0) {
    throw new EngineError('INVALID_ARGUMENT', `responseCurve: currentSpend of channel "${ch.name}" must be a finite number ≥ 0, got ${String(currentSpend)}`, { series: ch.name });
  }
  if (typeof maxMultiple !== 'number' || !Number.isFinite(maxMultiple) || !(maxMultiple > 0)) {
    throw new EngineError('INVALID_ARGUMENT', `responseCurve: maxMultiple must be a finite number > 0, got ${String(maxMultiple)}`, { series: ch.name });
  }
  if (!Number.isInteger(nPoints) || nPoints < 2) {
    throw new EngineError('INVALID_ARGUMENT', `responseCurve: nPoints must be an integer ≥ 2 (a curve needs two ends), got ${String(nPoints)}`, { series: ch.name });
  }
  const k = steadyStateGain(ch);
  const kernel = getSaturationKernel(ch.saturation.type);
  const top = (currentSpend > 0 ? currentSpend : unfundedReference(ch, k)) * maxMultiple;
  const spend = new Float64Array(nPoints), response = new Float64Array(nPoints), marginal = new Float64Array(nPoints);
  for (let i = 0; i < nPoints; i++) {
    const x = (top * i) / (nPoints - 1);
    spend[i] = x;
    response[i] = ch.coef * kernel.value(x * k, ch.saturation);
    marginal[i] = x === 0 && !Number.isFinite(kernel.derivative(0, ch.saturation)) ? Infinity : ch.coef * kernel.derivative(x * k, ch.saturation) * k;
  }
  return {
    channel: ch.name, spend, response, marginal,
    current: {
      spend: currentSpend,
      response: ch.coef * kernel.value(currentSpend * k, ch.saturation),
      marginal: ch.coef * kernel.derivative(currentSpend * k, ch.saturation) * k,
    },
  };
}

/** Σw / scale: how a sustained spend level maps onto the saturation curve's input. */
export function steadyStateGain(ch: ModelChannel): number {
  const w = adstockWeights(ch.adstock, ch.maxLag, true);
  let s = 0;
  for (let l = 0; l < w.length; l++) s += w[l];
  return s / ch.scale;
}

/**
 * The spend level an unfunded channel's curve is drawn around: its mean spend over the periods it
 * spent in (what it cost when it ran), or, with no spend on record, the steady spend 1/gain that
 * puts the saturation input at 1 (the scale the curve was fitted on).
 * @example unfundedReference({ ...ch, spend: [0, 100, 300] }, gain) // 200
 */
export function unfundedReference(ch: Pick<ModelChannel, 'spend'>, gain: number): number {
  let sum = 0, n = 0;
  for (const v of ch.spend ?? []) if (v > 0 && Number.isFinite(v)) { sum += v; n++; }
  if (n > 0) return sum / n;
  return gain > 0 && Number.isFinite(gain) ? 1 / gain : 1;
}
