import { basename } from 'node:path';
import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { queryModel, type Datamart } from './datamart.ts';
import { raggedSourceIssues } from './ragged-source.ts';
import { duplicateIdIssues, duplicateIds, duplicatePairs, exactDuplicates, SHOWN_IDS } from './exact-duplicates.ts';
import { mixedCurrency } from './mixed-currency.ts';
import { readSourceOutcome } from './source-scan.ts';
import type { B2bSources } from './b2b-datamart.ts';

const ADS_HINT = 'remove the repeated lines (an export run twice or pasted in twice?); rows that differ in any column, such as two campaigns, are summed as before';

/**
 * The checks of the B2B ad, CRM and ERP files that DuckDB's staging cannot see, run before it: shape
 * (raggedSourceIssues: ragged rows, mixed line endings, dot thousands), ad rows repeated in every
 * column (EXACT_DUPLICATE_ROWS), a repeated opportunity_id or invoice_id (DUPLICATE_ID: the amount
 * would count twice) and a currency column with several values (MIXED_CURRENCY). A file above
 * `largeFileBytes` (default LARGE_SOURCE_BYTES) is scanned in bounded memory (sourceScan), its repeated
 * rows and ids found by DuckDB (source_duplicates_select, source_duplicate_ids_select): the same issues.
 * @param sources the six files (the reference tables are not checked here)
 * @param dm the open datamart (for a large file's set-level checks)
 * @param largeFileBytes the size above which a file is scanned
 * @returns the errors, [] when the files are fine
 * @example await b2bSourceIssues(b2bSourcesIn('examples/b2b'), dm) // []
 */
export async function b2bSourceIssues(sources: B2bSources, dm: Datamart, largeFileBytes?: number): Promise<Issue[]> {
  const paths = [sources.ads, sources.crm, sources.erp];
  const reads = paths.map((path) => readSourceOutcome(path, { name: basename(path), largeFileBytes }));
  const shape = raggedSourceIssues(reads);
  if (shape.length > 0) return shape;
  const [ads, crm, erp] = reads.map((r) => r.csv);
  const copies = ads === undefined ? [] : (await adCopies(dm, sources.ads, ads)).map((i) => ({ ...i, hint: ADS_HINT }));
  const ids = async (csv: CsvTable | undefined, path: string, column: string): Promise<Issue[]> => {
    if (csv === undefined) return [];
    if (csv.omittedRows === undefined) return duplicateIds(csv, column);
    if (!csv.header.includes(column)) return [];
    const rows = await queryModel(dm, 'source_duplicate_ids_select', { path, column, shown: SHOWN_IDS });
    return duplicateIdIssues(rows.map((r) => ({ id: String(r.id), first: Number(r.first_line), line: Number(r.line) })), Number(rows[0]?.total ?? 0), csv.file, column);
  };
  return [
    ...copies,
    ...await ids(crm, sources.crm, 'opportunity_id'),
    ...await ids(erp, sources.erp, 'invoice_id'),
    ...[ads, crm, erp].flatMap((csv) => (csv === undefined ? [] : mixedCurrency(csv))),
  ];
}

/** The ads file's EXACT_DUPLICATE_ROWS error: in memory, or for a scanned file among its candidate lines by DuckDB. */
async function adCopies(dm: Datamart, path: string, csv: CsvTable): Promise<Issue[]> {
  if (csv.omittedRows === undefined) return exactDuplicates(csv, false).issues;
  const candidates = csv.duplicateCandidateLines ?? [];
  if (candidates.length === 0) return [];
  const rows = await queryModel(dm, 'source_duplicates_select', { path, lines: candidates.join(',') });
  return duplicatePairs(rows.map((r) => [Number(r.first_line), Number(r.line)]), csv.file, false).issues;
}
