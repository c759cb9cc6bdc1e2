import { runModel, tableColumns, type Datamart } from '../datamart/datamart.ts';

/**
 * The DuckDB staging of a long spend file, started before the JS checks read the files (longToWide):
 * both are full reads of the same large file, and DuckDB runs on its own threads while the scan holds
 * the JS thread, so the two overlap. Results and errors are only looked at in longToWide's order
 * (the shape checks, missing columns, the cell checks, then staging), so what is reported is unchanged.
 */
export interface EarlyStaging {
  /** The header models' error (raw_spend_header, raw_kpi), to be thrown after the shape checks. */
  error?: unknown;
  /** The spend and KPI headers ([] after an error). */
  spendColumns: string[];
  kpiColumns: string[];
  /** Settles when stg_spend is built (undefined) or failed (its error); undefined when not started (a required column is missing). */
  spend?: Promise<{ error: unknown } | undefined>;
  /** Waits for an unfinished stg_spend, interrupting it, before the datamart is closed. */
  settle(): Promise<void>;
}

/** What stg_spend reads beyond its path: the optional and split columns. */
export interface SpendStagingInput {
  spend: string;
  kpi: string;
  /** The columns the output is split by. */
  by: readonly ('geo' | 'product')[];
}

/**
 * Reads the headers (raw_spend_header, raw_kpi) and, when the spend file has every required column,
 * starts stg_spend without waiting for it (all rows kept; rows dropped later are deleted,
 * stg_spend_drop).
 * @param dm the datamart (no other query may run on it until `spend` settles)
 * @param input the files and split columns
 * @example const early = await startStaging(dm, { spend: 'spend.csv', kpi: 'kpi.csv', by: [] }); await early.spend
 */
export async function startStaging(dm: Datamart, input: SpendStagingInput): Promise<EarlyStaging> {
  let spendColumns: string[];
  let kpiColumns: string[];
  try {
    await runModel(dm, 'stg_raw_spend', { path: input.spend });
    await runModel(dm, 'stg_raw_kpi', { path: input.kpi });
    spendColumns = await tableColumns(dm, 'raw_spend_header');
    kpiColumns = await tableColumns(dm, 'raw_kpi_header');
  } catch (error) {
    return { error, spendColumns: [], kpiColumns: [], settle: () => Promise.resolve() };
  }
  if (!['date', 'channel', 'spend', ...input.by].every((c) => spendColumns.includes(c))) {
    return { spendColumns, kpiColumns, settle: () => Promise.resolve() };
  }
  const optional = (c: string): string => (spendColumns.includes(c) ? c : 'NULL');
  let settled = false;
  const spend = runModel(dm, 'stg_spend', {
    path: input.spend, impressions: optional('impressions'), clicks: optional('clicks'),
    geo: input.by.includes('geo') ? 'geo' : 'NULL', product: input.by.includes('product') ? 'product' : 'NULL',
  }).then(() => undefined, (error: unknown) => ({ error })).finally(() => {
    settled = true;
  });
  return {
    spendColumns, kpiColumns, spend,
    async settle() {
      if (!settled) dm.connection.interrupt();
      await spend;
    },
  };
}
