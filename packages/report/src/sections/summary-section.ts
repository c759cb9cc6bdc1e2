import { blendedHeadline, executiveKpis, formatAmount, formatCompact, formatPercent, formatRoi, roiLabel } from '@mixwise/charts';
import { fitWarningHeadline, kpiMoney, limitTag, WIDE_INTERVAL_RATIO, type ChannelSummary, type MoneyFormat } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { htmlTable, roiCell, type Cell } from '../html-table.ts';
import { isMoved, type Recommendation } from '../recommendation.ts';
import { section, type SectionContext } from './section-context.ts';

/**
 * The executive summary at the top of the report: the headline figures; what to grow and cut and by
 * how much, with the predicted lift and its interval; how sure the model is per channel (ROI with its
 * 90% range and a reading in words); and the cautions that matter most (moves a limit decides, grown
 * channels whose range reaches 0, the fit's warnings by their plain headline). Details follow in the
 * business sections and the technical appendix.
 * @example summarySection(ctx).startsWith('<section id="summary">') // true
 */
export function summarySection(ctx: SectionContext): string {
  const { summary, model } = ctx;
  const k = executiveKpis(summary, model.target.kind);
  const blended = blendedHeadline(k, summary.target);
  const card = (label: string, field: string, value: number, text: string, hint?: string) =>
    `<div class="kpi" data-field="${field}" data-value="${Number.isFinite(value) ? String(value) : ''}"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(text)}</div>`
    + `${hint !== undefined ? `<div class="hint">${escapeHtml(hint)}</div>` : ''}</div>`;
  const cards = `<div class="kpis">${[
    card('Total media spend', 'totalSpend', k.totalSpend, formatCompact(k.totalSpend, model.money)),
    card(`Attributed ${summary.target}`, 'attributedRevenue', k.attributedRevenue, formatCompact(k.attributedRevenue, kpiMoney(model.money, model.target.kind))),
    card(blended.label, blended.field, blended.value, Number.isFinite(blended.value) ? formatRoi(blended.value) : 'n/a', blended.meaning),
    card('Baseline share', 'baselineShare', k.baselineShare, formatPercent(k.baselineShare)),
  ].join('')}</div>`;
  const revenue = model.target.kind !== 'count';
  const name = roiLabel(model.target.kind);
  const rows = summary.channels.map((c) => ({
    key: c.name,
    cells: [
      { text: c.name },
      roiCell(c.roi, 'roi'),
      c.roi_interval !== null ? { text: `${formatRoi(c.roi_interval[0])} – ${formatRoi(c.roi_interval[1])}`, field: 'roi_interval' } : { text: 'n/a', field: 'roi_interval' },
      { text: confidenceText(c, revenue), field: 'reading' } satisfies Cell,
    ],
  }));
  const cautions = cautionItems(ctx);
  return section('summary', 'Executive summary', [
    `<p>${escapeHtml(`${summary.target}, ${summary.periods} periods from ${summary.window.start} to ${summary.window.end}. Media drove ${formatPercent(1 - k.baselineShare)} of it; the rest is the baseline (trend, seasonality, events, controls).`)}</p>`,
    cards,
    '<h3>What to do</h3>',
    movesHtml(ctx.recommendation, summary.target, model.money, kpiMoney(model.money, model.target.kind)),
    `<h3>How sure the model is, per channel</h3>`,
    htmlTable(['channel', `${name} (over the window)`, '90% range', 'reading'], rows, 'confidence'),
    `<p class="note">${escapeHtml(`${name} = ${summary.target} credited to the channel per unit of its spend over the window, as spend actually ran. The range is where the true figure lies with 90% probability by the model's own uncertainty${revenue ? '; break-even is 1' : ''}.`)}</p>`,
    ...(cautions.length > 0 ? ['<h3>Cautions</h3>', `<ul class="cautions">${cautions.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`] : []),
    '<p class="note">The business sections follow (ROI, contributions, response curves, the recommendation in full), then the technical appendix (fit, parameters, alternative models, diagnostics) and a <a href="#glossary">glossary</a> of the terms.</p>',
  ].join(''));
}

/**
 * A channel's 90% ROI range in words: whether it pays back (revenue KPI: the whole range above 1, below
 * 1, or straddling it), and whether the range reaches 0 or is very wide (top ≥ WIDE_INTERVAL_RATIO × bottom).
 * @example confidenceText({ roi: 3.79, roi_interval: [0, 38.65] }, true) // 'may or may not pay back; the range reaches 0: the data do not rule out no effect'
 */
export function confidenceText(c: Pick<ChannelSummary, 'roi' | 'roi_interval'>, revenue: boolean): string {
  const iv = c.roi_interval;
  if (iv === null) return 'no range (the fit has no replicates)';
  const parts: string[] = [];
  if (revenue) parts.push(iv[0] >= 1 ? 'pays back: the whole range is above break-even' : iv[1] < 1 ? 'below break-even: returns less than it costs' : 'may or may not pay back');
  if (iv[0] < 0.005) parts.push('the range reaches 0: the data do not rule out no effect');
  else if (iv[1] >= WIDE_INTERVAL_RATIO * iv[0]) parts.push('very wide range: the return is poorly known');
  else if (!revenue) parts.push('measured with a usable range');
  return parts.join('; ');
}

/**
 * The moves as a list ('Grow tv by +100.0% (14,844 → 29,687 per period, at its 2× upper limit)') and the predicted lift with its interval;
 * spend in the model's currency (`money`), the KPI in `kpiUnits` (the currency for a revenue KPI, none for a count).
 */
function movesHtml(r: Recommendation | null, kpi: string, money?: MoneyFormat, kpiUnits?: MoneyFormat): string {
  if (r === null) return '<p>The optimizer found no feasible reallocation within the default limits (see Recommendation).</p>';
  const unit = r.mode === 'plan' ? `over ${r.periods} periods` : 'per period';
  const moved = r.channels.filter(isMoved)
    .sort((a, b) => Math.abs(b.recommended - b.current) - Math.abs(a.recommended - a.current));
  if (moved.length === 0) return `<p class="recommendation">${escapeHtml(`Keep the current split: no channel moves by more than 1%. ${r.text}`)}</p>`;
  const items = moved.map((c) => {
    const verb = c.recommended > c.current ? 'Grow' : 'Cut';
    const pct = c.current > 0 ? ` by ${formatPercent(Math.abs(c.recommended / c.current - 1))}` : '';
    return `<li data-key="${escapeHtml(c.channel)}">${escapeHtml(`${verb} ${c.channel}${pct} (${formatAmount(c.current, money)} → ${formatAmount(c.recommended, money)} ${unit}${limitTag(c)})`)}</li>`;
  });
  const held = r.channels.length - moved.length;
  const e = r.expected, iv = r.liftInterval;
  const share = e.current !== 0 ? ` (${e.lift >= 0 ? '+' : ''}${formatPercent(e.lift / e.current)})` : '';
  const range = iv !== null ? `; 90% range ${signed(iv[0], kpiUnits)} to ${signed(iv[1], kpiUnits)}${iv[0] <= 0 ? ', which includes no gain at all' : ''}` : '';
  const total = Math.abs(r.budget - r.currentBudget) <= 1e-6 * Math.max(1, r.currentBudget) ? `Same total budget (${formatAmount(r.budget, money)} ${unit})` : `Total budget ${formatAmount(r.currentBudget, money)} → ${formatAmount(r.budget, money)} ${unit}`;
  return [
    `<p>${escapeHtml(`${total}:`)}</p>`,
    `<ul class="moves">${items.join('')}${held > 0 ? `<li>${escapeHtml(`Hold the other ${held} channel${held === 1 ? '' : 's'} as now.`)}</li>` : ''}</ul>`,
    `<p class="recommendation" data-lift="${String(e.lift)}">${escapeHtml(`Expected ${kpi} ${unit}: ${formatAmount(e.current, kpiUnits)} → ${formatAmount(e.recommended, kpiUnits)}, ${signed(e.lift, kpiUnits)}${share}${range}.`)}</p>`,
  ].join('');
}

/** An amount with its sign, in `units` when given. */
function signed(v: number, units?: MoneyFormat): string {
  return `${v >= 0 ? '+' : ''}${formatAmount(v, units)}`;
}

/** Fit warnings by how much they change the trust in the figures, most first; others follow in their order. */
const WARNING_PRIORITY: readonly string[] = ['POOR_FIT', 'NOT_CONVERGED', 'LIFT_TEST_CONFLICT', 'LONG_DELAY', 'SPARSE_SPEND', 'PARAMETER_AT_BOUND', 'UNOBSERVED_LOW_SPEND', 'WRONG_SIGN_CONTROL'];

/**
 * The cautions that matter, most important first, at most three lines: the moves a limit decides,
 * grown channels whose ROI range reaches 0 or is very wide, and the fit's warnings by headline (the
 * first one named, the rest counted, all in the appendix).
 */
function cautionItems(ctx: SectionContext): string[] {
  const out: string[] = [];
  const r = ctx.recommendation;
  const moved = r === null ? [] : r.channels.filter(isMoved);
  const limited = moved.filter((c) => c.status === 'at-upper' || c.status === 'at-lower');
  if (limited.length > 0) {
    out.push(`${limited.map((c) => c.channel).join(', ')}: the plan stops at a limit (${limited.length === 1 ? 'its' : 'their'} allowed range around current spend), so a limit, not the model, sets ${limited.length === 1 ? 'that figure' : 'those figures'}. The model would go further; test a move that large before committing to it.`);
  }
  const intervals = new Map(ctx.summary.channels.map((c) => [c.name, c.roi_interval]));
  const weak = moved.filter((c) => c.recommended > c.current).filter((c) => {
    const iv = intervals.get(c.channel);
    return iv !== null && iv !== undefined && (iv[0] < 0.005 || iv[1] >= WIDE_INTERVAL_RATIO * iv[0]);
  });
  if (weak.length > 0) {
    const zero = weak.every((c) => (intervals.get(c.channel)?.[0] ?? 0) < 0.005);
    const whose = weak.length === 1 ? 'whose ROI range' : 'whose ROI ranges';
    out.push(`The plan grows ${weak.map((c) => c.channel).join(', ')}, ${whose} ${zero ? (weak.length === 1 ? 'reaches 0' : 'reach 0') : 'reach 0 or are very wide'}: the extra spend may return little. Grow in steps and measure (a lift test or geo experiment).`);
  }
  // The warning that most changes how far to trust the figures comes first.
  const rank = (code: string): number => { const i = WARNING_PRIORITY.indexOf(code); return i < 0 ? WARNING_PRIORITY.length : i; };
  const warnings = [...ctx.summary.warnings].sort((a, b) => rank(a.code) - rank(b.code));
  if (warnings.length > 0) {
    const first = fitWarningHeadline(warnings[0]);
    out.push(`${first}.${warnings.length > 1 ? ` ${warnings.length - 1} more warning${warnings.length === 2 ? '' : 's'}` : ' Details'} in the appendix (Fit → Warnings).`);
  }
  return out;
}
