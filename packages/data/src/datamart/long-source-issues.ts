import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { WeekDay } from '../reshape/week-days.ts';
import { sourceCellIssues, type SourceNumber } from './source-cells.ts';
import { duplicatePairs, exactDuplicates } from './exact-duplicates.ts';
import { mixedCurrency } from './mixed-currency.ts';
import { scopeMismatch } from './scope-mismatch.ts';
import { weekLabelIssues } from './week-labels.ts';
import { paddedGeoNames } from '../panel/padded-geos.ts';

/** The fix for a text column in a KPI file. */
const KPI_TEXT_HINT = 'every column of the KPI file other than date, geo and product is read as a KPI: leave this column out of the KPI file (a region column can be named geo to be summed over)';

/** Options of longSourceIssues. */
export interface LongSourceCheckOptions {
  /** 7 for a weekly build (week labels are checked), 1 for daily. */
  stepDays: number;
  weekStart: WeekDay;
  /** Whether the config set week_start (see weekLabelIssues). */
  weekStartSet: boolean;
  /** sources.drop_duplicate_rows: exact duplicate spend rows are left out with a warning. */
  dropDuplicateRows: boolean;
  /**
   * The spend file's repeated lines ([first line, repeating line]) found by DuckDB
   * (source_duplicates_select), when the spend table is a large file's scan (csv.omittedRows set),
   * which lacks the plain rows a copy is made of.
   */
  spendDuplicatePairs?: [number, number][];
}

/** What longSourceIssues found. */
export interface LongSourceCheck {
  /** Errors and warnings, spend file first. */
  issues: Issue[];
  /** Data-row indexes (1 = first data row) of the spend file to leave out (dropped exact duplicates). */
  dropRows: number[];
}

/**
 * The checks of a long spend file and a KPI file that need the whole file as text, run before DuckDB
 * builds anything (the files' columns are known to be there): every cell read as the wide path reads
 * it (sourceCellIssues: dates, numbers, empty channels and exposures, capped per code), rows repeated
 * in every column (exactDuplicates), a currency column with several values (mixedCurrency), geos or
 * products present in one file only (scopeMismatch), weekly dates on another weekday than the
 * week start (weekLabelIssues), and geo names written with spaces around them (paddedGeoNames, warnings). Shape errors (ragged rows, line endings) are raggedSourceIssues'.
 * @param files the parsed spend and KPI files (undefined when the reader refused one: its errors are raggedSourceIssues')
 * @param options the build's settings
 * @returns the issues and the spend rows to leave out
 * @example longSourceIssues({ spend: readOutcome('ads.csv').csv, kpi: readOutcome('kpi.csv').csv }, { stepDays: 7, weekStart: 'monday', weekStartSet: false, dropDuplicateRows: false }).issues[0].code // 'EXACT_DUPLICATE_ROWS'
 */
export function longSourceIssues(files: { spend?: CsvTable; kpi?: CsvTable }, options: LongSourceCheckOptions): LongSourceCheck {
  const { spend, kpi } = files;
  if (spend === undefined || kpi === undefined) return { issues: [], dropRows: [] };
  const exposure = (column: string): SourceNumber => ({ column, role: 'organic', empty: 'exposure' });
  const cells = [
    ...sourceCellIssues(spend, { date: 'date', keys: ['channel'], groupBy: 'channel',
      numbers: [{ column: 'spend', role: 'spend', empty: 'error' }, exposure('impressions'), exposure('clicks')] }),
    ...sourceCellIssues(kpi, { date: 'date', keys: [],
      numbers: kpi.header.filter((c) => !['date', 'geo', 'product'].includes(c)).map((column) => ({ column, role: 'target', empty: 'error', textHint: KPI_TEXT_HINT })) }),
  ];
  const duplicates = options.spendDuplicatePairs === undefined ? exactDuplicates(spend, options.dropDuplicateRows)
    : duplicatePairs(options.spendDuplicatePairs, spend.file, options.dropDuplicateRows);
  const weeks = (csv: CsvTable): Issue[] => (options.stepDays === 7 ? weekLabelIssues(csv, 'date', options.weekStart, options.weekStartSet) : []);
  // A geo written with spaces around it is read trimmed (staging trims every cell): said, as on a panel file's path.
  const padded = [spend, kpi].flatMap((csv) => paddedGeoNames(csv, 'geo', undefined, { counted: true }));
  const issues = [...cells, ...duplicates.issues, ...mixedCurrency(spend), ...mixedCurrency(kpi), ...scopeMismatch(spend, kpi), ...weeks(spend), ...weeks(kpi), ...padded];
  if (!options.dropDuplicateRows) return { issues, dropRows: [] };
  // Staging numbers data rows by position (1 = first): the pairs' lines, through the whole table or as DuckDB numbered them.
  const index = new Map(spend.rowNumbers.map((line, i) => [line, i + 1]));
  const row = (line: number): number => (options.spendDuplicatePairs === undefined ? index.get(line) ?? 0 : line - 1);
  return { issues, dropRows: duplicates.pairs.map(([, line]) => row(line)) };
}
