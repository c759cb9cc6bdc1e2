import type { MmmModel } from '../model/mmm-model.ts';
import { proseAmount } from '../text/prose-format.ts';
import { geoSplitGap } from './geo-split-gap.ts';
import { geoShareName } from './geo-basis.ts';
import { referenceRows, responseModelFromMmm } from './response-model-from-mmm.ts';

/**
 * A geo-level model's current spend at the two geo splits (`mixwise optimize`'s geo_split_now, the API's
 * geoSplitNow): steady-state KPI per period from media at the current spend split across geos by KPI
 * share (`proportional`, what "expected current" and every plan assume) and as each channel's history
 * split it (`historical`), `gap` = proportional − historical; `kpi` the whole KPI per period at the
 * historical split (non-media baseline + historical); on the plan's curves (`basis`).
 */
export interface GeoSplitNow {
  readonly basis: 'point' | 'expected';
  readonly kpi: number;
  readonly proportional: number;
  readonly historical: number;
  readonly gap: number;
  readonly channels: readonly GeoSplitNowChannel[];
  /**
   * The size column the geos' shares are of (model.panel.sizeColumn: population…); absent for the KPI
   * shares. The API's `sizeColumn`; optimization.json writes it `size_column`.
   */
  readonly sizeColumn?: string;
}

/** One channel of GeoSplitNow: its current spend per period and its steady-state KPI at the two splits. */
export interface GeoSplitNowChannel {
  readonly channel: string;
  readonly current: number;
  readonly proportional: number;
  readonly historical: number;
  readonly gap: number;
}

/** Options of geoSplitNow: "current" as the optimizer takes it, and the curves. */
export interface GeoSplitNowOptions {
  /** The last N periods of the window are "current" (default the whole window), as responseModelFromMmm. */
  readonly referencePeriods?: number;
  /** Current spend per period of named channels, as responseModelFromMmm. */
  readonly current?: Readonly<Record<string, number>>;
  /** Replicate models: non-empty when the plan optimises the expected KPI (their mean curves), else the point estimate. */
  readonly replicates?: readonly MmmModel[];
}

/**
 * The current spend of a geo-level model at today's split across geos against the split by KPI share
 * that plans assume (geoSplitGap at the current spend over the reference periods): the re-splitting
 * the model credits, which no plan moves.
 * @param model the fitted model
 * @param options reference periods and current spend (as the optimizer's), replicates for the expected curves
 * @returns the figures, or null for a national model
 * @example geoSplitNow(geoModel)?.gap // KPI per period the model credits to moving today's geo split to the KPI shares
 */
export function geoSplitNow(model: MmmModel, options: GeoSplitNowOptions = {}): GeoSplitNow | null {
  if (model.panel === undefined) return null;
  const rm = responseModelFromMmm(model, { ...(options.referencePeriods === undefined ? {} : { referencePeriods: options.referencePeriods }), ...(options.current === undefined ? {} : { current: options.current }) });
  const spend = Object.fromEntries(rm.channels.map((c) => [c.name, c.current]));
  const r = geoSplitGap(model, spend, { rows: referenceRows(model, options.referencePeriods), replicates: options.replicates ?? [] });
  if (r === null) return null;
  return {
    basis: r.basis, kpi: rm.baseline + r.historical, proportional: r.proportional, historical: r.historical, gap: r.gap,
    channels: r.channels.map((c) => ({ channel: c.channel, current: c.spend, proportional: c.proportional, historical: c.historical, gap: c.gap })),
    ...(model.panel.sizeColumn === undefined ? {} : { sizeColumn: model.panel.sizeColumn }),
  };
}

/** True when the two splits give the same KPI (to rounding). */
export function geoSplitNowEven(g: Pick<GeoSplitNow, 'gap' | 'proportional'>): boolean {
  return Math.abs(g.gap) <= 1e-9 * Math.max(1, Math.abs(g.proportional));
}

/**
 * geoSplitNow in a sentence with its numbers: what the current spend gives at today's split across geos,
 * against the split by KPI share that "now" and the plan assume, and that the difference is the model's
 * credit (untested) which no plan moves. The same words in `mixwise optimize`, the report and the dashboard.
 * With a size column (g.sizeColumn: population…) the split is named by it ("a split by population share").
 * @param g the figures
 * @param kpi the KPI's name
 * @example geoSplitNowText({ kpi: 1e6, historical: 2e5, gap: 33000, ... }, 'revenue') // 'At the current split across geos, the current spend is predicted to give 1,000,000 of revenue per period (200,000 from media), 33,000 less than …'
 */
export function geoSplitNowText(g: Omit<GeoSplitNow, 'channels' | 'basis'>, kpi: string): string {
  const split = `a split by ${geoShareName(g.sizeColumn)}`;
  const head = `At the current split across geos, the current spend is predicted to give ${proseAmount(g.kpi)} of ${kpi} per period (${proseAmount(g.historical)} from media)`;
  if (geoSplitNowEven(g)) return `${head}, as at ${split}.`;
  const diff = `${proseAmount(Math.abs(g.gap))} ${g.gap > 0 ? 'less' : 'more'} than at ${split}`;
  const credit = g.gap > 0 ? 'the model credits that much to re-splitting alone' : 'the model predicts that much lost by re-splitting alone';
  return `${head}, ${diff}: ${credit} (a consequence of the shared curves, untested), which no plan here moves.`;
}
