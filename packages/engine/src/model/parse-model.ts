import { EngineError } from '../errors.ts';
import { reviveActual } from '../spec/observed-rows.ts';
import { MODEL_SCHEMA_VERSION, PANEL_MODEL_SCHEMA_VERSION, type MmmModel } from './mmm-model.ts';
import { panelFieldProblem } from './panel-model-fields.ts';
import { withSizeColumn } from './legacy-size-basis.ts';
import { currencyProblem, localeProblem } from '../text/money-format.ts';

/**
 * An MmmModel from parsed JSON (model.json, an API response, a database row): the in-memory
 * counterpart of the data package's readModel. Without it, an app's cast of malformed JSON failed
 * later with a TypeError in whichever analysis touched the missing field.
 */

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How to get a model the analyses can read, for the errors of assertUsableModel. */
const LOAD_HINT = 'pass a fitted model: load model.json with parseModel(JSON.parse(text))';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** The first field of channels[i] / baseline[i] that is missing or malformed, for a model of n dates; null when none. */
function termProblem(list: 'channels' | 'baseline', i: number, t: unknown, n: number): string | null {
  if (!isRecord(t) || typeof t.name !== 'string') return `${list}[${i}].name`;
  const numbers = list === 'channels' ? ['coef', 'scale', 'maxLag'] : ['coef'];
  for (const key of numbers) if (typeof t[key] !== 'number') return `${list}[${i}].${key} (a number)`;
  const series = list === 'channels' ? 'spend' : 'values';
  const values = t[series];
  if (!Array.isArray(values) || values.length !== n) return `${list}[${i}].${series} (an array of ${n} numbers, one per date)`;
  if (list === 'channels') for (const key of ['adstock', 'saturation']) if (!isRecord(t[key])) return `${list}[${i}].${key}`;
  return null;
}

/**
 * The first required field that is missing or has the wrong type or shape, described for a message;
 * null when none. Shapes checked: the series are one value per date, the window is integer rows
 * within the dates (start < end), each channel and baseline term has its name, numbers and series.
 */
export function missingModelField(m: Record<string, unknown>): string | null {
  for (const key of ['dates', 'channels', 'baseline', 'actual']) if (!Array.isArray(m[key])) return `${key} (an array)`;
  const dates = m.dates as unknown[];
  const n = dates.length;
  if (!dates.every((d) => typeof d === 'string')) return 'dates (an array of date strings)';
  if ((m.actual as unknown[]).length !== n) return `actual (an array of ${n} values, one per date)`;
  if (typeof m.intercept !== 'number') return 'intercept (a number)';
  const w = m.window;
  if (!isRecord(w) || !isInt(w.start) || !isInt(w.end) || w.start < 0 || w.start >= w.end || w.end > n) {
    return `window ({ start, end }: integer rows with 0 <= start < end <= ${n}, the number of dates)`;
  }
  for (const list of ['channels', 'baseline'] as const) {
    const terms = m[list] as unknown[];
    for (let i = 0; i < terms.length; i++) {
      const problem = termProblem(list, i, terms[i], n);
      if (problem !== null) return problem;
    }
  }
  if (m.bootstrapRoi !== undefined && !Array.isArray(m.bootstrapRoi)) return 'bootstrapRoi (an array)';
  return moneyProblem(m.money);
}

/**
 * What is wrong with a model's optional `money` field, or null: a hand-edited code every surface would
 * hand to Intl (a RangeError deep in a table) is named here instead, with the value and the fix.
 */
function moneyProblem(money: unknown): string | null {
  const expected = '{ currency?: an ISO 4217 code such as "EUR", locale?: a BCP 47 tag such as "de-DE" }';
  if (money === undefined) return null;
  if (!isRecord(money)) return `money (${expected})`;
  const { currency, locale } = money;
  if (currency !== undefined && (typeof currency !== 'string' || currencyProblem(currency) !== null)) {
    return `money.currency (${typeof currency === 'string' ? currencyProblem(currency) : `${JSON.stringify(currency)} is not a string`}; correct it or delete the field)`;
  }
  if (locale !== undefined && (typeof locale !== 'string' || localeProblem(locale) !== null)) {
    return `money.locale (${typeof locale === 'string' ? localeProblem(locale) : `${JSON.stringify(locale)} is not a string`}; correct it or delete the field)`;
  }
  return null;
}

/**
 * Check parsed JSON is a fitted model this engine reads and return it as an MmmModel: an object with
 * an integer schemaVersion from 1 to MODEL_SCHEMA_VERSION and the fields the analyses and the planner
 * need. The KPI of a period left out of the fit, written as null, becomes NaN again (reviveActual); a
 * model without bootstrapRoi gets an empty list; an older geo model's `panel.sizeBasis` is read as
 * `panel.sizeColumn` ('kpi_share' → absent). A geo-level model's fields (panel, channels' panel,
 * baseline panelValues) are checked for shape and consistency (panelFieldProblem).
 * @param raw the value of JSON.parse(model.json text)
 * @returns the model
 * @throws EngineError INVALID_ARGUMENT when it is not a model, has an invalid schemaVersion, or lacks a
 *   field (`at.series` names it, e.g. 'channels[0].coef (a number)'); a schemaVersion newer than
 *   MODEL_SCHEMA_VERSION says so (written by a newer mixwise); a malformed geo-level field is named the same way
 * @example const model = parseModel(JSON.parse(await (await fetch('/model.json')).text())); responseModelFromMmm(model)
 */
export function parseModel(raw: unknown): MmmModel {
  if (!isRecord(raw) || !('schemaVersion' in raw)) {
    throw new EngineError('INVALID_ARGUMENT', 'not a mixwise model: it has no schemaVersion (expected the parsed model.json object)', { series: 'schemaVersion' });
  }
  // An older geo model's panel.sizeBasis ('kpi_share' or the column) is read as panel.sizeColumn.
  const json = withSizeColumn(raw);
  const version = json.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new EngineError('INVALID_ARGUMENT', `invalid model schemaVersion ${JSON.stringify(version)} (expected an integer from 1 to ${MODEL_SCHEMA_VERSION})`, { series: 'schemaVersion' });
  }
  if (version > MODEL_SCHEMA_VERSION) {
    throw new EngineError('INVALID_ARGUMENT', `the model has schemaVersion ${version}, newer than the ${MODEL_SCHEMA_VERSION} this engine reads; upgrade @mixwise/engine to the version that wrote it, or refit with this one`, { series: 'schemaVersion' });
  }
  const missing = missingModelField(json);
  if (missing !== null) throw new EngineError('INVALID_ARGUMENT', `not a complete mixwise model: ${missing} is missing or malformed`, { series: missing });
  const actual = json.actual as unknown[];
  const bad = actual.findIndex((v) => v !== null && typeof v !== 'number');
  if (bad >= 0) throw new EngineError('INVALID_ARGUMENT', `not a complete mixwise model: actual[${bad}] is ${JSON.stringify(actual[bad])}, not a number or null`, { series: 'actual', row: bad });
  if (json.panel !== undefined && version < PANEL_MODEL_SCHEMA_VERSION) {
    throw new EngineError('INVALID_ARGUMENT', `not a valid mixwise model: it has a geo panel but schemaVersion ${version}; geo-level models are schemaVersion ${PANEL_MODEL_SCHEMA_VERSION} or later (refit it)`, { series: 'schemaVersion' });
  }
  const panel = panelFieldProblem(json);
  if (panel !== null) throw new EngineError('INVALID_ARGUMENT', `not a valid geo-level mixwise model: ${panel.message}`, { series: panel.field });
  return { ...json, actual: reviveActual(actual as (number | null)[]), bootstrapRoi: json.bootstrapRoi ?? [] } as unknown as MmmModel;
}

/** The top-level fields every analysis reads, in the order a message lists the absent ones. */
const MODEL_FIELDS = ['window', 'channels', 'baseline', 'dates', 'actual', 'intercept'] as const;

/**
 * The guard of functions that take an MmmModel (responseModelFromMmm, summarizeModel, decompose,
 * modelDiagnostics): a value that is not a complete model, or one written by a newer engine, is an
 * EngineError pointing at parseModel rather than a TypeError or numbers read from a shape this engine
 * does not know. It runs parseModel's field check (missingModelField) on the in-memory model.
 * @param model what the caller passed as a model
 * @param where the function's name, for the message
 * @throws EngineError INVALID_ARGUMENT naming the absent fields, or the first malformed one (`at.series`)
 * @example assertUsableModel({}, 'responseModelFromMmm') // throws: 'responseModelFromMmm: not a Mixwise model: missing window, channels, baseline, dates, actual, intercept; …'
 */
export function assertUsableModel(model: unknown, where: string): void {
  const m = model as Record<string, unknown> | null;
  if (!isRecord(m)) {
    throw new EngineError('INVALID_ARGUMENT', `${where}: not a Mixwise model: got ${m === null ? 'null' : Array.isArray(m) ? 'an array' : typeof m}, not a fitted model object; ${LOAD_HINT}`);
  }
  if (typeof m.schemaVersion === 'number' && m.schemaVersion > MODEL_SCHEMA_VERSION) {
    throw new EngineError('INVALID_ARGUMENT', `${where}: the model has schemaVersion ${m.schemaVersion}, newer than the ${MODEL_SCHEMA_VERSION} this engine reads; upgrade @mixwise/engine or refit`, { series: 'schemaVersion' });
  }
  const missing = MODEL_FIELDS.filter((key) => m[key] === undefined || m[key] === null);
  if (missing.length > 0) {
    throw new EngineError('INVALID_ARGUMENT', `${where}: not a Mixwise model: missing ${missing.join(', ')}; ${LOAD_HINT}`, { series: missing[0] });
  }
  const bad = missingModelField(m);
  if (bad !== null) throw new EngineError('INVALID_ARGUMENT', `${where}: not a complete Mixwise model: ${bad} is missing or malformed; ${LOAD_HINT}`, { series: bad });
}
