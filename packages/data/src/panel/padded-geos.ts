// Geo names written with spaces around them: the CSV reader trims every cell, so "north " is fitted as
// "north". Said, with where and how, rather than changed silently.
import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import { makeIssue } from '../validate/make-issue.ts';

/**
 * A PANEL_VALUE warning for each geo name written with spaces (or tabs) around it in the geo column:
 * the name as written and as used, its first lines and how many rows, and whether other rows write it
 * without the spaces (then they are fitted as one geo).
 * @param csv the panel file's cells (csv.paddedCells from the reader)
 * @param column the geo column
 * @param geos the geo names used (trimmed)
 * @example paddedGeoNames(csv, 'geo', ['north', 'south'])[0].message // 'geo "north " (line 3) is read as "north": the spaces around it are dropped, …'
 */
export function paddedGeoNames(csv: CsvTable, column: string, geos: readonly string[]): Issue[] {
  const used = new Set(geos);
  return (csv.paddedCells?.get(column) ?? []).filter((p) => used.has(p.used)).map((p) => {
    const lines = `${p.lines.length === 1 ? 'line' : 'lines'} ${p.lines.join(', ')}${p.rows > p.lines.length ? `, … (${p.rows} rows)` : ''}`;
    return makeIssue('PANEL_VALUE', 'warning',
      `${column} ${JSON.stringify(p.written)} (${lines}) is read as ${JSON.stringify(p.used)}: the spaces around it are dropped, so ${p.rows === 1 ? 'its row is' : 'its rows are'} fitted as geo ${JSON.stringify(p.used)}`,
      `nothing to do if that is the geo meant; to silence this, remove the spaces around the name in the file`,
      { ...(csv.file === undefined ? {} : { file: csv.file }), row: p.lines[0], column });
  });
}
