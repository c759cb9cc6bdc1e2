import type { MmmModel } from '../model/mmm-model.ts';
import { decompose, type Decomposition } from './decomposition.ts';
import { fitMetrics, type FitMetrics } from './fit-metrics.ts';
import { durbinWatson } from '../stats/durbin-watson.ts';
import { ljungBox } from '../stats/ljung-box.ts';
import { jarqueBera } from '../stats/jarque-bera.ts';
import { shapiroWilk } from '../stats/shapiro-wilk.ts';
import { dagostinoK2 } from '../stats/dagostino-k2.ts';
import { channelContribution } from '../model/channel-response.ts';
import { varianceInflationFactors } from '../stats/variance-inflation-factors.ts';

/** A residual test: statistic, p-value, and a one-line reading for people. */
export interface ResidualTest {
  readonly name: string;
  readonly statistic: number;
  readonly pValue: number;
  /** What a small p-value (< 0.05) means here. */
  readonly flag: string;
  readonly flagged: boolean;
}

export interface DiagnosticsResult {
  readonly inSample: FitMetrics & { readonly periods: number };
  readonly holdout: (FitMetrics & { readonly periods: number }) | null;
  readonly residualTests: readonly ResidualTest[];
  /** Variance inflation factor of every regressor over the fit rows (media as saturated adstock). */
  readonly vif: readonly { readonly name: string; readonly vif: number }[];
}

/**
 * Fit diagnostics: accuracy in sample and on the holdout, tests on the in-sample residuals
 * (Durbin–Watson and Ljung–Box for autocorrelation, Jarque–Bera, Shapiro–Wilk and D'Agostino K² for
 * normality) and VIFs for collinearity. Tests that need more periods than available are skipped.
 * @example modelDiagnostics(model).residualTests.map((t) => [t.name, t.pValue])
 */
export function modelDiagnostics(model: MmmModel, d: Decomposition = decompose(model)): DiagnosticsResult {
  const { start, end } = model.window;
  const fitEnd = end - model.holdout;
  const n = fitEnd - start;
  const resid = new Float64Array(n);
  for (let i = 0; i < n; i++) resid[i] = d.actual[start + i] - d.fitted[start + i];
  const tests: ResidualTest[] = [];
  const auto = 'residuals are autocorrelated: a missing driver, lag or seasonality, or a trend that bends, which trend changepoints fit';
  // d above 2: successive residuals alternate in sign, the opposite of what a missing slow driver leaves.
  const alternating = 'negative autocorrelation, residuals alternating in sign from one period to the next: often a too-flexible fit, with many dummies or controls, or an event dummy that overshoots its period and leaves the next one under-fitted';
  const normal = 'residuals are not normal: outliers or a missing event';
  if (n >= 3) {
    const dw = durbinWatson(resid);
    tests.push({ name: 'Durbin–Watson', statistic: dw.statistic, pValue: dw.pValue, flag: dw.statistic > 2 ? alternating : auto, flagged: dw.pValue < 0.05 });
  }
  const lags = Math.min(10, Math.floor(n / 5));
  if (lags >= 1) {
    const lb = ljungBox(resid, lags);
    tests.push({ name: `Ljung–Box (${lags} lags)`, statistic: lb.statistic, pValue: lb.pValue, flag: auto, flagged: lb.pValue < 0.05 });
  }
  if (n >= 3) {
    const jb = jarqueBera(resid);
    tests.push({ name: 'Jarque–Bera', statistic: jb.statistic, pValue: jb.pValue, flag: normal, flagged: jb.pValue < 0.05 });
    const sw = shapiroWilk(resid);
    tests.push({ name: 'Shapiro–Wilk', statistic: sw.statistic, pValue: sw.pValue, flag: normal, flagged: sw.pValue < 0.05 });
  }
  if (n >= 8) {
    const k2 = dagostinoK2(resid);
    tests.push({ name: "D'Agostino K²", statistic: k2.statistic, pValue: k2.pValue, flag: normal, flagged: k2.pValue < 0.05 });
  }
  const media = d.components.filter((c) => c.group === 'media');
  const names = [...model.baseline.map((b) => b.name), ...media.map((m) => m.name)];
  const columns = [
    ...model.baseline.map((b) => Float64Array.from(b.values.slice(start, fitEnd))),
    // Media enter as saturated adstock (coefficient 1), so a channel the fit zeroed still gets a VIF.
    ...model.channels.map((ch) => channelContribution({ ...ch, coef: 1 }).slice(start, fitEnd)),
  ];
  const vifs = columns.length >= 2 && n > columns.length + 1 ? varianceInflationFactors(columns, n) : new Float64Array(columns.length).fill(NaN);
  return {
    inSample: { ...fitMetrics(d.actual, d.fitted, start, fitEnd, model), periods: n },
    holdout: model.holdout > 0 ? { ...fitMetrics(d.actual, d.fitted, fitEnd, end, model), periods: model.holdout } : null,
    residualTests: tests,
    vif: names.map((name, j) => ({ name, vif: vifs[j] })),
  };
}
