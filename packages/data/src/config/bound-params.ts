import type { AdstockType, SaturationType } from '@mixwise/engine';
import { ADSTOCK_TYPES, SATURATION_TYPES, getAdstockKernel, getSaturationKernel } from '@mixwise/engine';

/** A kernel parameter as the config names it: snake_case, with the engine's name and search scale. */
export interface BoundParam {
  /** The config key, e.g. half_saturation. */
  readonly key: string;
  /** The engine's parameter name, e.g. halfSaturation. */
  readonly name: string;
  readonly scale: 'linear' | 'log';
}

/**
 * A camelCase parameter name in snake_case.
 * @example snakeCase('halfSaturation') // 'half_saturation'
 */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * A snake_case config key in the engine's camelCase.
 * @example camelCase('half_saturation') // 'halfSaturation'
 */
export function camelCase(key: string): string {
  return key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * The parameters of one adstock family as config keys (from the engine's kernel registry).
 * @example adstockBoundParams('geometric') // [{ key: 'alpha', name: 'alpha', scale: 'linear' }]
 */
export function adstockBoundParams(type: AdstockType): BoundParam[] {
  return getAdstockKernel(type).params.map((p) => ({ key: snakeCase(p.name), name: p.name, scale: p.scale }));
}

/**
 * The parameters of one saturation curve as config keys (from the engine's kernel registry).
 * @example saturationBoundParams('hill').map((p) => p.key) // ['half_saturation', 'shape']
 */
export function saturationBoundParams(type: SaturationType): BoundParam[] {
  return getSaturationKernel(type).params.map((p) => ({ key: snakeCase(p.name), name: p.name, scale: p.scale }));
}

const unique = (keys: string[]): string[] => [...new Set(keys)];

/** Every adstock parameter key of any family: alpha, delay, shape, scale. */
export const ADSTOCK_BOUND_PARAMS: readonly string[] = unique(ADSTOCK_TYPES.flatMap((t) => adstockBoundParams(t).map((p) => p.key)));
/** Every saturation parameter key of any curve: half_saturation, shape, lambda, scale. */
export const SATURATION_BOUND_PARAMS: readonly string[] = unique(SATURATION_TYPES.flatMap((t) => saturationBoundParams(t).map((p) => p.key)));
