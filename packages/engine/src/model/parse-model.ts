import { EngineError } from '../errors.ts';
import { reviveActual } from '../spec/observed-rows.ts';
import { MODEL_SCHEMA_VERSION, PANEL_MODEL_SCHEMA_VERSION, type MmmModel } from './mmm-model.ts';
import { panelFieldProblem } from './panel-model-fields.ts';
import { withSizeColumn } from './legacy-size-basis.ts';

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

/** The first required field that is missing or has the wrong type, described for a message; null when none. */
export function missingModelField(m: Record<string, unknown>): string | null {
  for (const key of ['dates', 'channels', 'baseline', 'actual']) if (!Array.isArray(m[key])) return `${key} (an array)`;
  if (typeof m.intercept !== 'number') return 'intercept (a number)';
  const w = m.window;
  if (!isRecord(w) || typeof w.start !== 'number' || typeof w.end !== 'number') return 'window ({ start, end })';
  const channels = m.channels as unknown[];
  for (let i = 0; i < channels.length; i++) {
    const c = channels[i];
    if (!isRecord(c) || typeof c.name !== 'string') return `channels[${i}].name`;
    for (const key of ['coef', 'scale', 'maxLag']) if (typeof c[key] !== 'number') return `channels[${i}].${key} (a number)`;
    if (!Array.isArray(c.spend)) return `channels[${i}].spend (an array)`;
    for (const key of ['adstock', 'saturation']) if (!isRecord(c[key])) return `channels[${i}].${key}`;
  }
  if (m.bootstrapRoi !== undefined && !Array.isArray(m.bootstrapRoi)) return 'bootstrapRoi (an array)';
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

/**
 * A cheap guard for functions that take an MmmModel (responseModelFromMmm): a value that is not a
 * model, or one written by a newer engine, is an EngineError pointing at parseModel rather than a
 * TypeError or numbers read from a shape this engine does not know.
 * @param model what the caller passed as a model
 * @param where the function's name, for the message
 * @throws EngineError INVALID_ARGUMENT
 * @example assertUsableModel({}, 'responseModelFromMmm') // throws: 'responseModelFromMmm: not a Mixwise model: missing window, channels, baseline; …'
 */
export function assertUsableModel(model: unknown, where: string): void {
  const m = model as Record<string, unknown> | null;
  if (!isRecord(m)) {
    throw new EngineError('INVALID_ARGUMENT', `${where}: not a Mixwise model: got ${m === null ? 'null' : Array.isArray(m) ? 'an array' : typeof m}, not a fitted model object; ${LOAD_HINT}`);
  }
  const missing = [
    ...(isRecord(m.window) ? [] : ['window']),
    ...(Array.isArray(m.channels) ? [] : ['channels']),
    ...(Array.isArray(m.baseline) ? [] : ['baseline']),
  ];
  if (missing.length > 0) {
    throw new EngineError('INVALID_ARGUMENT', `${where}: not a Mixwise model: missing ${missing.join(', ')}; ${LOAD_HINT}`, { series: missing[0] });
  }
  if (typeof m.schemaVersion === 'number' && m.schemaVersion > MODEL_SCHEMA_VERSION) {
    throw new EngineError('INVALID_ARGUMENT', `${where}: the model has schemaVersion ${m.schemaVersion}, newer than the ${MODEL_SCHEMA_VERSION} this engine reads; upgrade @mixwise/engine or refit`, { series: 'schemaVersion' });
  }
}
