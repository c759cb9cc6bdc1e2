import type { Issue } from '../../issue.ts';
import type { CsvTable } from '../../read/read-csv.ts';
import type { RuleOptions, RuleRoles } from '../rule-types.ts';
import { makeIssue } from '../make-issue.ts';
import { kpiAndSpendValues } from '../kpi-spend-values.ts';
import { implausibleRows, typicalLevel } from '../typical-level.ts';
import { duckdbReplaceHint } from '../duckdb-hint.ts';

/** From this magnitude on a double no longer holds every whole number to the unit (2^53 ≈ 9.007e15). */
export const TOO_LARGE = 1e15;
/** A KPI or spend column whose largest magnitude is below this is in the wrong unit (or written as a tiny share). */
export const TOO_SMALL = 1e-9;

/**
 * Rule: the KPI and spend columns are on a scale the fit can work with. A value of magnitude TOO_LARGE
 * (1e15) or more is beyond what double precision holds to the unit, and a column whose largest
 * magnitude is below TOO_SMALL (1e-9) underflows the model's scaling: either makes the engine fail
 * with a message about densities. One NUMBER_SCALE error per column, naming the first such value,
 * how many there are and the factor to divide or multiply the column by (a power of 1000 that brings
 * its level to between thousands and billions), as a DuckDB statement or a spreadsheet step. A single
 * huge cell in a column of normal level is implausibleValues' error, and not repeated here unless a
 * winsorize step keeps it (its cap is still beyond the limit).
 * @param csv the parsed cells
 * @param roles resolved roles (the target, when given, and the spend columns)
 * @param options kpiFrom and winsorized
 * @example numberScale(csv, { target: 'revenue' })[0].message
 * // 'the values of "revenue" reach 2.47e+156 (row 2, and 155 other values of 1e15 or more): …'
 */
export function numberScale(csv: CsvTable, roles: RuleRoles, options: RuleOptions = {}): Issue[] {
  const out: Issue[] = [];
  for (const { column, spend, values } of kpiAndSpendValues(csv, roles, options.kpiFrom)) {
    // The values IMPLAUSIBLE_VALUE's error names already (a spend burst is only its warning).
    const said = options.winsorized?.includes(column) === true ? new Set<number>() : new Set(implausibleRows(values, { isolated: spend }));
    const large = [...values.keys()].filter((i) => Math.abs(values[i]) >= TOO_LARGE && !said.has(i));
    const largest = values.reduce((m, v) => (Number.isNaN(v) ? m : Math.max(m, Math.abs(v))), 0);
    const level = typicalLevel(values, 1) ?? largest;
    const at = (i: number) => ({ file: csv.file, row: csv.rowNumbers[i], column });
    const cell = (i: number): string => csv.rows[i][csv.header.indexOf(column)];
    if (large.length > 0) {
      const exponent = Math.max(3, 3 * Math.floor((Math.log10(level) - 6) / 3));
      const others = large.length > 1 ? `, and ${large.length - 1} other value${large.length === 2 ? '' : 's'} of 1e15 or more` : '';
      out.push(makeIssue('NUMBER_SCALE', 'error',
        `value ${cell(large[0])} of "${column}" (row ${csv.rowNumbers[large[0]]}${others}) is too large to compute with: from 1e15 on, double precision no longer holds numbers to the unit and the fit fails`,
        rescaleHint(csv, column, 'divide', exponent), at(large[0])));
    } else if (largest > 0 && largest < TOO_SMALL) {
      const first = values.findIndex((v) => v !== 0 && !Number.isNaN(v));
      const exponent = 3 * Math.ceil((3 - Math.log10(level)) / 3);
      out.push(makeIssue('NUMBER_SCALE', 'error',
        `the values of "${column}" are all below 1e-9 in magnitude (the largest: ${largest}; ${cell(first)} on row ${csv.rowNumbers[first]}): too small to compute with, the fit fails`,
        rescaleHint(csv, column, 'multiply', exponent), at(first)));
    }
  }
  return out;
}

/** The largest power of ten a rescaling hint suggests (1e300 is still a double; 1e309 is Infinity). */
const MAX_RESCALE_EXPONENT = 300;

/** The fix: rescale the column by 10^exponent, with DuckDB or in a spreadsheet. */
function rescaleHint(csv: CsvTable, column: string, how: 'divide' | 'multiply', exponent: number): string {
  // Below ~1e-300 (5e-324 is the smallest double) no rescaling is sensible, and 1e327 is not a number.
  if (exponent > MAX_RESCALE_EXPONENT) {
    return 'values this small are not amounts in any unit (a broken export, or a number format misread): check how the column was produced and export it again; if it is a single cell, correct it';
  }
  const op = how === 'divide' ? '/' : '*';
  const unit = how === 'divide' && exponent === 3 ? 'thousands' : how === 'divide' && exponent === 6 ? 'millions' : `units of 1e${how === 'divide' ? exponent : -exponent}`;
  return `rescale the column: ${how} it by 1e${exponent} (write it in ${unit}; ROI and contributions are then in those units), e.g. with DuckDB: `
    + `${duckdbReplaceHint(csv.file, column, (c) => `${c} ${op} 1e${exponent}`, 'rescaled.csv')}; `
    + `or in a spreadsheet, ${how} the column by 1E${exponent} (Paste Special › ${how === 'divide' ? 'Divide' : 'Multiply'}) before exporting; if it is a single cell, correct it`;
}
