import { liftTestDateProblems, liftTestGeoProblem, liftTestGeoSpend, liftTestSpendProblem } from '@mixwise/engine';
import type { DataIssueCode } from '../issue-codes.ts';

/** What a lift test is checked against: the model's channels and dates, and optionally the fitted rows. */
export interface LiftTestScope {
  /** The model's channel names (`tv` for `tv_spend`). */
  readonly channels: readonly string[];
  /** The data's dates [nTimes], ascending ISO. */
  readonly dates: readonly string[];
  /** The rows the model is fitted on, [start, end) (engine fittedRows); when given, a test must cover one of them. */
  readonly fitted?: { readonly start: number; readonly end: number };
  /** Each channel's spend [nTimes] by name; when given, a channel must have spent something inside its test (liftTestSpendProblem). */
  readonly spend?: ReadonlyMap<string, ArrayLike<number>>;
  /** The model's organic media (names); a test naming one gets organicLiftTestProblem's message, not "unknown channel". */
  readonly organic?: readonly string[];
  /** A geo-level fit's geos (the panel's names); absent for a national fit, which refuses a test naming geos. */
  readonly geos?: readonly string[];
  /** A geo-level fit's spend per channel name and geo ([nGeos][nTimes], `geos` order): a geo test's channel must have spent in its geos. */
  readonly geoSpend?: ReadonlyMap<string, readonly ArrayLike<number>[]>;
}

/**
 * Why a lift test cannot name organic media, and what to do instead: the words shared by the lift-test
 * reader, the config checks and the engine's own refusal (buildSearchProblem).
 * @param name the organic series the test names
 * @example organicLiftTestProblem('newsletter').message // 'lift test names organic media "newsletter": lift tests calibrate paid channels only (organic media have no spend to switch off)'
 */
export function organicLiftTestProblem(name: string): { message: string; hint: string } {
  return {
    message: `lift test names organic media "${name}": lift tests calibrate paid channels only (organic media have no spend to switch off)`,
    hint: `remove the test; if "${name}" has a spend column, model it as a channel instead (--channels, columns.channels), and the test can calibrate it`,
  };
}

/** A problem with one lift test, and the field it is about (the CSV column, or the JSON member). */
export interface LiftTestProblem {
  readonly code: DataIssueCode;
  readonly message: string;
  readonly hint: string;
  readonly field: 'channel' | 'start' | 'end' | 'measured_through' | 'geo';
}

/**
 * Checks one lift test's channel and dates against the model: a known channel, and the engine's date
 * rules (liftTestDateProblems: inside the data, containing a row date, a period among the fitted rows
 * with `scope.fitted`, measuredThrough on or after the end and inside the data), and with `scope.spend`
 * some spend of the channel inside the test's dates (LIFT_TEST_NO_SPEND); geos only on a geo-level fit and
 * only the panel's (LIFT_TEST_GEO, engine liftTestGeoProblem). A test naming one of `scope.organic` says that lift tests are
 * for paid channels only (organicLiftTestProblem). The lift-test CSV
 * reader, the server's check of a fit request and the engine itself share these rules, so a file, a
 * request and an API call are judged alike.
 * @param test the channel and ISO dates; a date left undefined could not be read, and the checks that need it are skipped
 * @param scope channels, dates and optionally the fitted rows
 * @returns the problems found (empty when the test can calibrate the model)
 * @example liftTestProblems({ channel: 'radio', start: '2024-01-08', end: '2024-01-15' }, { channels: ['tv'], dates })[0].code // 'LIFT_TEST_CHANNEL'
 */
export function liftTestProblems(test: { channel: string; start?: string; end?: string; measuredThrough?: string; geos?: readonly string[] }, scope: LiftTestScope): LiftTestProblem[] {
  const problems: LiftTestProblem[] = [];
  const { channels, dates, fitted } = scope;
  if (!channels.includes(test.channel) && scope.organic?.includes(test.channel) === true) {
    problems.push({ code: 'LIFT_TEST_CHANNEL', field: 'channel', ...organicLiftTestProblem(test.channel) });
  } else if (!channels.includes(test.channel)) {
    problems.push({ code: 'LIFT_TEST_CHANNEL', field: 'channel', message: `lift test for unknown channel "${test.channel}"`, hint: `use one of the model's channels: ${channels.join(', ')}` });
  }
  const geo = liftTestGeoProblem(test, scope.geos);
  if (geo !== undefined) problems.push({ code: 'LIFT_TEST_GEO', field: 'geo', ...geo });
  const { start, end } = test;
  if (start === undefined || end === undefined) return problems;
  const dateProblems = liftTestDateProblems({ start, end, ...(test.measuredThrough !== undefined ? { measuredThrough: test.measuredThrough } : {}) }, dates, fitted);
  for (const p of dateProblems) problems.push({ code: 'LIFT_TEST_RANGE', ...p });
  const spend = geo === undefined ? testSpend(test, scope) : undefined;
  if (spend !== undefined && !dateProblems.some((p) => p.field !== 'measured_through')) {
    const p = liftTestSpendProblem({ channel: test.channel, start, end }, dates, spend);
    const inGeos = test.geos === undefined ? '' : ` in ${test.geos.join(', ')}`;
    if (p !== undefined) problems.push({ code: 'LIFT_TEST_NO_SPEND', field: 'start', ...p, message: `${p.message}${inGeos}` });
  }
  return problems;
}

/** The spend a test's window is checked against: the channel's, or for a geo test the sum over its geos (when scope.geoSpend has them). */
function testSpend(test: { channel: string; geos?: readonly string[] }, scope: LiftTestScope): ArrayLike<number> | undefined {
  if (test.geos === undefined) return scope.spend?.get(test.channel);
  const perGeo = scope.geoSpend?.get(test.channel);
  if (perGeo === undefined || scope.geos === undefined) return undefined;
  const geos = scope.geos;
  return liftTestGeoSpend(perGeo, test.geos.map((name) => geos.indexOf(name)));
}
