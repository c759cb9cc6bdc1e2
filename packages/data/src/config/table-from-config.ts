import type { ChannelColumn, ControlColumn } from '@mixwise/engine';
import type { CsvTable } from '../read/read-csv.ts';
import type { TableRoles } from '../build/resolve-roles.ts';
import type { TableFromCsvResult } from '../build/table-from-csv.ts';
import { tableFromCsv } from '../build/table-from-csv.ts';
import { readNumericColumn } from '../build/read-numeric-column.ts';
import { IssueCollector } from '../issue-collector.ts';
import { DataError, hasErrors } from '../issue.ts';
import type { ConfigRun } from './config-to-run.ts';
import type { LoadedConfig } from './load-config.ts';
import { checkConfigData } from './check-config-data.ts';

/**
 * Builds the modeling table a config describes: tableFromCsv with the config's roles (every data
 * check applies; hints name the config's keys), then channels and controls take the config's names, each channel with an
 * `exposure` column gets that series (read like spend: numbers ≥ 0), and the config is checked
 * against the table (see checkConfigData).
 * @param csv the data file as read by readCsvFile
 * @param loaded the config (for issue locations)
 * @param run the config's settings (configToRun), with fields that flags override left undefined
 * @param roles the roles to use (default run.roles; the CLI passes flags merged over them)
 * @param options kpiFrom: first date whose KPI is fitted; rowsUntil: the window's end the rows were cut at (see tableFromCsv);
 *   pairExposure: pair exposure columns by name (a config mapping none, modelled on exposure); geoSizeLike: see tableFromCsv;
 *   panelLater: the table is a geo panel's national roll-up, the panel built after it (the tests naming geos are checked then: checkConfigGeoTests)
 * @returns the table, the warnings and the roles (channel names as in the config)
 * @throws DataError with every data and config issue found when there is at least one error
 * @example tableFromConfig(readCsvFile(run.dataPath), loaded, run).table.channels[0].name // 'tv'
 */
export function tableFromConfig(csv: CsvTable, loaded: LoadedConfig, run: ConfigRun, roles: TableRoles = run.roles,
  options: { kpiFrom?: string; rowsUntil?: string; pairExposure?: boolean; exposurePins?: Readonly<Record<string, string>>; geoSizeLike?: readonly string[]; panelLater?: boolean } = {}): TableFromCsvResult {
  const { panelLater, ...csvOptions } = options;
  const exposure = run.channels.flatMap((c) => (c.exposure === undefined ? [] : [c.exposure]));
  // The exposure columns the model uses as media (media: exposure, per channel or under model:).
  const modelledExposure = run.channels.flatMap((c) => (c.exposure !== undefined && (c.media ?? run.model.media) === 'exposure' ? [c.exposure] : []));
  const built = tableFromCsv(csv, roles, { rolesIn: 'config', ...csvOptions, exposure, modelledExposure });
  const issues = new IssueCollector(csv.file);
  const channels: ChannelColumn[] = built.table.channels.map((c) => {
    const own = run.channels.find((x) => x.spend === c.column);
    if (own === undefined) return c;
    const exposure = own.exposure === undefined ? undefined : readExposure(csv, own.exposure, issues);
    return { ...c, name: own.name, ...(exposure === undefined || own.exposure === undefined ? {} : { exposure, exposureColumn: own.exposure }) };
  });
  const controls: ControlColumn[] = built.table.controls.map((c) => {
    const own = run.controls.find((x) => x.column === c.name);
    // The column is kept beside the config's name (model.json records it, so a refresh finds the column).
    return own === undefined ? c : { ...c, name: own.name, column: own.column };
  });
  const table = { ...built.table, channels, controls };
  const problems = [...issues.list(), ...checkConfigData(loaded, run, table, { panelLater: panelLater === true })];
  const all = [...built.warnings, ...problems];
  if (hasErrors(problems)) throw new DataError(all);
  const names = new Map(channels.map((c) => [c.column, c.name]));
  const resolved = { ...built.roles, channels: built.roles.channels.map((c) => ({ ...c, name: names.get(c.column) ?? c.name })) };
  return { table, warnings: all, roles: resolved, ...(built.holidays === undefined ? {} : { holidays: built.holidays }) };
}

function readExposure(csv: CsvTable, column: string, issues: IssueCollector): Float64Array | undefined {
  if (!csv.header.includes(column)) {
    issues.error('MISSING_COLUMN', `the exposure column "${column}" is not in the file`, 'check the spelling (names are case-sensitive)', { column });
    return undefined;
  }
  return readNumericColumn(csv, column, 'exposure', issues);
}
