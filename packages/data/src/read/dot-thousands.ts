import type { CsvDelimiter } from './detect-delimiter.ts';
import type { CsvTable } from './read-csv.ts';
import type { NumberParse } from './parse-number.ts';
import { parseNumber } from './parse-number.ts';
import { semicolonDecimalCommas } from './semicolon-commas.ts';

/** Two or more dots, each followed by three digits (`1.856.920`): never a decimal, always grouping. */
const DOT_GROUPED = /^[+-]?[1-9]\d{0,2}(?:\.\d{3}){2,}$/;
/** One dot followed by three digits, no leading zero (`9.388`): grouping or a decimal, by context. */
const ONE_GROUP = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;
/** A decimal comma (`12,5`, `1.234,5`) or a dot-grouped number with one (`1.856.920,5`). */
const COMMA_DECIMAL = /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+),\d+$/;
/** Comma grouping (`1,234`): then the dot is this column's decimal point. */
const COMMA_GROUPED = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Which cells of a numeric column use '.' as a thousands separator (European exports: `9.388` for
 * 9388), so that they are refused rather than read 1000× too small. A cell with two or more dot
 * groups (`1.856.920`) always is. A single group (`9.388`, a valid decimal on its own) is only when
 * the column's context says so: every value with a dot is such a group (no other decimals like
 * 12.5), none uses comma grouping, and another value of the column has a decimal comma (`12,5`) or
 * two dot groups, or the file is semicolon-separated and the column's plain whole numbers are all
 * below 1000 (950 beside 9.388: the grouping pattern; 54.430 beside 12.100 alone is a price). Ordinary decimals such as 9.388 beside 12.5,
 * or in a comma-separated file with no decimal comma, are left alone.
 * @param cells the column's cells, in row order
 * @param delimiter the file's delimiter
 * @returns the indices of the cells that use dot grouping
 * @example dotThousandsRows(['950', '9.388', '1.856.920'], ';') // Set {1, 2}
 */
export function dotThousandsRows(cells: readonly string[], delimiter: CsvDelimiter): Set<number> {
  const out = new Set<number>();
  const single: number[] = [];
  let otherDot = false, commaGrouped = false, evidence = false;
  // A semicolon file alone is not enough (54.430 may be a price with three decimals): grouping also
  // shows as whole numbers below 1000 written plainly (950) beside dotted ones, and none above.
  let smallWhole = false, largeWhole = false;
  cells.forEach((raw, i) => {
    const s = raw.trim();
    if (/^[+-]?\d+$/.test(s)) {
      if (Math.abs(Number(s)) < 1000) smallWhole = true;
      else largeWhole = true;
    }
    if (DOT_GROUPED.test(s)) {
      out.add(i);
      evidence = true;
    } else if (ONE_GROUP.test(s)) {
      single.push(i);
    } else if (COMMA_GROUPED.test(s)) {
      commaGrouped = true; // read as 1234 in a semicolon file: the dot is then the decimal point
    } else if (COMMA_DECIMAL.test(s)) {
      evidence = true;
    } else if (s.includes('.')) {
      otherDot = true;
    }
  });
  if (delimiter === ';' && smallWhole && !largeWhole) evidence = true;
  if (evidence && !otherDot && !commaGrouped) for (const i of single) out.add(i);
  return out;
}

/**
 * Reads a column's cells as parseNumber does, each cell that dotThousandsRows finds refused with
 * reason 'dot-thousands', and each decimal comma of a semicolon file written like a thousands group
 * (semicolonDecimalCommas: `1,540`) with 'decimal-comma' (the shared reading of the validation rules
 * and the table builder).
 * @param cells the column's cells, in row order
 * @param delimiter the file's delimiter
 * @example parseColumn(['950', '9.388'], ';')[1] // { ok: false, reason: 'dot-thousands' }
 */
export function parseColumn(cells: readonly string[], delimiter: CsvDelimiter): NumberParse[] {
  const dotted = dotThousandsRows(cells, delimiter);
  const decimal = semicolonDecimalCommas(cells, delimiter);
  return cells.map((c, i) => (dotted.has(i) ? { ok: false, reason: 'dot-thousands' }
    : decimal.has(i) ? { ok: false, reason: 'decimal-comma' } : parseNumber(c, delimiter)));
}

/** A comma followed by exactly three digits: a decimal comma or thousands by context in a semicolon file (semicolonDecimalCommas). */
const COMMA_GROUP = /^[+-]?\d{1,3},\d{3}$/;

/**
 * Whether parseColumn reads every cell of these as parseNumber does on its own, and so reads any
 * subset of them (one geo's rows) the same: true unless a cell is read by its column's context (a
 * single dot group `9.388`, or in a semicolon file a single comma group `1,540`).
 * @example readsCellByCell(['950', '12.5'], ',') // true
 * @example readsCellByCell(['950', '9.388'], ';') // false
 */
export function readsCellByCell(cells: Iterable<string>, delimiter: CsvDelimiter): boolean {
  for (const raw of cells) {
    const s = raw.trim();
    if (ONE_GROUP.test(s) || (delimiter === ';' && COMMA_GROUP.test(s))) return false;
  }
  return true;
}

/**
 * parseColumn for column j of a table, the reading every rule and the table builder share: a column
 * the decimal_comma step rewrote (CsvTable.decimalPointColumns) is read cell by cell with '.' as its
 * decimal point, since its dots are decimal points now (1,540 became 1.540, not 1540).
 * @param csv the table
 * @param j the column's index in csv.header
 * @example parseTableColumn({ ...csv, decimalPointColumns: new Set(['price']) }, 1)[0] // { ok: true, value: 1.54 }
 */
export function parseTableColumn(csv: Pick<CsvTable, 'header' | 'rows' | 'delimiter' | 'decimalPointColumns'>, j: number): NumberParse[] {
  const cells = csv.rows.map((r) => r[j] ?? '');
  if (csv.decimalPointColumns?.has(csv.header[j]) === true) return cells.map((c) => parseNumber(c, csv.delimiter));
  return parseColumn(cells, csv.delimiter);
}
