/**
 * A hint fragment listing a file's columns, for "column not found" messages. Long lists are cut.
 * @param header column names
 * @param max how many names to list (default 30)
 * @example availableColumns(['date', 'y']) // 'available columns: date, y'
 */
export function availableColumns(header: readonly string[], max = 30): string {
  const shown = header.slice(0, max).join(', ');
  const more = header.length > max ? `, … (${header.length - max} more)` : '';
  return `available columns: ${shown}${more}`;
}
