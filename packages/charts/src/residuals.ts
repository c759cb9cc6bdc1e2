import { isObserved, type Decomposition, type MmmModel } from '@mixwise/engine';

/**
 * Residuals actual − fitted over rows [from, to): 'fit' is the rows the model was fitted on
 * (window start to the holdout), 'window' the whole modeling window. A period whose KPI is missing
 * (left out of the fit) has no residual: NaN in `values` (see observedResiduals for the others only).
 * @example residuals(model, decompose(model), 'fit').values.length // window length − holdout
 */
export function residuals(model: MmmModel, d: Decomposition, rows: 'fit' | 'window'): { from: number; to: number; values: Float64Array } {
  const from = model.window.start;
  const to = rows === 'fit' ? model.window.end - model.holdout : model.window.end;
  const values = new Float64Array(Math.max(0, to - from));
  for (let t = from; t < to; t++) values[t - from] = isObserved(d.actual[t]) ? d.actual[t] - d.fitted[t] : NaN;
  return { from, to, values };
}

/**
 * The residuals of the periods whose KPI is observed, in date order (the missing ones dropped): what
 * a histogram or Q–Q plot of the residuals counts.
 * @example observedResiduals(model, decompose(model), 'fit').length // fitted periods with a KPI
 */
export function observedResiduals(model: MmmModel, d: Decomposition, rows: 'fit' | 'window'): Float64Array {
  return residuals(model, d, rows).values.filter((v) => !Number.isNaN(v));
}
