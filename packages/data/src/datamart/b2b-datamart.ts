import { join } from 'node:path';
import { DataError } from '../issue.ts';
import { WEEK_DAYS, type WeekDay } from '../reshape/long-to-wide.ts';
import { openDatamart, queryModel, runModel, type Datamart } from './datamart.ts';
import { sqlIssues, type SqlCellIssue } from './sql-issues.ts';
import { b2bSourceIssues } from './b2b-source-issues.ts';

/** The six files of a B2B multi-source project (see docs/datamart.md for their columns). */
export interface B2bSources {
  ads: string;
  crm: string;
  erp: string;
  refCampaigns: string;
  refCountries: string;
  refProducts: string;
}

/** One weekly mart row. Amounts are integer cents; `name` is the channel, region or category ('' for national). */
export interface B2bMartRow {
  kind: 'spend' | 'pipeline' | 'revenue';
  week: string;
  level: 'national' | 'region' | 'product';
  name: string;
  cents: number;
  /** Spend rows only: summed impressions and clicks. */
  impressions: number | null;
  clicks: number | null;
}

/**
 * The file names of examples/b2b in a folder.
 * @example b2bSourcesIn('examples/b2b').ads // 'examples/b2b/ads_daily.csv'
 */
export function b2bSourcesIn(folder: string): B2bSources {
  return {
    ads: join(folder, 'ads_daily.csv'), crm: join(folder, 'crm_opportunities.csv'), erp: join(folder, 'erp_bookings.csv'),
    refCampaigns: join(folder, 'ref_campaigns.csv'), refCountries: join(folder, 'ref_countries.csv'), refProducts: join(folder, 'ref_products.csv'),
  };
}

/**
 * Builds the B2B datamart from an ad-platform export, CRM opportunities, ERP bookings and the
 * reference tables: staging (typed; money as DECIMAL(18,2)), intermediate (joined to the taxonomy,
 * country → region and product → category maps, dated to weeks), marts (weekly spend per channel
 * zero-filled; pipeline created by created date and booked revenue by invoice date at national,
 * region and product-category level). Every amount stays exact to the cent.
 * @param sources the six CSV files
 * @param options weekStart (default 'monday'), database (a `.duckdb` file; default in memory), largeFileBytes (files above it are scanned in bounded memory; see b2bSourceIssues)
 * @returns the mart rows, sorted by kind, week, level, name
 * @throws DataError naming file, line and column of every bad date or amount (EMPTY_CELL, INVALID_DATE,
 *   NOT_A_NUMBER, NEGATIVE_SPEND), or UNMAPPED_KEY when a campaign, country or product has no mapping (so no amount is lost)
 * @example (await buildB2bDatamart(b2bSourcesIn('examples/b2b'))).filter((r) => r.kind === 'spend').length // 208 weeks × 5 channels
 */
export async function buildB2bDatamart(sources: B2bSources, options: { weekStart?: WeekDay; database?: string; largeFileBytes?: number } = {}): Promise<B2bMartRow[]> {
  const dm = await openDatamart(options.database);
  try {
    await stageB2bDatamart(dm, sources, options.weekStart, options.largeFileBytes);
    await runModel(dm, 'mart_b2b');
    return (await queryModel(dm, 'mart_b2b_select')).map((r) => ({
      kind: r.kind as B2bMartRow['kind'], week: String(r.week), level: r.level as B2bMartRow['level'], name: String(r.name),
      cents: Number(r.cents), impressions: r.impressions === null ? null : Number(r.impressions), clicks: r.clicks === null ? null : Number(r.clicks),
    }));
  } finally {
    dm.close();
  }
}

/**
 * Runs the B2B staging and intermediate models (stg_b2b, int_b2b) in an open datamart and checks them:
 * first the files as text (b2bSourceIssues: shape, repeated rows and ids, mixed currencies), then
 * every date and amount cell parses, and every campaign, country and product has a mapping. The
 * marts (mart_b2b, mart_b2b_geo) read the int_b2b_* tables this leaves behind.
 * @param dm an open datamart
 * @param sources the six CSV files
 * @param weekStart first day of a week (default 'monday')
 * @param largeFileBytes source files above this size are checked by a streaming scan (default LARGE_SOURCE_BYTES; see b2bSourceIssues)
 * @throws DataError with b2bSourceIssues' errors, the located cell issues, or UNMAPPED_KEY issues (see buildB2bDatamart)
 * @example await stageB2bDatamart(dm, b2bSourcesIn('examples/b2b')) // int_b2b_bookings now exists
 */
export async function stageB2bDatamart(dm: Datamart, sources: B2bSources, weekStart?: WeekDay, largeFileBytes?: number): Promise<void> {
  const checked = await b2bSourceIssues(sources, dm, largeFileBytes);
  if (checked.length > 0) throw new DataError(checked);
  await runModel(dm, 'stg_b2b', {
    ads: sources.ads, crm: sources.crm, erp: sources.erp,
    ref_campaigns: sources.refCampaigns, ref_countries: sources.refCountries, ref_products: sources.refProducts,
  });
  const cells = (await queryModel(dm, 'stg_b2b_issues')) as unknown as (SqlCellIssue & { source: string })[];
  if (cells.length > 0) {
    const fileOf = (source: string): string => (source === 'ads' ? sources.ads : source === 'crm' ? sources.crm : sources.erp);
    throw new DataError(['ads', 'crm', 'erp'].flatMap((s) => sqlIssues(fileOf(s), cells.filter((c) => c.source === s))));
  }
  await runModel(dm, 'int_b2b', { week_start: WEEK_DAYS.indexOf(weekStart ?? 'monday') });
  const unmapped = await queryModel(dm, 'int_b2b_unmapped');
  if (unmapped.length > 0) {
    throw new DataError(unmapped.map((u) => ({
      code: 'UNMAPPED_KEY', severity: 'error' as const,
      message: `${String(u.column_name)} "${String(u.value)}" (${Number(u.n)} rows of the ${String(u.source)} file) has no entry in the reference table`,
      hint: `add it to the ${u.column_name === 'campaign' ? 'campaign taxonomy' : u.column_name === 'country' ? 'country → region' : 'product → category'} table`,
      at: { file: String(u.source === 'ads' ? sources.ads : u.source === 'crm' ? sources.crm : sources.erp), column: String(u.column_name) },
    })));
  }
}
