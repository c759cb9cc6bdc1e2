import type { ChannelSpec } from './model-spec.ts';
import { DEFAULT_SATURATION_BOUNDS } from './model-spec.ts';
import type { AdstockSpec } from '../transforms/adstock/types.ts';
import type { SaturationSpec } from '../transforms/saturation/types.ts';
import type { ParamSpec } from '../transforms/param-spec.ts';
import { fromUnit, toUnit } from '../transforms/param-spec.ts';
import { getAdstockKernel } from '../transforms/adstock/registry.ts';
import { getSaturationKernel } from '../transforms/saturation/registry.ts';

/**
 * The narrowest search range a refresh keeps, as a share of each parameter's full range (in the
 * search's own coordinates: log-uniform parameters narrow on the log scale). A refresh with few new
 * periods would otherwise pin the curves to the previous values and no new data could move them.
 */
export const REFRESH_MIN_WIDTH = 0.2;

/**
 * How much of each hyperparameter's range a refresh searches (Robyn's robyn_refresh rule: the share
 * of new periods in the new window), at least REFRESH_MIN_WIDTH and at most the whole range.
 * @param newPeriods periods of the new window after the previous window's last date
 * @param windowPeriods periods of the new window
 * @returns the width as a share of the range, in [REFRESH_MIN_WIDTH, 1]
 * @example refreshWidth(16, 120) // 0.2 (16/120 = 0.133 is below the floor)
 * @example refreshWidth(52, 104) // 0.5
 */
export function refreshWidth(newPeriods: number, windowPeriods: number): number {
  const share = windowPeriods > 0 ? Math.max(0, newPeriods) / windowPeriods : 1;
  return Math.min(1, Math.max(REFRESH_MIN_WIDTH, share));
}

/** A fitted channel (or organic series) whose curves a refresh starts from. */
export interface FittedCurves {
  readonly name: string;
  readonly adstock: AdstockSpec;
  readonly maxLag: number;
  readonly saturation: SaturationSpec;
}

/** Which curve families a refresh keeps: both (the default), or only one when a flag sets the other. */
export interface RefreshKeep {
  /** false: the family is set by the caller (e.g. --adstock), so it is neither fixed nor narrowed here. */
  readonly adstock?: boolean;
  readonly saturation?: boolean;
}

/**
 * A channel's spec for a refresh: the previous fit's adstock family, max lag and saturation curve,
 * with each curve parameter's search bounds narrowed to `width` of its range around the previous
 * value: in the search's coordinates u ∈ [0, 1] (linear or log, ParamSpec.scale) the bounds are
 * [u − width/2, u + width/2], shifted inside [0, 1] when u is near an edge, so every parameter keeps the
 * whole width (a value at the edge of its range is searched over [0, width] or [1 − width, 1]). The range
 * is the engine's default (the kernel's, with DEFAULT_SATURATION_BOUNDS) overridden by the previous
 * spec's own `bounds` for the family, or by `ranges` (the ranges an earlier refresh narrowed, which
 * model.json records as refresh.ranges: without them a chain of refreshes would narrow the narrowed
 * bounds again, 20% of 20%…); a parameter the previous spec fixed (equal bounds) stays fixed.
 * @param prev the previous model's fitted curves of the channel
 * @param prevSpec the previous model's ChannelSpec of the channel (its bounds and media), if any
 * @param width share of each range to keep (refreshWidth)
 * @param keep which parts to inherit (all by default)
 * @param ranges the full ranges an earlier refresh recorded for the channel (refreshRanges), used in place of prevSpec's bounds
 * @returns the ChannelSpec (bounds use the engine's parameter names, e.g. halfSaturation)
 * @example refreshChannelSpec({ name: 'tv', adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 8, saturation: { type: 'logistic', lambda: 1 } }, undefined, 0.2).bounds?.adstock?.alpha // [0.405, 0.595] (alpha's range is [0, 0.95], linear: 0.5 ± 0.1 × 0.95)
 */
export function refreshChannelSpec(prev: FittedCurves, prevSpec: ChannelSpec | undefined, width: number, keep: RefreshKeep = {}, ranges?: CurveRanges): ChannelSpec {
  return refreshChannel(prev, prevSpec, width, keep, ranges).spec;
}

/**
 * A refresh's channel spec (refreshChannelSpec) and the full ranges it narrowed (refreshRanges), from
 * one computation of the ranges: what `mixwise fit --refresh` needs per channel (the spec to fit, the
 * ranges to record in model.json refresh.ranges).
 * @param prev the previous model's fitted curves of the channel
 * @param prevSpec the previous model's ChannelSpec of the channel, if any
 * @param width share of each range to keep (refreshWidth)
 * @param keep which parts to inherit (all by default)
 * @param earlier the ranges an earlier refresh recorded for the channel (model.json refresh.ranges), if any
 * @example refreshChannel(tvCurves, undefined, 0.2).ranges.adstock // { alpha: [0, 0.95] }, and .spec.bounds.adstock.alpha [0.405, 0.595] for alpha 0.5
 */
export function refreshChannel(prev: FittedCurves, prevSpec: ChannelSpec | undefined, width: number, keep: RefreshKeep = {}, earlier?: CurveRanges): { spec: ChannelSpec; ranges: CurveRanges } {
  const keepAdstock = keep.adstock !== false, keepSaturation = keep.saturation !== false;
  const adstockKernel = getAdstockKernel(prev.adstock.type);
  const saturationKernel = getSaturationKernel(prev.saturation.type);
  const { adstockRange, saturationRange } = rangesOf(prev, prevSpec, earlier);
  const bounds = {
    ...(keepAdstock ? { adstock: narrowed(adstockRange, adstockKernel.toVector(prev.adstock as never), width) } : {}),
    ...(keepSaturation ? { saturation: narrowed(saturationRange, saturationKernel.toVector(prev.saturation as never), width) } : {}),
  };
  const spec: ChannelSpec = {
    name: prev.name,
    adstock: keepAdstock ? prev.adstock.type : 'auto',
    maxLag: prev.maxLag,
    saturation: keepSaturation ? prev.saturation.type : 'hill',
    ...(prevSpec?.media !== undefined ? { media: prevSpec.media } : {}),
    ...(Object.keys(bounds).length > 0 ? { bounds } : {}),
  };
  return { spec, ranges: { adstock: rangeRecord(adstockRange), saturation: rangeRecord(saturationRange) } };
}

/** Each curve parameter's full search range ([lower, upper] in its own units), per family part. */
export interface CurveRanges {
  readonly adstock?: Readonly<Record<string, readonly [number, number]>>;
  readonly saturation?: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * The full ranges a refresh narrows for a channel (before narrowing): the engine's defaults, the
 * previous spec's own bounds, or the ranges an earlier refresh recorded. model.json keeps them
 * (refresh.ranges) so that the next refresh narrows around the same full ranges.
 * @param prev the previous model's fitted curves of the channel
 * @param prevSpec the previous model's ChannelSpec of the channel, if any
 * @param ranges the ranges an earlier refresh recorded for it, if any
 * @returns the ranges of the channel's adstock and saturation parameters
 * @example refreshRanges({ name: 'tv', adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 8, saturation: { type: 'hill', halfSaturation: 1, shape: 1 } }, undefined).adstock // { alpha: [0, 0.95] }
 */
export function refreshRanges(prev: FittedCurves, prevSpec: ChannelSpec | undefined, ranges?: CurveRanges): CurveRanges {
  const { adstockRange, saturationRange } = rangesOf(prev, prevSpec, ranges);
  return { adstock: rangeRecord(adstockRange), saturation: rangeRecord(saturationRange) };
}

/** Each parameter's [lower, upper] by name. */
function rangeRecord(params: readonly ParamSpec[]): Record<string, readonly [number, number]> {
  return Object.fromEntries(params.map((p) => [p.name, [p.lower, p.upper] as const]));
}

function rangesOf(prev: FittedCurves, prevSpec: ChannelSpec | undefined, ranges: CurveRanges | undefined): { adstockRange: ParamSpec[]; saturationRange: ParamSpec[] } {
  const adstockKernel = getAdstockKernel(prev.adstock.type);
  const saturationKernel = getSaturationKernel(prev.saturation.type);
  return {
    adstockRange: withBounds(adstockKernel.params, {}, ranges?.adstock ?? prevSpec?.bounds?.adstock),
    saturationRange: withBounds(saturationKernel.params, DEFAULT_SATURATION_BOUNDS[prev.saturation.type], ranges?.saturation ?? prevSpec?.bounds?.saturation),
  };
}

/** The params with default then own bounds applied (own bounds for parameters of other families ignored). */
function withBounds(params: readonly ParamSpec[], defaults: Readonly<Record<string, readonly [number, number]>>,
  own: Readonly<Record<string, readonly [number, number]>> | undefined): ParamSpec[] {
  return params.map((p) => {
    const b = own?.[p.name] ?? defaults[p.name];
    return b === undefined ? p : { ...p, lower: b[0], upper: b[1] };
  });
}

/** Bounds of width `width` (unit coordinates) around each value, shifted inside the range at its edges; fixed parameters stay fixed. */
function narrowed(params: readonly ParamSpec[], values: readonly number[], width: number): Record<string, readonly [number, number]> {
  const out: Record<string, readonly [number, number]> = {};
  params.forEach((p, i) => {
    if (p.lower === p.upper) {
      out[p.name] = [p.lower, p.upper];
      return;
    }
    // A value outside the range (bounds changed since) is brought to its nearest edge first.
    const u = Math.min(1, Math.max(0, toUnit(p, values[i])));
    const lo = Math.min(Math.max(0, u - width / 2), 1 - width);
    out[p.name] = [fromUnit(p, lo), fromUnit(p, Math.min(1, lo + width))];
  });
  return out;
}
