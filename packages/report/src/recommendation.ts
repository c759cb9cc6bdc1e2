import { allocateBudget, channelRoiIntervals, growthCautionText, limitsDecideText, limitTag, statusFromBinding, type BoundStatus, curveBasisText, drawSource, geoSplitNow, geoSplitNowText, geoSplitText, replicateModels, referencePeriodsText, DEFAULT_BOUNDS, DEFAULT_BOUNDS_TEXT, intervalSentence, keepsCurrentSpend, keptSpendReason, kpiMoney, liftUncertainty, planKpiSplitText, replicateCount, responseModelFromMmm, type AfterPlan, type DrawSource, type GeoSplitNow, type KpiChange, type MmmModel, type MoneyFormat } from '@mixwise/engine';
import { formatAmount, formatPercent, roiLabel } from '@mixwise/charts';
import type { ReportOptimization } from './report-run.ts';
import { computedSparseText, restatedSparseText } from './sparse-caution.ts';

/** A budget recommendation in one shape, whichever way it was obtained. */
export interface Recommendation {
  /** Where it came from: the run's optimization.json, or computed for the report. */
  readonly source: 'optimization.json' | 'computed';
  readonly mode: 'steady-state' | 'plan';
  readonly periods: number;
  readonly currentBudget: number;
  readonly budget: number;
  /**
   * Per channel: spend now and recommended, the bound that holds it (a limit, not the model, sets a
   * figure at 'at-upper' or 'at-lower') and the planner's marginal ROI at current spend (steady state,
   * on the recommendation's curves; null when not known, as in an older optimization.json).
   */
  readonly channels: readonly { readonly channel: string; readonly current: number; readonly recommended: number; readonly status: BoundStatus; readonly mroiCurrent: number | null }[];
  readonly expected: { readonly current: number; readonly recommended: number; readonly lift: number };
  /** The lift's 90% interval over the replicates (or posterior draws); null without one. */
  readonly liftInterval: readonly [number, number] | null;
  /** One or two plain sentences with the numbers. */
  readonly text: string;
  /** The constraints used, in words. */
  readonly basis: string;
  /** Which response curves the predictions come from, in words (engine curveBasisText). */
  readonly curves: string;
  /** Which periods "current" spend is the mean of, in words (engine referencePeriodsText). */
  readonly reference: string;
  /** optimization.json's basis_note: where the averaged and the point curves disagree materially, both figures and why. */
  readonly curvesNote?: string;
  /**
   * A geo-level model only: the split across geos the recommendation assumes (engine geoSplitText,
   * `mixwise optimize`'s geo_split), since the planner moves budget between channels, not geos.
   */
  readonly geoSplit?: string;
  /**
   * A geo-level model only: the current spend at today's split across geos against the split by KPI
   * share the recommendation assumes (engine geoSplitNow, `mixwise optimize`'s geo_split_now) and its
   * sentence with the numbers (geoSplitNowText): the model's untested credit, which no plan moves.
   */
  readonly geoSplitNow?: GeoSplitNow & { readonly text: string };
}

/** Bounds of the computed recommendation: the engine's DEFAULT_BOUNDS (0.5×–2× current), as mixwise optimize without --bounds. */
export const REPORT_BOUNDS = DEFAULT_BOUNDS;

/**
 * The report's budget recommendation. With an optimization.json it restates that result; otherwise
 * it runs the engine's optimizer (allocateBudget on the expected response over the bootstrap
 * replicates, as mixwise optimize does by default) at the current total
 * budget per period, each channel kept within the default 0.5×–2× its current spend. The text names the
 * channels to grow and to cut (changes under 1% are "hold") and the predicted KPI lift. When no
 * channel moves, it says why as the optimizer's paragraph does (keptSpendReason): the binding
 * constraints that hold the split, named, or none, when the current split is already the best.
 * Channels that spent in too few fitted periods end it with the optimizer's caution (engine
 * sparseDataText): from optimization.json's sparse_data, or the response model's observed ranges.
 * On a geo-level model, `geoSplit` says which split across geos the recommendation assumes.
 * @param model the fitted model
 * @param optimization optimization.json of the run, if any
 * @returns the recommendation, or null when the optimizer finds the problem infeasible
 * @example recommend(model)?.text // 'Keeping the total at 380,000 per period: grow search from 60,000 to 82,997 (+38.3%) … predicted revenue per period 2,712,646 → 2,736,839 (+24,192, +0.9%).'
 */
export function recommend(model: MmmModel, optimization?: ReportOptimization): Recommendation | null {
  const kpi = model.target.name;
  if (optimization !== undefined) {
    const mode = optimization.mode ?? 'steady-state';
    const periods = optimization.periods ?? 1;
    const binding = Array.isArray(optimization.binding) ? optimization.binding.filter((b) => typeof b === 'string') : undefined;
    const channels = optimization.allocation.map((a) => ({
      channel: a.channel, current: a.current, recommended: a.recommended,
      // The row's own bound; an older file's binding list otherwise (a plan's rows have none: its limits are per period).
      status: mode === 'plan' ? 'free' as const : a.bound ?? statusFromBinding(a.channel, binding),
      mroiCurrent: typeof a.mroi_current === 'number' ? a.mroi_current : null,
    }));
    const interval = optimization.expected.lift_interval ?? null, replicates = optimization.uncertainty?.replicates ?? 0;
    const r = { mode, periods, currentBudget: optimization.current_budget, budget: optimization.budget, channels, expected: optimization.expected, liftInterval: interval };
    const e = optimization.expected;
    const split = mode === 'plan' && e.window && e.carry_out ? { window: e.window, carryOut: e.carry_out, afterPlan: optimization.plan?.after_plan } : undefined;
    // The split names what follows the plan; an older file without it says so in its own sentence.
    const after = split === undefined && mode === 'plan' && optimization.plan?.after_plan !== undefined
      ? (optimization.plan.after_plan === 'dark' ? ' The plan assumes no spend after it.' : ' The plan assumes current spend resumes after it.')
      : '';
    const text = describe(r, kpi, binding, model, split) + cautions(model, r) + after + uncertaintyText(r, interval, replicates, drawSource(model), kpiMoney(model.money, model.target.kind)) + restatedSparseText(model, optimization);
    const windowPeriods = optimization.window_periods ?? model.window.end - model.window.start;
    // A plan, and a file written before `objective` was recorded with a plan, are on the point estimate.
    const basis = optimization.uncertainty?.objective ?? (mode === 'plan' || replicates === 0 ? 'point' : 'expected');
    return {
      source: 'optimization.json', ...r, text, basis: `from the run's optimization.json (mixwise optimize${requestText(optimization.objective, kpi, mode, optimization.budget_mode, model.money, kpiMoney(model.money, model.target.kind))})`,
      curves: curvesText(basis, replicates, drawSource(model), mode), reference: referencePeriodsText(optimization.reference_periods ?? windowPeriods, windowPeriods),
      ...(optimization.basis_note ? { curvesNote: optimization.basis_note } : {}), ...geoSplitOf(model),
      // optimization.json's own figures; an older file without them: the same on its reference periods and curves.
      ...geoSplitNowOf(model, optimization.geo_split_now ?? geoSplitNow(model, {
        ...(optimization.reference_periods === undefined ? {} : { referencePeriods: optimization.reference_periods }),
        replicates: basis === 'expected' ? replicateModels(model) : [],
      })),
    };
  }
  const response = responseModelFromMmm(model, { uncertainty: 'expected' });
  const currentBudget = response.channels.reduce((s, c) => s + c.current, 0);
  const result = allocateBudget(response, { budget: currentBudget, constraints: { defaults: REPORT_BOUNDS } });
  if (!result.feasible) return null;
  const channels = result.channels.map((c) => ({ channel: c.channel, current: c.current, recommended: c.recommended, status: c.status, mroiCurrent: Number.isFinite(c.mroiCurrent) ? c.mroiCurrent : null }));
  // The optimizer's own rule (liftUncertainty), as mixwise optimize and the API state it.
  const lift = liftUncertainty(response, result.channels, result.expected.lift, drawSource(model), kpiMoney(model.money, model.target.kind));
  const r = { mode: 'steady-state' as const, periods: 1, currentBudget, budget: result.budget, channels, expected: result.expected, liftInterval: lift.interval ?? null };
  const text = describe(r, kpi, result.binding, model) + cautions(model, r) + lift.sentence + computedSparseText(response);
  const windowPeriods = model.window.end - model.window.start;
  return {
    source: 'computed', ...r, text, basis: `computed for this report at the current total budget, each channel within ${DEFAULT_BOUNDS_TEXT} its current spend (the default bounds of mixwise optimize)`,
    curves: curvesText('expected', replicateCount(response), drawSource(model), 'steady-state'), reference: referencePeriodsText(windowPeriods, windowPeriods),
    ...geoSplitOf(model), ...geoSplitNowOf(model, geoSplitNow(model, { replicates: replicateModels(model) })),
  };
}

/** `{ geoSplit }` for a geo-level model, nothing for a national one. */
function geoSplitOf(model: MmmModel): { geoSplit?: string } {
  const text = geoSplitText(model);
  return text === null ? {} : { geoSplit: text };
}

/** `{ geoSplitNow }` with its sentence for a geo-level model's figures, nothing without them. */
function geoSplitNowOf(model: MmmModel, g: Omit<GeoSplitNow, 'sizeColumn'> | null | undefined): { geoSplitNow?: GeoSplitNow & { text: string } } {
  if (g === null || g === undefined || model.panel === undefined) return {};
  // The model's size column names the split (an optimization.json written before sizes existed has none;
  // the file's own `size_column` is the same, so it is not carried over).
  const column = model.panel.sizeColumn;
  const sized: GeoSplitNow = {
    basis: g.basis, kpi: g.kpi, proportional: g.proportional, historical: g.historical, gap: g.gap, channels: g.channels,
    ...(column === undefined ? {} : { sizeColumn: column }),
  };
  return { geoSplitNow: { ...sized, text: geoSplitNowText(sized, model.target.name) } };
}

/**
 * Which curves the predictions come from: the mean of the replicates' curves or the point estimate's,
 * at a steady spend per period (steady state) or over the plan's periods.
 * @example curvesText('expected', 100, 'bootstrap', 'steady-state') // "the mean of the response curves of the model's replicates (expected over 100 bootstrap replicates), at a steady spend per period"
 */
export function curvesText(basis: 'point' | 'expected', replicates: number, source: DrawSource, mode: 'steady-state' | 'plan'): string {
  const which = basis === 'expected' && replicates > 0
    ? `the mean of the response curves of the model's replicates (${curveBasisText('expected', replicates, source)})`
    : `the response curves of ${curveBasisText('point', replicates, source)}`;
  return `${which}${mode === 'plan' ? ', period by period over the plan' : ', at a steady spend per period'}`;
}

/**
 * What the optimize run was asked, for the report's basis line: ', asked to spend while the media ROI
 * stays at or above 2.5 (--target-roi)', or '' for the current budget (or an older optimization.json
 * without it). A plan's --budget is its total over the plan, a steady-state one per period.
 * @example requestText({ type: 'target-mroi', value: 1.5 }, 'revenue') // ', asked to spend while the marginal ROI stays at or above 1.5'
 */
export function requestText(objective: ReportOptimization['objective'], kpi: string, mode: 'steady-state' | 'plan' = 'steady-state', budgetMode: ReportOptimization['budget_mode'] = 'exact', money?: MoneyFormat, kpiAmounts?: MoneyFormat): string {
  if (!objective || objective.value === null || !Number.isFinite(objective.value)) return '';
  const v = objective.value;
  switch (objective.type) {
    case 'budget': return `, asked ${budgetMode === 'up-to' ? 'to spend up to' : 'for a budget of'} ${formatAmount(v, money)} ${mode === 'plan' ? 'over the plan' : 'per period'}`;
    case 'target-kpi': return `, asked for the least budget reaching ${formatAmount(v, kpiAmounts)} ${kpi} ${mode === 'plan' ? 'in total inside the plan' : 'per period'}`;
    case 'target-roi': return `, asked to spend while the media ROI stays at or above ${v} (--target-roi)`;
    case 'target-mroi': return `, asked to spend while the marginal ROI stays at or above ${v} (--target-mroi)`;
    default: return '';
  }
}

/**
 * The recommendation's text. `binding` is what binds (AllocationResult.binding, optimization.json's
 * `binding`); undefined when not known, and then a split that does not move is not explained.
 */
function describe(r: Omit<Recommendation, 'source' | 'text' | 'basis' | 'curves' | 'reference' | 'curvesNote' | 'liftInterval'>, kpi: string, binding: readonly string[] | undefined, model: Pick<MmmModel, 'money' | 'target'>, split?: PlanSplit): string {
  const per = r.mode === 'plan' ? ` over ${r.periods} periods` : ' per period';
  // Spend in the model's currency (MmmModel.money); the KPI too when it is revenue.
  const spend = (v: number): string => formatAmount(v, model.money);
  const kpiAmount = (v: number): string => formatAmount(v, kpiMoney(model.money, model.target.kind));
  // A move held at its bound says so beside its percentage: a limit, not the model, sets that figure.
  const change = (c: Recommendation['channels'][number]) =>
    `${c.channel} from ${spend(c.current)} to ${spend(c.recommended)}${c.current > 0 ? ` (${c.recommended >= c.current ? '+' : ''}${formatPercent(c.recommended / c.current - 1)}${limitTag(c)})` : ''}`;
  const grow = r.channels.filter((c) => isMoved(c) && c.recommended > c.current).sort((a, b) => (b.recommended - b.current) - (a.recommended - a.current));
  const cut = r.channels.filter((c) => isMoved(c) && c.recommended < c.current).sort((a, b) => (a.recommended - a.current) - (b.recommended - b.current));
  const keptTotal = Math.abs(r.budget - r.currentBudget) <= 1e-6 * Math.max(1, r.currentBudget);
  const total = keptTotal
    ? `Keeping the total at ${spend(r.budget)}${per}`
    : `Changing the total from ${spend(r.currentBudget)} to ${spend(r.budget)}${per}`;
  const parts = [
    grow.length > 0 ? `grow ${grow.map(change).join(', ')}` : '',
    cut.length > 0 ? `cut ${cut.map(change).join(', ')}` : '',
  ].filter((s) => s !== '');
  const moves = parts.length > 0 ? `${parts.join('; ')}.` : `${r.mode === 'plan' ? 'no channel\'s total' : 'no channel'} moves by more than 1%.${keptTotal ? held(r.mode, binding) : ''}`;
  const e = r.expected;
  const share = e.current !== 0 ? `, ${e.lift >= 0 ? '+' : ''}${formatPercent(e.lift / e.current)}` : '';
  const predicted = `${kpiAmount(e.current)} → ${kpiAmount(e.recommended)} (${e.lift >= 0 ? '+' : ''}${kpiAmount(e.lift)}${share})`;
  // A plan's expected KPI is the window plus the carry-out after it: split as mixwise optimize prints it, never "over H periods".
  if (split) return `${total}: ${moves} Predicted ${kpi} ${planKpiSplitText(r.periods, split.window, split.carryOut, split.afterPlan, kpiAmount)}; in total ${predicted}.`;
  const what = r.mode === 'plan' ? ` over ${r.periods} periods and the carry-out after them` : per;
  return `${total}: ${moves} Predicted ${kpi}${what}: ${predicted}.`;
}

/**
 * The cautions after the moves (' ' + sentences, or ''): which moves a limit, not the model, decides
 * (engine limitsDecideText), and which grown channels rest on an ROI interval that reaches 0 or is very
 * wide (growthCautionText, on the model's replicate intervals: summary.json's roi_interval).
 */
function cautions(model: MmmModel, r: Pick<Recommendation, 'channels' | 'mode'>): string {
  const moved = r.channels.filter((c) => !keepsCurrentSpend([c]));
  if (moved.length === 0) return '';
  return limitsDecideText(moved) + growthCautionText(moved, channelRoiIntervals(model), roiLabel(model.target.kind));
}

/** A plan's KPI inside its periods and the carry-out after them (optimization.json's expected.window and carry_out). */
interface PlanSplit {
  readonly window: KpiChange;
  readonly carryOut: KpiChange;
  readonly afterPlan: AfterPlan | undefined;
}

/**
 * A restated optimization.json's lift interval across the bootstrap replicates (or a Bayesian fit's
 * posterior draws) and its caution (engine intervalSentence, the optimizer's words), '' when nothing
 * moves or there is no interval. A computed recommendation uses the engine's liftUncertainty instead.
 */
function uncertaintyText(r: Omit<Recommendation, 'source' | 'text' | 'basis' | 'curves' | 'reference' | 'curvesNote'>, interval: readonly [number, number] | null, replicates: number, source: DrawSource, money: MoneyFormat | undefined): string {
  // Nothing moves (keepsCurrentSpend, the optimizer's rule): the replicates' spread of a zero lift is no change to test.
  return keepsCurrentSpend(r.channels) || replicates === 0 ? '' : intervalSentence(interval, replicates, r.expected.lift, source, money);
}

/**
 * Why no channel moves at the current total (' ' + a sentence, or ''): the constraints that hold the
 * split, named, in the optimizer's words; or, with nothing binding, that the current split is already
 * the best. A plan that binds nothing may still move spend between its periods, so it is not called
 * the best; nor is a split whose binding constraints are not known.
 */
function held(mode: Recommendation['mode'], binding: readonly string[] | undefined): string {
  if (binding === undefined) return '';
  const binds = binding.filter((b) => b !== 'budget');
  return mode === 'plan' && binds.length === 0 ? '' : ` ${keptSpendReason(binds)}`;
}

/**
 * Whether the recommendation moves a channel by more than 1% of its current spend: the moves the report
 * names (its text, and the executive summary's list and cautions).
 * @example isMoved({ current: 100, recommended: 102 }) // true
 */
export function isMoved(c: { readonly current: number; readonly recommended: number }): boolean {
  return Math.abs(c.recommended - c.current) > 0.01 * Math.max(c.current, 1e-9);
}
