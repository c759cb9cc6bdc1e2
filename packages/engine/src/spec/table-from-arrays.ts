import { EngineError } from '../errors.ts';
import { checkTable } from './check-table.ts';
import type { ChannelColumn, ControlColumn, EventColumn, Frequency, ModelingTable, OrganicColumn, TargetColumn } from './modeling-table.ts';

/** A series as apps hold it: a plain array (from JSON or an API) or a typed array; null for a missing value. */
export type SeriesInput = ArrayLike<number | null>;

/**
 * A ModelingTable with plain arrays: what `modelingTableFromArrays` converts. Column names default as
 * the data layer's do (a channel's column is `<name>_spend`); controls default to sign 'free'.
 */
export interface ModelingTableInput {
  readonly dates: readonly string[];
  readonly frequency: Frequency;
  readonly target: Omit<TargetColumn, 'values' | 'kind'> & { readonly kind?: TargetColumn['kind']; readonly values: SeriesInput };
  readonly channels: readonly (Omit<ChannelColumn, 'spend' | 'exposure' | 'column'> & { readonly column?: string; readonly spend: SeriesInput; readonly exposure?: SeriesInput })[];
  readonly controls?: readonly (Omit<ControlColumn, 'values' | 'sign'> & { readonly sign?: ControlColumn['sign']; readonly values: SeriesInput })[];
  readonly events?: readonly (Omit<EventColumn, 'values'> & { readonly values: SeriesInput })[];
  readonly organic?: readonly (Omit<OrganicColumn, 'values' | 'column'> & { readonly column?: string; readonly values: SeriesInput })[];
}

/** Float64Array of a series; null (JSON's NaN) becomes NaN, which checkTable then allows only in the KPI. */
function series(values: SeriesInput | undefined, what: string, name: string, n: number): Float64Array {
  if (values === undefined || values === null || typeof values.length !== 'number') {
    throw new EngineError('INVALID_ARGUMENT', `${what} has no values (expected an array of ${n} numbers)`, { series: name });
  }
  if (values.length !== n) {
    throw new EngineError('SHAPE_MISMATCH', `${what} has ${values.length} values but the table has ${n} dates; give every series one value per date`, { series: name });
  }
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const v = values[t];
    if (v !== null && typeof v !== 'number') throw new EngineError('INVALID_ARGUMENT', `${what} has ${JSON.stringify(v)} in row ${t}, not a number`, { series: name, row: t });
    out[t] = v === null ? NaN : v;
  }
  return out;
}

/**
 * Build a ModelingTable from plain arrays (JSON, an API, a data frame's columns), converting every
 * series to a Float64Array, null to NaN (a missing KPI), and checking it as fitMmm will (checkTable):
 * lengths, dates, finite non-negative spend, unique channel names.
 * @param input dates, frequency and the columns by role, with number[] (or typed) series
 * @returns a ModelingTable for fitMmm
 * @throws EngineError SHAPE_MISMATCH (a series' length differs from the dates), INVALID_ARGUMENT /
 *   NON_FINITE / NO_CHANNELS as checkTable, each with `at` naming the series (and row)
 * @example
 * const table = modelingTableFromArrays({
 *   dates: ['2024-01-01', '2024-01-08'], frequency: 'weekly',
 *   target: { name: 'revenue', values: [1200, null] },
 *   channels: [{ name: 'tv', spend: [100, 0] }],
 * });
 */
export function modelingTableFromArrays(input: ModelingTableInput): ModelingTable {
  if (typeof input !== 'object' || input === null || !Array.isArray(input.dates)) {
    throw new EngineError('INVALID_ARGUMENT', 'modelingTableFromArrays needs { dates, frequency, target, channels }', { series: 'dates' });
  }
  const n = input.dates.length;
  const t = input.target;
  if (typeof t !== 'object' || t === null) throw new EngineError('INVALID_ARGUMENT', 'the table has no target (the KPI)', { series: 'target' });
  if (!Array.isArray(input.channels)) throw new EngineError('NO_CHANNELS', 'the table needs channels: an array of { name, spend }', { series: 'channels' });
  const table: ModelingTable = {
    dates: [...input.dates],
    frequency: input.frequency,
    target: { name: t.name, kind: t.kind ?? 'revenue', values: series(t.values, `the target "${t.name}"`, t.name, n) },
    channels: input.channels.map((c) => ({
      name: c.name, column: c.column ?? `${c.name}_spend`,
      spend: series(c.spend, `the spend of channel "${c.name}"`, c.name, n),
      ...(c.exposure === undefined ? {} : { exposure: series(c.exposure, `the exposure of channel "${c.name}"`, c.name, n) }),
    })),
    controls: (input.controls ?? []).map((c) => ({ name: c.name, sign: c.sign ?? 'free', values: series(c.values, `control "${c.name}"`, c.name, n) })),
    events: (input.events ?? []).map((e) => ({ ...e, values: series(e.values, `event "${e.name}"`, e.name, n) })),
    ...(input.organic === undefined ? {} : { organic: input.organic.map((o) => ({ name: o.name, column: o.column ?? o.name, values: series(o.values, `organic media "${o.name}"`, o.name, n) })) }),
  };
  checkTable(table);
  return table;
}
