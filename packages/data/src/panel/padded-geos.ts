// Geo names written with spaces around them: the CSV reader trims every cell, so "north " is fitted as
// "north". Said, with where and how, rather than changed silently.
import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import { makeIssue } from '../validate/make-issue.ts';

/**
 * A PANEL_VALUE warning for each geo name written with spaces (or tabs) around it in the geo column:
 * the name as written and as used, its first lines and how many rows, and whether other rows write it
 * without the spaces (then they are fitted as one geo).
 * @param csv the panel file's cells (csv.paddedCells from the reader, or from the large-file source scan)
 * @param column the geo column
 * @param geos the geo names used (trimmed); undefined: every name of the column (a datamart source, whose geos are all read)
 * @param options counted: the rows are counted as the geo rather than fitted as it (a datamart source is
 *   summed over geos, or split by them, before any fit)
 * @example paddedGeoNames(csv, 'geo', ['north', 'south'])[0].message // 'geo "north " (line 3) is read as "north": the spaces around it are dropped, …'
 */
export function paddedGeoNames(csv: CsvTable, column: string, geos?: readonly string[], options: { counted?: boolean } = {}): Issue[] {
  const used = geos === undefined ? undefined : new Set(geos);
  const how = options.counted === true ? 'counted' : 'fitted';
  return (csv.paddedCells?.get(column) ?? []).filter((p) => used === undefined || used.has(p.used)).map((p) => {
    const lines = `${p.lines.length === 1 ? 'line' : 'lines'} ${p.lines.join(', ')}${p.rows > p.lines.length ? `, … (${p.rows} rows)` : ''}`;
    return makeIssue('PANEL_VALUE', 'warning',
      `${column} ${JSON.stringify(p.written)} (${lines}) is read as ${JSON.stringify(p.used)}: the spaces around it are dropped, so ${p.rows === 1 ? 'its row is' : 'its rows are'} ${how} as geo ${JSON.stringify(p.used)}`,
      `nothing to do if that is the geo meant; to silence this, remove the spaces around the name in the file`,
      { ...(csv.file === undefined ? {} : { file: csv.file }), row: p.lines[0], column });
  });
}
