import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** An open DuckDB datamart: one instance (in memory or a `.duckdb` file) and one connection. */
export interface Datamart {
  connection: DuckDBConnection;
  /** Closes the connection and the instance. */
  close(): void;
}

/**
 * Values substituted into the placeholders of a model file: `{{name}}` becomes a quoted SQL literal
 * (strings) or the number; `{{@name}}` is spliced in as it is and must be a bare identifier or NULL
 * (used to name an optional column that a file may lack).
 */
export type SqlVars = Readonly<Record<string, string | number>>;

/**
 * Opens a DuckDB instance with extension auto-install and auto-load off (nothing is downloaded).
 * @param path a `.duckdb` file, or ':memory:' (default)
 * @returns the open datamart; call close() when done
 * @throws the DuckDB error when the file cannot be opened
 * @example const dm = await openDatamart(); dm.close()
 */
export async function openDatamart(path = ':memory:'): Promise<Datamart> {
  const instance = await DuckDBInstance.create(path, { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Quotes a string as a SQL literal (single quotes doubled).
 * @example sqlString("o'brien.csv") // "'o''brien.csv'"
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Loads the versioned model file `sql/<name>.sql` (beside this module) and fills its `{{var}}`
 * placeholders: strings become quoted literals, numbers are written as they are.
 * @param name model name without extension, e.g. 'stg_long_spend'
 * @param vars placeholder values
 * @returns the SQL text
 * @throws Error when a placeholder has no value, a number is not finite or a raw value is not an identifier
 * @example loadSql('int_calendar', { step_days: 7 }) // 'CREATE OR REPLACE TABLE int_calendar AS …'
 */
export function loadSql(name: string, vars: SqlVars = {}): string {
  const text = readFileSync(new URL(`./sql/${name}.sql`, import.meta.url), 'utf8');
  return text.replace(/\{\{(@?)(\w+)\}\}/g, (_, raw: string, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`datamart model ${name}: no value for {{${raw}${key}}}`);
    if (raw === '@') {
      if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) throw new Error(`datamart model ${name}: {{@${key}}} must be an identifier`);
      return value;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`datamart model ${name}: {{${key}}} is not finite`);
      return String(value);
    }
    return sqlString(value);
  });
}

/**
 * Runs a model file (see loadSql) for its effects (creates or replaces tables).
 * @example await runModel(dm, 'int_calendar', { step_days: 7 })
 */
export async function runModel(dm: Datamart, name: string, vars: SqlVars = {}): Promise<void> {
  await dm.connection.run(loadSql(name, vars));
}

/**
 * Runs a model file that ends in a SELECT and returns its rows as plain JS objects (BIGINT as bigint).
 * @example await queryModel(dm, 'mart_modeling_select') // [{ date: '2024-01-01', revenue: 10, tv_spend: 5 }, …]
 */
export async function queryModel(dm: Datamart, name: string, vars: SqlVars = {}): Promise<Record<string, unknown>[]> {
  const reader = await dm.connection.runAndReadAll(loadSql(name, vars));
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

/**
 * Column names of a table in the datamart, in table order.
 * @example await tableColumns(dm, 'raw_spend') // ['_row', 'date', 'channel', 'spend']
 */
export async function tableColumns(dm: Datamart, table: string): Promise<string[]> {
  const rows = await queryModel(dm, 'table_columns', { table });
  return rows.map((r) => String(r.column_name));
}
