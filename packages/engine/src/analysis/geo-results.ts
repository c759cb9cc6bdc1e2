import type { MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { channelContribution } from '../model/channel-response.ts';
import { fittedRows } from '../spec/fitted-rows.ts';
import { isObserved } from '../spec/observed-rows.ts';
import { rSquared } from '../stats/r-squared.ts';
import { EngineError } from '../errors.ts';
import { channelActualSpend } from '../model/actual-spend.ts';
import { listText } from '../text/list-text.ts';

/** One channel in one geo (GeoResult.channels). */
export interface GeoChannelResult {
  readonly name: string;
  /** The geo's spend on the channel over the rows. */
  readonly spend: number;
  /** The channel's contribution to the geo's KPI over the rows, KPI units, against zero spend. */
  readonly contribution: number;
  /** contribution / spend; NaN when the geo spent nothing (summary.json null). */
  readonly roi: number;
}

/** A geo's figures in a geo-level model (summary.json `geos`). */
export interface GeoResult {
  readonly name: string;
  /** The geo's size s_g (ModelPanel.shares): its share of the size column (`size_column`), or of the KPI. */
  readonly share: number;
  /**
   * The size column `share` is a share of (population…; summary.json's snake_case key); absent when it
   * is the share of the KPI. Any name, 'kpi_share' too, is a column.
   */
  readonly size_column?: string;
  /** The geo's value of the size column, present exactly when `size_column` is. */
  readonly size?: number;
  /** The geo's observed KPI summed over the rows. */
  readonly kpi: number;
  /** The model's fitted KPI for the geo summed over the rows. */
  readonly fitted: number;
  /**
   * R² of the geo's fitted against its observed KPI per period over the rows that were fitted (the
   * rows without the holdout, as summary.json's fit.r2); NaN when there are none or the KPI is constant.
   */
  readonly r2: number;
  readonly channels: readonly GeoChannelResult[];
}

/**
 * Per-geo fitted KPI series and each channel's per-geo contribution series of a geo-level model
 * (ModelPanel): geo g's fitted KPI at t is
 *   s_g·(μ_g + Σ_j coef_j·(panelValues_j[g] ?? values_j)[t]) + Σ_c s_g·coef_c·f_c(A_c(x_{g,c}/s_g)[t]/scale_c),
 * which sum over geos to the national fitted values (Σ s_g μ_g = intercept, a geo control's values
 * average to its national values with weights s_g).
 */
function geoSeries(model: MmmModel): { fitted: Float64Array[]; contributions: Float64Array[][] } {
  const panel = model.panel!;
  const n = model.dates.length;
  const fitted = panel.geos.map((_, g) => {
    const s = panel.shares[g];
    const f = new Float64Array(n).fill(s * panel.intercepts[g]);
    for (const b of model.baseline) {
      const v = b.panelValues?.[g] ?? b.values;
      for (let t = 0; t < n; t++) f[t] += s * b.coef * v[t];
    }
    return f;
  });
  const contributions = model.channels.map((ch) => panel.geos.map((_, g) => {
    const c = geoChannelContribution(ch, g, panel.shares[g]);
    for (let t = 0; t < n; t++) fitted[g][t] += c[t];
    return c;
  }));
  return { fitted, contributions };
}

/** One channel's contribution in geo g: s_g·coef·f(A(x_g/s_g)/scale) (a channel without a geo split: s_g × its national contribution). */
function geoChannelContribution(ch: ModelChannel, g: number, share: number): Float64Array {
  const own = ch.panel === undefined ? undefined : { spend: ch.panel.spend[g], shares: [ch.panel.shares[g]] };
  if (own === undefined) return channelContribution(ch).map((v) => share * v);
  return channelContribution({ ...ch, panel: { shares: own.shares, spend: [own.spend] } });
}

/**
 * A channel's actual spend in geo g over [start, end) (s_g × national without a geo split). A channel on
 * exposure reads media.geoSpend: its panel.spend holds the spend-equivalent exposure the curves saw.
 */
function geoSpend(ch: ModelChannel, g: number, share: number, start: number, end: number): number {
  const own = ch.media?.geoSpend?.[g] ?? ch.panel?.spend[g];
  const actual = channelActualSpend(ch);
  let s = 0;
  for (let t = start; t < end; t++) s += own === undefined ? share * actual[t] : own[t];
  return s;
}

/**
 * What the per-geo figures can and cannot say, beside them wherever they are shown (summary.json
 * `geos_note`, the fit's "By geo" table): the media coefficients are fully pooled, so per-geo ROIs differ
 * only by where each geo's spend per unit of size sits on the shared curve; and each geo has its own
 * intercept, so its fitted total reconciles with its actual total rather than measuring fit (R² does).
 */
export const GEOS_NOTE = "Per-geo ROIs differ only by each geo's operating point on the shared curves (spend per unit of size; the media coefficients are fully pooled), not by a geo-specific effectiveness; each geo's fitted total equals its actual total over the fitted periods by construction (its own intercept), so R² is the measure of a geo's fit.";

/** A channel modelled on its exposure (ModelChannel.media): its name and exposure column, for geosNote. */
export interface ExposureChannelName {
  readonly name: string;
  readonly column: string;
}

/**
 * GEOS_NOTE for a model's size column (model.panel.sizeColumn) and its channels modelled on exposure:
 * as is for the KPI shares (undefined) and spend only; with a size column the operating point is named by
 * it (spend per unit of population…); a channel on exposure sits on its curve by its exposure per unit
 * of size (docs/model.md §4d), so the note names those channels and their columns.
 * @example geosNote('population').includes('spend per unit of population') // true
 * @example geosNote(undefined, [{ name: 'tv', column: 'tv_grps' }]) // "…(spend per unit of size; for tv, modelled on exposure, tv_grps per unit of size; …"
 */
export function geosNote(sizeColumn: string | undefined, exposure: readonly ExposureChannelName[] = []): string {
  const size = sizeColumn === undefined ? 'size' : `${sizeColumn}, the geos' size column`;
  const unit = sizeColumn === undefined ? 'size' : sizeColumn;
  const exposed = exposure.length === 0 ? ''
    : ` for ${listText(exposure.map((c) => c.name))}, modelled on exposure, ${listText(exposure.map((c) => c.column))} per unit of ${unit};`;
  if (sizeColumn === undefined && exposed === '') return GEOS_NOTE;
  return GEOS_NOTE.replace('(spend per unit of size;', () => `(spend per unit of ${size};${exposed}`);
}

/** The channels of a model fitted on exposure, for geosNote. */
export function exposureChannelNames(model: MmmModel): ExposureChannelName[] {
  return model.channels.flatMap((c) => (c.media === undefined ? [] : [{ name: c.name, column: c.media.column }]));
}

/**
 * Each geo's KPI, fitted KPI, R² and per-channel spend, contribution and ROI in a geo-level model.
 * By default over the modeling window [window.start, window.end), holdout included, like summary.json's
 * channels and totals, so the geos' contributions and fitted totals sum to those; R² over the fitted rows
 * among them (the window without the holdout), like summary.json's fit.r2.
 * @param model a fitted geo-level model (model.panel set)
 * @param start first row (inclusive), default model.window.start
 * @param end last row (exclusive), default model.window.end
 * @returns one result per geo, in model.panel.geos order
 * @throws EngineError INVALID_ARGUMENT for a national model (no panel) or rows outside the data
 * @example geoResults(model).map((g) => `${g.name}: R² ${g.r2.toFixed(2)}`) // ['north: R² 0.91', 'south: R² 0.87']
 */
export function geoResults(model: MmmModel, start = model.window.start, end = model.window.end): GeoResult[] {
  const panel = model.panel;
  if (panel === undefined) throw new EngineError('INVALID_ARGUMENT', 'geoResults: the model is national (it has no geo panel); per-geo results need a model fitted on a geo panel (mixwise fit --geo COLUMN)');
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= model.dates.length)) {
    throw new EngineError('INVALID_ARGUMENT', `geoResults: rows [${start}, ${end}) are empty or outside the model's ${model.dates.length} periods`);
  }
  const { fitted, contributions } = geoSeries(model);
  const fitEnd = Math.min(end, fittedRows(model).end);
  return panel.geos.map((name, g) => {
    const actual = panel.actual[g], share = panel.shares[g];
    let kpi = 0, fit = 0;
    const a: number[] = [], f: number[] = [];
    for (let t = start; t < end; t++) {
      fit += fitted[g][t];
      if (!isObserved(actual[t])) continue;
      kpi += actual[t];
      if (t < fitEnd) { a.push(actual[t]); f.push(fitted[g][t]); }
    }
    const channels = model.channels.map((ch, c) => {
      const spend = geoSpend(ch, g, share, start, end);
      let contribution = 0;
      for (let t = start; t < end; t++) contribution += contributions[c][g][t];
      return { name: ch.name, spend, contribution, roi: spend > 0 ? contribution / spend : NaN };
    });
    const size = panel.sizeColumn === undefined || panel.sizes === undefined ? {} : { size_column: panel.sizeColumn, size: panel.sizes[g] };
    return { name, share, ...size, kpi, fitted: fit, r2: a.length > 0 ? rSquared(a, f) : NaN, channels };
  });
}
