import { basename } from 'node:path';
import type { Issue } from '../issue.ts';
import { readOutcome } from '../validate/read-outcome.ts';
import { raggedSourceIssues } from './ragged-source.ts';
import { duplicateIds, exactDuplicates } from './exact-duplicates.ts';
import { mixedCurrency } from './mixed-currency.ts';
import type { B2bSources } from './b2b-datamart.ts';

/**
 * The checks of the B2B ad, CRM and ERP files that DuckDB's staging cannot see, run before it: shape
 * (raggedSourceIssues: ragged rows, mixed line endings, dot thousands), ad rows repeated in every
 * column (EXACT_DUPLICATE_ROWS), a repeated opportunity_id or invoice_id (DUPLICATE_ID: the amount
 * would count twice) and a currency column with several values (MIXED_CURRENCY).
 * @param sources the six files (the reference tables are not checked here)
 * @returns the errors, [] when the files are fine
 * @example b2bSourceIssues(b2bSourcesIn('examples/b2b')) // []
 */
export function b2bSourceIssues(sources: B2bSources): Issue[] {
  const reads = [sources.ads, sources.crm, sources.erp].map((path) => readOutcome(path, { name: basename(path) }));
  const shape = raggedSourceIssues(reads);
  if (shape.length > 0) return shape;
  const [ads, crm, erp] = reads.map((r) => r.csv);
  const copies = ads === undefined ? [] : exactDuplicates(ads, false).issues.map((i) => ({ ...i,
    hint: 'remove the repeated lines (an export run twice or pasted in twice?); rows that differ in any column, such as two campaigns, are summed as before' }));
  return [
    ...copies,
    ...(crm === undefined ? [] : duplicateIds(crm, 'opportunity_id')),
    ...(erp === undefined ? [] : duplicateIds(erp, 'invoice_id')),
    ...[ads, crm, erp].flatMap((csv) => (csv === undefined ? [] : mixedCurrency(csv))),
  ];
}
