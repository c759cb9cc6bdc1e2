import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import { makeIssue } from '../validate/make-issue.ts';

const CURRENCY_NAME = /^(currency|currency_code|currencycode|ccy|cur|iso_currency)$/i;

/**
 * A MIXED_CURRENCY error for each column named like a currency (currency, currency_code, ccy) that holds
 * more than one value: the amounts of its rows are in different units, and summing them mixes EUR, GBP
 * and USD without a word.
 * @param csv the parsed file
 * @returns one error per such column, at the first line of its second value; [] otherwise
 * @example mixedCurrency(csv)[0].message // 'the currency column holds 3 values (EUR from line 2, GBP from line 5, USD from line 9): amounts in different currencies would be summed'
 */
export function mixedCurrency(csv: CsvTable): Issue[] {
  return csv.header.flatMap((column, j) => {
    if (!CURRENCY_NAME.test(column)) return [];
    const first = new Map<string, number>();
    csv.rows.forEach((r, i) => {
      const v = (r[j] ?? '').trim().toUpperCase();
      if (v !== '' && !first.has(v)) first.set(v, csv.rowNumbers[i]);
    });
    if (first.size <= 1) return [];
    const values = [...first].map(([v, line]) => `${v} from line ${line}`).join(', ');
    return [makeIssue('MIXED_CURRENCY', 'error', `the ${column} column holds ${first.size} values (${values}): amounts in different currencies would be summed`,
      'convert every amount to one currency before building (e.g. multiply by the rate of its date), then keep one value in the column or drop it',
      { file: csv.file, row: [...first.values()][1], column })];
  });
}
