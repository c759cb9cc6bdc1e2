import { EngineError } from '../../errors.ts';
import { hillSaturation } from './hill.ts';
import { log1pSaturation } from './log1p.ts';
import { logisticSaturation } from './logistic.ts';
import { michaelisMentenSaturation } from './michaelis-menten.ts';
import type { SaturationKernel, SaturationSpecOf, SaturationType } from './types.ts';

/**
 * Every saturation kernel by type. Typed over SaturationType, so adding a variant to SaturationSpec
 * without registering its kernel is a compile error.
 */
export const saturationRegistry: { readonly [K in SaturationType]: SaturationKernel<SaturationSpecOf<K>> } = {
  hill: hillSaturation,
  logistic: logisticSaturation,
  'michaelis-menten': michaelisMentenSaturation,
  log1p: log1pSaturation,
};

/** The saturation types in registry order. @example SATURATION_TYPES // ['hill', 'logistic', 'michaelis-menten', 'log1p'] */
export const SATURATION_TYPES: readonly SaturationType[] = Object.keys(saturationRegistry) as SaturationType[];

/**
 * Look up a saturation kernel by its type name (e.g. from a JSON spec).
 * @param type a SaturationType such as 'hill'
 * @throws EngineError('UNKNOWN_KERNEL') naming the known types when `type` is not registered
 * @example getSaturationKernel('hill').label // 'Hill'
 */
export function getSaturationKernel(type: string): SaturationKernel {
  if (Object.prototype.hasOwnProperty.call(saturationRegistry, type)) {
    return saturationRegistry[type as SaturationType] as SaturationKernel;
  }
  throw new EngineError(
    'UNKNOWN_KERNEL',
    `unknown saturation type ${JSON.stringify(type)}; known types: ${SATURATION_TYPES.join(', ')}`,
  );
}
