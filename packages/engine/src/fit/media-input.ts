import { EngineError } from '../errors.ts';
import type { ExposureMedia } from '../model/mmm-model.ts';
import type { ChannelSpec, MediaBasis } from '../spec/model-spec.ts';
import type { ChannelColumn, ModelingTable } from '../spec/modeling-table.ts';
import { panelMediaInput } from './media-input-panel.ts';

/**
 * Gap (relative to peak spend) below which exposure counts as proportional to spend: a constant cost per
 * exposure up to the files' rounding (spend to the cent, whole impressions: Meridian's simulated national
 * file is at most 8e-8 off). Then the model is the spend model exactly, rather than one whose search
 * wanders off on a perturbation in the eighth digit.
 */
const PROPORTIONAL_TOLERANCE = 1e-6;

/**
 * The table the transforms see: each channel whose spec asks for media 'exposure' has its `spend`
 * replaced by spend-equivalent exposure e_t = exposure_t × k, k = Σ spend / Σ exposure over the window
 * (its average cost per exposure unit), for every row, warm-up rows before the window included. So
 * Σ e = Σ spend over the window, and every ROI, curve and plan stays in money, on the assumption that
 * future cost per exposure is the window's average (as Meridian converts media units with an average
 * cost per media unit). When exposure is proportional to spend (a constant cost), e is the spend itself.
 * For a geo panel, each geo's exposure is converted at the same national k (panelMediaInput).
 * @returns the table and, per table channel, its ExposureMedia record (undefined for a spend channel)
 * @throws EngineError INVALID_ARGUMENT: exposure asked without an exposure series, or none in the window
 * @example mediaInputTable(table, [{ ...tv, media: 'exposure' }], { start: 0, end: 104 }).media[0]?.costPerUnit // 0.012
 */
export function mediaInputTable(table: ModelingTable, specs: readonly ChannelSpec[], window: { readonly start: number; readonly end: number }):
{ table: ModelingTable; media: (ExposureMedia | undefined)[] } {
  const media = table.channels.map((c) => (specs.find((s) => s.name === c.name)?.media === 'exposure' ? exposureMedia(c, window) : undefined));
  if (media.every((m) => m === undefined)) return { table, media };
  // A geo panel converts each geo's exposure at the channel's national k (its national spend is then their sum).
  if (table.panel !== undefined) return panelMediaInput(table, media, PROPORTIONAL_TOLERANCE);
  const channels = table.channels.map((c, k): ChannelColumn => {
    const m = media[k];
    return m === undefined || c.exposure === undefined ? c : { ...c, spend: spendEquivalent(c.spend, c.exposure, m.costPerUnit) };
  });
  return { table: { ...table, channels }, media };
}

/** A channel's exposure record: its column, k and actual spend; refuses a channel without usable exposure. */
function exposureMedia(c: ChannelColumn, window: { readonly start: number; readonly end: number }): ExposureMedia {
  const x = c.exposure;
  if (x === undefined) {
    throw new EngineError('INVALID_ARGUMENT', `channel "${c.name}" is to be modelled on its exposure (media: exposure) but has no exposure column: `
      + `map one in the config (columns.channels: - { name: ${c.name}, spend: ${c.column}, exposure: <impressions column> }) or model it on spend (media: spend)`);
  }
  const bad = x.findIndex((v) => !Number.isFinite(v) || v < 0);
  if (bad >= 0) throw new EngineError('INVALID_ARGUMENT', `channel "${c.name}" has exposure ${x[bad]} in row ${bad}; exposure must be a finite number ≥ 0`);
  let spend = 0;
  let exposure = 0;
  for (let t = window.start; t < window.end; t++) { spend += c.spend[t]; exposure += x[t]; }
  if (!(exposure > 0)) {
    throw new EngineError('INVALID_ARGUMENT', `channel "${c.name}" has no exposure in the modeling window (its exposure column ${c.exposureColumn ?? ''} is 0 in every period): `
      + 'check the column, or model the channel on spend (media: spend)');
  }
  if (!(spend > 0)) throw new EngineError('INVALID_ARGUMENT', `channel "${c.name}" has no spend in the modeling window, so its exposure has no cost to convert it to money: model it on spend`);
  return { basis: 'exposure', column: c.exposureColumn ?? `${c.name}_exposure`, costPerUnit: spend / exposure, spend: Array.from(c.spend) };
}

/** exposure × k, or the spend itself when the two are proportional (then they agree up to rounding, and the model is the spend model exactly). */
function spendEquivalent(spend: Float64Array, exposure: Float64Array, k: number): Float64Array {
  const e = exposure.map((v) => v * k);
  let peak = 0;
  let gap = 0;
  for (let t = 0; t < e.length; t++) { peak = Math.max(peak, spend[t]); gap = Math.max(gap, Math.abs(e[t] - spend[t])); }
  return gap <= PROPORTIONAL_TOLERANCE * peak ? spend : e;
}

/**
 * The channel specs with a media basis chosen for all: 'exposure' for every channel the table gives an
 * exposure series (the others stay on spend), 'spend' for all. For `mixwise fit --media` and a run's options.
 * @throws EngineError INVALID_ARGUMENT for 'exposure' when no channel has an exposure series
 * @example withMediaBasis(specs, table, 'exposure')[0].media // 'exposure'
 */
export function withMediaBasis<C extends ChannelSpec>(specs: readonly C[], table: ModelingTable, basis: MediaBasis): C[] {
  const has = new Set(table.channels.filter((c) => c.exposure !== undefined).map((c) => c.name));
  if (basis === 'exposure' && has.size === 0) {
    throw new EngineError('INVALID_ARGUMENT', 'media exposure: no channel has an exposure column; name one after its channel '
      + '(tv_impressions, tv_clicks or tv_grps beside tv_spend, as mixwise init pairs them), or map one per channel in a config '
      + '(columns.channels: - { name: tv, spend: tv_spend, exposure: tv_impressions }), or model on spend');
  }
  return specs.map((s) => ({ ...s, media: basis === 'exposure' && has.has(s.name) ? 'exposure' : 'spend' }));
}

/**
 * Window periods where one of spend and exposure is positive and the other 0 (a booking or a tracking
 * gap), as ISO dates: the cost per exposure is then not the window's average there.
 * @example exposureGaps(model.channels[0], model.dates, 0, 104) // ['2023-05-01']
 */
export function exposureGaps(spend: readonly number[], exposure: readonly number[], dates: readonly string[], start: number, end: number): string[] {
  const out: string[] = [];
  for (let t = start; t < end; t++) if ((spend[t] > 0) !== (exposure[t] > 0)) out.push(dates[t]);
  return out;
}
