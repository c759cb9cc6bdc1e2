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
 * [u − width/2, u + width/2] clipped to [0, 1]. The range is the engine's default (the kernel's, with
 * DEFAULT_SATURATION_BOUNDS) overridden by the previous spec's own `bounds` for the family; a
 * parameter the previous spec fixed (equal bounds) stays fixed.
 * @param prev the previous model's fitted curves of the channel
 * @param prevSpec the previous model's ChannelSpec of the channel (its bounds and media), if any
 * @param width share of each range to keep (refreshWidth)
 * @param keep which parts to inherit (all by default)
 * @returns the ChannelSpec (bounds use the engine's parameter names, e.g. halfSaturation)
 * @example refreshChannelSpec({ name: 'tv', adstock: { type: 'geometric', alpha: 0.5 }, maxLag: 8, saturation: { type: 'logistic', lambda: 1 } }, undefined, 0.2).bounds?.adstock?.alpha // [0.405, 0.595] (alpha's range is [0, 0.95], linear: 0.5 ± 0.1 × 0.95)
 */
export function refreshChannelSpec(prev: FittedCurves, prevSpec: ChannelSpec | undefined, width: number, keep: RefreshKeep = {}): ChannelSpec {
  const keepAdstock = keep.adstock !== false, keepSaturation = keep.saturation !== false;
  const adstockKernel = getAdstockKernel(prev.adstock.type);
  const saturationKernel = getSaturationKernel(prev.saturation.type);
  const adstockRange = withBounds(adstockKernel.params, {}, prevSpec?.bounds?.adstock);
  const saturationRange = withBounds(saturationKernel.params, DEFAULT_SATURATION_BOUNDS[prev.saturation.type], prevSpec?.bounds?.saturation);
  const bounds = {
    ...(keepAdstock ? { adstock: narrowed(adstockRange, adstockKernel.toVector(prev.adstock as never), width) } : {}),
    ...(keepSaturation ? { saturation: narrowed(saturationRange, saturationKernel.toVector(prev.saturation as never), width) } : {}),
  };
  return {
    name: prev.name,
    adstock: keepAdstock ? prev.adstock.type : 'auto',
    maxLag: prev.maxLag,
    saturation: keepSaturation ? prev.saturation.type : 'hill',
    ...(prevSpec?.media !== undefined ? { media: prevSpec.media } : {}),
    ...(Object.keys(bounds).length > 0 ? { bounds } : {}),
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

/** Bounds of width `width` (unit coordinates) around each value, clipped to the range; fixed parameters stay fixed. */
function narrowed(params: readonly ParamSpec[], values: readonly number[], width: number): Record<string, readonly [number, number]> {
  const out: Record<string, readonly [number, number]> = {};
  params.forEach((p, i) => {
    if (p.lower === p.upper) {
      out[p.name] = [p.lower, p.upper];
      return;
    }
    const u = toUnit(p, values[i]);
    out[p.name] = [fromUnit(p, Math.max(0, u - width / 2)), fromUnit(p, Math.min(1, u + width / 2))];
  });
  return out;
}
