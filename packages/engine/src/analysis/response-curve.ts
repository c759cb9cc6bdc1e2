import type { ModelChannel } from '../model/mmm-model.ts';
import { adstockWeights } from '../transforms/adstock/adstock.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';

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
 * The budget optimizer works on these curves.
 * @param ch the fitted channel
 * @param currentSpend mean spend per period that counts as "current" (the operating point)
 * @param maxMultiple curve from 0 to maxMultiple × currentSpend, nPoints points
 * @example responseCurve(model.channels[0], 10000).current.response // KPI per period at 10k per period
 */
export function responseCurve(ch: ModelChannel, currentSpend: number, maxMultiple = 3, nPoints = 101): ResponseCurve {
  const k = steadyStateGain(ch);
  const kernel = getSaturationKernel(ch.saturation.type);
  const top = Math.max(currentSpend, 1e-9) * maxMultiple;
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
