import type { CsvTable } from '../read/read-csv.ts';
import type { DatedRow } from './dated-rows.ts';
import { nameWords } from '../detect/name-words.ts';
import { isNumericColumn } from '../build/unused-numeric-columns.ts';
import { averagedByName, isCountLike } from './panel-rule.ts';

/** Words naming a column that identifies a geo, a store or another unit of a panel by a code. */
const KEY_WORDS = new Set([
  'geo', 'dma', 'region', 'market', 'store', 'shop', 'outlet', 'branch', 'dealer', 'country', 'state', 'province',
  'county', 'city', 'zip', 'postcode', 'area', 'territory', 'location', 'site', 'id', 'code', 'key', 'nielsen', 'msa', 'cbsa', 'fips',
]);

/** Words naming a measure, which a key name must not also have (store_count, region_sales). */
const MEASURE_WORDS = new Set([
  'count', 'num', 'number', 'total', 'qty', 'quantity', 'amount', 'size', 'sales', 'revenue', 'spend', 'cost',
  'conversion', 'order', 'unit', 'visit', 'lead', 'sqft', 'value',
]);

/**
 * Whether a column's name marks a panel key: a key word (geo, dma, store, region, id, code…) and no
 * measure word (count, sales, spend…), nor a count (population) or a rate (price).
 * @example isKeyNamed('dma') // true
 * @example isKeyNamed('store_count') // false
 */
export function isKeyNamed(column: string): boolean {
  return nameWords(column).some((w) => KEY_WORDS.has(w) || KEY_WORDS.has(singular(w))) && !isMeasureNamed(column);
}

/** Whether a name marks a measure: a measure word (count, sales, spend…), a count (population) or a rate (price). */
function isMeasureNamed(column: string): boolean {
  return nameWords(column).some((w) => MEASURE_WORDS.has(w) || MEASURE_WORDS.has(singular(w))) || isCountLike(column) || averagedByName(column);
}

function singular(word: string): string {
  return word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : word;
}

/**
 * The numeric columns that may key a panel, as integer codes do (DMA 501, store 1042): every dated
 * cell a whole number written without decimals, more than one value and at most twice as many as the
 * rows of the fullest date (not a row id), and either named like a key (isKeyNamed: its missing or
 * repeated rows are then reported like a text key's) or splitting every date into exactly the same
 * set of values, one row each, on at least four dates. A measure (orders, a price) takes other values on other dates, so it
 * fails the second test; a name that marks a measure (store_count, population, avg_price) is never a key. Key-named
 * columns first, then the others, each in file order.
 * @param csv the cells
 * @param dateColumn the date column
 * @param dated the rows with a readable date
 * @param perDate those rows by date
 * @example codedKeyColumns(dmaPanel, 'time', dated, perDate) // [0] (the "dma" column)
 */
export function codedKeyColumns(csv: CsvTable, dateColumn: string, dated: readonly DatedRow[], perDate: ReadonlyMap<number, readonly DatedRow[]>): number[] {
  const most = [...perDate.values()].reduce((m, rows) => Math.max(m, rows.length), -Infinity);
  const named: number[] = [];
  const others: number[] = [];
  csv.header.forEach((h, j) => {
    if (h === dateColumn || isMeasureNamed(h) || !isNumericColumn(csv, h)) return;
    if (!dated.every((d) => /^\s*-?\d+\s*$/.test(csv.rows[d.index][j] ?? ''))) return;
    const values = new Set(dated.map((d) => csv.rows[d.index][j].trim()));
    if (values.size < 2 || values.size > 2 * most) return;
    if (isKeyNamed(h)) named.push(j);
    else if (sameSetEveryDate(csv, j, perDate, values.size)) others.push(j);
  });
  return [...named, ...others];
}

/** Dates a column not named like a key must repeat its set of codes on: with fewer, a small count (1, 2) can repeat by chance. */
const MIN_CODED_DATES = 4;

/** Every date (at least MIN_CODED_DATES of them) has each of the `size` values exactly once. */
function sameSetEveryDate(csv: CsvTable, j: number, perDate: ReadonlyMap<number, readonly DatedRow[]>, size: number): boolean {
  if (perDate.size < MIN_CODED_DATES) return false;
  for (const rows of perDate.values()) {
    if (rows.length !== size || new Set(rows.map((d) => csv.rows[d.index][j].trim())).size !== size) return false;
  }
  return true;
}
