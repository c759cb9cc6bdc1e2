import type { Decomposition, MmmModel } from '@mixwise/engine';

/**
 * Residuals actual − fitted over rows [from, to): 'fit' is the rows the model was fitted on
 * (window start to the holdout), 'window' the whole modeling window.
 * @example residuals(model, decompose(model), 'fit').values.length // window length − holdout
 */
export function residuals(model: MmmModel, d: Decomposition, rows: 'fit' | 'window'): { from: number; to: number; values: Float64Array } {
  const from = model.window.start;
  const to = rows === 'fit' ? model.window.end - model.holdout : model.window.end;
  const values = new Float64Array(Math.max(0, to - from));
  for (let t = from; t < to; t++) values[t - from] = d.actual[t] - d.fitted[t];
  return { from, to, values };
}
