// What the geo-level model (roles.panelMode 'geo') does not take yet, as issues the API answers with
// before any work: the role check refuses value-changing cleaning ticks (the data layer's stepsNotPerGeo)
// and organic media, the fit route the Bayesian method (the engine's
// panelUnsupported, the rules its fit refuses by, asked here before the run starts so the answer is a 422
// naming the setting rather than a failed run). Only the wording is the API's.
import type { CleaningChoice, FitOptions, Issue, Roles } from '@mixwise/contracts';
import { panelUnsupported, type PanelUnsupported } from '@mixwise/engine';
import { stepsNotPerGeo } from '@mixwise/data';
import { cleaningStepsOf } from './cleaning-choices.ts';

/** The way out every refusal offers: the national model of the added-up geos takes everything. */
const SUM_INSTEAD = 'or choose "Add the geos up" (roles.panelMode "sum") to fit one national model with it';

const refusal = (message: string, hint: string, file: string, column?: string): Issue => ({
  code: 'GEO_PANEL_UNSUPPORTED', severity: 'error', message, hint: `${hint}, ${SUM_INSTEAD}`, at: { file, ...(column === undefined ? {} : { column }) },
});

/**
 * The role check's refusals for the geo-level model: cleaning ticks that change values (they would be
 * applied to the geos' sum, not per geo: negatives_clip, fill_gaps, impute_controls, winsorize,
 * skip_missing_kpi) and organic media (not modelled per geo yet). Sorting the dates is fine.
 * @param roles the roles (panel and panelMode 'geo' set)
 * @param cleaning the cleaning ticks
 * @param file the file name shown in issues
 * @example geoPanelIssues({ ...roles, panel: 'region', panelMode: 'geo' }, ['fill_gaps'], 'd.csv')[0].code // 'GEO_PANEL_UNSUPPORTED'
 */
export function geoPanelIssues(roles: Roles, cleaning: readonly CleaningChoice[], file: string): Issue[] {
  const national = { ...roles, panel: undefined };
  const changing = cleaning.filter((c) => stepsNotPerGeo(cleaningStepsOf(national, [c])).length > 0);
  const issues: Issue[] = [];
  if (changing.length > 0) {
    issues.push(refusal(`the cleaning steps ${changing.join(', ')} are not applied per geo yet, so they cannot go with the geo-level model on "${roles.panel ?? ''}"`,
      'untick them and fix the file itself', file));
  }
  for (const u of panelUnsupported({ organic: roles.organic })) issues.push(refusalOf(u, `with the geo-level model yet`, file));
  return issues;
}

/**
 * The fit options the geo-level model refuses (stage 1 fits the ridge method, on spend or exposure):
 * method 'bayes' (lift tests are fine: a test may name its geos, checked with the other lift-test rules).
 * @param options the fit options
 * @param panel the panel column
 * @param file the file name shown in issues
 * @example geoFitIssues({ method: 'bayes' }, 'region', 'd.csv')[0].message // 'the Bayesian method is not supported with the geo-level model on "region" yet'
 */
export function geoFitIssues(options: FitOptions, panel: string, file: string): Issue[] {
  const asked = { method: options.method };
  return panelUnsupported(asked).map((u) => refusalOf(u, `with the geo-level model on "${panel}" yet`, file));
}

/** An unsupported feature (engine panelUnsupported) in the API's words: the setting named, the way out offered. */
function refusalOf(u: PanelUnsupported, on: string, file: string): Issue {
  const names = [...new Set(u.names)].join(', ');
  switch (u.feature) {
    case 'bayes': return refusal(`the Bayesian method is not supported ${on}`, 'fit with the ridge method (the default)', file);
    case 'organic': return refusal(`organic media (${names}) are not supported ${on}`, 'set their role to Ignore', file, u.names[0]);
  }
}
