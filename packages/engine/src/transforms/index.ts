/** Public API of the transforms: adstock, saturation, seasonality and trend. Explicit named exports only. */
export type { ParamSpec } from './param-spec.ts';
export { fromUnit, toUnit } from './param-spec.ts';
export { checkParam } from './check-param.ts';

export type { AdstockKernel, AdstockOptions, AdstockSpec, AdstockSpecOf, AdstockType } from './adstock/types.ts';
export { geometricAdstock, geometricRecursive } from './adstock/geometric.ts';
export { delayedAdstock } from './adstock/delayed.ts';
export { weibullCdfAdstock } from './adstock/weibull-cdf.ts';
export { weibullPdfAdstock } from './adstock/weibull-pdf.ts';
export { ADSTOCK_TYPES, adstockRegistry, getAdstockKernel } from './adstock/registry.ts';
export { adstockWeights, applyAdstock, normaliseWeights } from './adstock/adstock.ts';
export { convolveLags } from './adstock/convolve-lags.ts';
export type { CarryoverSplitResult } from './adstock/carryover-split.ts';
export { carryoverSplit, immediateWeight } from './adstock/carryover-split.ts';
export { MAX_LAG_LIMIT, checkMaxLag } from './adstock/check-max-lag.ts';

export type { SaturationKernel, SaturationSpec, SaturationSpecOf, SaturationType } from './saturation/types.ts';
export { hillSaturation } from './saturation/hill.ts';
export { logisticSaturation } from './saturation/logistic.ts';
export { michaelisMentenSaturation } from './saturation/michaelis-menten.ts';
export { log1pSaturation } from './saturation/log1p.ts';
export { SATURATION_TYPES, getSaturationKernel, saturationRegistry } from './saturation/registry.ts';

export { DAYS_PER_YEAR, fourierFromDates, fourierTerms, meanPeriodsPerYear } from './seasonality/fourier.ts';
export { DAY_OF_WEEK_NAMES, dayOfWeekDummies } from './seasonality/day-of-week.ts';
export { isoDayNumber, isoDayNumbers } from './seasonality/iso-day-number.ts';

export { linearTrend } from './trend/linear-trend.ts';
export type { ChangepointOptions } from './trend/changepoints.ts';
export { changepointBasis, changepointKnots } from './trend/changepoints.ts';
