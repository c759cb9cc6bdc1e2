/** A plain table: header names and rows of cells (dates as YYYY-MM-DD text). */
export interface PlainTable {
  columns: string[];
  rows: (string | number)[][];
}

/** The long form of a wide table: a spend table and a KPI table. */
export interface LongTables {
  /** date, channel, spend [, impressions, clicks]: one row per date × channel, channels in wide order. */
  spend: PlainTable;
  /** date and the KPI columns, unchanged. */
  kpi: PlainTable;
}

/**
 * Splits a wide modeling table (date, KPIs, `<channel>_spend` [+ `<channel>_impressions`,
 * `<channel>_clicks`]) into the long spend table and the KPI table that longToWide reads back.
 * Columns ending in `_spend` are channels; their `_impressions` / `_clicks` columns, when every
 * channel has one, become the long exposure columns; every other column is a KPI.
 * @param wide the wide table; `date` must be a column
 * @returns the long spend table and the KPI table
 * @throws RangeError when there is no `date` column
 * @example wideToLong({ columns: ['date', 'sales', 'tv_spend'], rows: [['2024-01-01', 10, 5]] }).spend.rows
 * // [['2024-01-01', 'tv', 5]]
 */
export function wideToLong(wide: PlainTable): LongTables {
  const d = wide.columns.indexOf('date');
  if (d < 0) throw new RangeError('wideToLong: the table has no "date" column');
  const channels = wide.columns.filter((c) => c.endsWith('_spend')).map((c) => c.slice(0, -'_spend'.length));
  const exposures = ['impressions', 'clicks'].filter((e) => channels.length > 0 && channels.every((ch) => wide.columns.includes(`${ch}_${e}`)));
  const channelCols = new Set(channels.flatMap((ch) => [`${ch}_spend`, ...exposures.map((e) => `${ch}_${e}`)]));
  const kpiCols = wide.columns.filter((c) => c !== 'date' && !channelCols.has(c));
  const at = (name: string): number => wide.columns.indexOf(name);
  const spendRows: (string | number)[][] = [];
  for (const row of wide.rows) {
    for (const ch of channels) {
      spendRows.push([row[d], ch, row[at(`${ch}_spend`)], ...exposures.map((e) => row[at(`${ch}_${e}`)])]);
    }
  }
  return {
    spend: { columns: ['date', 'channel', 'spend', ...exposures], rows: spendRows },
    kpi: { columns: ['date', ...kpiCols], rows: wide.rows.map((row) => [row[d], ...kpiCols.map((c) => row[at(c)])]) },
  };
}
