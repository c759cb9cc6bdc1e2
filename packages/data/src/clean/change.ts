import type { CsvTable } from '../read/read-csv.ts';

/**
 * One cell changed by a cleaning step. Cells are compared as text, exactly as they are in the table:
 * `before` is null for a cell that did not exist (an inserted period), `after` null for one removed.
 */
export interface Change {
  /** The step's type, e.g. 'fill-gaps'. */
  step: string;
  /** The column changed (the date column for inserted or moved rows). */
  column: string;
  /** The file line of the row (see CsvTable.rowNumbers); null for a period inserted by cleaning. */
  row: number | null;
  /** The row's ISO date, when it can be read. */
  date: string | null;
  before: string | null;
  after: string | null;
  /** Why, in plain words. */
  reason: string;
  /**
   * For a KPI left out on a row sum_panel added up: the rows of the file without a KPI, each by its
   * panel key and line (`geo=EMEA (line 123)`), as the row alone is its date's first line.
   */
  kpiMissingIn?: readonly string[];
}

/** What every cleaning step returns: a new table (the input is not modified) and every change. */
export interface StepResult {
  table: CsvTable;
  changes: Change[];
}

/** Column roles as the cleaning steps need them (column names). */
export interface CleaningRoles {
  date: string;
  /**
   * The KPI: cleaning never invents or edits a value. A missing KPI period is an error, unless the
   * skip_missing_kpi step leaves it out of the fit (its cell stays empty, the table marks it not observed).
   */
  target?: string;
  /** Spend columns. */
  spend: readonly string[];
  controls: readonly string[];
  /** 0/1 event columns (0 in inserted periods). */
  events: readonly string[];
  /**
   * Organic media exposure columns (sends, impressions without spend), cleaned like spend: an empty
   * cell and an inserted period get 0 exposure (fill-gaps), a negative value is clipped (negatives).
   */
  organic?: readonly string[];
  /**
   * Exposure columns of paid channels (a config's `exposure:`, or paired by name for `--media exposure`):
   * fill-gaps gives them 0 where it gives spend 0 (empty cells, inserted periods).
   */
  exposure?: readonly string[];
}

/** The row number given to periods inserted by cleaning (they have no file line). */
export const INSERTED_ROW = 0;

/**
 * The `row` of a change on data row i: its file line, or null for a period inserted by cleaning.
 * @example changeRow({ rowNumbers: [2, 0] }, 1) // null
 */
export function changeRow(table: Pick<CsvTable, 'rowNumbers'>, i: number): number | null {
  const row = table.rowNumbers[i];
  return row === INSERTED_ROW ? null : row;
}
