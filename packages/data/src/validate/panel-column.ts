import { naturalCompare } from '@mixwise/engine';
import type { CsvTable } from '../read/read-csv.ts';
import { datedRows, type DatedRow } from './dated-rows.ts';
import type { Issue } from '../issue.ts';
import type { RuleRoles } from './rule-types.ts';
import { isNumericColumn } from '../build/unused-numeric-columns.ts';
import { makeIssue } from './make-issue.ts';
import { rollUpQuery } from './panel-query.ts';
import { keyColumnsText, panelKey, repeatedKeys } from './panel-keys.ts';
import { codedKeyColumns } from './coded-keys.ts';
import { isMeridianShaped, meridianSourcesText } from '../detect/meridian-shape.ts';

/** The column, or the columns taken together, that split every date into rows: geo, region, product, brand; or geo and product… */
export interface PanelColumn {
  /** The key columns, in file order: one (geo), or several whose values together tell a date's rows apart (geo and product). */
  columns: string[];
  /** The distinct keys, in order of first appearance: the column's values, or the key columns' values joined by " × " (panelKey). */
  values: string[];
  /** Dates that lack a row for some values, when the panel is unbalanced (absent when every date has them all). */
  incomplete?: IncompleteDate[];
  /** Rows that repeat an earlier row's (date, value) pair, in file order (absent when none does). */
  duplicates?: PanelDuplicate[];
}

/** A date of an unbalanced panel and the values of the panel column it has no row for. */
export interface IncompleteDate {
  /** yyyy-mm-dd */
  date: string;
  /** File line of the date's first row. */
  row: number;
  missing: string[];
}

/** A row of a panel whose date and panel value an earlier row already has (a pasted copy, or a split row). */
export interface PanelDuplicate {
  /** yyyy-mm-dd */
  date: string;
  /** The row's key (the geo, product…; "NA × platform" for several key columns: panelKey). */
  value: string;
  /** File line of the repeat. */
  row: number;
  /** File line of the pair's first row. */
  firstRow: number;
}

/** At most one dated row in MAX_REPEATS_PER (5%) may repeat an earlier row's (date, value) pair. */
const MAX_REPEATS_PER = 20;
/** Most key columns a panel is looked for with (date × geo × product × brand). */
const MAX_KEY_COLUMNS = 3;

/**
 * The column that makes a file a panel (one row per date and geo, product…), if there is one: a
 * non-numeric column other than the date, or a column of whole-number codes (a DMA or store number
 * named like a key, or one that splits every date into the same set of values: codedKeyColumns), such that most dates (more than half) have several rows
 * and the (date, value) pairs are distinct but for a few repeats: at most one dated row in twenty
 * (5%) may repeat an earlier row's pair, and `duplicates` names each (a pasted copy of one geo's row
 * must not read as hundreds of duplicate dates; a column with more repeats does not split the dates).
 * Of several such columns, the one with the fewest repeats is taken (the first in file order on a
 * tie). When no one column splits the dates, the fewest columns that do together are taken (up to
 * three: a file with one row per date, geo and product has the key columns geo and product, and each
 * row's value is its geo × product key: panelKey). A date that lacks a row for some of the values
 * makes the panel unbalanced, and `incomplete` names them: one missing geo row must not read as
 * hundreds of duplicate dates either. Such a file is not a series with duplicate dates, and saying
 * so beats one DUPLICATE_DATE error per repeated row.
 * @param csv the parsed cells
 * @param dateColumn the date column
 * @returns the key columns and values, or undefined
 * @example panelColumn(csv, 'date') // { columns: ['geo'], values: ['geo_a', 'geo_b'] }
 * @example panelColumn(geoByProduct, 'date') // { columns: ['geo', 'product'], values: ['NA × platform', 'NA × analytics', …] }
 * @example panelColumn(withoutOneRow, 'date')?.incomplete // [{ date: '2023-05-22', row: 101, missing: ['geo_a'] }]
 * @example panelColumn(withOneRowTwice, 'date')?.duplicates // [{ date: '2023-05-22', value: 'geo_a', row: 202, firstRow: 101 }]
 */
export function panelColumn(csv: CsvTable, dateColumn: string): PanelColumn | undefined {
  const dated = datedRows(csv, dateColumn);
  if (dated.length < 2) return undefined;
  const perDate = new Map<number, DatedRow[]>();
  for (const d of dated) {
    const rows = perDate.get(d.days);
    if (rows === undefined) perDate.set(d.days, [d]);
    else rows.push(d);
  }
  // Repeated dates must be the rule, not the exception: a few duplicated rows are DUPLICATE_DATE errors.
  const repeated = [...perDate.values()].filter((rows) => rows.length > 1).length;
  if (repeated * 2 <= perDate.size) return undefined;
  // Text columns first; then whole-number codes (DMA 501, store 1042) that split the dates as a key does (codedKeyColumns).
  const text = [...csv.header.flatMap((h, j) => (h === dateColumn || isNumericColumn(csv, h) ? [] : [j])), ...codedKeyColumns(csv, dateColumn, dated, perDate)];
  // A column that takes part in a key of several has a few values: more than twice as many as the
  // rows of the fullest date (an id, a note) cannot, and neither can a column with one value.
  const most = [...perDate.values()].reduce((m, rows) => Math.max(m, rows.length), -Infinity);
  const partKeys = text.filter((j) => {
    const n = new Set(dated.map((d) => csv.rows[d.index][j])).size;
    return n > 1 && n <= 2 * most;
  });
  let best: { keys: number[]; duplicates: PanelDuplicate[] } | undefined;
  for (let size = 1; size <= MAX_KEY_COLUMNS && best === undefined; size++) {
    for (const keys of size === 1 ? text.map((j) => [j]) : combinations(partKeys, size)) {
      const duplicates = repeatedPairs(csv, keys, perDate.values());
      if (duplicates.length * MAX_REPEATS_PER > dated.length) continue;
      if (best === undefined || duplicates.length < best.duplicates.length) best = { keys, duplicates };
      if (duplicates.length === 0) break;
    }
  }
  if (best === undefined) return undefined;
  const { keys, duplicates } = best;
  const values = [...new Set(dated.map((d) => panelKey(csv.rows[d.index], keys)))];
  const incomplete = [...perDate.values()].flatMap((rows) => {
    const seen = new Set(rows.map((d) => panelKey(csv.rows[d.index], keys)));
    const missing = values.filter((v) => !seen.has(v));
    return missing.length === 0 ? [] : [{ date: rows[0].iso, row: rows[0].row, missing }];
  });
  return {
    columns: keys.map((j) => csv.header[j]), values,
    ...(incomplete.length > 0 ? { incomplete } : {}),
    ...(duplicates.length > 0 ? { duplicates } : {}),
  };
}

/** The ways to pick `size` of the items, each in the items' order, in lexicographic order. */
function combinations(items: readonly number[], size: number): number[][] {
  if (size === 0) return [[]];
  return items.flatMap((first, k) => combinations(items.slice(k + 1), size - 1).map((rest) => [first, ...rest]));
}

/** The rows whose (date, key) pair an earlier row of the same date has, in file order. */
function repeatedPairs(csv: CsvTable, keys: readonly number[], perDate: Iterable<readonly DatedRow[]>): PanelDuplicate[] {
  const out: PanelDuplicate[] = [];
  for (const rows of perDate) {
    for (const { item: d, first } of repeatedKeys(rows, (r) => panelKey(csv.rows[r.index], keys))) {
      out.push({ date: d.iso, value: panelKey(csv.rows[d.index], keys), row: d.row, firstRow: first.row });
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

/**
 * The PANEL_DATA error for a panel file, with a DuckDB query that rolls it up to one series and keeps
 * every column of the file (rollUpQuery): the KPI and spend summed, controls averaged, 0/1 events as
 * their maximum, and any other number summed (or averaged when named like a rate or level), saying so.
 * @param csv the parsed cells
 * @param roles the resolved roles, as far as known (none while the dates are first read)
 * @param date the date column
 * @param panel what panelColumn found
 * @returns the issue, located at the (first) panel column
 * @example panelIssue(csv, {}, 'date', { columns: ['geo'], values: ['north', 'south'] }).code // 'PANEL_DATA'
 */
export function panelIssue(csv: CsvTable, roles: RuleRoles, date: string, panel: PanelColumn): Issue {
  // Natural order (Geo0, Geo1, Geo2… not Geo0, Geo1, Geo10): the message lists the first few values, so they should read as a sequence.
  const sorted = [...panel.values].sort(naturalCompare);
  const shown = sorted.slice(0, 5).join(', ') + (sorted.length > 5 ? `, … (${sorted.length} in all)` : '');
  const [first, ...more] = panel.columns;
  const per = more.length === 0 ? `one per value of "${first}"` : `one per combination of ${keyColumnsText(panel.columns)}`;
  const issue = makeIssue('PANEL_DATA', 'error',
    `every date has ${panel.values.length} rows, ${per} (${shown}): the file is a panel, and a model is fitted to one series with one row per date`,
    'add up the rows of each date into one (spend, the KPI and counts such as population or impressions add up; other controls average, weighted by population when the file has a population column; an event counts when it happens anywhere), e.g. with DuckDB: '
    + `${rollUpQuery(csv, roles, date, panel.columns)}; or model one ${first} by keeping only its rows`
    + (isMeridianShaped(csv.header) ? `; ${meridianSourcesText(csv.file ?? 'data.csv')}` : ''),
    { file: csv.file, column: first });
  // The cleaning hint names every key column (sum_panel=geo+product), which the location alone cannot.
  return more.length === 0 ? issue : { ...issue, details: { panelColumns: panel.columns } };
}
