import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import { parseNumber } from '../read/parse-number.ts';
import { makeIssue } from '../validate/make-issue.ts';
import type { PanelRows } from './panel-rows.ts';

/** A geo panel's size column (fit --geo-size, columns.geo_size) and how messages name the setting. */
export interface GeoSizeOption {
  readonly column: string;
  /** '--geo-size population' or 'columns.geo_size: population (in the config)'. */
  readonly flag: string;
}

/** What panelSizes read: the column and each geo's size, or the errors that stop the fit. */
export type PanelSizesResult = { readonly ok: true; readonly size: { readonly column: string; readonly values: number[] } } | { readonly ok: false; readonly issues: Issue[] };

/**
 * Each geo's size from the size column of a long panel file (population, households…): one positive
 * number per geo, repeated on each of the geo's rows (the usual long layout), and the same on every
 * row of the geo over the dates used (no blank cell): a size is a
 * trait of the geo that scales its KPI and spend, not a series (a population that changes over time
 * would make s_g depend on the window; give the geo's value at one date, e.g. the latest census).
 * Only the rows of the table's dates are read (rows after the window's end are ignored like the rest).
 * @param csv the long file's cells
 * @param rows the panel's index (panelRows)
 * @param dates the table's dates (ISO)
 * @param option the column and the setting's name
 * @returns the sizes in rows.geos order, or PANEL_SIZE issues (file, line, column and geo named), one per geo at most
 * @example panelSizes(csv, rows, dates, { column: 'population', flag: '--geo-size population' }) // { ok: true, size: { column: 'population', values: [5200000, 1800000] } }
 */
export function panelSizes(csv: CsvTable, rows: PanelRows, dates: readonly string[], option: GeoSizeOption): PanelSizesResult {
  const j = csv.header.indexOf(option.column);
  if (j < 0) {
    return { ok: false, issues: [makeIssue('MISSING_COLUMN', 'error', `${option.flag}: column "${option.column}" is not in the file (its columns: ${csv.header.join(', ')})`,
      'name the column that holds each geo\'s size (population, households…), or leave the size setting out to size each geo by its share of the KPI', { ...(csv.file === undefined ? {} : { file: csv.file }) })] };
  }
  const issues: Issue[] = [];
  const values = rows.geos.map((geo, g) => {
    const where = `${rows.column} ${JSON.stringify(geo)}`;
    let first: { value: number; line: number } | undefined;
    for (const date of dates) {
      const i = rows.rowOf[g].get(date);
      if (i === undefined) continue;
      const cell = csv.rows[i][j] ?? '';
      const at = { ...(csv.file === undefined ? {} : { file: csv.file }), row: csv.rowNumbers[i], column: option.column };
      const p = parseNumber(cell, csv.delimiter);
      if (!p.ok || !Number.isFinite(p.value) || !(p.value > 0)) {
        const what = cell.trim() === '' ? 'the size is empty' : `the size ${JSON.stringify(cell)} is ${p.ok ? 'not above zero' : 'not a number'}`;
        issues.push(makeIssue('PANEL_SIZE', 'error', `${where}: ${what} in "${option.column}" (${option.flag})`,
          `write the geo's size (its population or another positive count) as a number above zero on its rows`, at));
        return Number.NaN;
      }
      if (first === undefined) first = { value: p.value, line: csv.rowNumbers[i] };
      else if (p.value !== first.value) {
        issues.push(makeIssue('PANEL_SIZE', 'error', `${where}: the size in "${option.column}" (${option.flag}) is ${cell} here but ${first.value} on line ${first.line}; a geo's size must be the same on all its rows`,
          `give the geo one size (e.g. its latest population) on every one of its rows`, at));
        return Number.NaN;
      }
    }
    return first?.value ?? Number.NaN;
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, size: { column: option.column, values } };
}

