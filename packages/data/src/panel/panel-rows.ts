import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import { naturalCompare } from '@mixwise/engine';
import { DataError } from '../issue.ts';
import { parseDate } from '../read/date.ts';
import { makeIssue } from '../validate/make-issue.ts';

/** Errors listed one by one before the rest are counted (a panel missing a whole geo-week per geo would list hundreds). */
const MAX_LISTED = 20;

/** Where each (geo, date) of a long panel file is: the geo names, the dates and the row of each pair. */
export interface PanelRows {
  /** The geo column. */
  readonly column: string;
  /** Geo names in natural order (Geo2 before Geo10). */
  readonly geos: readonly string[];
  /** Per geo, its rows (indices into csv.rows) by ISO date. */
  readonly rowOf: readonly ReadonlyMap<string, number>[];
}

/**
 * Indexes a long panel file (one row per date and geo) by geo and date, checking that it is a
 * balanced panel: every geo has one row for every date of the file. Rows whose date cannot be read are
 * skipped (the file's validation reports them); rows dated after `end` are ignored.
 * @param csv the file's cells
 * @param column the geo column (fit --geo, columns.geo)
 * @param date the date column
 * @param options end: last date used (yyyy-mm-dd), flag: how the setting is named in messages
 * @returns the index
 * @throws DataError MISSING_COLUMN when the column is not in the file; PANEL_VALUE when it has one value;
 *   DUPLICATE_PANEL_ROW for a (date, geo) on two rows (both lines named); PANEL_UNBALANCED for each geo
 *   lacking a date (geo and date named)
 * @example panelRows(csv, 'geo', 'date').geos // ['north', 'south']
 */
export function panelRows(csv: CsvTable, column: string, date: string, options: { end?: string; flag?: string } = {}): PanelRows {
  const flag = options.flag ?? `--geo ${column}`;
  const g = csv.header.indexOf(column);
  if (g < 0) {
    throw new DataError([makeIssue('MISSING_COLUMN', 'error', `${flag}: column "${column}" is not in the file (its columns: ${csv.header.join(', ')})`,
      'name the column that holds the geo of each row (region, geo, market…), or leave the geo setting out to fit the file as one national series', { file: csv.file })]);
  }
  const d = csv.header.indexOf(date);
  const rowOf = new Map<string, Map<string, number>>();
  const dates = new Set<string>();
  const issues: Issue[] = [];
  csv.rows.forEach((row, i) => {
    const parsed = parseDate(row[d] ?? '');
    if (!parsed.ok || (options.end !== undefined && parsed.iso > options.end)) return;
    const geo = row[g] ?? '';
    if (geo === '') {
      issues.push(makeIssue('EMPTY_CELL', 'error', `the geo of this row is empty: ${flag} needs every row to name its geo`,
        'fill in the geo, or remove the row', { file: csv.file, row: csv.rowNumbers[i], column }));
      return;
    }
    dates.add(parsed.iso);
    const byDate = rowOf.get(geo) ?? new Map<string, number>();
    rowOf.set(geo, byDate);
    const first = byDate.get(parsed.iso);
    if (first !== undefined) {
      issues.push(makeIssue('DUPLICATE_PANEL_ROW', 'error',
        `${column} "${geo}" has two rows dated ${parsed.iso}: line ${csv.rowNumbers[first]} and line ${csv.rowNumbers[i]}`,
        'remove the copy, or add the two rows up into one if both are real', { file: csv.file, row: csv.rowNumbers[i], column }));
      return;
    }
    byDate.set(parsed.iso, i);
  });
  const geos = [...rowOf.keys()].sort(naturalCompare);
  if (issues.length === 0 && geos.length < 2) {
    const seen = geos.length === 0 ? 'no value' : `one value ("${geos[0]}")`;
    throw new DataError([makeIssue('PANEL_VALUE', 'error', `${flag}: column "${column}" has ${seen}, so there is no panel to fit: a geo-level model needs at least 2 geos`,
      'name the column that tells the geos apart, or leave the geo setting out to fit the file as one national series', { file: csv.file, column })]);
  }
  const sortedDates = [...dates].sort();
  for (const geo of geos) {
    const byDate = rowOf.get(geo) as Map<string, number>;
    const missing = sortedDates.filter((t) => !byDate.has(t));
    if (missing.length === 0) continue;
    const listed = missing.length > 6 ? `${missing.slice(0, 5).join(', ')}, … (${missing.length} dates)` : missing.join(', ');
    issues.push(makeIssue('PANEL_UNBALANCED', 'error',
      `${column} "${geo}" has no row for ${missing.length === 1 ? 'the date' : 'the dates'} ${listed}, which other geos have: a geo-level model needs every geo on every date`,
      `add the missing row${missing.length === 1 ? '' : 's'} (with spend 0 if nothing ran there), or leave the geo out of the file`, { file: csv.file, column }));
  }
  if (issues.length > 0) throw new DataError(capped(issues));
  return { column, geos, rowOf: geos.map((geo) => rowOf.get(geo) as Map<string, number>) };
}

/** The first MAX_LISTED issues, and a last one counting the rest. */
export function capped(issues: readonly Issue[]): Issue[] {
  if (issues.length <= MAX_LISTED) return [...issues];
  const rest = issues.length - MAX_LISTED;
  const last = issues[MAX_LISTED];
  return [...issues.slice(0, MAX_LISTED), { ...last, message: `… and ${rest} more problem${rest === 1 ? '' : 's'} like these (first not shown: ${last.message})`, at: { ...(last.at.file === undefined ? {} : { file: last.at.file }) } }];
}

/**
 * Issues found on a panel's rows with the geo of their row named first (`geo "north": …`), so an
 * error from the national checks (a negative spend, an empty KPI) says which geo it is in; without
 * the roll-up's "sum_panel:" and the hint's cleaning step (not applied per geo).
 * @param issues issues located at file lines
 * @param csv the panel's cells
 * @param rows the panel's index
 * @example withGeoNames([negativeAtLine336], csv, rows)[0].message // 'geo "g3": spend is negative (-5)'
 */
export function withGeoNames(issues: readonly Issue[], csv: CsvTable, rows: PanelRows): Issue[] {
  const geoAt = new Map<number, string>();
  rows.rowOf.forEach((byDate, g) => { for (const i of byDate.values()) geoAt.set(csv.rowNumbers[i], rows.geos[g]); });
  return issues.map((issue) => {
    const geo = issue.at.row === undefined ? undefined : geoAt.get(issue.at.row);
    if (geo === undefined || issue.message.startsWith(`${rows.column} "`)) return issue;
    // The roll-up that gave the national table is internal, and the cleaning steps are not applied per geo: neither is offered.
    const message = issue.message.replace(/^sum_panel: /, '');
    const hint = issue.hint.replace(/; or let Mixwise change it and log every change:.*$/s, '');
    return { ...issue, message: `${rows.column} "${geo}": ${message}`, hint };
  });
}
