import { EngineError } from '../errors.ts';
import { ADSTOCK_TYPES } from '../transforms/adstock/registry.ts';
import { SATURATION_TYPES } from '../transforms/saturation/registry.ts';
import { MAX_SEASONALITY_ORDER, MAX_TREND_CHANGEPOINTS, type ChannelSpec, type ModelSpec } from './model-spec.ts';

/**
 * Value checks on a merged model spec, so a bad setting given to the engine's API is reported by its
 * key instead of surfacing later (`iterations: -5` ran no search; NaN looped; a window past the table's
 * end read undefined dates). The CLI and the config reader check the same values with their own words.
 */

function fail(key: string, message: string): never {
  throw new EngineError('INVALID_ARGUMENT', `model spec "${key}" ${message}`, { series: key });
}

function integer(key: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    fail(key, `must be an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`}, got ${typeof v === 'number' ? String(v) : JSON.stringify(v) ?? String(v)}`);
  }
}

function finite(key: string, v: unknown, test: (x: number) => boolean, what: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || !test(v)) fail(key, `must be ${what}, got ${String(v)}`);
}

function oneOf(key: string, v: unknown, allowed: readonly unknown[]): void {
  if (!allowed.includes(v)) fail(key, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(v) ?? String(v)}`);
}

function checkChannel(c: ChannelSpec, key: string): void {
  oneOf(`${key}.adstock`, c.adstock, ['auto', ...ADSTOCK_TYPES]);
  oneOf(`${key}.saturation`, c.saturation, ['auto', ...SATURATION_TYPES]);
  // The adstock kernels accept lags up to 10,000; the user-facing limit (MAX_USER_LAG) is the CLI's.
  integer(`${key}.maxLag`, c.maxLag, 0, 10_000);
}

/**
 * Check the values of a full (merged) spec against a table of nTimes periods.
 * @param spec the spec after merging overrides onto the defaults
 * @param nTimes periods in the table
 * @throws EngineError INVALID_ARGUMENT naming the key (`at.series`), the value and the allowed range
 * @example checkSpec({ ...spec, search: { ...spec.search, iterations: -5 } }, 104) // throws: model spec "search.iterations" must be an integer ≥ 1, got -5
 */
export function checkSpec(spec: ModelSpec, nTimes: number): void {
  integer('window.start', spec.window.start, 0, Math.max(0, nTimes - 1));
  integer('window.end', spec.window.end, spec.window.start + 1, nTimes);
  integer('holdout', spec.holdout, 0, spec.window.end - spec.window.start - 1);
  finite('validationShare', spec.validationShare, (x) => x >= 0 && x < 1, 'a number in [0, 1)');
  if (!Array.isArray(spec.channels)) fail('channels', 'must be an array');
  spec.channels.forEach((c, i) => checkChannel(c, `channels[${i}]`));
  spec.organic?.forEach((c, i) => checkChannel(c, `organic[${i}]`));
  if (typeof spec.trend.linear !== 'boolean') fail('trend.linear', `must be true or false, got ${String(spec.trend.linear)}`);
  integer('trend.changepoints', spec.trend.changepoints, 0, MAX_TREND_CHANGEPOINTS);
  integer('seasonalityOrder', spec.seasonalityOrder, 0, MAX_SEASONALITY_ORDER);
  if (typeof spec.dayOfWeek !== 'boolean') fail('dayOfWeek', `must be true or false, got ${String(spec.dayOfWeek)}`);
  finite('lambda.lower', spec.lambda.lower, (x) => x > 0, 'a positive number');
  finite('lambda.upper', spec.lambda.upper, (x) => x >= spec.lambda.lower, `a number ≥ lambda.lower (${spec.lambda.lower})`);
  const s = spec.search;
  integer('search.iterations', s.iterations, 1);
  integer('search.trials', s.trials, 1);
  integer('search.seed', s.seed, -Number.MAX_SAFE_INTEGER);
  integer('search.bootstrap', s.bootstrap, 0);
  if (s.posterior !== undefined) integer('search.posterior', s.posterior, 0);
  for (const [k, w] of Object.entries(s.weights)) finite(`search.weights.${k}`, w, (x) => x >= 0, 'a number ≥ 0');
  if (s.roiPrior !== undefined && s.roiPrior !== null) {
    finite('search.roiPrior.median', s.roiPrior.median, (x) => x > 0, 'a positive number');
    finite('search.roiPrior.sdLog', s.roiPrior.sdLog, (x) => x > 0, 'a positive number');
  }
  if (spec.method !== undefined) oneOf('method', spec.method, ['ridge', 'bayes']);
  if (!Array.isArray(spec.liftTests)) fail('liftTests', 'must be an array (empty for none)');
}
