import type { CsvDelimiter } from './detect-delimiter.ts';

/** One comma followed by exactly three digits (`1,540`): thousands in a comma file, a decimal comma in a semicolon one. */
const ONE_GROUP = /^[+-]?\d{1,3},\d{3}$/;
/** Comma grouping that can only be thousands: two groups or more, or a decimal point after (`1,234,567`, `1,234.5`). */
const SURE_GROUPING = /^[+-]?\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^[+-]?\d{1,3},\d{3}\.\d+$/;

/**
 * Which cells of a numeric column of a semicolon-separated file hold a decimal comma written like a
 * thousands group (`1,540`, `0,125`). The semicolon is the delimiter of the European CSV convention,
 * whose decimal separator is the comma, so such a cell is a decimal comma unless the column shows
 * comma grouping that only thousands can be (`1,234,567` or `1,234.5` in another cell) or writes
 * decimals with a dot (`12.5`). Other files:
 * none (a single `,ddd` is read as thousands there, with AMBIGUOUS_COMMA; `0,125` never is, parseNumber).
 * @param cells the column's cells, in row order
 * @param delimiter the file's delimiter
 * @returns the indices of the cells to refuse as decimal commas
 * @example semicolonDecimalCommas(['1,540', '2,125'], ';') // Set {0, 1}
 * @example semicolonDecimalCommas(['1,540', '12.5'], ';') // Set {}
 */
export function semicolonDecimalCommas(cells: readonly string[], delimiter: CsvDelimiter): Set<number> {
  if (delimiter !== ';') return new Set();
  const trimmed = cells.map((c) => c.trim());
  // A column that writes decimals with a dot (12.5) has comma grouping, as one only thousands can be.
  if (trimmed.some((c) => SURE_GROUPING.test(c) || /^[+-]?\d*\.\d+$/.test(c))) return new Set();
  return new Set(trimmed.flatMap((c, i) => (ONE_GROUP.test(c) ? [i] : [])));
}
