import type { IssueCollector } from '../issue-collector.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { NumberFailure } from '../read/parse-number.ts';
import type { DataIssueCode } from '../issue-codes.ts';
import { parseTableColumn } from '../read/dot-thousands.ts';
import { rowIssuePlace } from '../clean/inserted-rows.ts';

/** What a numeric column is used for; changes the hints and whether negatives are allowed. */
export type NumericRole = 'target' | 'spend' | 'control' | 'event' | 'organic' | 'exposure';

const EMPTY_HINT: Record<NumericRole, string> = {
  target: 'fill in the KPI for this period (rows must stay evenly spaced, so do not just delete it)',
  spend: 'write 0 for periods with no spend',
  control: 'fill in the value (e.g. carry the previous value forward) or drop this control',
  event: 'write 0 for periods without the event',
  organic: 'write 0 for periods with no exposure (no sends, no impressions)',
  // A paid channel's exposure column (impressions, clicks, GRPs): fill_gaps zeroes it like spend.
  exposure: 'write 0 for periods with no exposure, or use --clean fill_gaps',
};

/** How messages name a value of each role. */
const ROLE_WORD: Record<NumericRole, string> = { target: 'target', spend: 'spend', control: 'control', event: 'event', organic: 'organic exposure', exposure: 'exposure' };

/**
 * Roles whose values must be 0 or more, with the hint of their NEGATIVE_SPEND error: spend, and
 * organic media, which follow the spend rules (an exposure such as sends or impressions is a count).
 */
const NON_NEGATIVE: Partial<Record<NumericRole, string>> = {
  spend: 'spend must be 0 or more; net refunds or corrections into neighbouring periods',
  organic: 'an exposure (sends, impressions, mentions) must be 0 or more; fix the value, or write 0 for a period with none',
  exposure: 'an exposure (impressions, clicks, GRPs) must be 0 or more; fix the value, or write 0 for a period with none',
};

/**
 * Reads a column as numbers (see parseNumber for the accepted forms). Every bad cell is a located
 * error naming the row, the column and the value; spend and organic exposure must also be 0 or more.
 * @param csv the table read from the file
 * @param column the column's name (must be in csv.header)
 * @param role what the column is used for
 * @param issues receives EMPTY_CELL, NOT_A_NUMBER, CURRENCY_SYMBOL, PERCENT_VALUE, DECIMAL_COMMA, DOT_THOUSANDS, NON_FINITE
 *   and NEGATIVE_SPEND errors
 * @param unused rows whose value is never used (a KPI in carryover warm-up rows): an unreadable cell
 *   there is NaN, not an error
 * @returns the values, shape [nTimes], or undefined when any cell is bad
 * @example readNumericColumn(csv, 'tv_spend', 'spend', issues) // Float64Array [100, 0, 250]
 */
export function readNumericColumn(
  csv: CsvTable,
  column: string,
  role: NumericRole,
  issues: IssueCollector,
  unused?: readonly boolean[],
): Float64Array | undefined {
  const j = csv.header.indexOf(column);
  const values = new Float64Array(csv.rows.length);
  const cells = csv.rows.map((r) => r[j]);
  const parses = parseTableColumn(csv, j);
  let ok = true;
  cells.forEach((cell, i) => {
    const place = (message: string): ReturnType<typeof rowIssuePlace> => rowIssuePlace(csv, i, column, message);
    const parsed = parses[i];
    if (!parsed.ok && unused?.[i] === true) {
      values[i] = Number.NaN;
      return;
    }
    if (!parsed.ok) {
      ok = false;
      const [code, message, hint] = describeFailure(parsed.reason, cell, role);
      const p = place(message);
      issues.error(code, p.message, hint, p.at);
      return;
    }
    const negative = parsed.value < 0 ? negativeValueText(role, cell) : undefined;
    if (negative !== undefined) {
      ok = false;
      const p = place(negative[0]);
      issues.error('NEGATIVE_SPEND', p.message, negative[1], p.at);
      return;
    }
    values[i] = parsed.value;
  });
  return ok ? values : undefined;
}

/**
 * The message and hint of NEGATIVE_SPEND for a negative value of a role that must be 0 or more (spend,
 * organic exposure), or undefined for a role that may be negative. Shared with the negativeSpend rule,
 * so `mixwise validate` and `mixwise fit` word it the same way.
 * @param role what the column is used for
 * @param cell the cell text
 * @example negativeValueText('organic', '-3') // ['organic exposure is negative (-3)', 'an exposure (sends, impressions, mentions) must be 0 or more; …']
 */
export function negativeValueText(role: NumericRole, cell: string): [string, string] | undefined {
  const hint = NON_NEGATIVE[role];
  return hint === undefined ? undefined : [`${ROLE_WORD[role]} is negative (${cell})`, hint];
}

/**
 * The issue code, message and hint for a numeric cell that cannot be read (shared by the cell
 * validation rules, so `mixwise validate` and `mixwise fit` word the same problem the same way).
 * @param reason why parseNumber refused the cell
 * @param cell the cell text
 * @param role what the column is used for
 * @returns [code, message, hint]
 * @example describeFailure('not-number', 'abc', 'spend') // ['NOT_A_NUMBER', 'value "abc" is not a number', 'write plain numbers such as 1234.5']
 */
export function describeFailure(reason: NumberFailure, cell: string, role: NumericRole): [DataIssueCode, string, string] {
  switch (reason) {
    case 'empty':
      return ['EMPTY_CELL', `the ${ROLE_WORD[role]} value is empty`, EMPTY_HINT[role]];
    case 'missing':
      return ['EMPTY_CELL', `value "${cell}" marks a missing ${ROLE_WORD[role]} value`, EMPTY_HINT[role]];
    case 'non-finite':
      return ['NON_FINITE', `value "${cell}" is not a finite number`,
        'replace it with the real number (a spreadsheet formula dividing by zero often produces this)'];
    case 'currency':
      return ['CURRENCY_SYMBOL', `value "${cell}" has a currency symbol`,
        'write plain numbers (1234.5): format the column as Number rather than Currency before exporting'];
    case 'percent':
      return ['PERCENT_VALUE', `value "${cell}" has a % sign`, 'write the number without the % sign (0.05 or 5)'];
    case 'decimal-comma':
      return ['DECIMAL_COMMA', `value "${cell}" uses a comma as decimal point`,
        'use a dot as decimal point (1234.5); export with "." as decimal separator'];
    case 'dot-thousands': {
      const plain = cell.trim().replaceAll('.', '');
      // A single group (9.388) would silently read as a decimal; say what that would mean.
      const single = cell.split('.').length === 2 ? ` (read as a decimal it would be ${cell.trim()}, 1000× too small)` : '';
      return ['DOT_THOUSANDS', `value "${cell}" uses "." as a thousands separator${single}`,
        `write plain numbers such as ${plain}: export with "." as decimal point and no digit grouping${single === '' ? '' : '; if this column\'s values really are decimals with three places, save the file comma-separated'}`];
    }
    case 'not-number':
      return ['NOT_A_NUMBER', `value "${cell}" is not a number`, 'write plain numbers such as 1234.5'];
  }
}
