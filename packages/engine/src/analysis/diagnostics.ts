import type { MmmModel } from '../model/mmm-model.ts';
import { decompose, type Decomposition } from './decomposition.ts';
import { assertUsableModel } from '../model/parse-model.ts';
import { fitMetrics, rangeFitMetrics, type RangeFitMetrics } from './fit-metrics.ts';
import { isObserved, observedRows } from '../spec/observed-rows.ts';
import { durbinWatson } from '../stats/durbin-watson.ts';
import { ljungBox } from '../stats/ljung-box.ts';
import { jarqueBera } from '../stats/jarque-bera.ts';
import { shapiroWilk } from '../stats/shapiro-wilk.ts';
import { dagostinoK2 } from '../stats/dagostino-k2.ts';
import { channelContribution } from '../model/channel-response.ts';
import { panelRegression } from './panel-regression.ts';
import { varianceInflationFactors } from '../stats/variance-inflation-factors.ts';
import { largestResiduals, type LargestResiduals } from './largest-residuals.ts';
import { largestResidualsText } from './largest-residuals-text.ts';
import { residualHolidays } from './residual-holidays.ts';

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
  /** Over the fitted periods whose KPI is observed (`observed` says how many when some are not). */
  readonly inSample: RangeFitMetrics;
  /** Null without a holdout, or when no holdout period has a KPI. */
  readonly holdout: RangeFitMetrics | null;
  readonly residualTests: readonly ResidualTest[];
  /** Variance inflation factor of every regressor over the fit rows (media as saturated adstock). */
  readonly vif: readonly { readonly name: string; readonly vif: number }[];
  /**
   * The in-sample periods with the largest residuals in robust standard deviations, grouped when they
   * recur at the same time of year (largest-residuals.ts); null with too few periods. Absent from a
   * diagnostics.json written before it was added.
   */
  readonly largestResiduals?: LargestResiduals | null;
}

/**
 * Fit diagnostics: accuracy in sample and on the holdout, tests on the in-sample residuals
 * (Durbin–Watson and Ljung–Box for autocorrelation, Jarque–Bera, Shapiro–Wilk and D'Agostino K² for
 * normality) and VIFs for collinearity. Tests that need more periods than available are skipped.
 *
 * A fitted period whose KPI is missing (NaN, left out of the fit: spec/observed-rows.ts) has no
 * residual. Durbin–Watson and Ljung–Box get the residual series with NaN at those periods and pair
 * only residuals that are really 1 (or k) periods apart, never the two sides of a gap
 * (stats/durbin-watson.ts, stats/ljung-box.ts); the normality tests, which ignore order, run on the
 * observed residuals. VIFs are on the regressors, which exist in every period, and use every fitted row.
 *
 * The normality tests' reading names the dates of the largest residuals and, when some recur at the
 * same time of year, suggests an event column for them (largestResidualsText): "outliers or a missing
 * event" alone leaves the reader to find Black Friday in a residual plot.
 * @throws EngineError INVALID_ARGUMENT when `model` is not a model, naming what is missing (assertUsableModel)
 * @example modelDiagnostics(model).residualTests.map((t) => [t.name, t.pValue])
 */
export function modelDiagnostics(model: MmmModel, given?: Decomposition): DiagnosticsResult {
  assertUsableModel(model, 'modelDiagnostics');
  const d = given ?? decompose(model);
  const { start, end } = model.window;
  const fitEnd = end - model.holdout;
  const periods = fitEnd - start;
  const rows = observedRows(d.actual, start, fitEnd);
  const n = rows.length;
  const resid = Float64Array.from(rows, (t) => d.actual[t] - d.fitted[t]);
  // In date order over every fitted period, NaN where the KPI is missing: the autocorrelation tests skip
  // the pairs that span a gap.
  const series = Float64Array.from({ length: periods }, (_, i) => (isObserved(d.actual[start + i]) ? d.actual[start + i] - d.fitted[start + i] : NaN));
  const tests: ResidualTest[] = [];
  const auto = 'residuals are autocorrelated: a missing driver, lag or seasonality, or a trend that bends, which trend changepoints fit';
  // d above its null centre (2 without gaps), ρ̂ < 0: successive residuals alternate in sign, the opposite of what a missing slow driver leaves.
  const alternating = 'negative autocorrelation, residuals alternating in sign from one period to the next: often a too-flexible fit, with many dummies or controls, or an event dummy that overshoots its period and leaves the next one under-fitted';
  const large = largestResiduals(model.dates, d.actual, d.fitted, start, fitEnd);
  // A recurring group on the dates of built-in holidays the model lacks: name them, for --holidays.
  const holidays = residualHolidays(model, (large?.recurring ?? []).map((g) => g.dates));
  const dates = largestResidualsText(large, holidays, model.holidayCalendar);
  const normal = `residuals are not normal: outliers or a missing event${dates === '' ? '' : `; ${dates}`}`;
  // Durbin–Watson needs two observed residuals in successive periods.
  if (n >= 3 && rows.some((t, i) => i > 0 && rows[i - 1] === t - 1)) {
    const dw = durbinWatson(series);
    // With periods left out, d centres below 2 under no autocorrelation: the name says where, so nobody reads 1.8 as a flag.
    const name = dw.centre === 2 ? 'Durbin–Watson' : `Durbin–Watson (about ${dw.centre.toFixed(2)} without autocorrelation, as periods without a KPI break pairs)`;
    tests.push({ name, statistic: dw.statistic, pValue: dw.pValue, flag: dw.autocorrelation < 0 ? alternating : auto, flagged: dw.pValue < 0.05 });
  }
  const lags = Math.min(10, Math.floor(n / 5));
  if (lags >= 1) {
    const lb = ljungBox(series, lags);
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
  // A geo-level model's regression has a row per geo and period, within-geo demeaned and weighted by
  // geo size (panelRegression): its VIFs are those of that design, not of the national sums.
  const geo = model.panel === undefined ? null : panelRegression(model, Int32Array.from({ length: periods }, (_, i) => start + i));
  const columns = geo !== null ? [...geo.columns] : [
    ...model.baseline.map((b) => Float64Array.from(b.values.slice(start, fitEnd))),
    // Media enter as saturated adstock (coefficient 1), so a channel the fit zeroed still gets a VIF.
    ...model.channels.map((ch) => channelContribution({ ...ch, coef: 1 }).slice(start, fitEnd)),
  ];
  const vifRows = geo === null ? periods : geo.n;
  const vifs = columns.length >= 2 && vifRows > columns.length + 1 ? varianceInflationFactors(columns, vifRows) : new Float64Array(columns.length).fill(NaN);
  return {
    inSample: rangeFitMetrics(d.actual, d.fitted, start, fitEnd, model) ?? { ...fitMetrics(d.actual, d.fitted, start, fitEnd, model), periods, observed: 0 },
    holdout: model.holdout > 0 ? rangeFitMetrics(d.actual, d.fitted, fitEnd, end, model) : null,
    residualTests: tests,
    vif: names.map((name, j) => ({ name, vif: vifs[j] })),
    largestResiduals: large,
  };
}
