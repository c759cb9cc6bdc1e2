import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Run one SQL statement in a fresh in-memory DuckDB (no extension downloads) and return its rows as
 * JSON values with the column names, for tests that read back what Mixwise wrote or suggests.
 * @example (await duckdbQuery('SELECT 1 AS x')).columns // ['x']
 */
export async function duckdbQuery(sql: string): Promise<{ rows: unknown[][]; columns: string[] }> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return { rows: reader.getRowsJson() as unknown[][], columns: reader.columnNames() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
