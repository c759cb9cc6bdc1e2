import type { ChannelPanel, MmmModel, ModelChannel } from '../model/mmm-model.ts';
import { steadyStateGain } from '../analysis/response-curve.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';
import { EngineError } from '../errors.ts';

/** One channel's steady-state KPI from media at the two geo splits (GeoSplitGap). */
export interface GeoSplitGapChannel {
  readonly channel: string;
  /** The steady spend per period X_c it is evaluated at. */
  readonly spend: number;
  /** KPI per period with X_c split across geos by their share of the KPI: coef·f(gain·X_c), the planner's curve. */
  readonly proportional: number;
  /** KPI per period with X_c split as the channel's history split it: Σ_g s_g·coef·f(gain·w_g·X_c/s_g). */
  readonly historical: number;
  /** proportional − historical: what the model credits to re-splitting alone. */
  readonly gap: number;
}

/** A geo-level model's steady-state KPI from media at the historical and the proportional geo split. */
export interface GeoSplitGap {
  readonly proportional: number;
  readonly historical: number;
  readonly gap: number;
  /** 'expected': the mean over the replicates given (the curves a plan averages); 'point': the point estimate. */
  readonly basis: 'point' | 'expected';
  readonly channels: readonly GeoSplitGapChannel[];
}

/** Options of geoSplitGap. */
export interface GeoSplitGapOptions {
  /** Rows whose spend gives the historical split (default the modeling window). */
  readonly rows?: { readonly start: number; readonly end: number };
  /** Replicate models (replicateModels): when non-empty the figures are their mean, as the plan's expected curves. */
  readonly replicates?: readonly MmmModel[];
}

/**
 * Geo g's share of a channel's spend over rows [start, end), w_g; the KPI shares when the channel spent
 * nothing there (no history to split like, and then the two splits agree).
 */
export function historicalGeoSplit(panel: ChannelPanel, start: number, end: number): number[] {
  const totals = panel.spend.map((x) => {
    let s = 0;
    for (let t = start; t < Math.min(end, x.length); t++) s += x[t];
    return s;
  });
  const all = totals.reduce((a, b) => a + b, 0);
  return all > 0 ? totals.map((v) => v / all) : [...panel.shares];
}

/** Σ_g s_g·coef·f(gain·w_g·X/s_g) for one channel's curve (the proportional split is w_g = s_g). */
function steadyKpi(ch: ModelChannel, shares: readonly number[], weights: readonly number[], spend: number): number {
  const kernel = getSaturationKernel(ch.saturation.type);
  const gain = steadyStateGain(ch);
  let y = 0;
  shares.forEach((s, g) => {
    if (s <= 0) return;
    const u = Float64Array.of((gain * weights[g] * spend) / s);
    kernel.apply(u, ch.saturation, u);
    y += s * ch.coef * u[0];
  });
  return y;
}

/**
 * What the proportional-split assumption of a plan on a geo-level model (docs/model.md §4d) hides at a
 * given spend: the steady-state KPI per period from media when each channel's steady spend X_c is split
 * across geos as its history split it (w_{g,c}, geo g's share of the channel's spend over `rows`),
 * Σ_g s_g·β_c·f(w_{g,c}·X_c/(s_g·scale_c)), against the split by KPI share, β_c·f(X_c/scale_c), the
 * national curve the planner uses. The steady state of a normalised adstock of a constant is the
 * constant (gain = Σ weights / scale). On the shared curves the two differ only through where each geo
 * sits on them, so the gap is the model's credit to re-splitting alone, an untested consequence of
 * fully pooled coefficients.
 * @param model a geo-level model (model.panel set)
 * @param spend steady spend per period X_c, by channel name (a channel not named: 0)
 * @param options rows for the historical split; replicates to average over
 * @returns the totals and per-channel figures, or null for a national model
 * @throws EngineError('INVALID_ARGUMENT') for a spend that is not a finite amount ≥ 0
 * @example geoSplitGap(geoModel, { tv: 5000, search: 2000 })?.gap // ≥ 0 when the history is off the proportional split on concave curves
 */
export function geoSplitGap(model: MmmModel, spend: Readonly<Record<string, number>>, options: GeoSplitGapOptions = {}): GeoSplitGap | null {
  if (model.panel === undefined) return null;
  for (const [name, v] of Object.entries(spend)) {
    if (!Number.isFinite(v) || v < 0) throw new EngineError('INVALID_ARGUMENT', `geoSplitGap: spend of ${name} must be a finite amount ≥ 0, got ${v}`);
  }
  const { start, end } = options.rows ?? model.window;
  const reps = options.replicates ?? [];
  const curves = reps.length > 0 ? reps : [model];
  const channels = model.channels.map((ch, c) => {
    const x = spend[ch.name] ?? 0;
    const shares = ch.panel?.shares ?? model.panel!.shares;
    const w = ch.panel ? historicalGeoSplit(ch.panel, start, end) : [...shares];
    let proportional = 0, historical = 0;
    for (const m of curves) {
      proportional += steadyKpi(m.channels[c], shares, shares, x);
      historical += steadyKpi(m.channels[c], shares, w, x);
    }
    proportional /= curves.length;
    historical /= curves.length;
    return { channel: ch.name, spend: x, proportional, historical, gap: proportional - historical };
  });
  const total = (k: 'proportional' | 'historical'): number => channels.reduce((s, r) => s + r[k], 0);
  const proportional = total('proportional'), historical = total('historical');
  return { proportional, historical, gap: proportional - historical, basis: reps.length > 0 ? 'expected' : 'point', channels };
}
