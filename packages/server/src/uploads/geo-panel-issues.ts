// What the geo-level model (roles.panelMode 'geo') does not take yet, as issues the API answers with
// before any work: the role check refuses value-changing cleaning ticks and organic media, the fit route
// the Bayesian method, lift tests and media on exposure (the engine would refuse them too, but only once
// the run had started, as a failed run rather than a 422 naming the setting).
import type { CleaningChoice, FitOptions, Issue, Roles } from '@mixwise/contracts';
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
  if (roles.organic.length > 0) {
    issues.push(refusal(`organic media (${roles.organic.join(', ')}) are not supported with the geo-level model yet`, 'set their role to Ignore', file, roles.organic[0]));
  }
  return issues;
}

/**
 * The fit options the geo-level model refuses (stage 1 fits the ridge method on spend): method 'bayes',
 * lift tests, media 'exposure'.
 * @param options the fit options
 * @param panel the panel column
 * @param file the file name shown in issues
 * @example geoFitIssues({ method: 'bayes' }, 'region', 'd.csv')[0].message // 'the Bayesian method is not supported with the geo-level model on "region" yet'
 */
export function geoFitIssues(options: FitOptions, panel: string, file: string): Issue[] {
  const on = `with the geo-level model on "${panel}" yet`;
  const issues: Issue[] = [];
  if (options.method === 'bayes') issues.push(refusal(`the Bayesian method is not supported ${on}`, 'fit with the ridge method (the default)', file));
  const tests = options.liftTests ?? [];
  if (tests.length > 0) issues.push(refusal(`lift tests (${[...new Set(tests.map((t) => t.channel))].join(', ')}) are not supported ${on}`, 'fit without them', file));
  if (options.media === 'exposure') issues.push(refusal(`media modelled on exposure is not supported ${on}`, 'model the channels on spend', file));
  return issues;
}
