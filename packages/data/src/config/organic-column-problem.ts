import type { CsvTable } from '../read/read-csv.ts';
import { parseNumber } from '../read/parse-number.ts';

/**
 * What stops a column from passing the organic media checks as it is, with the fix, or undefined when
 * it passes: empty or NA cells (the `fill_gaps` cleaning step reads them as 0, no exposure), negative
 * values (`negatives: clip`), other unreadable cells (fix them in the file), or 0 in every period
 * (ORGANIC_ALL_ZERO: leave it out). `mixwise init` annotates its organic suggestion with it.
 * @param csv the file as read
 * @param column the organic candidate
 * @example organicColumnProblem(csv, 'newsletter') // '1 empty cell (line 5; cleaning step fill_gaps reads it as 0), 1 negative value (line 9: -3; cleaning step negatives: clip)'
 */
export function organicColumnProblem(csv: CsvTable, column: string): string | undefined {
  const j = csv.header.indexOf(column);
  if (j < 0) return undefined;
  const empty: number[] = [], negative: { line: number; text: string }[] = [], bad: { line: number; text: string }[] = [];
  let nonZero = 0;
  csv.rows.forEach((r, i) => {
    const line = csv.rowNumbers[i];
    const p = parseNumber(r[j] ?? '', csv.delimiter);
    if (!p.ok) {
      if (p.reason === 'empty' || p.reason === 'missing') empty.push(line);
      else bad.push({ line, text: r[j] });
      return;
    }
    if (p.value < 0) negative.push({ line, text: r[j].trim() });
    if (p.value !== 0) nonZero++;
  });
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  const problems: string[] = [];
  if (empty.length > 0) problems.push(`${count(empty.length, 'empty cell')} (line ${empty[0]}${empty.length > 1 ? ' …' : ''}; cleaning step fill_gaps reads ${empty.length === 1 ? 'it' : 'them'} as 0)`);
  if (negative.length > 0) problems.push(`${count(negative.length, 'negative value')} (line ${negative[0].line}: ${negative[0].text}${negative.length > 1 ? ' …' : ''}; cleaning step negatives: clip)`);
  if (bad.length > 0) problems.push(`${count(bad.length, 'unreadable cell')} (line ${bad[0].line}: "${bad[0].text}"; fix ${bad.length === 1 ? 'it' : 'them'} in the file)`);
  if (problems.length === 0 && nonZero === 0) problems.push('0 in every period: no exposure to measure, leave it out');
  return problems.length === 0 ? undefined : problems.join(', ');
}
