import type { Issue } from '../issue.ts';
import type { CsvTable, SummedRow } from '../read/read-csv.ts';

/** Lines listed one by one before the list is shortened (first ones, …, the last). */
const MAX_LISTED = 4;

/**
 * The row sum_panel made for a file line (its first row's line), if that line's row is a sum of several.
 * @example summedRowAt(rolledUp, 11) // { date: '2021-03-29', lines: [11, 167, 323, …] }
 */
export function summedRowAt(csv: Pick<CsvTable, 'summedRows'>, line: number | undefined): SummedRow | undefined {
  return line === undefined ? undefined : csv.summedRows?.get(line);
}

/**
 * A summed row in words: its date and the file lines it adds up (runs of consecutive lines as a–b,
 * a long list shortened).
 * @example summedRowName({ date: '2021-03-29', lines: [11, 12, 13] }) // 'the summed row for 2021-03-29 (lines 11–13)'
 * @example summedRowName({ date: '2021-03-29', lines: [11, 167, 323, 479, 635, 791] }) // 'the summed row for 2021-03-29 (6 rows: lines 11, 167, 323, 479, …, 791)'
 */
export function summedRowName(row: SummedRow): string {
  const runs: string[] = [];
  let start = row.lines[0];
  row.lines.forEach((line, k) => {
    const next = row.lines[k + 1];
    if (next === line + 1) return;
    runs.push(start === line ? String(start) : `${start}–${line}`);
    start = next;
  });
  const listed = runs.length > MAX_LISTED + 1 ? [...runs.slice(0, MAX_LISTED), '…', runs[runs.length - 1]] : runs;
  const count = runs.length > 1 ? `${row.lines.length} rows: ` : '';
  return `the summed row for ${row.date} (${count}lines ${listed.join(', ')})`;
}

/**
 * Issues on rows of a rolled-up panel, placed honestly: an issue at the line of a summed row says
 * "in the summed row for <date> (lines …)" and loses the single line, which is one geo's row, not the
 * values the issue is about. Other issues are returned unchanged.
 * @param issues issues found on the table
 * @param csv the table they were found on
 * @example placeSummedRows([outlierAtLine11], rolledUp)[0].message // 'in the summed row for 2021-03-29 (20 rows: lines 11, 167, …): value 17017.9 is …'
 */
export function placeSummedRows(issues: readonly Issue[], csv: Pick<CsvTable, 'summedRows'>): Issue[] {
  if (csv.summedRows === undefined) return [...issues];
  return issues.map((issue) => {
    const row = summedRowAt(csv, issue.at.row);
    if (row === undefined) return issue;
    const { row: _line, ...at } = issue.at;
    return { ...issue, message: `in ${summedRowName(row)}: ${issue.message}`, at };
  });
}
