import { openDatamart, sqlString } from '@mixwise/data';

/**
 * Converts a Parquet file to a CSV file (header, comma-separated, ISO dates) with DuckDB, in memory,
 * extensions never downloaded (see openDatamart). The CSV then goes through the same readers and
 * validation rules as an uploaded CSV.
 * @param parquetPath the Parquet file
 * @param csvPath the CSV file to write
 * @throws Error with DuckDB's message when the file is not valid Parquet
 * @example await parquetToCsv('/data/u/source.parquet', '/data/u/data.csv')
 */
export async function parquetToCsv(parquetPath: string, csvPath: string): Promise<void> {
  const dm = await openDatamart();
  try {
    await dm.connection.run(`COPY (SELECT * FROM read_parquet(${sqlString(parquetPath)})) TO ${sqlString(csvPath)} (FORMAT CSV, HEADER true, DATEFORMAT '%Y-%m-%d')`);
  } finally {
    dm.close();
  }
}
