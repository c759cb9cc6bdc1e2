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
 * The model (docs/model.md §4d): with s_g the geo's share of the KPI (geoShares), the geo's KPI in
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
   * Each control's values per geo [nControls][nGeos][nTimes], controls in table.controls order; null
   * for a control that is national (the same in every geo: price index, a national holiday flag).
   */
  readonly controls: readonly (readonly Float64Array[] | null)[];
}

/**
 * Each geo's share of the KPI summed over every row of the table: the geo's size s_g (sums to 1).
 * @param panel the panel's per-geo KPI
 * @returns [nGeos] shares
 * @throws EngineError INVALID_ARGUMENT when a geo's KPI sums to ≤ 0 (it cannot be scaled to national units)
 * @example geoShares({ ...panel, geos: ['north', 'south'], target: [Float64Array.of(1, 2), Float64Array.of(3, 4)] }) // [0.3, 0.7]
 */
export function geoShares(panel: Pick<PanelColumns, 'geos' | 'target' | 'column'>): Float64Array {
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

/** Per-geo input for modelingTableFromPanel: each series is [nGeos] arrays of nTimes numbers. */
export interface PanelTableInput {
  readonly dates: readonly string[];
  readonly frequency: Frequency;
  /** The input column that names the geo. */
  readonly column: string;
  readonly geos: readonly string[];
  readonly target: { readonly name: string; readonly kind?: 'revenue' | 'count'; readonly values: readonly ArrayLike<number>[] };
  readonly channels: readonly { readonly name: string; readonly column?: string; readonly spend: readonly ArrayLike<number>[] }[];
  /** A control per geo ([nGeos] series) or national (one series, the same in every geo). */
  readonly controls?: readonly { readonly name: string; readonly sign?: Sign; readonly values: readonly ArrayLike<number>[] | ArrayLike<number> }[];
  /** Events are national (the same dates in every geo). */
  readonly events?: readonly EventColumn[];
  readonly holidayCalendar?: HolidayCalendar;
}

/**
 * Build a geo-panel ModelingTable: the per-geo series in `panel`, and as the table's national columns
 * their aggregates (KPI and spend summed over geos, a geo control's s_g-weighted mean), so every
 * national check, default and output keeps its meaning.
 * @param input dates, frequency, the geo column and names, and per-geo series by role
 * @returns a ModelingTable with `panel` set
 * @throws EngineError SHAPE_MISMATCH when a series has the wrong number of geos or dates;
 *   INVALID_ARGUMENT when there are fewer than 2 geos, a geo name repeats, or a geo's KPI total is ≤ 0
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
  const channels = input.channels.map((c) => ({ name: c.name, column: c.column ?? `${c.name}_spend`, spend: perGeo(c.spend, `the spend of channel "${c.name}"`, c.name) }));
  const shares = geoShares({ column: input.column, geos: input.geos, target });
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
    channels: channels.map((c) => ({ name: c.name, column: c.column, spend: sum(c.spend) })),
    controls: controls.map((c) => ({ name: c.name, sign: c.sign, values: c.values })),
    events: (input.events ?? []).map((e) => ({ ...e, values: Float64Array.from(e.values) })),
    ...(input.holidayCalendar === undefined ? {} : { holidayCalendar: input.holidayCalendar }),
    panel: {
      column: input.column,
      geos: [...input.geos],
      target,
      spend: channels.map((c) => c.spend),
      controls: controls.map((c) => c.geo),
    },
  };
}
