import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { makeIssue } from '../validate/make-issue.ts';

/**
 * SCOPE_MISMATCH errors when the spend and KPI files both have a geo (or product) column whose values
 * differ: summed to national, the KPI of some geos would be explained by the spend of others (spend in
 * APAC credited to NA and EMEA revenue). Values are compared trimmed and case-sensitively.
 * @param spend the parsed spend file
 * @param kpi the parsed KPI file
 * @param columns the split columns to compare (default geo and product)
 * @returns one error per column that differs, naming the values only in one file
 * @example scopeMismatch(spend, kpi)[0].message // 'geo APAC, LATAM are in spend.csv but not in kpi.csv …'
 */
export function scopeMismatch(spend: CsvTable, kpi: CsvTable, columns: readonly string[] = ['geo', 'product']): Issue[] {
  return columns.flatMap((column) => {
    const a = values(spend, column);
    const b = values(kpi, column);
    if (a === undefined || b === undefined) return [];
    const onlySpend = [...a.keys()].filter((v) => !b.has(v));
    const onlyKpi = [...b.keys()].filter((v) => !a.has(v));
    if (onlySpend.length === 0 && onlyKpi.length === 0) return [];
    const parts = [
      onlySpend.length === 0 ? '' : `${column} ${list(onlySpend)} ${onlySpend.length === 1 ? 'is' : 'are'} in ${spend.file} but not in ${kpi.file}`,
      onlyKpi.length === 0 ? '' : `${column} ${list(onlyKpi)} ${onlyKpi.length === 1 ? 'is' : 'are'} in ${kpi.file} but not in ${spend.file}`,
    ].filter((p) => p !== '');
    const [file, first] = onlySpend.length > 0 ? [spend.file, a.get(onlySpend[0])] : [kpi.file, b.get(onlyKpi[0])];
    return [makeIssue('SCOPE_MISMATCH', 'error', `${parts.join('; ')}: summed to one national series, the KPI would be explained by spend of another scope`,
      `filter both files to the same ${column} values (e.g. drop the rows of ${list([...onlySpend, ...onlyKpi])}), or supply the missing ${column === 'geo' ? 'geos' : 'values'} so both files cover the same scope`,
      { file, row: first, column })];
  });
}

/** The distinct non-empty values of a column with their first line; undefined when the file lacks it. */
function values(csv: CsvTable, column: string): Map<string, number> | undefined {
  const j = csv.header.indexOf(column);
  if (j < 0) return undefined;
  const out = new Map<string, number>();
  csv.rows.forEach((r, i) => {
    const v = (r[j] ?? '').trim();
    if (v !== '' && !out.has(v)) out.set(v, csv.rowNumbers[i]);
  });
  return out;
}

function list(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
