/**
 * A message with every absolute file path replaced by its last segment, and only its first line (DuckDB
 * puts the SQL on the lines after): what an answer may say of a server-side error without showing the
 * server's folders.
 * @example withoutPaths("No magic bytes found at end of file '/srv/data/uploads/ab12/source.parquet'") // "No magic bytes found at end of file 'source.parquet'"
 */
export function withoutPaths(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return first.replace(/(^|[\s'"`(=:])(?:[A-Za-z]:)?[\\/](?:[^\s'"`\\/]+[\\/])*([^\s'"`\\/]*)/g, '$1$2').trim();
}
