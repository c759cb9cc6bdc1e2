// Descriptive statistics
export { sum } from './sum.ts';
export { mean } from './mean.ts';
export { variance } from './variance.ts';
export { standardDeviation } from './standard-deviation.ts';
export { quantile } from './quantile.ts';
export { median } from './median.ts';
export { covariance } from './covariance.ts';
export { correlation } from './correlation.ts';
export { centralMoments } from './central-moments.ts';
export type { CentralMoments } from './central-moments.ts';
export { skewness } from './skewness.ts';
export { kurtosis } from './kurtosis.ts';

// Fit metrics, argument order (actual, predicted)
export { rSquared } from './r-squared.ts';
export { adjustedRSquared } from './adjusted-r-squared.ts';
export { rmse } from './rmse.ts';
export { mae } from './mae.ts';
export { mape } from './mape.ts';
export { wmape } from './wmape.ts';
export { nrmse } from './nrmse.ts';

// Distribution functions
export { normalCdf } from './normal-cdf.ts';
export { normalQuantile } from './normal-quantile.ts';
export { logGamma } from './log-gamma.ts';
export { regularizedGammaP, regularizedGammaQ } from './regularized-gamma.ts';
export { chiSquareCdf, chiSquareSurvival } from './chi-square-cdf.ts';
export { regularizedBeta } from './regularized-beta.ts';
export { studentTCdf } from './student-t-cdf.ts';
export { studentTQuantile } from './student-t-quantile.ts';

// Residual diagnostics
export { durbinWatson } from './durbin-watson.ts';
export type { DurbinWatsonResult } from './durbin-watson.ts';
export { ljungBox } from './ljung-box.ts';
export type { LjungBoxResult } from './ljung-box.ts';
export { jarqueBera } from './jarque-bera.ts';
export type { JarqueBeraResult } from './jarque-bera.ts';
export { shapiroWilk } from './shapiro-wilk.ts';
export type { ShapiroWilkResult } from './shapiro-wilk.ts';
export { dagostinoK2 } from './dagostino-k2.ts';
export type { DagostinoK2Result } from './dagostino-k2.ts';
export { varianceInflationFactors } from './variance-inflation-factors.ts';

// Bootstrap helpers
export { bootstrapInterval } from './bootstrap-interval.ts';
export { blockBootstrapIndices } from './block-bootstrap-indices.ts';

// MCMC diagnostics
export { splitRhat, rankNormalizedSplitRhat } from './split-rhat.ts';
export { effectiveSampleSize, bulkEffectiveSampleSize } from './effective-sample-size.ts';
