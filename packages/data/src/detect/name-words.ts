/**
 * The words of a column name: split at `_`, space, `-`, `.` and lower-to-upper case changes, lower-cased.
 * @example nameWords('competitorSales_B') // ['competitor', 'sales', 'b']
 */
export function nameWords(column: string): string[] {
  return column.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[_ .-]+/).filter((w) => w !== '');
}
