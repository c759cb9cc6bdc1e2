import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleRoles } from '../rule-types.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { parseTableColumn } from '../../read/dot-thousands.ts';
import { semicolonDecimalCommas } from '../../read/semicolon-commas.ts';
import { numericColumns } from '../numeric-columns.ts';
import { makeIssue } from '../make-issue.ts';

/** Comma grouping in exact groups of three (`1,234`, `2,495,881.62`), as parseNumber accepts it. */
const GROUPED = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
/** One comma followed by exactly three digits and nothing else (`1,540`): thousands, or a decimal comma. */
const ONE_GROUP = /^[+-]?\d{1,3},\d{3}$/;

/**
 * The columns read as numbers: the target, spend and control columns, then every other column (not
 * the date) whose cells are all numbers or blank (an automatic control such as a price is one).
 */
function numberColumns(csv: CsvTable, roles: RuleRoles): string[] {
  const named = numericColumns(roles).map((c) => c.column).filter((c) => csv.header.includes(c));
  const others = otherColumns(csv, roles, named).filter((j) => parseTableColumn(csv, j)
    .every((p) => p.ok || p.reason === 'empty'));
  return [...named, ...others.map((j) => csv.header[j])];
}

/** The indices of the columns that are neither the date nor in `named`. */
function otherColumns(csv: CsvTable, roles: RuleRoles, named: readonly string[]): number[] {
  return csv.header.flatMap((h, j) => (h === roles.date || named.includes(h) ? [] : [j]));
}

/**
 * A DECIMAL_COMMA warning for each column with no role whose numbers all use a decimal comma
 * (`0,125`, or `1,540` in a semicolon file): not read as numbers, so it is no automatic control.
 * (A column with a role gets a DECIMAL_COMMA error per cell, from nonNumericValues.)
 */
function decimalCommaColumns(csv: CsvTable, roles: RuleRoles): Issue[] {
  const named = numericColumns(roles).map((c) => c.column);
  return otherColumns(csv, roles, named).flatMap((j) => {
    const parses = parseTableColumn(csv, j);
    const first = parses.findIndex((p) => !p.ok && p.reason === 'decimal-comma');
    if (first < 0 || !parses.every((p) => p.ok || p.reason === 'decimal-comma' || p.reason === 'empty')) return [];
    const cell = csv.rows[first][j].trim();
    const issue = makeIssue('DECIMAL_COMMA', 'warning',
      `the numbers of this column are written with a decimal comma ("${cell}" on row ${csv.rowNumbers[first]} is ${cell.replace(',', '.')}), which Mixwise does not read: the column is not used (no control)`,
      `export the file with "." as the decimal separator (or replace "," by "." in this column) to use it; if it is not needed, nothing to fix`,
      { file: csv.file, row: csv.rowNumbers[first], column: csv.header[j] });
    // In a semicolon file the decimal_comma step reads it (its hint names the step: cleaningFix).
    return [csv.delimiter === ';' ? { ...issue, details: { decimalComma: true as const } } : issue];
  });
}

/**
 * Rule: say how commas in numbers were read, one warning per numeric column (numberColumns) that has
 * any. When every comma of the column is a single `,ddd` with no other decimal point in the column
 * (`1,540` could be 1540 or a decimal comma, 1.540), AMBIGUOUS_COMMA says which reading was used
 * (thousands) and how to have the other; otherwise THOUSANDS_SEPARATORS says the separators were read
 * (a comma file's quoted "2,495,881.62" as in a semicolon file), so nothing is changed without a word.
 * In a semicolon file a single `,ddd` is a decimal comma (semicolonDecimalCommas), refused rather than
 * read, and `0,125` never is thousands: a column with no role written so gets one DECIMAL_COMMA warning
 * saying it is not used (decimalCommaColumns).
 * @param csv the parsed cells
 * @param roles resolved roles
 * @example commaNumbers(csv, roles)[0].code // 'THOUSANDS_SEPARATORS'
 */
export function commaNumbers(csv: CsvTable, roles: RuleRoles): Issue[] {
  const out: Issue[] = decimalCommaColumns(csv, roles);
  for (const column of numberColumns(csv, roles)) {
    const j = csv.header.indexOf(column);
    const cells = csv.rows.map((r) => (r[j] ?? '').trim());
    // A semicolon file's decimal comma (1,540) is refused as such (DECIMAL_COMMA), not read as thousands.
    const decimal = semicolonDecimalCommas(cells, csv.delimiter);
    const grouped = cells.flatMap((c, i) => (GROUPED.test(c) && !decimal.has(i) ? [i] : []));
    if (grouped.length === 0) continue;
    const first = grouped[0];
    const cell = cells[first];
    const read = parseNumber(cell, csv.delimiter);
    const value = read.ok ? String(read.value) : cell.replaceAll(',', '');
    const at = { file: csv.file, row: csv.rowNumbers[first], column };
    const which = grouped.length === 1 ? `"${cell}"` : `"${cell}" and ${grouped.length - 1} other value${grouped.length === 2 ? '' : 's'}`;
    const verb = (one: string, many: string): string => (grouped.length === 1 ? one : many);
    const file = csv.delimiter === ';' ? 'semicolon-separated' : csv.delimiter === '\t' ? 'tab-separated' : 'comma-separated';
    const ambiguous = grouped.every((i) => ONE_GROUP.test(cells[i])) && !cells.some((c) => c.includes('.'));
    if (ambiguous) {
      const decimal = cell.replace(',', '.');
      out.push(makeIssue('AMBIGUOUS_COMMA', 'warning',
        `${which} in this column ${verb('has', 'have')} a single comma followed by exactly three digits, and no value of the column has a decimal point: `
        + `read with the comma as a thousands separator ("${cell}" as ${value}), not as a decimal comma (${decimal}), which is 1000× smaller`,
        `if the comma is a decimal point here (${decimal}), write the values with "." as the decimal point (export with "." as decimal separator, or replace "," by "." in this column); `
        + `if they are thousands, nothing to fix (writing them without grouping, ${value}, removes this warning)`, at));
    } else {
      out.push(makeIssue('THOUSANDS_SEPARATORS', 'warning',
        `${which} in this column ${verb('uses', 'use')} "," as a thousands separator, read so ("${cell}" as ${value}; "." is the decimal point, as everywhere in this ${file} file)`,
        'nothing to fix if these are thousands; to silence this, export the column as plain numbers without digit grouping', at));
    }
  }
  return out;
}
