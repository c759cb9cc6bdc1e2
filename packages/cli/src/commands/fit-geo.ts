import type { CleaningStep, ConfigRun, CsvTable, TableRoles } from '@mixwise/data';
import { detectDateColumn, namedDateColumn, stepsNotPerGeo } from '@mixwise/data';
import { UsageError } from '../usage-error.ts';
import type { InheritedGeo } from './fit-refresh.ts';

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
 * @param inherited a refresh's geo column of the previous run (refreshGeo), used without --geo and columns.geo, and named as inherited
 * @returns undefined without a geo column
 * @throws UsageError (exit 2) for sum_panel or a value-changing step with a geo panel
 * @example geoSetting({ geo: 'region' }, undefined, []) // { column: 'region', flag: '--geo region' }
 * @example geoSetting({}, undefined, [], 'fit', { geo: 'region', shown: 'r104' }) // { column: 'region', flag: 'the geo column region of the previous run r104 (--refresh)' }
 */
export function geoSetting(flags: { geo?: string; clean?: readonly CleaningStep[] }, run: Pick<ConfigRun, 'geo'> | undefined, steps: readonly CleaningStep[], command = 'fit',
  inherited?: InheritedGeo): { column: string; flag: string } | undefined {
  const column = flags.geo ?? run?.geo ?? inherited?.geo;
  if (column === undefined) return undefined;
  const flag = flags.geo !== undefined ? `--geo ${column}` : run?.geo !== undefined ? `columns.geo: ${column} (in the config)` : `the geo column ${column} of the previous run ${inherited?.shown ?? ''} (--refresh)`;
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

/** The fix every usage error on the size column offers. */
const AS_SIZE = 'name the column that holds each geo\'s size (population, households…)';

/**
 * The geos' size column asked for (--geo-size, else the config's columns.geo_size) with how messages
 * name it, checked against the geo setting and the roles: it goes with a geo panel only, and names a
 * column of its own (not the geo, KPI or date column, nor one listed as a channel, control, event or
 * organic series).
 * @param flags the fit flags (geoSize)
 * @param run the config's run, if any
 * @param geo the geo setting (geoSetting), undefined without one
 * @param roles the roles (target, date and the columns listed)
 * @param command the command, for the usage error (default fit)
 * @param inherited a refresh's size column of the previous run (refreshGeo), used without --geo-size and columns.geo_size, and named as inherited
 * @returns undefined without a size column
 * @throws UsageError (exit 2)
 * @example geoSizeSetting({ geoSize: 'population' }, undefined, { column: 'region', flag: '--geo region' }, { target: 'sales' }) // { column: 'population', flag: '--geo-size population' }
 */
export function geoSizeSetting(flags: { geoSize?: string }, run: Pick<ConfigRun, 'geoSize'> | undefined, geo: { column: string; flag: string } | undefined, roles: TableRoles, command = 'fit',
  inherited?: InheritedGeo): { column: string; flag: string } | undefined {
  const column = flags.geoSize ?? run?.geoSize ?? inherited?.geoSize;
  if (column === undefined) return undefined;
  const flag = flags.geoSize !== undefined ? `--geo-size ${column}` : run?.geoSize !== undefined ? `columns.geo_size: ${column} (in the config)`
    : `the size column ${column} of the previous run ${inherited?.shown ?? ''} (--refresh)`;
  if (geo === undefined) {
    throw new UsageError(`${flag} sizes the geos of a geo-level model, which needs --geo COLUMN (or columns.geo in the config): add it, or leave ${flag} out`, command);
  }
  const asSize = AS_SIZE;
  const own: [string, string | undefined][] = [[geo.flag, geo.column], ['--target', roles.target], ['--date', roles.date]];
  for (const [option, other] of own) {
    if (other === column) throw new UsageError(`${flag}: "${column}" is also ${option}; ${asSize}`, command);
  }
  const listed: [string, readonly string[] | undefined][] = [['--channels', roles.channels], ['--controls', roles.controls], ['--events', roles.events], ['--organic', roles.organic]];
  for (const [option, columns] of listed) {
    if (columns?.includes(column) === true) throw new UsageError(`${option} names "${column}", the size column of ${flag}: a size only scales each geo, so leave "${column}" out of ${option}`, command);
  }
  return { column, flag };
}

/**
 * Refuses what a geo-level model does not take yet, before the fit: organic media (the Bayesian method:
 * checkGeoRoles, before the file is read). The organic columns are the resolved roles', as the panel
 * table leaves them out. Media on exposure are fitted per geo (each geo's exposure column).
 * @param organic the organic media columns of the resolved roles
 * @throws UsageError naming the setting and the way out
 */
export function checkPanelSupport(organic: readonly string[], flag: string): void {
  if (organic.length > 0) throw new UsageError(`organic media (${organic.join(', ')}) are not supported with ${flag} yet: leave them out, or add the geos up (--clean sum_panel) to model them`, 'fit');
}

/**
 * The geo column checked against the roles and options before the file is read (usage errors, exit 2):
 * it must not be the KPI, the date or a channel, control, event or organic column (the message names the
 * role and asks for the column holding each row's geo), and the Bayesian method is not supported with a
 * geo panel yet (lift tests are: a test may name its geos).
 * @param geo the geo setting (geoSetting)
 * @param roles the roles asked for (flags and config)
 * @param options method: the method used
 * @throws UsageError
 * @example checkGeoRoles({ column: 'sales', flag: '--geo sales' }, { target: 'sales' }, { method: 'ridge' }) // throws '--geo sales: "sales" is the KPI (--target); …'
 */
export function checkGeoRoles(geo: { column: string; flag: string }, roles: TableRoles, options: { method: 'ridge' | 'bayes' }): void {
  const { column, flag } = geo;
  const asGeo = `name the column that holds each row's geo (region, market…)`;
  if (column === roles.target) throw new UsageError(`${flag}: "${column}" is the KPI (--target); ${asGeo}`, 'fit');
  if (column === roles.date) throw new UsageError(`${flag}: "${column}" is the date column (--date); ${asGeo}`, 'fit');
  const listed: [string, readonly string[] | undefined][] = [['--channels', roles.channels], ['--controls', roles.controls], ['--events', roles.events], ['--organic', roles.organic]];
  for (const [option, columns] of listed) {
    if (columns?.includes(column) === true) throw new UsageError(`${option} names "${column}", the geo column of ${flag}: each geo's series is read from its own rows, so leave "${column}" out of ${option}`, 'fit');
  }
  if (options.method === 'bayes') throw new UsageError(`--method bayes is not supported with ${flag} yet: use the ridge method (the default), or add the geos up (--clean sum_panel) to sample the national model`, 'fit');
}

/**
 * The geo column checked against the columns the file's roles would detect (the date column, the
 * `_spend` channels) once the file is read, before the panel is: a usage error (exit 2) rather than the
 * dozens of errors of a panel keyed on dates or spend.
 * @throws UsageError
 */
export function checkGeoDetected(geo: { column: string; flag: string }, csv: CsvTable, roles: TableRoles): void {
  if (roles.date === undefined && detectDateColumn(csv.header, csv.rows) === geo.column) {
    throw new UsageError(`${geo.flag}: "${geo.column}" is the file's date column; name the column that holds each row's geo (region, market…)`, 'fit');
  }
  if (roles.channels === undefined && geo.column.endsWith('_spend')) {
    throw new UsageError(`${geo.flag}: "${geo.column}" is a spend column (a channel); name the column that holds each row's geo (region, market…)`, 'fit');
  }
}

/**
 * The size column checked against the date column the file's roles would detect (no --date, no
 * columns.date) once the file is read, before the panel is: a usage error (exit 2) naming the clash, as
 * when the date column is given, rather than one "not a number" size error per geo. (A size column named
 * like spend is no clash: it is never detected as a channel.)
 * @param size the size setting (geoSizeSetting)
 * @param csv the file's cells
 * @param roles the roles asked for (date undefined when it is detected)
 * @param command the command, for the usage error (default fit)
 * @throws UsageError
 * @example checkGeoSizeDetected({ column: 'date', flag: '--geo-size date' }, csv, { target: 'sales' }) // throws '--geo-size date: "date" is the file's date column …'
 */
export function checkGeoSizeDetected(size: { column: string; flag: string }, csv: CsvTable, roles: TableRoles, command = 'fit'): void {
  if (roles.date !== undefined) return;
  const date = detectDateColumn(csv.header, csv.rows) ?? namedDateColumn(csv.header, csv.rows);
  if (date === size.column) {
    const given = command === 'prepare' ? 'columns.date' : size.flag.startsWith('columns.') ? '--date or columns.date' : '--date';
    throw new UsageError(`${size.flag}: "${size.column}" is the file's date column (found without ${given}), not a size; ${AS_SIZE}`, command);
  }
}
