import { EngineError } from '../errors.ts';
import { dayNumber } from '../calendar/dates.ts';
import type { Frequency, ModelingTable } from './modeling-table.ts';
import { checkPanel } from './check-panel.ts';

/**
 * Checks on a ModelingTable given to the engine's public API (fitMmm). The data layer reports these
 * problems by file row before a CLI fit (NEGATIVE_SPEND, DUPLICATE_DATE, UNSORTED_DATES,
 * CONSTANT_TARGET, CHANNEL_NEVER_SPENDS, NO_SPEND_VARIATION…); a table built in code skips it, and
 * without these checks bad cells surfaced as unrelated errors deep in the fit ("the starting point has
 * zero density") or as silently wrong numbers (a short KPI array read as missing KPI).
 */

/** Frequencies the engine models. @example SUPPORTED_FREQUENCIES // ['weekly', 'daily'] */
export const SUPPORTED_FREQUENCIES: readonly Frequency[] = ['weekly', 'daily'];

const TYPED = /^\d{4}-\d{2}-\d{2}$/;

function fail(message: string, at?: { series?: string; row?: number; date?: string }, code: 'INVALID_ARGUMENT' | 'SHAPE_MISMATCH' | 'NON_FINITE' = 'INVALID_ARGUMENT'): never {
  throw new EngineError(code, message, at);
}

/** The date of a row, for locations (undefined when the row is outside the dates). */
function dateAt(table: ModelingTable, row: number): string | undefined {
  const d = table.dates[row];
  return typeof d === 'string' ? d : undefined;
}

function located(table: ModelingTable, series: string, row: number): { series: string; row: number; date?: string } {
  const date = dateAt(table, row);
  return date === undefined ? { series, row } : { series, row, date };
}

function rowText(table: ModelingTable, row: number): string {
  const date = dateAt(table, row);
  return date === undefined ? `row ${row}` : `row ${row} (${date})`;
}

/**
 * A series must be an array of numbers with one value per date: a shorter KPI array would otherwise be
 * read as missing KPI at its end, a longer spend array as periods that do not exist.
 */
function checkLength(table: ModelingTable, values: unknown, what: string, series: string): ArrayLike<number> {
  const ok = values instanceof Float64Array || Array.isArray(values);
  if (!ok) fail(`${what} has no values array (expected a Float64Array or number[] of ${table.dates.length} values, got ${values === null ? 'null' : typeof values})`, { series });
  const a = values as ArrayLike<number>;
  if (a.length !== table.dates.length) {
    fail(`${what} has ${a.length} values but the table has ${table.dates.length} dates; give every series one value per date (${series === table.target?.name ? 'NaN for a period whose KPI is not known' : 'fill the missing periods'})`, { series }, 'SHAPE_MISMATCH');
  }
  return a;
}

/** Spend and exposure: finite and ≥ 0 in every row (warm-up rows included: they carry over into the window). */
function checkNonNegative(table: ModelingTable, values: ArrayLike<number>, what: string, series: string): void {
  for (let t = 0; t < values.length; t++) {
    const v = values[t];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail(`${what} is ${String(v)} in ${rowText(table, t)}; every value must be a finite number ≥ 0 (use 0 for no spend)`, located(table, series, t), 'NON_FINITE');
    }
    if (v < 0) fail(`${what} is negative (${v}) in ${rowText(table, t)}; spend must be ≥ 0 (a refund or correction belongs in the period it reverses, netted to ≥ 0)`, located(table, series, t));
  }
}

/** Controls and events: finite in every row (the regression cannot use NaN or ±Infinity). */
function checkFinite(table: ModelingTable, values: ArrayLike<number>, what: string, series: string): void {
  for (let t = 0; t < values.length; t++) {
    const v = values[t];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail(`${what} is ${String(v)} in ${rowText(table, t)}; every value must be a finite number (fill or interpolate missing values before fitting)`, located(table, series, t), 'NON_FINITE');
    }
  }
}

function checkDates(table: ModelingTable): void {
  if (!Array.isArray(table.dates) || table.dates.length === 0) fail('the table has no dates; give one yyyy-mm-dd date per period', { series: 'dates' });
  let previous = -Infinity;
  for (let t = 0; t < table.dates.length; t++) {
    const d: unknown = table.dates[t];
    let day: number;
    try {
      if (typeof d !== 'string' || !TYPED.test(d)) throw new Error();
      day = dayNumber(d);
    } catch {
      fail(`dates[${t}] is ${JSON.stringify(d)}, not a yyyy-mm-dd calendar date`, { series: 'dates', row: t });
    }
    if (day === previous) fail(`the date ${d as string} appears twice (rows ${t - 1} and ${t}); give each period one row (sum or remove the duplicate)`, { series: 'dates', row: t, date: d as string });
    if (day < previous) fail(`dates are not in increasing order: ${d as string} in row ${t} comes after ${table.dates[t - 1]}; sort the rows by date`, { series: 'dates', row: t, date: d as string });
    previous = day;
  }
}

/** Names must be unique among channels (locks, bounds and lift tests address channels by name). */
function checkNames(table: ModelingTable): void {
  const seen = new Set<string>();
  for (const [role, list] of [['channel', table.channels], ['organic media', table.organic ?? []]] as const) {
    for (const c of list) {
      if (typeof c.name !== 'string' || c.name === '') fail(`a ${role} has no name`, {});
      if (seen.has(c.name)) fail(`two channels are named "${c.name}"; give each channel a unique name (a lock or bound on "${c.name}" would apply to both)`, { series: c.name });
      seen.add(c.name);
    }
  }
}

/**
 * Check a modeling table given to fitMmm before any fitting, so a bad cell is reported where it is.
 * A KPI of NaN is allowed (a period whose KPI is missing, or a warm-up row before the window: it is
 * left out of the fit); ±Infinity is not.
 * @param table the table as given to the engine
 * @throws EngineError INVALID_ARGUMENT (unsupported frequency, bad, unsorted or duplicate dates,
 *   duplicate channel names, negative spend), SHAPE_MISMATCH (a series whose length differs from the
 *   dates), NON_FINITE (NaN/Infinity in spend, exposure, a control or an event; ±Infinity in the KPI),
 *   NO_CHANNELS — each with `at` naming the series and, for a cell, its row and date; for a geo panel
 *   also checkPanel's shape, value and aggregate checks
 * @example checkTable({ ...table, channels: [] }) // throws EngineError NO_CHANNELS
 */
export function checkTable(table: ModelingTable): void {
  if (typeof table !== 'object' || table === null) fail('the modeling table must be an object');
  if (!SUPPORTED_FREQUENCIES.includes(table.frequency)) {
    fail(`unsupported frequency ${JSON.stringify(table.frequency)}; the engine models ${SUPPORTED_FREQUENCIES.map((f) => `'${f}'`).join(' or ')} data (aggregate other data to weeks)`, { series: 'frequency' });
  }
  checkDates(table);
  if (!Array.isArray(table.channels) || table.channels.length === 0) {
    throw new EngineError('NO_CHANNELS', 'the model needs at least one media channel (table.channels is empty)', { series: 'channels' });
  }
  checkNames(table);
  const target = table.target;
  if (typeof target !== 'object' || target === null) fail('the table has no target (the KPI)', { series: 'target' });
  const kpi = checkLength(table, target.values, `the target "${target.name}"`, target.name);
  for (let t = 0; t < kpi.length; t++) {
    const v = kpi[t];
    // NaN is a missing KPI (left out of the fit); anything else that is not a finite number is an error.
    if (typeof v !== 'number' || (!Number.isFinite(v) && !Number.isNaN(v))) {
      fail(`the target "${target.name}" is ${String(v)} in ${rowText(table, t)}; a KPI must be a finite number, or NaN for a period whose KPI is not known`, located(table, target.name, t), 'NON_FINITE');
    }
  }
  for (const c of table.channels) {
    checkNonNegative(table, checkLength(table, c.spend, `the spend of channel "${c.name}"`, c.name), `the spend of channel "${c.name}"`, c.name);
    if (c.exposure !== undefined) checkNonNegative(table, checkLength(table, c.exposure, `the exposure of channel "${c.name}"`, c.name), `the exposure of channel "${c.name}"`, c.name);
  }
  for (const c of table.controls ?? []) checkFinite(table, checkLength(table, c.values, `control "${c.name}"`, c.name), `control "${c.name}"`, c.name);
  for (const e of table.events ?? []) checkFinite(table, checkLength(table, e.values, `event "${e.name}"`, e.name), `event "${e.name}"`, e.name);
  if (table.panel !== undefined) checkPanel(table);
}

/**
 * Checks on the rows a model is fitted on (the window without its holdout), like the data layer's
 * CONSTANT_TARGET and NO_SPEND_VARIATION: a KPI with one value over its known periods has nothing
 * to explain, and a channel whose spend never changes there cannot be told from the intercept (its
 * ROI would be NaN). Too few known KPI values is left to the search problem (TOO_FEW_PERIODS).
 * @param table a table that passed checkTable
 * @param rows the fitted rows [start, end)
 * @param onExposure channels modelled on their exposure (ChannelSpec.media 'exposure'): their exposure series must vary instead of their spend
 * @throws EngineError INVALID_ARGUMENT naming the target or channel and the rows
 * @example checkFittedRows(tableWithConstantKpi, { start: 0, end: 104 }) // throws: the target "revenue" is 1000 in every …
 */
export function checkFittedRows(table: ModelingTable, rows: { readonly start: number; readonly end: number }, onExposure: readonly string[] = []): void {
  const span = `${table.dates[rows.start]} … ${table.dates[rows.end - 1]}`;
  const kpi = table.target.values;
  let first = NaN, known = 0, varies = false;
  for (let t = rows.start; t < rows.end; t++) {
    const v = kpi[t];
    if (Number.isNaN(v)) continue;
    if (known++ === 0) first = v;
    else if (v !== first) varies = true;
  }
  if (known >= 2 && !varies) {
    fail(`the target "${table.target.name}" is ${first} in every fitted period with a known value (${span}); a KPI that does not vary has nothing for the model to explain — check that the right column is the target`, { series: table.target.name });
  }
  for (const c of table.channels) {
    // A channel modelled on exposure feeds the transforms e = exposure × k, so it is the exposure that must
    // vary (a fixed fee buying varying impressions is fine; constant impressions at any spend are not).
    const x = onExposure.includes(c.name) ? c.exposure : undefined;
    const v = x ?? c.spend;
    const s = v[rows.start];
    let same = true;
    for (let t = rows.start + 1; t < rows.end && same; t++) same = v[t] === s;
    if (same && x !== undefined) {
      fail(`channel "${c.name}" has the same exposure (${s} in ${c.exposureColumn ?? 'its exposure column'}) in every fitted period (${span}), and it is modelled on exposure: without variation its effect cannot be attributed; model it on spend (media: spend) if its spend varies, remove the channel, or widen the window`, { series: c.name });
    }
    if (same) {
      fail(`channel "${c.name}" spends the same amount (${s}) in every fitted period (${span}): without variation its effect cannot be attributed; remove the channel, or widen the window to periods where its spend varies`, { series: c.name });
    }
  }
}
