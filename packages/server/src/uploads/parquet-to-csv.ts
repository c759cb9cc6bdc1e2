import { openDatamart, sqlString } from '@mixwise/data';
import { ApiHttpError } from '../http/api-http-error.ts';
import { MAX_UPLOAD_COLUMNS } from './inspect-csv.ts';

/**
 * Converts a Parquet file to a CSV file (header, comma-separated, ISO dates) with DuckDB, in memory,
 * extensions never downloaded (see openDatamart). The CSV then goes through the same readers and
 * validation rules as an uploaded CSV. A few megabytes of Parquet (repeated values compress well) can
 * hold gigabytes of CSV, so the size of the CSV is computed first (one DuckDB pass, nothing written)
 * and the file refused when it is over `maxCsvBytes`, the limit an uploaded CSV has.
 * @param parquetPath the Parquet file
 * @param csvPath the CSV file to write (not written when the file is refused)
 * @param fileName the name shown in messages (never the path)
 * @param maxCsvBytes the largest CSV the conversion may write
 * @throws ApiHttpError 413 when the CSV would be larger than maxCsvBytes, 422 for more than MAX_UPLOAD_COLUMNS
 *   columns; Error with DuckDB's message when the file is not valid Parquet
 * @example await parquetToCsv('/data/u/source.parquet', '/data/u/data.csv', 'sales.parquet', 100 * 1024 * 1024)
 */
export async function parquetToCsv(parquetPath: string, csvPath: string, fileName: string, maxCsvBytes: number): Promise<void> {
  const dm = await openDatamart();
  try {
    const source = `read_parquet(${sqlString(parquetPath)})`;
    const names = (await dm.connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${source})`)).getRows().map((r) => String(r[0]));
    if (names.length > MAX_UPLOAD_COLUMNS) {
      throw new ApiHttpError('INVALID_DATA', `"${fileName}" has ${names.length.toLocaleString('en-US')} columns; at most ${MAX_UPLOAD_COLUMNS.toLocaleString('en-US')} are accepted`);
    }
    // Each cell as text plus its comma (or the line's newline): the CSV's size but for quotes.
    const cells = names.map((n) => `coalesce(strlen(CAST("${n.replaceAll('"', '""')}" AS VARCHAR)), 0)`).join(' + ');
    const [[rows, cellBytes]] = (await dm.connection.runAndReadAll(`SELECT count(*), coalesce(sum(${cells || '0'}), 0) FROM ${source}`)).getRows();
    const bytes = Number(cellBytes) + Number(rows) * names.length + names.reduce((s, n) => s + Buffer.byteLength(n) + 1, 0);
    if (bytes > maxCsvBytes) {
      throw new ApiHttpError('PAYLOAD_TOO_LARGE', `"${fileName}" holds ${Number(rows).toLocaleString('en-US')} rows, about ${bytes.toLocaleString('en-US')} bytes as CSV: more than the upload limit of ${maxCsvBytes.toLocaleString('en-US')} bytes`);
    }
    await dm.connection.run(`COPY (SELECT * FROM ${source}) TO ${sqlString(csvPath)} (FORMAT CSV, HEADER true, DATEFORMAT '%Y-%m-%d')`);
  } finally {
    dm.close();
  }
}
