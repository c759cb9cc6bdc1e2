import { EngineError } from '../errors.ts';
import type { HolidayCalendar } from '../calendar/holiday-calendar.ts';
import type { EventColumn, Frequency, ModelingTable, Sign } from './modeling-table.ts';

/**
 * A geo panel: the same KPI, spend and (optionally) controls observed separately in each geo (region,
 * country, store group or product line). Fitting on the panel instead of its national sum lets the
 * model see how each geo's KPI moves with that geo's own spend, which identifies media effects from
 * far more variation than one national series has (Meridian's argument for geo-level models: Sun et
 * al. 2017, "Geo-level Bayesian Hierarchical Media Mix Modeling", Google).
 *
 * The model (docs/model.md §4d): with s_g the geo's size (geoShares: its share of a size column such as
 * population when the panel has one, else its share of the KPI), the geo's KPI in
 * national-equivalent units ỹ_{g,t} = y_{g,t} / s_g is
 *   ỹ_{g,t} = μ_g + Σ_j θ_j b_j(t) + Σ_k γ_k z_{g,k,t} + Σ_c β_c f_c(A_c(x_{g,c} / s_g)[t] / scale_c) + ε_{g,t},
 * with a free intercept per geo (μ_g), shared trend, seasonality and events (b_j), controls per geo or
 * national (z), and each channel's adstock, curve and coefficient shared by every geo, fed with the
 * geo's spend per unit of size (x / s_g, as Meridian scales media by population). Rows are weighted by
 * s_g (the variance of a geo's KPI taken proportional to its size).
 *
 * So the national model is exact: the national KPI is Σ_g s_g ỹ_{g,t}; a channel's national contribution is
 * Σ_g s_g β_c f_c(A_c(x_{g,c}/s_g)/scale_c), which for spend split across geos in proportion to their
 * size is β_c f_c(A_c(X)/scale_c) with X the national spend: the response curve the planner uses.
 */

/**
 * The per-geo series behind a ModelingTable whose national columns are their aggregates: target and
 * spend are the sums over geos, each control the s_g-weighted mean of its geo values (modelingTableFromPanel).
 */
export interface PanelColumns {
  /** The input column that names the geo ('geo', 'region', 'product'…), for messages and outputs. */
  readonly column: string;
  /** Geo names, in order [nGeos]. */
  readonly geos: readonly string[];
  /** Each geo's KPI [nGeos][nTimes]; no missing values (a panel with a gap is refused). */
  readonly target: readonly Float64Array[];
  /** Each channel's spend per geo, [nChannels][nGeos][nTimes], channels in table.channels order. */
  readonly spend: readonly (readonly Float64Array[])[];
  /**
   * Each channel's exposure per geo (impressions…) [nChannels][nGeos][nTimes], channels in
   * table.channels order, undefined for a channel without an exposure column; the national
   * ChannelColumn.exposure is its sum over geos. Used when the channel is modelled on exposure
   * (fit/media-input.ts). Absent: no channel has exposure per geo.
   */
  readonly exposure?: readonly (readonly Float64Array[] | undefined)[];
  /**
   * Each control's values per geo [nControls][nGeos][nTimes], controls in table.controls order; null
   * for a control that is national (the same in every geo: price index, a national holiday flag).
   */
  readonly controls: readonly (readonly Float64Array[] | null)[];
  /**
   * The geos' sizes from a column of the file (population, households…), one positive value per geo
   * in `geos` order, in the column's own units: s_g is then size_g / Σ size. Absent: s_g is the geo's
   * share of the KPI (an outcome, not an exogenous size: see docs/model.md §4d).
   */
  readonly size?: PanelSize;
}

/** A geo panel's size column (PanelColumns.size). */
export interface PanelSize {
  /** The input column the sizes were read from ('population'), for messages and outputs. */
  readonly column: string;
  /** One positive size per geo [nGeos], in the column's units. */
  readonly values: readonly number[];
}

/**
 * The size column a panel's s_g are shares of, as model.json (`panel.sizeColumn`), summary.json and
 * geo-results.csv (`size_column`) state it; undefined when s_g are the KPI shares. Any column name,
 * 'kpi_share' included, is a column: the KPI shares are the field's absence, never a name.
 * @example sizeColumn({ size: { column: 'population', values: [3, 1] } }) // 'population'
 * @example sizeColumn({}) // undefined
 */
export function sizeColumn(panel: { readonly size?: PanelSize | undefined }): string | undefined {
  return panel.size?.column;
}

/**
 * Each geo's size s_g (sums to 1): its share of the size column when the panel has one
 * (size_g / Σ size), else its share of the KPI summed over every row of the table.
 * @param panel the panel's per-geo KPI and, optionally, sizes
 * @returns [nGeos] shares
 * @throws EngineError INVALID_ARGUMENT when a size is missing, not finite or ≤ 0, or (without sizes)
 *   when a geo's KPI sums to ≤ 0 (it cannot be scaled to national units)
 * @example geoShares({ ...panel, geos: ['north', 'south'], target: [Float64Array.of(1, 2), Float64Array.of(3, 4)] }) // [0.3, 0.7]
 * @example geoShares({ ...panel, size: { column: 'population', values: [1, 3] } }) // [0.25, 0.75]
 */
export function geoShares(panel: Pick<PanelColumns, 'geos' | 'target' | 'column'> & { readonly size?: PanelSize | undefined }): Float64Array {
  if (panel.size !== undefined) return sizeShares(panel.size, panel.geos, panel.column);
  const totals = panel.target.map((y) => {
    let s = 0;
    for (let t = 0; t < y.length; t++) s += y[t];
    return s;
  });
  const all = totals.reduce((a, b) => a + b, 0);
  const shares = new Float64Array(totals.length);
  totals.forEach((s, g) => {
    if (!(s > 0) || !(all > 0)) {
      throw new EngineError('INVALID_ARGUMENT', `${panel.column} "${panel.geos[g]}" has a total KPI of ${s}: a geo-level model scales each geo by its share of the KPI, so every geo needs a positive total; leave the geo out or model the national sum`, { series: panel.geos[g] });
    }
    shares[g] = s / all;
  });
  return shares;
}

/** size_g / Σ size, each size checked: one finite positive number per geo. */
function sizeShares(size: PanelSize, geos: readonly string[], column: string): Float64Array {
  const values = size.values;
  if (!Array.isArray(values) || values.length !== geos.length) {
    throw new EngineError('SHAPE_MISMATCH', `the size column "${size.column}" has ${Array.isArray(values) ? values.length : 'no'} values but there are ${geos.length} geos (${geos.join(', ')}); give one size per geo, in the geos' order`, { series: size.column });
  }
  values.forEach((v, g) => {
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw new EngineError('INVALID_ARGUMENT', `the size of ${column} "${geos[g]}" in "${size.column}" is ${String(v)}: a geo's size (population…) must be a positive number`, { series: size.column });
    }
  });
  const all = values.reduce((a, b) => a + b, 0);
  return Float64Array.from(values, (v) => v / all);
}

/** Per-geo input for modelingTableFromPanel: each series is [nGeos] arrays of nTimes numbers. */
export interface PanelTableInput {
  readonly dates: readonly string[];
  readonly frequency: Frequency;
  /** The input column that names the geo. */
  readonly column: string;
  readonly geos: readonly string[];
  readonly target: { readonly name: string; readonly kind?: 'revenue' | 'count'; readonly values: readonly ArrayLike<number>[] };
  readonly channels: readonly {
    readonly name: string; readonly column?: string; readonly spend: readonly ArrayLike<number>[];
    /** The channel's exposure per geo (impressions…), [nGeos] series, and its column's name. */
    readonly exposure?: readonly ArrayLike<number>[]; readonly exposureColumn?: string;
  }[];
  /** A control per geo ([nGeos] series) or national (one series, the same in every geo). */
  readonly controls?: readonly { readonly name: string; readonly sign?: Sign; readonly values: readonly ArrayLike<number>[] | ArrayLike<number> }[];
  /** Events are national (the same dates in every geo). */
  readonly events?: readonly EventColumn[];
  readonly holidayCalendar?: HolidayCalendar;
  /** The geos' sizes (population…), one per geo: s_g = size_g / Σ size; absent: the KPI shares. */
  readonly size?: { readonly column: string; readonly values: ArrayLike<number> };
}

/**
 * Build a geo-panel ModelingTable: the per-geo series in `panel`, and as the table's national columns
 * their aggregates (KPI, spend and exposure summed over geos, a geo control's s_g-weighted mean), so every
 * national check, default and output keeps its meaning.
 * @param input dates, frequency, the geo column and names, and per-geo series by role
 * @returns a ModelingTable with `panel` set
 * @throws EngineError SHAPE_MISMATCH when a series has the wrong number of geos or dates;
 *   INVALID_ARGUMENT when there are fewer than 2 geos, a geo name repeats, a size is not a positive
 *   number, or (without sizes) a geo's KPI total is ≤ 0
 * @example modelingTableFromPanel({ dates, frequency: 'weekly', column: 'geo', geos: ['north', 'south'],
 *   target: { name: 'sales', values: [northSales, southSales] }, channels: [{ name: 'tv', spend: [northTv, southTv] }] }).panel?.geos // ['north', 'south']
 */
export function modelingTableFromPanel(input: PanelTableInput): ModelingTable {
  const n = input.dates.length;
  const nGeos = input.geos.length;
  if (nGeos < 2) throw new EngineError('INVALID_ARGUMENT', `a geo-level model needs at least 2 values of ${input.column}, got ${nGeos}; with one geo, fit it as a national series`, { series: input.column });
  const seen = new Set<string>();
  for (const g of input.geos) {
    if (seen.has(g)) throw new EngineError('INVALID_ARGUMENT', `${input.column} "${g}" appears twice in the geo list; each geo must be named once`, { series: input.column });
    seen.add(g);
  }
  const perGeo = (values: readonly ArrayLike<number>[], what: string, series: string): Float64Array[] => {
    if (!Array.isArray(values) || values.length !== nGeos) {
      throw new EngineError('SHAPE_MISMATCH', `${what} has ${Array.isArray(values) ? values.length : 'no'} geo series but there are ${nGeos} geos (${input.geos.join(', ')}); give one series per geo, in the geos' order`, { series });
    }
    return values.map((v, g) => {
      if (v === null || v === undefined || v.length !== n) {
        throw new EngineError('SHAPE_MISMATCH', `${what} in ${input.column} "${input.geos[g]}" has ${v?.length ?? 'no'} values but the table has ${n} dates; give every geo one value per date`, { series });
      }
      return Float64Array.from(v);
    });
  };
  const sum = (series: readonly Float64Array[]): Float64Array => {
    const out = new Float64Array(n);
    for (const s of series) for (let t = 0; t < n; t++) out[t] += s[t];
    return out;
  };
  const target = perGeo(input.target.values, `the target "${input.target.name}"`, input.target.name);
  const channels = input.channels.map((c) => ({
    name: c.name, column: c.column ?? `${c.name}_spend`, spend: perGeo(c.spend, `the spend of channel "${c.name}"`, c.name),
    exposure: c.exposure === undefined ? undefined : perGeo(c.exposure, `the exposure of channel "${c.name}"`, c.name),
    exposureColumn: c.exposure === undefined ? undefined : c.exposureColumn ?? `${c.name}_exposure`,
  }));
  const size = input.size === undefined ? undefined : { column: input.size.column, values: Array.from(input.size.values) };
  const shares = geoShares({ column: input.column, geos: input.geos, target, size });
  const controls = (input.controls ?? []).map((c) => {
    const national = !Array.isArray(c.values) || (c.values.length > 0 && typeof c.values[0] === 'number');
    if (national) {
      const v = c.values as ArrayLike<number>;
      if (v.length !== n) throw new EngineError('SHAPE_MISMATCH', `control "${c.name}" has ${v.length} values but the table has ${n} dates; give a national control one value per date, or a geo control one series per geo`, { series: c.name });
      return { name: c.name, sign: c.sign ?? 'free', values: Float64Array.from(v), geo: null };
    }
    const geo = perGeo(c.values as readonly ArrayLike<number>[], `control "${c.name}"`, c.name);
    const mean = new Float64Array(n);
    geo.forEach((s, g) => { for (let t = 0; t < n; t++) mean[t] += shares[g] * s[t]; });
    return { name: c.name, sign: c.sign ?? 'free', values: mean, geo };
  });
  return {
    dates: [...input.dates],
    frequency: input.frequency,
    target: { name: input.target.name, kind: input.target.kind ?? 'revenue', values: sum(target) },
    channels: channels.map((c) => ({
      name: c.name, column: c.column, spend: sum(c.spend),
      ...(c.exposure === undefined ? {} : { exposure: sum(c.exposure), exposureColumn: c.exposureColumn }),
    })),
    controls: controls.map((c) => ({ name: c.name, sign: c.sign, values: c.values })),
    events: (input.events ?? []).map((e) => ({ ...e, values: Float64Array.from(e.values) })),
    ...(input.holidayCalendar === undefined ? {} : { holidayCalendar: input.holidayCalendar }),
    panel: {
      column: input.column,
      geos: [...input.geos],
      target,
      spend: channels.map((c) => c.spend),
      ...(channels.some((c) => c.exposure !== undefined) ? { exposure: channels.map((c) => c.exposure) } : {}),
      controls: controls.map((c) => c.geo),
      ...(size === undefined ? {} : { size }),
    },
  };
}
