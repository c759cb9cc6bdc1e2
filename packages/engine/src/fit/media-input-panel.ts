import { EngineError } from '../errors.ts';
import type { ExposureMedia } from '../model/mmm-model.ts';
import type { ChannelColumn, ModelingTable } from '../spec/modeling-table.ts';
import type { PanelColumns } from '../spec/panel.ts';

/**
 * A geo panel's media input (docs/model.md §4d): each channel modelled on exposure has its spend per
 * geo replaced by spend-equivalent exposure e_{g,t} = x_{g,t} × k, with k the channel's national
 * average cost per exposure unit over the window (ExposureMedia.costPerUnit, the same in every geo), and
 * its national spend by Σ_g e_{g,t}. One national k keeps each geo's input e/s_g proportional to its
 * exposure per unit of size (a geo with cheaper impressions sees more media per unit of money, which is
 * the point of modelling exposure) and keeps the planner's split in proportion to size a split of
 * exposure as well. When every geo's e is within `tolerance` of its own peak spend (a constant cost per
 * unit in every geo) the spend is kept, so the model is the spend model exactly. The records get each
 * geo's actual spend (`geoSpend`), what per-geo ROIs are computed against.
 * @param table a table with `panel` set, its national channels already converted (mediaInputTable)
 * @param media per table channel its ExposureMedia record, undefined on spend
 * @param tolerance relative gap under which exposure counts as proportional to spend
 * @throws EngineError INVALID_ARGUMENT for a channel on exposure without exposure per geo
 * @example panelMediaInput(table, media, 1e-6).table.panel?.spend[0][0][3] // geo 0's exposure in row 3 × k
 */
export function panelMediaInput(table: ModelingTable, media: readonly (ExposureMedia | undefined)[], tolerance: number):
{ table: ModelingTable; media: (ExposureMedia | undefined)[] } {
  const panel = table.panel as PanelColumns;
  const converted = table.channels.map((c, k) => {
    const m = media[k];
    if (m === undefined) return undefined;
    const exposure = panel.exposure?.[k];
    if (exposure === undefined) {
      throw new EngineError('INVALID_ARGUMENT', `channel "${c.name}" is to be modelled on its exposure but the geo panel has no exposure per ${panel.column} for it: `
        + 'give its exposure column per geo (modelingTableFromPanel channels[].exposure), or model it on spend (media: spend)', { series: c.name });
    }
    const e = exposure.map((x) => x.map((v) => v * m.costPerUnit));
    const proportional = e.every((eg, g) => withinTolerance(eg, panel.spend[k][g], tolerance));
    return { geo: proportional ? panel.spend[k] : e, record: { ...m, geoSpend: panel.spend[k].map((x) => Array.from(x)) } };
  });
  const channels = table.channels.map((c, k): ChannelColumn => {
    const conv = converted[k];
    // Kept on spend (proportional): the national spend is already the geos' sum.
    return conv === undefined || conv.geo === panel.spend[k] ? c : { ...c, spend: sumOver(conv.geo, table.dates.length) };
  });
  const spend = panel.spend.map((s, k) => converted[k]?.geo ?? s);
  return { table: { ...table, channels, panel: { ...panel, spend } }, media: converted.map((c, k) => c?.record ?? media[k]) };
}

/** Whether every |e − spend| is within tolerance × the peak spend. */
function withinTolerance(e: Float64Array, spend: Float64Array, tolerance: number): boolean {
  let peak = 0;
  let gap = 0;
  for (let t = 0; t < e.length; t++) { peak = Math.max(peak, spend[t]); gap = Math.max(gap, Math.abs(e[t] - spend[t])); }
  return gap <= tolerance * peak;
}

/** Σ over geos, per period. */
function sumOver(series: readonly Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (const s of series) for (let t = 0; t < n; t++) out[t] += s[t];
  return out;
}
