import type { Issue, LiftTest } from '@mixwise/contracts';
import { defaultModelSpec, fittedRows, type ModelingTable } from '@mixwise/engine';
import { DataError, countIssues, decodeCsvBytes, liftTestProblems, liftTestsFromCsv, parseCsvText, repeatedLiftTests, REPEATED_LIFT_TEST_HINT, type LiftTestScope } from '@mixwise/data';
import { MAX_LIFT_TESTS } from '@mixwise/contracts';
import { runSpec, type RunSpecOptions } from '@mixwise/store';
import { ApiHttpError } from '../http/api-http-error.ts';
import { plainIssue } from './inspect-csv.ts';

/**
 * What lift tests are checked against for a fit of this table: its channels, dates, spend and geos (a geo-level fit's), and the rows
 * the fit would use, from the same spec the fit worker builds (runSpec over the engine's defaults), so
 * a test is refused here exactly when the engine would refuse it.
 * @param table the checked modeling table
 * @param options the fit's options (the holdout matters; a window would too)
 * @example liftTestScope(table, { holdout: 8 }).fitted // { start: 0, end: table.dates.length - 8 }
 */
export function liftTestScope(table: ModelingTable, options: RunSpecOptions): LiftTestScope {
  const channels = table.channels.map((c) => c.name);
  const spec = defaultModelSpec({ nTimes: table.dates.length, frequency: table.frequency, channels }, runSpec(table, options));
  return {
    channels, dates: table.dates, fitted: fittedRows(spec), spend: new Map(table.channels.map((c) => [c.name, c.spend])), organic: (table.organic ?? []).map((o) => o.name),
    ...(table.panel === undefined ? {} : { geos: table.panel.geos, geoSpend: new Map(table.channels.map((c, k) => [c.name, table.panel!.spend[k]])) }),
  };
}

/**
 * Reads a lift-test CSV sent for an upload with @mixwise/data's lift-test reader (the rules of
 * `mixwise fit --lift-tests`, plus the fitted rows of `scope`).
 * @param bytes the file as sent
 * @param fileName the name shown in issues
 * @param scope channels, dates and fitted rows (liftTestScope)
 * @returns the tests, in file order
 * @throws ApiHttpError('INVALID_DATA') with every issue (file, row, column, hint)
 * @example liftTestsFromFile(Buffer.from('channel,start,end,lift\ntv,2024-03-04,2024-04-01,125000\n'), 'lift.csv', scope)
 */
export function liftTestsFromFile(bytes: Uint8Array, fileName: string, scope: LiftTestScope): LiftTest[] {
  let tests: LiftTest[];
  try {
    const csv = parseCsvText(decodeCsvBytes(bytes, fileName), fileName);
    if (csv.rows.length > MAX_LIFT_TESTS) {
      throw new ApiHttpError('INVALID_DATA', `"${fileName}" has ${csv.rows.length} lift tests; at most ${MAX_LIFT_TESTS} are accepted`, [{
        code: 'TOO_MANY_LIFT_TESTS', severity: 'error', message: `${csv.rows.length} lift tests in one file`,
        hint: `keep at most ${MAX_LIFT_TESTS} experiments (one row each) in the file`, at: { file: fileName },
      }]);
    }
    tests = liftTestsFromCsv(csv, scope).map(({ geos, ...t }) => (geos === undefined ? t : { ...t, geos: [...geos] }));
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    const n = countIssues(err.issues, 'error');
    throw new ApiHttpError('INVALID_DATA', `"${fileName}" cannot be used as lift tests: ${n} error${n === 1 ? '' : 's'} found (see issues)`, err.issues.map(plainIssue));
  }
  return tests;
}

/**
 * Checks a fit request's lift tests against the table with the reader's rules (liftTestProblems, and
 * no exact repeats: repeatedLiftTests): each issue names the test (number, channel, dates) and its field as `options.liftTests.<k>.<field>`.
 * @param tests the request's lift tests (already valid in shape: FitOptionsSchema)
 * @param scope channels, dates and fitted rows (liftTestScope)
 * @returns one error per problem; empty when every test can calibrate the fit
 * @example fitLiftTestIssues([{ channel: 'radio', … }], scope)[0].at.column // 'options.liftTests.0.channel'
 */
export function fitLiftTestIssues(tests: readonly LiftTest[], scope: LiftTestScope): Issue[] {
  const issues = tests.flatMap((t, k) => liftTestProblems(t, scope).map((p): Issue => ({
    code: p.code, severity: 'error', message: `lift test ${k + 1} (${t.channel}, ${t.start} … ${t.end}): ${p.message}`, hint: p.hint,
    at: { column: `options.liftTests.${k}.${p.field === 'measured_through' ? 'measuredThrough' : p.field === 'geo' ? 'geos' : p.field}` },
  })));
  for (const { first, repeat } of repeatedLiftTests(tests)) {
    const t = tests[repeat];
    issues.push({
      code: 'LIFT_TEST_REPEATED', severity: 'error', hint: REPEATED_LIFT_TEST_HINT, at: { column: `options.liftTests.${repeat}` },
      message: `lift test ${repeat + 1} (${t.channel}, ${t.start} … ${t.end}) repeats lift test ${first + 1}: it would count twice`,
    });
  }
  return issues;
}
