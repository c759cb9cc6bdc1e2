/**
 * Whether more than half of a column's readable values are below zero: for a revenue or count KPI,
 * the sign of the whole column was flipped (an export that writes the KPI as a debit or a cost), not a
 * few periods netting refunds.
 * @param values the values, NaN where a cell is unreadable or not fitted
 * @example mostlyNegative(Float64Array.of(-3, -4, 5)) // true
 * @example mostlyNegative(Float64Array.of(-3, 4, NaN)) // false
 */
export function mostlyNegative(values: ArrayLike<number>): boolean {
  let read = 0;
  let negative = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    read++;
    if (values[i] < 0) negative++;
  }
  return read > 0 && negative > read / 2;
}
