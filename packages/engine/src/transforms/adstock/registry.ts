import { EngineError } from '../../errors.ts';
import { delayedAdstock } from './delayed.ts';
import { geometricAdstock } from './geometric.ts';
import type { AdstockKernel, AdstockSpecOf, AdstockType } from './types.ts';
import { weibullCdfAdstock } from './weibull-cdf.ts';
import { weibullPdfAdstock } from './weibull-pdf.ts';

/**
 * Every adstock kernel by type. Typed over AdstockType, so adding a variant to AdstockSpec without
 * registering its kernel is a compile error.
 */
export const adstockRegistry: { readonly [K in AdstockType]: AdstockKernel<AdstockSpecOf<K>> } = {
  geometric: geometricAdstock,
  delayed: delayedAdstock,
  'weibull-cdf': weibullCdfAdstock,
  'weibull-pdf': weibullPdfAdstock,
};

/** The adstock types in registry order. @example ADSTOCK_TYPES // ['geometric', 'delayed', 'weibull-cdf', 'weibull-pdf'] */
export const ADSTOCK_TYPES: readonly AdstockType[] = Object.keys(adstockRegistry) as AdstockType[];

/**
 * Look up an adstock kernel by its type name (e.g. from a JSON spec).
 * @param type an AdstockType such as 'geometric'
 * @throws EngineError('UNKNOWN_KERNEL') naming the known types when `type` is not registered
 * @example getAdstockKernel('geometric').label // 'Geometric'
 */
export function getAdstockKernel(type: string): AdstockKernel {
  if (Object.prototype.hasOwnProperty.call(adstockRegistry, type)) {
    return adstockRegistry[type as AdstockType] as AdstockKernel;
  }
  throw new EngineError(
    'UNKNOWN_KERNEL',
    `unknown adstock type ${JSON.stringify(type)}; known types: ${ADSTOCK_TYPES.join(', ')}`,
  );
}
