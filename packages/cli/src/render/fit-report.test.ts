import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DiagnosticsResult, SummaryResult } from '@mixwise/engine';
import { checkLine, effectTimingLines, formatFitReport, mroiGapNote, posteriorLine, rmseRatio } from './fit-report.ts';

const channel = (name: string, spend: number, contribution: number) => ({
  name, spend, contribution, roi: spend > 0 ? contribution / spend : NaN, mroi: 0, share_of_spend: 0, share_of_effect: 0, roi_interval: null, cpa: null, immediate_share: 0,
});
const summary = {
  target: 'revenue', periods: 52, window: { start: '2024-01-01', end: '2024-12-23' },
  fit: { r2: 0.9, nrmse: 0.05, mape: 0.04, holdout: null },
  channels: [channel('tv', 1000, 1500), channel('events', 0, 800)],
  baseline: { contribution: 10000, share: 0.8, components: {} },
  totals: { kpi: 12300, fitted: 12300, spend: 1000, mediaContribution: 2300 },
  lift_tests: [{ channel: 'tv', start: '2024-03-04', end: '2024-04-22', measured_through: '2024-05-20', measured: 400, standard_error: 80, predicted: 600, predicted_interval: null, z: 2.5 }],
  warnings: [], roi_prior_note: null,
} as unknown as SummaryResult;
const diagnostics = { residualTests: [], inSample: { periods: 52 } } as unknown as DiagnosticsResult;

test('a channel dark for the whole window gets a note; lift tests show their measured-through date and flag |z| > 2', () => {
  const text = formatFitReport(summary, diagnostics, '(table)\n', ['out/model.json']);
  assert.match(text, /Note: events had no spend in the modeling window; its contribution \(800\) is carryover from spend before 2024-01-01/);
  assert.doesNotMatch(text, /Note: tv/);
  assert.match(text, /tv 2024-03-04…2024-04-22 \(measured through 2024-05-20\): measured 400 ± 80, model 600, z \+2\.5 {2}← the model and the test disagree/);
});

test('a lift test whose point prediction lies outside its replicates\' 90% range says so; inside, nothing is added', () => {
  const at = (predicted: number) => formatFitReport({ ...summary, lift_tests: [{ ...summary.lift_tests[0], predicted, predicted_interval: [300, 500] }] } as SummaryResult, diagnostics, '(table)\n', []);
  assert.match(at(600), /model 600 \(90%: 300–500\); the model's point estimate lies outside that 90% range, z /);
  assert.doesNotMatch(at(450), /outside that 90%/);
});

test('the prose passes a scale: round-off of zero beside a lift test\'s figures reads 0, and 0.996 reads 1, not 1.00', () => {
  const text = formatFitReport({ ...summary, lift_tests: [{ ...summary.lift_tests[0], predicted: 3e-13, predicted_interval: [-2e-13, 0.996] }] } as SummaryResult, diagnostics, '(table)\n', []);
  assert.match(text, /measured 400 ± 80, model 0 \(90%: 0–1\)/);
});

test('a control centred on its mean gets a note after the baseline line: its total is 0 by construction, with its effect per period', () => {
  const marketIndex = { name: 'market_index', reference: 95.45, contribution: 0, low: -35_293, high: 28_010 };
  const text = formatFitReport(summary, diagnostics, '(table)\n', ['out/model.json'], [], [marketIndex]);
  assert.match(text, /\nBaseline \(trend, seasonality, events, controls\): .*\nNote: market_index is measured against its mean \(95\.45\): over the fitted periods its contribution sums to 0 by construction, not for lack of an effect; per period it moved revenue from −35,293 to \+28,010\.\n/);
  assert.doesNotMatch(formatFitReport(summary, diagnostics, '(table)\n', ['out/model.json']), /measured against its mean/);
});

test('posteriorLine: a converged sampler gets one line; a failed one says why and what to try, --target-accept only for divergences', () => {
  const p = { sampler: 'nuts' as const, chains: 4, draws: 500, divergences: 0, max_rhat: 1.004, min_ess: 812, converged: true };
  assert.equal(posteriorLine(p), 'Posterior (NUTS, 4 chains × 500 draws): max R-hat 1.004, min bulk ESS 812, 0 divergent transitions; intervals are 90% credible intervals.'
    + " The point estimate (ROI, contribution, curves) is one posterior draw, the one central in every channel's ROI (search.selectionRule), not the mean or median of the draws; mixwise optimize averages the stored draws' curves instead.");
  const chainsDisagree = posteriorLine({ ...p, max_rhat: 1.03, converged: false });
  assert.match(chainsDisagree, /Warning: not converged: max R-hat 1\.030 ≥ 1\.01 \(the chains disagree\)\. .*run longer \(--warmup, --draws\), or simplify/);
  assert.doesNotMatch(chainsDisagree, /--target-accept/);
  // Next to the 1.01 limit, enough digits that the figure and the verdict agree.
  assert.match(posteriorLine({ ...p, max_rhat: 1.0104, converged: false }), /max R-hat 1\.0104, .*Warning: not converged: max R-hat 1\.0104 ≥ 1\.01/s);
  const divergent = posteriorLine({ ...p, divergences: 12, converged: false });
  assert.match(divergent, /not converged: divergences \(regions the sampler could not follow\)\. .*smaller steps against divergences \(--target-accept 0\.9\)/, 'a fit from before the setting (0.8)');
  assert.match(posteriorLine({ ...p, divergences: 12, converged: false, target_accept: 0.95 }), /--target-accept 0\.99\)/);
  assert.doesNotMatch(posteriorLine({ ...p, divergences: 12, converged: false, target_accept: 0.99 }), /--target-accept/, 'nothing higher to suggest');
});

test('posteriorLine: tree-depth hits and the prior used are shown; over 10% of transitions at the limit is a warning with advice', () => {
  const p = { sampler: 'nuts' as const, chains: 2, draws: 200, divergences: 0, max_rhat: 1.004, min_ess: 812, converged: true, tree_depth_hits: 20, max_tree_depth: 10 };
  const prior = { median: 0.448, sd_log: 1.5, source: 'data-scaled' as const };
  const ok = posteriorLine(p, prior);
  assert.match(ok, /0 divergent transitions, 20 tree-depth hits \(5\.0%\); ROI prior log-normal median 0\.448, σ_log 1\.5 \(weak, scaled to the data\); intervals are 90% credible intervals\. The point estimate .* is one posterior draw, .*averages the stored draws' curves instead\.$/);
  assert.doesNotMatch(ok, /Warning/, '5% of transitions is not frequent');
  const frequent = posteriorLine({ ...p, tree_depth_hits: 90 });
  assert.match(frequent, /90 tree-depth hits \(22\.5%\)/);
  assert.match(frequent, /\nWarning: the sampler hit its tree-depth limit \(1024 leapfrog steps\) in 23% of transitions \(90 of 400\), which makes it inefficient.*--warmup.*lower --target-accept.*--draws\.$/);
});

test('posteriorLine: an infinite or undefined R-hat is not shown as the finite maximum, and says what happened', () => {
  const p = { sampler: 'nuts' as const, chains: 2, draws: 200, divergences: 0, max_rhat: 1.002, min_ess: 812, converged: false,
    stuck_parameters: [{ name: 'tv.log_roi', reason: 'chains-apart' as const }, { name: 'sigma', reason: 'not-moving' as const }] };
  const line = posteriorLine(p);
  assert.match(line, /max R-hat not finite,/);
  assert.doesNotMatch(line, /1\.002/);
  assert.match(line, /Warning: not converged: R-hat infinite for tv\.log_roi \(the chains are stuck at different values\), R-hat undefined for sigma \(the parameter did not move in any chain\)\./);
});

test('formatFitReport prints the sampler\'s warnings once, after its figures, not again from summary.warnings', () => {
  const posterior = { sampler: 'nuts' as const, chains: 2, draws: 200, divergences: 0, max_rhat: 1.03, min_ess: 812, converged: false };
  const warnings = [{ code: 'NOT_CONVERGED', channel: null, message: 'not converged: R-hat ≥ 1.01 (the chains disagree). Treat the intervals with care' }];
  const text = formatFitReport({ ...summary, posterior, warnings } as unknown as SummaryResult, diagnostics, '(table)\n', []);
  assert.equal(text.match(/not converged/g)?.length, 1);
  assert.ok(text.indexOf('Posterior (NUTS') < text.indexOf('Warning: not converged'));
});

test('the Check line gives each flagged test its own reading: autocorrelation and normality failures are not merged', () => {
  const auto = 'residuals are autocorrelated: a missing driver, lag or seasonality, or a trend that bends, which trend changepoints fit';
  const normal = 'residuals are not normal: outliers or a missing event';
  const t = (name: string, pValue: number, flag: string) => ({ name, statistic: 1, pValue, flag, flagged: pValue < 0.05 });
  const both = { residualTests: [
    t('Durbin–Watson', 0.000032, auto), t('Ljung–Box (10 lags)', 0.3, auto),
    t('Jarque–Bera', 0.00043, normal), t('Shapiro–Wilk', 0.2, normal), t("D'Agostino K²", 0.0021, normal),
  ], inSample: { periods: 52 } } as unknown as DiagnosticsResult;
  const text = formatFitReport(summary, both, '(table)\n', ['out/model.json']);
  assert.match(text, new RegExp(`^Check: Durbin–Watson p=0\\.000032 \\(${auto}\\); Jarque–Bera p=0\\.00043, D'Agostino K² p=0\\.0021 \\(${normal}\\)$`, 'm'));
  assert.equal(checkLine(both).match(/autocorrelated/g)?.length, 1, 'one reading per group');
  // Only normality fails: no word of autocorrelation.
  const normalOnly = { residualTests: [t('Durbin–Watson', 0.4, auto), t('Jarque–Bera', 0.001, normal)] } as unknown as DiagnosticsResult;
  assert.equal(checkLine(normalOnly), `Check: Jarque–Bera p=0.0010 (${normal})`);
  assert.equal(checkLine(diagnostics), '');
  assert.doesNotMatch(formatFitReport(summary, diagnostics, '(table)\n', []), /Check:/);
});

test('the fit\'s warnings are printed, one line each', () => {
  const warnings = [{ code: 'SEASONALITY_SHORT_DATA', channel: null, message: 'the data cover 120 days, less than a year' }];
  const text = formatFitReport({ ...summary, warnings } as SummaryResult, diagnostics, '(table)\n', ['out/model.json']);
  assert.match(text, /\nWarning: the data cover 120 days, less than a year\.\n/);
  assert.doesNotMatch(formatFitReport(summary, diagnostics, '(table)\n', []), /Warning:/);
});

test('the mROI note names each channel whose steady-state marginal ROI differs, in the report caption\'s words, and points at optimize', () => {
  assert.equal(mroiGapNote([]), '');
  const one = mroiGapNote([{ channel: 'influencer', historical: 0.31, steadyState: 2.87 }]);
  assert.equal(one, "Note: at a steady spend of the same mean per period the marginal ROI is 2.87 for influencer (mROI 0.31 above): the ROI table's mROI scales the actual, uneven spend, so it can differ; `mixwise optimize` plans on the steady-state figure.");
  const two = mroiGapNote([{ channel: 'influencer', historical: 0.31, steadyState: 2.87 }, { channel: 'social', historical: 0.83, steadyState: 0.41 }]);
  assert.match(two, /2\.87 for influencer \(mROI 0\.31 above\) and 0\.41 for social \(0\.83\):/);
  const text = formatFitReport(summary, diagnostics, 'TABLE', [], [{ channel: 'influencer', historical: 0.31, steadyState: 2.87 }]);
  assert.ok(text.includes(one), text);
  assert.ok(!formatFitReport(summary, diagnostics, 'TABLE', []).includes('steady spend'));
  // With replicate curves the planner's own (averaged) figure is given, as optimize prints it.
  const planned = mroiGapNote([{ channel: 'ooh', historical: 0.79, steadyState: 1.91, planned: 1.22, replicates: 100, plannedFrom: 'bootstrap' }]);
  assert.match(planned, /`mixwise optimize` plans on steady-state curves averaged over the 100 bootstrap replicates, where it is 1\.22 for ooh\.$/);
});

test('a ridge fit prints the ROI prior it used; the default one says it is for revenue', () => {
  const withPrior = { ...summary, roi_prior: { median: Math.exp(0.2), sd_log: 0.9, source: 'default' }, posterior: null } as unknown as SummaryResult;
  assert.match(formatFitReport(withPrior, diagnostics, 'TABLE', []), /\nROI prior, the same for every channel: log-normal with median 1\.22 and σ of log ROI 0\.9, the default, Meridian's for revenue in the spend's currency \(for a pipeline, bookings or margin KPI, whose ROIs run on another scale, give a prior of your own or none\)\.\n/);
  assert.doesNotMatch(formatFitReport({ ...withPrior, roi_prior: null } as SummaryResult, diagnostics, 'TABLE', []), /ROI prior/);
});

test('effectTimingLines: a heading and one aligned line per channel under the table; none for a summary without effect timing', () => {
  const timed = [
    { ...channel('tv', 1000, 1500), effect_timing: { peak_lag: 0, lag_50: 0, lag_90: 3, period: 'week' as const } },
    { ...channel('search', 500, 900), effect_timing: { peak_lag: 9, lag_50: 10, lag_90: 19, period: 'week' as const } },
  ];
  assert.deepEqual(effectTimingLines(timed), [
    'When the effect lands (weeks after the spend, week 0 being the week of the spend; read off the fitted adstock kernel):',
    '  tv      peaks in week 0; half by week 0, 90% by week 3',
    '  search  peaks in week 9; half by week 10, 90% by week 19',
  ]);
  assert.deepEqual(effectTimingLines(summary.channels), []);
  const text = formatFitReport({ ...summary, channels: timed }, diagnostics, '(table)\n', ['out/model.json']);
  assert.match(text, /\(table\)\n\nWhen the effect lands[^\n]*\n {2}tv {6}peaks in week 0; half by week 0, 90% by week 3\n {2}search {2}peaks in week 9[^\n]*\n\nFit: R²/);
  assert.doesNotMatch(formatFitReport(summary, diagnostics, '(table)\n', []), /When the effect lands/);
});

test('with periods left out of the fit, the Fit line and the holdout count the periods with a KPI', () => {
  const holdout = { r2: 0.8, nrmse: 0.07, mape: 0.05, periods: 8, observed: 7 };
  const gappy = { ...summary, fit: { ...summary.fit, holdout } } as unknown as SummaryResult;
  const text = formatFitReport(gappy, { residualTests: [], inSample: { periods: 44, observed: 41 } } as unknown as DiagnosticsResult, '(table)\n', []);
  assert.match(text, /^Fit \(44 periods, 41 with a KPI\): R² 0\.900, .* {2}\| {2}holdout \(8 periods, 7 with a KPI\): R² 0\.800/m);
  assert.match(formatFitReport(summary, diagnostics, '(table)\n', []), /^Fit: R² 0\.900/m);
});

test('the holdout part of the Fit line adds its RMSE relative to the training RMSE (NRMSE divides by each sample\'s own range)', () => {
  const withHoldout = { ...summary, fit: { ...summary.fit, rmse: 1000, holdout: { r2: 0.6, nrmse: 0.2, mape: 0.05, rmse: 1300, periods: 13 } } } as unknown as SummaryResult;
  assert.match(formatFitReport(withHoldout, diagnostics, '(table)\n', []), /holdout \(13 periods\): R² 0\.600, NRMSE 0\.200, MAPE 5\.0%, RMSE 1\.3× training\n/);
  assert.equal(rmseRatio(0, 5), '');
});

test('the normality reading with the dates of the largest residuals is printed once for the three tests that share it', () => {
  const normal = 'residuals are not normal: outliers or a missing event; largest residuals, in robust standard deviations: 2024-11-29 +8.3 and 2023-11-24 +7.1; '
    + '2023-11-24 and 2024-11-29, both above the fit, come back at the same time of year: likely a recurring event the model lacks, so add an event column, 1 on those dates';
  const t = (name: string, pValue: number) => ({ name, statistic: 1, pValue, flag: normal, flagged: true });
  const d = { residualTests: [t('Jarque–Bera', 0.001), t('Shapiro–Wilk', 0.002), t("D'Agostino K²", 0.003)], inSample: { periods: 52 } } as unknown as DiagnosticsResult;
  assert.equal(checkLine(d), `Check: Jarque–Bera p=0.0010, Shapiro–Wilk p=0.0020, D'Agostino K² p=0.0030 (${normal})`);
  assert.equal(formatFitReport(summary, d, '(table)\n', []).match(/2024-11-29/g)?.length, 2);
});

test('no negative zero in the Fit line or a lift test\'s z: an R² of -0.0004 reads 0.000 and a z of -0.04 reads +0.0', () => {
  const near = { ...summary, fit: { ...summary.fit, r2: -0.0004 }, lift_tests: [{ ...summary.lift_tests[0], z: -0.04 }] } as unknown as SummaryResult;
  const text = formatFitReport(near, diagnostics, '(table)\n', []);
  assert.match(text, /^Fit: R² 0\.000, NRMSE/m);
  assert.match(text, /, z \+0\.0\n/);
  assert.doesNotMatch(text, /-0\.0/);
  const negative = { ...summary, fit: { ...summary.fit, r2: -0.25 }, lift_tests: [{ ...summary.lift_tests[0], z: -2.46 }] } as unknown as SummaryResult;
  assert.match(formatFitReport(negative, diagnostics, '(table)\n', []), /R² -0\.250[\s\S]*z -2\.5 {2}← the model and the test disagree/);
});
