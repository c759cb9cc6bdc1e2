import type { decompositionTable } from '@mixwise/engine';

type DecompositionTable = ReturnType<typeof decompositionTable>;

/**
 * The rows of decomposition.csv: the engine's table, with the actual KPI of a period left out of the
 * fit (skip_missing_kpi: NaN in the model) as an empty cell, never 0 or "NaN". Other cells are as they are.
 * @param table decompositionTable(model, decompose(model))
 * @example decompositionCsvRows({ columns: ['date', 'actual'], rows: [['2024-01-08', NaN]] }) // [['2024-01-08', null]]
 */
export function decompositionCsvRows(table: DecompositionTable): (string | number | null)[][] {
  const j = table.columns.indexOf('actual');
  if (j < 0) return table.rows;
  return table.rows.map((row) => (typeof row[j] === 'number' && Number.isNaN(row[j]) ? row.map((c, k) => (k === j ? null : c)) : row));
}
