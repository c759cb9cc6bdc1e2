import { resolve } from 'node:path';
import type { ModelingTable } from '@mixwise/engine';
import type { TableFromCsvResult, TableRoles } from '@mixwise/data';
import { readCsvFile, tableFromCsv } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import { useColor } from '../io.ts';
import { renderIssues } from '../render/issues.ts';

/**
 * Reads a CSV file into a ModelingTable (see @mixwise/data tableFromCsv), printing warnings and a
 * one-line description of what was read to stderr.
 * @param dataPath the path as the user typed it (relative to io.cwd); used in messages
 * @param roles the column roles
 * @param io streams and working folder
 * @param options quiet: print nothing (warnings are still returned)
 * @throws DataError with located issues when the file cannot be used
 * @example readTable('data.csv', { target: 'sales' }, io).table.channels.length // 2
 */
export function readTable(dataPath: string, roles: TableRoles, io: CliIo, options: { quiet?: boolean } = {}): TableFromCsvResult {
  const csv = readCsvFile(resolve(io.cwd, dataPath), { name: dataPath });
  const result = tableFromCsv(csv, roles);
  if (options.quiet !== true) {
    if (result.warnings.length > 0) io.stderr.write(renderIssues(result.warnings, { color: useColor(io.stderr, io.env) }));
    io.stderr.write(`read ${dataPath}: ${describeTable(result.table)}\n`);
  }
  return result;
}

/**
 * One line describing a table: periods, frequency, window, and the columns per role.
 * @example describeTable(table) // '156 weekly periods (2022-01-03 … 2024-12-23); target revenue; channels tv, search; controls price; events none'
 */
export function describeTable(table: ModelingTable): string {
  const list = (names: string[]): string => (names.length === 0 ? 'none' : names.join(', '));
  const n = table.dates.length;
  return `${n} ${table.frequency} periods (${table.dates[0]} … ${table.dates[n - 1]}); `
    + `target ${table.target.name}; channels ${list(table.channels.map((c) => c.name))}; `
    + `controls ${list(table.controls.map((c) => c.name))}; events ${list(table.events.map((e) => e.name))}`
    + ((table.organic ?? []).length > 0 ? `; organic media ${list((table.organic ?? []).map((o) => o.name))}` : '')
    + (table.panel === undefined ? '' : `; ${table.panel.geos.length} geos by ${table.panel.column}`);
}
