import { DEFAULT_LIFT_TEST_SE_TEXT, liftTestSeProblem, type LiftTest } from '@mixwise/engine';
import { IssueCollector } from '../issue-collector.ts';
import { liftTestProblems, type LiftTestScope } from '../validate/lift-test-problems.ts';
import { repeatedLiftTests, REPEATED_LIFT_TEST_HINT } from '../validate/repeated-lift-tests.ts';
import { readCsvFile, type CsvTable } from './read-csv.ts';
import { parseDate } from './date.ts';
import { parseNumber } from './parse-number.ts';

const REQUIRED = ['channel', 'start', 'end', 'lift'] as const;
const OPTIONAL: readonly string[] = ['measured_through', 'standard_error', 'geo'];

/** Separates the geos of a test in the `geo` cell (`north|south`): not a CSV delimiter, and rare in a geo's name. */
export const LIFT_TEST_GEO_SEPARATOR = '|';

/**
 * Reads lift-test results (geo experiments, conversion-lift studies) from a CSV file with the
 * columns `channel,start,end,lift`: the channel name (as in the model, e.g. `tv` for `tv_spend`), the
 * first and last date of the test (yyyy-mm-dd, inclusive) and the measured incremental KPI — what the
 * channel's spend in the test periods produced, measured from the start to `measured_through`
 * (optional column; empty or absent: the test's end); optionally `standard_error`, the lift's
 * standard error in KPI units (empty or absent: the engine's default, 20% of the lift); and for a
 * geo-level fit optionally `geo`, the geos the test ran in separated by `|` (`north|south`; empty or
 * absent: every geo), the measured lift being those geos' KPI. `scope.geos` gives the panel's geos; a
 * national fit (no `scope.geos`) refuses a filled `geo` cell.
 * A row that repeats an earlier one exactly is an error (it would count twice). Every problem is
 * collected with its row and column before anything is thrown.
 * @param path the CSV file
 * @param channels the model's channel names, to check the `channel` column
 * @param dates the data's dates [nTimes], to check that each test lies inside them
 * @returns the lift tests, in file order
 * @throws DataError with every issue found (missing columns, unknown channel, bad dates or values)
 * @example readLiftTests('lift.csv', ['tv', 'search'], table.dates) // [{ channel: 'tv', start: '2024-03-04', end: '2024-04-01', lift: 125000 }]
 */
export function readLiftTests(path: string, channels: readonly string[], dates: readonly string[]): LiftTest[] {
  return liftTestsFromCsv(readCsvFile(path), { channels, dates });
}

/**
 * The lift tests of a CSV table already read (readCsvFile, or parseCsvText for an uploaded file), with
 * the rules of readLiftTests; with `scope.fitted`, every test must also cover one of the fitted rows.
 * Issues name `csv.file`, the row and the column.
 * @param csv the lift-test table
 * @param scope the model's channels and dates, and optionally its fitted rows (engine fittedRows)
 * @returns the lift tests, in file order
 * @throws DataError with every issue found
 * @example liftTestsFromCsv(parseCsvText(text, 'lift.csv'), { channels: ['tv'], dates }).length // 1
 */
export function liftTestsFromCsv(csv: CsvTable, scope: LiftTestScope): LiftTest[] {
  const issues = new IssueCollector(csv.file);
  const names = csv.header.map((h) => h.trim().toLowerCase());
  const col = Object.fromEntries([...REQUIRED, ...OPTIONAL].map((name) => [name, names.indexOf(name)]));
  for (const name of REQUIRED) {
    if (col[name] < 0) {
      issues.error('MISSING_COLUMN', `the lift-test file has no "${name}" column`,
        `lift-test files need the columns ${REQUIRED.join(', ')} (found: ${csv.header.join(', ')})`, { column: name });
    }
  }
  // A misspelled optional column (standard_eror) would otherwise be dropped without a word.
  csv.header.forEach((h, j) => {
    if (!Object.hasOwn(col, names[j])) {
      issues.error('LIFT_TEST_COLUMN', `the lift-test file has a column "${h}" that Mixwise does not read`,
        `lift-test columns are ${REQUIRED.join(', ')} and optionally ${OPTIONAL.join(', ')}: rename or remove column ${j + 1}`, { column: h });
    }
  });
  issues.throwIfErrors();
  const seCol = col.standard_error, throughCol = col.measured_through, geoCol = col.geo;
  const tests: LiftTest[] = [];
  const testRows: number[] = [];
  csv.rows.forEach((r, i) => {
    const row = csv.rowNumbers[i];
    const channel = r[col.channel].trim();
    const start = parseDate(r[col.start]);
    const end = parseDate(r[col.end]);
    const both = start.ok && end.ok;
    const throughText = throughCol >= 0 ? (r[throughCol] ?? '').trim() : '';
    const through = throughText === '' ? undefined : parseDate(throughText);
    if (through !== undefined && !through.ok) issues.error('INVALID_DATE', `measured_through date "${throughText}" cannot be read`, 'write dates as yyyy-mm-dd, or leave the cell empty for the test\'s end', { row, column: 'measured_through' });
    const geoText = geoCol >= 0 ? (r[geoCol] ?? '').trim() : '';
    const geos = geoText === '' ? undefined : geoText.split(LIFT_TEST_GEO_SEPARATOR).map((g) => g.trim());
    const problems = liftTestProblems({ channel, start: both ? start.iso : undefined, end: both ? end.iso : undefined, measuredThrough: through?.ok ? through.iso : undefined, ...(geos === undefined ? {} : { geos }) }, scope);
    for (const p of problems.filter((x) => x.field === 'channel')) issues.error(p.code, p.message, p.hint, { row, column: p.field });
    if (!start.ok) issues.error('INVALID_DATE', `start date "${r[col.start]}" cannot be read`, 'write dates as yyyy-mm-dd', { row, column: 'start' });
    if (!end.ok) issues.error('INVALID_DATE', `end date "${r[col.end]}" cannot be read`, 'write dates as yyyy-mm-dd', { row, column: 'end' });
    for (const p of problems.filter((x) => x.field !== 'channel')) {
      // The geo cell holds a list: say how to write one.
      const hint = p.field === 'geo' && scope.geos !== undefined ? `${p.hint} (several separated by ${LIFT_TEST_GEO_SEPARATOR}, e.g. ${scope.geos.slice(0, 2).join(LIFT_TEST_GEO_SEPARATOR)}; empty for every geo)` : p.hint;
      issues.error(p.code, p.message, hint, { row, column: p.field });
    }
    const lift = parseNumber(r[col.lift], csv.delimiter);
    if (!lift.ok) {
      issues.error('LIFT_TEST_VALUE', `lift "${r[col.lift]}" is not a number`, 'give the measured incremental KPI over the test, e.g. 125000 (0 or below for a test that measured no effect, with its standard_error)', { row, column: 'lift' });
    }
    const seText = seCol >= 0 ? (r[seCol] ?? '').trim() : '';
    const se = seText === '' ? undefined : parseNumber(seText, csv.delimiter);
    const seProblem = lift.ok && se === undefined ? liftTestSeProblem({ lift: lift.value }) : undefined;
    if (seProblem !== undefined) {
      issues.error('LIFT_TEST_VALUE', seProblem, `${seCol >= 0 ? 'fill this row\'s standard_error cell' : 'add a standard_error column'} with the test's standard error in KPI units, as the experiment's analysis reports it`, { row, column: 'lift' });
    }
    if (se !== undefined && (!se.ok || !(se.value > 0))) {
      issues.error('LIFT_TEST_VALUE', `standard error "${seText}" is not a positive number`,
        `give the standard error of the measured lift in KPI units (e.g. 25000), or leave the cell empty for the default (${DEFAULT_LIFT_TEST_SE_TEXT})`, { row, column: 'standard_error' });
    }
    if (start.ok && end.ok && lift.ok && seProblem === undefined && (se === undefined || se.ok) && (through === undefined || through.ok)) {
      tests.push({
        channel, start: start.iso, end: end.iso, ...(through?.ok ? { measuredThrough: through.iso } : {}), lift: lift.value, ...(se?.ok ? { standardError: se.value } : {}),
        ...(geos === undefined ? {} : { geos }),
      });
      testRows.push(row);
    }
  });
  for (const { first, repeat } of repeatedLiftTests(tests)) {
    issues.error('LIFT_TEST_REPEATED', `this lift test repeats row ${testRows[first]} (same channel, dates and lift): it would count twice`, REPEATED_LIFT_TEST_HINT, { row: testRows[repeat], column: 'channel' });
  }
  issues.throwIfErrors();
  return tests;
}
