import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import { naturalCompare } from '@mixwise/engine';
import { DataError } from '../issue.ts';
import { parseDate } from '../read/date.ts';
import { makeIssue } from '../validate/make-issue.ts';
import { paddedGeoNames } from './padded-geos.ts';

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
  /** The KPI column, when known: an empty KPI cell is worded as one (withGeoNames). */
  readonly target?: string;
  /** Warnings on the geo names (names written with spaces around them; names that differ only by case, spaces or leading zeros). */
  readonly warnings?: readonly Issue[];
}

/**
 * Indexes a long panel file (one row per date and geo) by geo and date, checking that it is a
 * balanced panel: every geo has one row for every date of the file. A row whose date cannot be read is
 * an INVALID_DATE (or EMPTY_CELL) error at its line naming its geo, reported instead of the imbalance it
 * causes in that geo; a geo whose dates all sit a constant 1–6 days off the others' (week-ending against
 * week-starting) is one error saying so; rows dated after `end` are ignored.
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
export function panelRows(csv: CsvTable, column: string, date: string, options: { end?: string; flag?: string; target?: string } = {}): PanelRows {
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
  // Geos with a row whose date cannot be read: their imbalance is that row's, not reported again.
  const unreadable = new Set<string>();
  csv.rows.forEach((row, i) => {
    const cell = row[d] ?? '';
    const parsed = parseDate(cell);
    const geo = row[g] ?? '';
    if (!parsed.ok) {
      unreadable.add(geo);
      issues.push(makeIssue(cell === '' ? 'EMPTY_CELL' : 'INVALID_DATE', 'error',
        `${column} ${JSON.stringify(geo)}: ${cell === '' ? 'the date is empty' : `the date ${JSON.stringify(cell)} cannot be read`}, so this geo's row is missing from the panel`,
        'correct the date (write it like the other rows\' dates, e.g. 2024-01-29), or remove the row', { file: csv.file, row: csv.rowNumbers[i], column: date }));
      return;
    }
    if (options.end !== undefined && parsed.iso > options.end) return;
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
        `${column} ${JSON.stringify(geo)} has two rows dated ${parsed.iso}: line ${csv.rowNumbers[first]} and line ${csv.rowNumbers[i]}`,
        'remove the copy, or add the two rows up into one if both are real', { file: csv.file, row: csv.rowNumbers[i], column }));
      return;
    }
    byDate.set(parsed.iso, i);
  });
  const geos = [...rowOf.keys()].sort(naturalCompare);
  if (issues.length === 0 && geos.length < 2) {
    const seen = geos.length === 0 ? 'no value' : `one value (${JSON.stringify(geos[0])})`;
    throw new DataError([makeIssue('PANEL_VALUE', 'error', `${flag}: column "${column}" has ${seen}, so there is no panel to fit: a geo-level model needs at least 2 geos`,
      'name the column that tells the geos apart, or leave the geo setting out to fit the file as one national series', { file: csv.file, column })]);
  }
  const near = nearDuplicateGeos(geos, column, csv.file);
  // A geo name written with spaces around it is read trimmed: said, not changed silently.
  const warnings = [...paddedGeoNames(csv, column, geos), ...near];
  const shifted = shiftedGeos(geos, rowOf);
  for (const [geo, days] of shifted) {
    issues.push(makeIssue('PANEL_UNBALANCED', 'error',
      `${column} ${JSON.stringify(geo)}: its dates are all ${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'after' : 'before'} the other geos' (week-ending against week-starting dates?), so it shares no date with them`,
      'use the same day for every geo (e.g. every row dated by the week\'s first day)', { file: csv.file, column }));
  }
  // The dates of the geos that are not shifted: each must have them all.
  const sortedDates = [...new Set(geos.filter((geo) => !shifted.has(geo)).flatMap((geo) => [...(rowOf.get(geo) as Map<string, number>).keys()]))].sort();
  const hint = near.length > 0 ? '; some geo names differ only by case, spaces or leading zeros (see the warning): write each geo the same way on every row' : '';
  for (const geo of geos) {
    if (shifted.has(geo) || unreadable.has(geo)) continue;
    const byDate = rowOf.get(geo) as Map<string, number>;
    const missing = sortedDates.filter((t) => !byDate.has(t));
    if (missing.length === 0) continue;
    const listed = missing.length > 6 ? `${missing.slice(0, 5).join(', ')}, … (${missing.length} dates)` : missing.join(', ');
    issues.push(makeIssue('PANEL_UNBALANCED', 'error',
      `${column} ${JSON.stringify(geo)} has no row for ${missing.length === 1 ? 'the date' : 'the dates'} ${listed}, which other geos have: a geo-level model needs every geo on every date`,
      `add the missing row${missing.length === 1 ? '' : 's'} (with spend 0 if nothing ran there), or leave the geo out of the file${hint}`, { file: csv.file, column }));
  }
  if (issues.length > 0) issues.push(...near.filter(() => hint !== ''));
  if (issues.length > 0) throw new DataError(capped(issues));
  return { column, geos, rowOf: geos.map((geo) => rowOf.get(geo) as Map<string, number>), ...(warnings.length === 0 ? {} : { warnings }), ...(options.target === undefined ? {} : { target: options.target }) };
}

/** The key two geo names share when they differ only by case, spaces or leading zeros. */
const nameKey = (geo: string): string => geo.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^0+(?=\d)/, '');

/**
 * A warning for each group of geo names that differ only by case, spaces or leading zeros (North and
 * north, 01 and 1): most likely one geo written two ways, fitted as separate geos.
 * @example nearDuplicateGeos(['North', 'north'], 'geo', 'd.csv')[0].message // 'geo: "North" and "north" differ only by …'
 */
export function nearDuplicateGeos(geos: readonly string[], column: string, file: string | undefined): Issue[] {
  const groups = new Map<string, string[]>();
  for (const geo of geos) groups.set(nameKey(geo), [...(groups.get(nameKey(geo)) ?? []), geo]);
  return [...groups.values()].filter((names) => names.length > 1).map((names) => makeIssue('PANEL_VALUE', 'warning',
    `${column}: ${names.map((n) => JSON.stringify(n)).join(' and ')} differ only by case, spaces or leading zeros, and are fitted as ${names.length} separate geos`,
    'if they are one geo, write it the same way on every row', { ...(file === undefined ? {} : { file }), column }));
}

/** ISO date `days` days later. */
function shiftDate(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The geos whose dates barely meet the other geos' (under a fifth shared) but sit at a constant offset of
 * 1–6 days from them (at least four fifths matched): geo → days after the others (negative: before).
 */
function shiftedGeos(geos: readonly string[], rowOf: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  if (geos.length < 2) return out;
  // How many geos have each date: another geo has date t when its count, less the geo's own row, is above 0
  // (one pass over the rows, not a set of the other geos' dates per geo, which is quadratic in the geos).
  const geosOn = new Map<string, number>();
  for (const geo of geos) for (const t of (rowOf.get(geo) as ReadonlyMap<string, number>).keys()) geosOn.set(t, (geosOn.get(t) ?? 0) + 1);
  for (const geo of geos) {
    const byDate = rowOf.get(geo) as ReadonlyMap<string, number>;
    const own = [...byDate.keys()];
    const othersHave = (t: string): boolean => (geosOn.get(t) ?? 0) - (byDate.has(t) ? 1 : 0) > 0;
    const shared = (days: number): number => own.filter((t) => othersHave(days === 0 ? t : shiftDate(t, -days))).length;
    if (own.length === 0 || shared(0) > own.length / 5) continue;
    // The offset matching most dates (weekly dates 6 days after also sit 1 day before the next week's).
    let best = { days: 0, count: 0 };
    for (const days of [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6]) {
      const count = shared(days);
      if (count > best.count) best = { days, count };
    }
    if (best.count >= (own.length * 4) / 5) out.set(geo, best.days);
  }
  // With two geos each is shifted from the other: name the later one only.
  if (out.size === geos.length) for (const [geo, days] of [...out]) if (days < 0) out.delete(geo);
  return out;
}

/** The first MAX_LISTED issues, and a last one counting the rest. */
export function capped(issues: readonly Issue[]): Issue[] {
  if (issues.length <= MAX_LISTED) return [...issues];
  const rest = issues.length - MAX_LISTED;
  const last = issues[MAX_LISTED];
  return [...issues.slice(0, MAX_LISTED), { ...last, message: `… and ${rest} more problem${rest === 1 ? '' : 's'} like these (first not shown: ${last.message})`, at: { ...(last.at.file === undefined ? {} : { file: last.at.file }) } }];
}

/** The fix for an empty KPI cell of a geo panel. */
const KPI_EMPTY_HINT = 'fill in the KPI, leave the geo (or the dates) out of the file, or add the geos up into one national series (--clean sum_panel,skip_missing_kpi)';

/**
 * Issues found on a panel's rows with the geo of their row named first (`geo "north": …`), so an
 * error from the national checks (a negative spend, an empty KPI) says which geo it is in; without
 * the roll-up's "sum_panel:" and the hint's cleaning step (not applied per geo).
 * @param issues issues located at file lines
 * @param csv the panel's cells
 * @param rows the panel's index
 * @example withGeoNames([negativeAtLine336], csv, rows)[0].message // 'geo "g3": "tv_spend" is empty, so …'
 */
export function withGeoNames(issues: readonly Issue[], csv: CsvTable, rows: PanelRows): Issue[] {
  const geoAt = new Map<number, string>();
  rows.rowOf.forEach((byDate, g) => { for (const i of byDate.values()) geoAt.set(csv.rowNumbers[i], rows.geos[g]); });
  return issues.map((issue) => {
    const geo = issue.at.row === undefined ? undefined : geoAt.get(issue.at.row);
    if (geo === undefined || issue.message.startsWith(`${rows.column} "`)) return issue;
    // A KPI cell is not a channel's: the fix is not "0 for a channel that did not spend".
    const kpi = rows.target !== undefined && issue.at.column === rows.target && issue.code === 'EMPTY_CELL';
    // The roll-up that gave the national table is internal, and the cleaning steps are not applied per geo: neither is offered.
    const message = issue.message.replace(/^sum_panel: /, '');
    const hint = kpi ? KPI_EMPTY_HINT : issue.hint.replace(/; or let Mixwise change it and log every change:.*$/s, '');
    return { ...issue, message: `${rows.column} ${JSON.stringify(geo)}: ${kpi ? `the KPI "${issue.at.column}" is empty (a geo panel with a missing KPI is not supported yet)` : message}`, hint };
  });
}
