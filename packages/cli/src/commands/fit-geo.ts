import type { CleaningStep, ConfigRun } from '@mixwise/data';
import { stepsNotPerGeo } from '@mixwise/data';
import { UsageError } from '../usage-error.ts';

/** The `--clean` / `cleaning:` spelling of a step type, for messages. */
const stepName = (s: CleaningStep): string => (s.type === 'negatives' ? `negatives=${s.mode}` : s.type.replace(/-/g, '_'));

/**
 * The geo panel asked for (--geo, else the config's columns.geo) with how messages name it, checked
 * against the cleaning steps: sum_panel adds the geos up, so it cannot go with a geo-level model; steps
 * that change values (fill_gaps, winsorize, negatives=clip, impute_controls, skip_missing_kpi,
 * decimal_comma) are not applied per geo yet and are refused rather than ignored.
 * @param flags the fit flags (geo, clean)
 * @param run the config's run, if any
 * @param steps the cleaning steps the run would use
 * @param command the command, for the usage error (default fit)
 * @returns undefined without a geo column
 * @throws UsageError (exit 2) for sum_panel or a value-changing step with a geo panel
 * @example geoSetting({ geo: 'region' }, undefined, []) // { column: 'region', flag: '--geo region' }
 */
export function geoSetting(flags: { geo?: string; clean?: readonly CleaningStep[] }, run: Pick<ConfigRun, 'geo'> | undefined, steps: readonly CleaningStep[], command = 'fit'): { column: string; flag: string } | undefined {
  const column = flags.geo ?? run?.geo;
  if (column === undefined) return undefined;
  const flag = flags.geo !== undefined ? `--geo ${column}` : `columns.geo: ${column} (in the config)`;
  const where = flags.clean !== undefined ? '--clean' : 'the config\'s cleaning:';
  if (steps.some((s) => s.type === 'sum-panel')) {
    throw new UsageError(`${flag} and ${where} sum_panel both given: pick one. ${flag} fits a geo-level model on every geo's series; sum_panel adds the geos up into one national series and fits that`, command);
  }
  const changing = stepsNotPerGeo(steps);
  if (changing.length > 0) {
    throw new UsageError(`${where} ${changing.map(stepName).join(', ')} with ${flag}: these cleaning steps are not applied per geo yet; fix the file itself, `
      + 'or drop the geo setting and add the geos up (sum_panel) to clean and fit the national series', command);
  }
  return { column, flag };
}

/**
 * Refuses what a geo-level model does not take yet, before the fit: organic media and media modelled on
 * exposure (the engine refuses the Bayesian method and lift tests with its own message). The organic
 * columns are the resolved roles', as the panel table leaves them out.
 * @param organic the organic media columns of the resolved roles
 * @throws UsageError naming the setting and the way out
 */
export function checkPanelSupport(organic: readonly string[], flags: { media?: 'spend' | 'exposure' }, run: ConfigRun | undefined, flag: string): void {
  if (organic.length > 0) throw new UsageError(`organic media (${organic.join(', ')}) are not supported with ${flag} yet: leave them out, or add the geos up (--clean sum_panel) to model them`, 'fit');
  const exposure = flags.media ?? run?.model.media;
  if (exposure === 'exposure' || (run?.channels.some((c) => c.media === 'exposure') ?? false)) {
    throw new UsageError(`media modelled on exposure is not supported with ${flag} yet: model the channels on spend, or add the geos up (--clean sum_panel)`, 'fit');
  }
}
