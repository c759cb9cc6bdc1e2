import { actualVsFitted, formatAmount, formatPercent, formatRatio, formatSignificant } from '@mixwise/charts';
import { effectTimingCaption, effectTimingText, fitWarningHeadline, periodWord, type ChannelSummary, type FitMetrics } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable, type Cell } from '../html-table.ts';
import { chartFigure, section, type SectionContext } from './section-context.ts';
import { actualVsFittedCaption } from './fit-caption.ts';

/**
 * A fit metric as text: 'n/a' for one that cannot be computed — NaN or ±Infinity in memory, null once
 * read back from diagnostics.json (JSON has no NaN), which formatRatio would print as −∞.
 * @example metricText(null, formatRatio) // 'n/a'
 */
export function metricText(v: number | null, format: (v: number) => string): string {
  return v === null || !Number.isFinite(v) ? 'n/a' : format(v);
}

const METRICS: readonly { key: keyof FitMetrics; label: string; format: (v: number) => string }[] = [
  { key: 'r2', label: 'R²', format: (v) => formatRatio(v) },
  { key: 'adj_r2', label: 'adjusted R²', format: (v) => formatRatio(v) },
  { key: 'nrmse', label: 'NRMSE', format: (v) => formatSignificant(v, 3) },
  { key: 'mape', label: 'MAPE', format: (v) => formatPercent(v) },
  { key: 'wmape', label: 'WMAPE', format: (v) => formatPercent(v) },
  { key: 'rmse', label: 'RMSE', format: (v) => formatAmount(v) },
  { key: 'mae', label: 'MAE', format: (v) => formatAmount(v) },
];

/**
 * The fit's warnings (a plain headline, then the detail), fit metrics in sample and on the holdout,
 * actual vs fitted, and the fitted channel parameters: the technical appendix's first section (the
 * headline numbers are in the executive summary).
 * @example fitSection(ctx).startsWith('<section id="fit">') // true
 */
export function fitSection(ctx: SectionContext): string {
  const { model, summary, diagnostics } = ctx;
  const holdout = diagnostics.holdout;
  const metricRows = METRICS.map((m) => ({
    key: m.key,
    cells: [
      { text: m.label },
      // A metric read back from diagnostics.json may be null (JSON has no NaN or Infinity).
      { text: metricText(diagnostics.inSample[m.key] as number | null, m.format), value: diagnostics.inSample[m.key], field: `in_sample.${m.key}` },
      ...(holdout !== null ? [{ text: metricText(holdout[m.key] as number | null, m.format), value: holdout[m.key], field: `holdout.${m.key}` } satisfies Cell] : []),
    ],
  }));
  const headers = ['metric', `in sample (${scoredPeriods(diagnostics.inSample)})`, ...(holdout !== null ? [`holdout (${scoredPeriods(holdout)})`] : [])];
  const timing = (name: string): ChannelSummary['effect_timing'] => summary.channels.find((c) => c.name === name)?.effect_timing;
  const long = new Set(summary.warnings.filter((w) => w.code === 'LONG_DELAY').map((w) => w.channel));
  const params = model.channels.map((ch) => ({
    key: ch.name,
    cells: [
      { text: ch.name },
      { text: describeSpec(ch.adstock) + ` (max lag ${ch.maxLag})` },
      // A delay the LONG_DELAY warning flags is marked where it is read.
      long.has(ch.name) ? { text: `${effectLands(timing(ch.name))} (unusually late: see Warnings)`, field: 'effect_timing', className: 'flag' } : { text: effectLands(timing(ch.name)), field: 'effect_timing' },
      { text: describeSpec(ch.saturation) },
      amountCell(ch.scale, 'scale'),
      amountCell(ch.coef, 'coef'),
    ],
  }));
  return section('fit', 'Fit', [
    `<p>${escapeHtml(`${summary.target}, ${summary.periods} periods from ${summary.window.start} to ${summary.window.end}.`)}</p>`,
    // summary.warnings (fitWarnings): read before the figures, so they stand above them; each opens
    // with what it means in plain words (fitWarningHeadline), then the detail and what to do.
    ...(summary.warnings.length > 0 ? [`<h3 id="warnings">Warnings</h3>`] : []),
    ...summary.warnings.map((w) => `<p class="warning" data-code="${w.code}"><strong>${escapeHtml(`${fitWarningHeadline(w)}.`)}</strong> ${escapeHtml(`Detail: ${w.message}.`)}</p>`),
    '<h3>Fit metrics</h3>',
    htmlTable(headers, metricRows, 'metrics'),
    `<p class="note">${escapeHtml('R² is the share of the KPI\'s ups and downs the model reproduces; NRMSE, MAPE and WMAPE are its typical errors (lower is better); the holdout column scores periods the fit did not see (see the glossary).')}</p>`,
    chartFigure('actual-vs-fitted', `Actual and fitted ${summary.target} over time`, actualVsFitted(model, ctx.decomposition), actualVsFittedCaption(model, summary.target), ctx.size),
    '<h3>Fitted channel parameters</h3>',
    htmlTable(['channel', 'adstock', 'effect lands', 'saturation', 'scale', 'coefficient'], params, 'parameters'),
    `<p class="note">${escapeHtml(`Effect lands: ${effectTimingCaption(periodWord(model.frequency))}. With saturation after the carryover, the share of the ${summary.target} effect by a lag is close to, not exactly, the weight share.`)}</p>`,
  ].join(''));
}

/** 'peaks in week 9; half by week 10, 90% by week 19' (effectTimingText), 'n/a' without a timing. */
function effectLands(t: ChannelSummary['effect_timing']): string {
  return t ? effectTimingText(t) : 'n/a';
}

/** `hill(halfSaturation 0.86, shape 3)` from a tagged spec. */
function describeSpec(spec: { readonly type: string }): string {
  const params = Object.entries(spec).filter(([k]) => k !== 'type').map(([k, v]) => `${k} ${typeof v === 'number' ? formatSignificant(v, 3) : String(v)}`);
  return `${spec.type}(${params.join(', ')})`;
}

/** "156 periods", or "156 periods, 152 with a KPI" when some were left out of the fit (skip_missing_kpi). */
function scoredPeriods(m: { readonly periods: number; readonly observed?: number }): string {
  return `${m.periods} periods${m.observed === undefined ? '' : `, ${m.observed} with a KPI`}`;
}
