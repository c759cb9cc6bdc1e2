import { exposureMediaText, BAYES_POINT_TEXT, centredControlsText, drawsName, effectBuildUpText, effectTimingCaption, effectTimingText, listText, liftTestDisagrees, roiPriorSentence, MROI_SCALES_HISTORY, posteriorWarnings, rhatText, treeDepthShare, type CentredControl, type MroiGap, type SummaryResult, type DiagnosticsResult, type PosteriorSummary } from '@mixwise/engine';
import { formatFixedOrSignificant, formatNumber, formatRoi, formatShare, formatSignedNumber } from './format.ts';

/** Codes of summary.warnings that posteriorLine prints right after the sampler's figures. */
/** The largest magnitude among figures shown together: formatFixedOrSignificant's scale, so round-off of zero beside them reads 0. */
function scaleOf(values: readonly (number | undefined)[]): number {
  return values.reduce<number>((m, v) => (v !== undefined && Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
}

const POSTERIOR_WARNING_CODES: readonly string[] = ['NOT_CONVERGED', 'TREE_DEPTH_LIMIT'];

/**
 * The Bayesian fit's sampler: what ran, R-hat, ESS, divergences, tree-depth hits and the ROI prior it
 * used, what the point estimate is (BAYES_POINT_TEXT), then its warnings (posteriorWarnings: why it did not
 * converge and what to do, a frequent tree-depth limit).
 * @param p summary.json's posterior record
 * @param prior summary.json's roi_prior (the sampler's prior), when known
 */
export function posteriorLine(p: PosteriorSummary, prior: SummaryResult['roi_prior'] = null): string {
  const stuck = p.stuck_parameters ?? [];
  // A non-finite R-hat is never shown as the finite maximum: the chains are stuck or a parameter never moved.
  const rhat = stuck.length > 0 ? 'not finite' : rhatText(p.max_rhat);
  const depth = p.tree_depth_hits === undefined ? '' : `, ${p.tree_depth_hits} tree-depth hits (${formatShare(treeDepthShare(p))})`;
  const sources = { given: 'given', default: 'default', 'data-scaled': 'weak, scaled to the data' };
  const priorText = prior === null ? '' : `; ROI prior log-normal median ${prior.median.toPrecision(3)}, σ_log ${prior.sd_log}${prior.source ? ` (${sources[prior.source]})` : ''}`;
  const head = `Posterior (NUTS, ${p.chains} chains × ${p.draws} draws): max R-hat ${rhat}, min bulk ESS ${Math.round(p.min_ess)}, ${p.divergences} divergent transitions${depth}${priorText}`;
  const warnings = posteriorWarnings(p).map((w) => `\nWarning: ${w.message}.`).join('');
  return `${head}${p.converged ? '; intervals are 90% credible intervals.' : '.'} ${BAYES_POINT_TEXT}.${warnings}`;
}

/**
 * The 'Check:' line of the flagged residual tests ('' when none is flagged). Each test is followed by
 * its own reading; tests with the same reading (the autocorrelation tests, the normality tests) share one.
 * @example checkLine(diagnostics) // 'Check: Durbin–Watson p=0.011 (residuals are autocorrelated: …); Jarque–Bera p=0.0004 (residuals are not normal: …)'
 */
export function checkLine(diagnostics: DiagnosticsResult): string {
  const groups = new Map<string, string[]>();
  for (const t of diagnostics.residualTests.filter((r) => r.flagged)) {
    groups.set(t.flag, [...(groups.get(t.flag) ?? []), `${t.name} p=${t.pValue.toPrecision(2)}`]);
  }
  if (groups.size === 0) return '';
  return `Check: ${[...groups].map(([flag, tests]) => `${tests.join(', ')} (${flag})`).join('; ')}`;
}

/**
 * The note under the channel table for channels whose mROI and steady-state marginal ROI differ
 * materially (mroiGaps): both figures, why (the report's caption sentence), and where the steady-state
 * one is used. '' when none differ.
 * @example mroiGapNote([{ channel: 'influencer', historical: 0.31, steadyState: 2.55 }]) // 'Note: at a steady spend of the same mean per period the marginal ROI is 2.55 for influencer (mROI 0.31 above): …'
 */
export function mroiGapNote(gaps: readonly MroiGap[]): string {
  if (gaps.length === 0) return '';
  const items = gaps.map((g, i) => `${formatRoi(g.steadyState)} for ${g.channel} (${i === 0 ? 'mROI ' : ''}${formatRoi(g.historical)}${i === 0 ? ' above' : ''})`);
  // By default the planner averages the replicates' curves, so its figure can differ again: give it.
  const planned = gaps.filter((g) => g.planned !== undefined);
  const plan = planned.length === 0 ? 'the steady-state figure'
    : `steady-state curves averaged over the ${planned[0].replicates} ${drawsName(planned[0].plannedFrom ?? 'bootstrap').plural}, where it is ${listText(planned.map((g) => `${formatRoi(g.planned ?? NaN)} for ${g.channel}`))}`;
  return `Note: at a steady spend of the same mean per period the marginal ROI is ${listText(items)}: ${MROI_SCALES_HISTORY}; \`mixwise optimize\` plans on ${plan}.`;
}

/**
 * When each channel's effect lands (summary.json effect_timing), a heading and a line per channel with
 * the names aligned; none when the summary has no effect timing (one written before it was recorded).
 * @example effectTimingLines(summary.channels) // ['When the effect lands (weeks after the spend, …):', '  tv      peaks in week 0; half by week 0, 90% by week 3', …]
 */
export function effectTimingLines(channels: SummaryResult['channels']): string[] {
  const timed = channels.flatMap((c) => (c.effect_timing ? [{ name: c.name, timing: c.effect_timing }] : []));
  if (timed.length === 0) return [];
  const width = timed.reduce((m, c) => Math.max(m, c.name.length), -Infinity);
  return [
    `When the effect lands (${effectTimingCaption(timed[0].timing.period)}):`,
    ...timed.map((c) => `  ${c.name.padEnd(width)}  ${effectTimingText(c.timing)}`),
  ];
}

/**
 * One line for the organic media after the channel table (none without them): each one's contribution
 * against zero exposure (with its 90% interval when the fit has replicates: bootstrap refits or posterior draws) and its share of the fitted KPI. No ROI: they have no spend.
 * @example organicLines([{ name: 'newsletter', exposure: 4.6e6, contribution: 6.4e6, share_of_kpi: 0.017, effect_timing: { peak_lag: 0, lag_50: 0, lag_90: 3, period: 'week' } }])
 * // ['Organic media (no spend, so no ROI; measured against zero exposure): newsletter 6,400,000 (1.7% of the fitted KPI; half by week 0, 90% by week 3)', '']
 */
export function organicLines(organic: SummaryResult['organic']): string[] {
  if (organic === undefined || organic.length === 0) return [];
  const scale = scaleOf(organic.flatMap((o) => [o.contribution, ...(o.contribution_interval ?? [])]));
  const sig = (v: number): string => formatFixedOrSignificant(v, 0, { scale });
  const parts = organic.map((o) => `${o.name} ${sig(o.contribution)}${o.contribution_interval ? ` [90%: ${sig(o.contribution_interval[0])}–${sig(o.contribution_interval[1])}]` : ''} (${formatShare(o.share_of_kpi)} of the fitted KPI; ${effectBuildUpText(o.effect_timing)})`);
  return [`Organic media (no spend, so no ROI; measured against zero exposure): ${parts.join(', ')}`, ''];
}

/** The exposureMediaText line and a blank line, or nothing when every channel was modelled on spend. */
function exposureLines(channels: SummaryResult['channels']): string[] {
  const text = exposureMediaText(channels);
  return text === null ? [] : [`${text}.`, ''];
}

/**
 * The text printed after a fit: the channel table, when each channel's effect lands, fit quality in and out of sample, flagged residual
 * tests and where the files are; with mroiGaps, a note on the channels whose mROI a planner reads differently;
 * with centredControls, what the controls measured against their mean did (their total is 0 by construction).
 * @example formatFitReport(summary, diagnostics, renderChannelTable(summary.channels), ['out/model.json'])
 */
export function formatFitReport(summary: SummaryResult, diagnostics: DiagnosticsResult, channelTable: string, files: readonly string[], gaps: readonly MroiGap[] = [], controls: readonly CentredControl[] = [], geoSection = ''): string {
  const f = summary.fit;
  const lines = [
    '',
    `Marketing mix model of ${summary.target}: ${summary.periods} periods, ${summary.window.start} to ${summary.window.end}`,
    '',
    // The rendered table ends in a newline: trim it so one blank line follows, not two.
    channelTable.replace(/\n+$/, ''),
    '',
    ...exposureLines(summary.channels),
    ...organicLines(summary.organic),
    ...effectTimingLines(summary.channels),
    ...(summary.channels.some((c) => c.effect_timing) ? [''] : []),
    `Fit${scored(diagnostics.inSample)}: R² ${formatNumber(f.r2, 3)}, NRMSE ${f.nrmse.toFixed(3)}, MAPE ${formatShare(f.mape)}` +
      (f.holdout ? `  |  holdout (${f.holdout.periods} periods${scoredCount(f.holdout)}): R² ${formatNumber(f.holdout.r2, 3)}, NRMSE ${f.holdout.nrmse.toFixed(3)}, MAPE ${formatShare(f.holdout.mape)}${rmseRatio(f.rmse, f.holdout.rmse)}` : ''),
    `Baseline (trend, seasonality, events, controls${summary.organic !== undefined && summary.organic.length > 0 ? ', organic media' : ''}): ${formatShare(summary.baseline.share)} of the fitted KPI; media: ${formatShare(summary.totals.mediaContribution / summary.totals.fitted)}`,
  ];
  // A control measured against its mean sums to 0 over the fitted periods: say so, with what it did per period.
  if (controls.length > 0) lines.push(`Note: ${centredControlsText(controls, summary.target)}`);
  // A channel dark for the whole window is credited only through carryover from before it: say so.
  for (const c of summary.channels.filter((ch) => !(ch.spend > 0) && ch.contribution > 0)) {
    lines.push(`Note: ${c.name} had no spend in the modeling window; its contribution (${formatFixedOrSignificant(c.contribution, 0, { scale: scaleOf(summary.channels.map((ch) => ch.contribution)) })}) is carryover from spend before ${summary.window.start}, as the fitted adstock says — start the window earlier (--start) to see that spend, or drop the channel.`);
  }
  const gapNote = mroiGapNote(gaps);
  if (gapNote !== '') lines.push(gapNote);
  if (summary.roi_prior_note !== null) lines.push(`Note: ${summary.roi_prior_note}.`);
  // A ridge fit's prior shrinks every ROI toward its median: say which one (a Bayesian fit's line below does).
  if (summary.roi_prior && !summary.posterior) lines.push(roiPriorSentence(summary) ?? '');
  for (const w of summary.warnings.filter((x) => !(summary.posterior && POSTERIOR_WARNING_CODES.includes(x.code)))) lines.push(`Warning: ${w.message}.`);
  if (summary.posterior) lines.push(posteriorLine(summary.posterior, summary.roi_prior));
  if (summary.lift_tests.length > 0) {
    lines.push('', 'Lift tests (measured vs the model\'s lift — what the test dates\' spend added through the measured dates —, z in standard errors of the test):');
    for (const t of summary.lift_tests) {
      const scale = scaleOf([t.measured, t.standard_error, t.predicted, ...(t.predicted_interval ?? [])]);
      const sig = (v: number): string => formatFixedOrSignificant(v, 0, { scale });
      const iv = t.predicted_interval ? ` (90%: ${sig(t.predicted_interval[0])}–${sig(t.predicted_interval[1])})` : '';
      const warn = liftTestDisagrees(t) ? '  ← the model and the test disagree' : '';
      // The point model is one fit and the range comes from the bootstrap refits: nothing puts the one inside the other.
      const outside = t.predicted_interval && (t.predicted < t.predicted_interval[0] || t.predicted > t.predicted_interval[1])
        ? '; the model\'s point estimate lies outside that 90% range' : '';
      const through = t.measured_through !== t.end ? ` (measured through ${t.measured_through})` : '';
      const where = t.geos === undefined ? t.channel : `${t.channel} in ${t.geos.join(', ')}`;
      lines.push(`  ${where} ${t.start}…${t.end}${through}: measured ${sig(t.measured)} ± ${sig(t.standard_error)}, model ${sig(t.predicted)}${iv}${outside}, z ${formatSignedNumber(t.z, 1)}${warn}`);
    }
  }
  const check = checkLine(diagnostics);
  if (check !== '') lines.push(check);
  // A geo-level model's per-geo table (renderGeoSection), after the national figures.
  if (geoSection !== '') lines.push('', geoSection.replace(/\n+$/, ''));
  lines.push('', 'Wrote:', ...files.map((p) => `  ${p}`), '');
  return lines.join('\n');
}

/**
 * ", RMSE 1.3× training": the holdout's RMSE over the training RMSE, in the KPI's own units. NRMSE
 * divides each sample's RMSE by that sample's own KPI range, and a short holdout has a small range,
 * so its NRMSE looks worse than the training NRMSE even for the same size of errors; '' when undefined.
 * @example rmseRatio(100, 130) // ', RMSE 1.3× training'
 */
export function rmseRatio(training: number, holdout: number): string {
  if (!(training > 0) || !Number.isFinite(holdout)) return '';
  return `, RMSE ${(holdout / training).toFixed(1)}× training`;
}

/** ", 140 with a KPI" when some periods of a sample were left out of the fit (skip_missing_kpi), else ''. */
function scoredCount(m: { readonly observed?: number }): string {
  return m.observed === undefined ? '' : `, ${m.observed} with a KPI`;
}

/** " (148 periods, 140 with a KPI)" for the in-sample metrics when some periods have no KPI, else ''. */
function scored(m: { readonly periods: number; readonly observed?: number }): string {
  return m.observed === undefined ? '' : ` (${m.periods} periods${scoredCount(m)})`;
}
