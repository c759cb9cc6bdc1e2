import {
  drawsName, geoSplitNowText, keepsCurrentSpend, kpiMoney, planHolidaysText, planKpiSplitText, proseAmount, referencePeriodsText, signedAmount, signedPercent, type ChannelBounds, type MoneyFormat, type SpendBound,
} from '@mixwise/engine';
import { roiLabel, type KpiKind } from '@mixwise/charts';
import { formatNumber, formatRoi, formatShare } from '../render/format.ts';
import { renderTable } from '../render/table.ts';
import type { OptimizationChannel, OptimizationOutput, ScenarioRow } from './optimize-output.ts';
import { geoSplitNowOfFile } from './optimize-geo-split.ts';

// The terminal tables keep one sign style with the CLI's other numbers (formatNumber's '-'); prose uses the engine's '−'.
const signedPct = (v: number | null): string => { const t = formatShare(v); return t.startsWith('-') || t === formatShare(null) ? t : `+${t}`; };
/** A signed whole amount; one that rounds to 0 is '+0' (formatNumber already drops the minus of '-0'). */
const signed = (v: number): string => { const t = formatNumber(v); return t.startsWith('-') || t === formatNumber(null) ? t : `+${t}`; };
const arrow = (a: number | null, b: number | null): string => `${formatRoi(a)} → ${formatRoi(b)}`;
/**
 * An ROI beside its spend: none ('–') where the spend is zero up to round-off (1e-9 of the larger
 * budget), as a return on no spend is 0/0 (round-off gives 3.8e-16). Relative, not a currency
 * amount: spend in scaled units (PyMC's examples spend 0.16–0.31 a week) keeps its ROIs.
 */
const roiAt = (spend: number, roi: number | null, scale: number): number | null => (Math.abs(spend) <= 1e-9 * scale ? null : roi);
const BOUND: Record<OptimizationChannel['bound'], string> = { free: '', 'at-lower': 'lower', 'at-upper': 'upper', locked: 'locked' };
const BEYOND = { below: 'below data', above: 'above data' } as const;

/**
 * Word-wrap a paragraph to a width (words longer than the width stay whole).
 * @example wrap('aa bb cc', 5) // 'aa bb\ncc'
 */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  // Never at a no-break space (U+00A0, U+202F): Intl puts one between an amount and its symbol (1.234 €).
  for (const word of text.split(/[^\S\u00a0\u202f]+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * The allocation table: channel, current, recommended, change %, ROI now → after ("KPI per spend now
 * → after" for a count KPI, as the fit table names it: roiLabel), mROI now → after,
 * the bound that holds the channel, and — when a recommendation lies outside
 * the spend levels the data cover, or a channel spent in few fitted periods — a "data" column that
 * says so (dataCell); a total row.
 * @param out the optimization result
 * @param kind the KPI's kind (model.target.kind), which names the ROI column
 * @param money the spend's currency and locale (none: plain numbers)
 * @example allocationTable(out) // 'channel  current  recommended  change  ROI now → after …'
 */
export function allocationTable(out: OptimizationOutput, kind: KpiKind = 'revenue', money?: MoneyFormat): string {
  const total: OptimizationChannel = {
    channel: 'total', current: out.current_budget, recommended: out.budget, change: out.budget - out.current_budget,
    change_share: out.current_budget > 0 ? (out.budget - out.current_budget) / out.current_budget : null,
    roi_current: null, roi_recommended: null, mroi_current: null, mroi_recommended: null, bound: 'free', lower: 0, upper: null,
  };
  const rows = [...out.allocation, total];
  const scale = Math.max(Math.abs(out.current_budget), Math.abs(out.budget));
  return renderTable<OptimizationChannel>([
    { header: 'channel', value: (r) => r.channel },
    { header: 'current', value: (r) => r.current, format: 'number', money },
    { header: 'recommended', value: (r) => r.recommended, format: 'number', money },
    { header: 'change', value: (r) => signedPct(r.change_share), format: 'number' },
    { header: `${roiLabel(kind)} now → after`, value: (r) => (r === total ? '' : arrow(roiAt(r.current, r.roi_current, scale), roiAt(r.recommended, r.roi_recommended, scale))), format: 'number' },
    { header: 'mROI now → after', value: (r) => (r === total ? '' : arrow(r.mroi_current, r.mroi_recommended)), format: 'number' },
    { header: 'bound', value: (r) => boundCell(r, out.periods) },
    ...(out.allocation.some((a) => a.beyond_data || a.sparse_data) ? [{ header: 'data', value: dataCell }] : []),
  ], rows);
}

/**
 * The data column: where the recommendation lies against the levels the data cover, and for a channel
 * that spent in few fitted periods how many ('below data; spent 3/156').
 * @example dataCell({ beyond_data: 'below', sparse_data: { periods_with_spend: 3, fitted_periods: 156, reason: 'few' } }) // 'below data; spent 3/156'
 */
export function dataCell(r: Pick<OptimizationChannel, 'beyond_data' | 'sparse_data'>): string {
  const s = r.sparse_data ? `spent ${r.sparse_data.periods_with_spend}/${r.sparse_data.fitted_periods}` : '';
  return [r.beyond_data ? BEYOND[r.beyond_data] : '', s].filter((x) => x !== '').join('; ');
}

/** The bound column: the bound held throughout, or for a plan the bounds held in some periods ('lower 12/13'). @example boundCell({ bound: 'free', periods_at_lower: 12 }, 13) // 'lower 12/13' */
export function boundCell(r: Pick<OptimizationChannel, 'bound' | 'periods_at_lower' | 'periods_at_upper'>, periods: number): string {
  if (r.bound !== 'free') return BOUND[r.bound];
  const part = (n: number | undefined, side: string): string[] => (n !== undefined && n > 0 ? [`${side} ${n}/${periods}`] : []);
  return [...part(r.periods_at_lower, 'lower'), ...part(r.periods_at_upper, 'upper')].join(', ');
}

/**
 * The frontier table of --scenarios: budget multiple, budget, predicted KPI, lift, media ROI (KPI per
 * spend for a count KPI: roiLabel), marginal ROI.
 * @example scenarioTable(out.scenarios) // 'budget ×  budget  predicted KPI …'
 */
export function scenarioTable(rows: readonly ScenarioRow[], kind: KpiKind = 'revenue', money?: MoneyFormat): string {
  return renderTable<ScenarioRow>([
    { header: 'budget ×', value: (r) => `${(100 * r.level).toFixed(0)}%`, format: 'number' },
    { header: 'budget', value: (r) => r.budget, format: 'number', money },
    { header: 'predicted KPI', value: (r) => (r.feasible ? r.expected_kpi : 'infeasible'), format: 'number', money: kpiMoney(money, kind) },
    { header: 'lift', value: (r) => (r.lift === null ? '' : signed(r.lift)), format: 'number' },
    { header: roiLabel(kind), value: (r) => r.roi, format: 'roi' },
    { header: 'mROI', value: (r) => r.mroi, format: 'roi' },
  ], rows);
}

/** Per-period budgets of a plan: one row per period (its start date), one column per channel, and the total. */
function planTable(out: OptimizationOutput, money: MoneyFormat | undefined): string {
  const H = out.periods;
  const rows = Array.from({ length: H }, (_, h) => h);
  return renderTable<number>([
    { header: 'period', value: (h) => String(h + 1) },
    { header: 'starts', value: (h) => out.plan?.dates[h] ?? '' },
    ...out.allocation.map((a) => ({ header: a.channel, value: (h: number) => a.spend?.[h], format: 'number' as const, money })),
    { header: 'total', value: (h) => out.plan?.budget_per_period[h], format: 'number', money },
  ], rows);
}

const short = (v: number): string => String(Number(v.toPrecision(6)));
const side = (b: SpendBound): string => (b.type === 'multiple' ? `${short(b.value)}× its current spend` : b.type === 'share' ? `${short(100 * b.value)}% of the budget` : formatNumber(b.value));

/**
 * The range every channel without its own --bound keeps to, in words.
 * @example describeBounds({ min: { type: 'multiple', value: 0.5 } }) // 'at least 0.5× its current spend'
 */
export function describeBounds(b: ChannelBounds): string {
  if (b.min?.type === 'multiple' && b.max?.type === 'multiple') return `between ${short(b.min.value)}× and ${short(b.max.value)}× its current spend`;
  if (b.min && b.max) return `between ${side(b.min)} and ${side(b.max)}`;
  if (b.min) return `at least ${side(b.min)}`;
  return b.max ? `at most ${side(b.max)}` : 'unbounded';
}

/** The line that says which bounds applied to every channel (null with --bounds none or no record of them). */
function boundsLine(out: OptimizationOutput): string | null {
  const d = out.constraints?.defaults;
  if (!d || out.bounds_source === 'none') return null;
  const own = Object.keys(out.constraints?.channels ?? {});
  const except = own.length > 0 ? ` (except ${own.join(', ')}, which ${own.length === 1 ? 'has its' : 'have their'} own)` : '';
  const what = out.bounds_source === 'default' ? 'the default; --bounds LO,HI or --bounds none to change it' : '--bounds';
  const narrowed = out.constraints?.maxChange ? ', narrowed by --max-change' : '';
  return `Bounds: every channel ${describeBounds(d)}${except}${narrowed}, per period (${what})\n`;
}

/** ', given for tiktok (--current)' when --current named channels; '' otherwise. */
function givenText(given: Readonly<Record<string, number>> | undefined): string {
  const names = Object.keys(given ?? {});
  return names.length === 0 ? '' : `, given for ${names.join(', ')} (--current)`;
}

/**
 * What a steady-state table's ROI and mROI are (out.basis: a steady spend, on the averaged or the point
 * curves), unlike the fit table's; and, when the averaged curves and the point curves disagree
 * materially at current spend, both figures and why (out.basis_note).
 * @example steadyStateNote(out, 'revenue') // "ROI and mROI below are those of a steady spend per period at each level, on the mean of the 100 bootstrap replicates' response curves; …"
 */
export function steadyStateNote(out: OptimizationOutput, kind: KpiKind = 'revenue'): string {
  const basis = out.basis ?? 'a sustained spend at each level on these curves';
  const fit = "so they differ from the fit table's, which are over the window's actual, uneven spend on the point estimate";
  return `${roiLabel(kind)} and mROI below are those of ${basis}, ${fit}.${out.basis_note ? ` ${out.basis_note}` : ''}`;
}

/** The sentence under the geo-split line (optimization.json geo_split_now): the engine's, as the report and the dashboard word it. */
export { geoSplitNowText };


/**
 * Human output of `mixwise optimize`: the allocation table, the expected KPI now vs recommended with
 * the lift (and its interval), the plan's per-period budgets and window / carry-out KPI (--periods),
 * the scenario frontier (--scenarios), and the plain-language recommendation.
 * @param out the optimization result
 * @param modelDir the run folder as the user gave it
 * @param kind the KPI's kind (model.target.kind): a count KPI's KPI ÷ spend is "KPI per spend", as in the fit table
 * @param money the spend's currency and locale (--currency, else the model's): amounts of spend, and of a revenue KPI, carry it
 * @example formatOptimization(out, 'out/demo') // 'Budget plan for out/demo …'
 */
export function formatOptimization(out: OptimizationOutput, modelDir: string, kind: KpiKind = 'revenue', money?: MoneyFormat): string {
  const e = out.expected;
  const kpiUnits = kpiMoney(money, kind);
  const unit = out.mode === 'plan' ? `totals over the next ${out.periods} periods` : 'per period, sustained';
  const parts = [`Budget plan for ${modelDir} (${out.kpi}; spend and KPI ${unit}; current = ${referencePeriodsText(out.reference_periods, out.window_periods)}${givenText(out.current_given)})\n`];
  // The price behind every amount of a channel on exposure (the reference periods' cost, not the fit's average).
  if (out.exposure_cost) parts.push(wrap(`${out.exposure_cost}.`, 100) + '\n');
  // A geo-level model's plan is national: say which split across geos its curves assume.
  if (out.geo_split) parts.push(wrap(`A ${out.geo_split}.`, 100) + '\n');
  if (out.geo_split_now) parts.push(wrap(geoSplitNowText(geoSplitNowOfFile(out.geo_split_now), out.kpi), 100) + '\n');
  if (out.uncertainty) {
    const draws = drawsName(out.uncertainty.source ?? 'bootstrap').many;
    parts.push(out.uncertainty.objective === 'expected'
      ? `Curves: the mean over ${out.uncertainty.replicates} ${draws} (expected KPI; --uncertainty point for the point estimate)\n`
      : `Curves: the point estimate (the lift interval covers ${out.uncertainty.replicates} ${draws})\n`);
  }
  // The fit's table reads ROI off the window's actual spend on the point estimate; readers compare the two and ask why they differ.
  if (out.mode === 'steady-state') parts.push(wrap(steadyStateNote(out, kind), 100) + '\n');
  const bounds = boundsLine(out);
  if (bounds) parts.push(bounds);
  parts.push(allocationTable(out, kind, money));
  // The KPI line is prose beside the paragraph below: the engine's amounts (proseAmount), so '+72.19' is not '+72' a few lines up.
  const interval = e.lift_interval ? `; 90% interval of the lift ${signedAmount(e.lift_interval[0], kpiUnits)} … ${signedAmount(e.lift_interval[1], kpiUnits)}` : '';
  // A steady state that keeps every channel's spend has no lift to bound (a plan with the same totals may still move spend in time).
  const share = e.lift_share === null ? formatShare(null) : signedPercent(e.lift_share);
  const lift = out.mode === 'steady-state' && keepsCurrentSpend(out.allocation) ? 'no change: the recommendation is the current spend' : `${signedAmount(e.lift, kpiUnits)}, ${share}${interval}`;
  parts.push(`Expected ${out.kpi}: ${proseAmount(e.current, kpiUnits)} now → ${proseAmount(e.recommended, kpiUnits)} recommended (${lift})`);
  if (e.window && e.carry_out) {
    const dark = out.plan?.after_plan === 'dark';
    parts.push(`  ${planKpiSplitText(out.periods, e.window, e.carry_out, dark ? 'dark' : 'current', (v) => formatNumber(v))}${dark ? ' (--after-plan dark)' : ''}`);
    const holidays = out.plan?.holidays === undefined ? '' : planHolidaysText(out.plan.holidays, (v) => formatNumber(v));
    if (holidays !== '') parts.push(`  ${holidays}`);
    parts.push(`\nBudget per period:\n${planTable(out, money)}`);
  }
  if (out.scenarios) parts.push(`\nScenarios (budget per period as a multiple of the current ${money === undefined ? formatNumber(out.current_budget / out.periods) : proseAmount(out.current_budget / out.periods, money)}; best allocation at each level${scenarioCurvesText(out)}):\n${scenarioTable(out.scenarios, kind, money)}`);
  parts.push(`\n${wrap(out.recommendation, 100)}\n`);
  for (const w of out.warnings ?? []) parts.push(wrap(`Warning: ${w.message}.`, 100) + '\n');
  return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** Which curves the scenario levels were solved on, as the table's header says it ('' when unknown). */
function scenarioCurvesText(out: OptimizationOutput): string {
  if (out.scenarios_uncertainty === 'point') return ", on the point estimate's curves";
  if (out.scenarios_uncertainty === 'expected' && out.uncertainty) return `, on the mean of the ${out.uncertainty.replicates} replicates' curves (expected)`;
  return '';
}
