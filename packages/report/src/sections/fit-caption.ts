import { missingRows, type MmmModel } from '@mixwise/engine';

/**
 * The caption of the actual-vs-fitted chart: what the lines are, and what each shading means, the
 * holdout periods (held out of the fit) and, when some periods of the window had no KPI
 * (skip_missing_kpi), the stretches labelled "no KPI" where the actual line is broken.
 * @param model the fitted model (actual is NaN for a period left out)
 * @param target the KPI's name
 * @example actualVsFittedCaption(model, 'revenue')
 * // 'Observed and fitted revenue; the shaded periods were held out of the fit; the areas labelled "no KPI" mark 2 periods without a KPI, left out of the fit (the observed line breaks there).'
 */
export function actualVsFittedCaption(model: Pick<MmmModel, 'actual' | 'window' | 'holdout'>, target: string): string {
  const missing = missingRows(model.actual, model.window.start, model.window.end).length;
  const holdout = model.holdout > 0 ? `; the shaded periods${missing > 0 ? ' at the end' : ''} were held out of the fit` : '';
  const noKpi = missing === 0 ? ''
    : `; the areas labelled "no KPI" mark ${missing === 1 ? '1 period' : `${missing} periods`} without a KPI, left out of the fit (the observed line breaks there)`;
  return `Observed and fitted ${target}${holdout}${noKpi}.`;
}
