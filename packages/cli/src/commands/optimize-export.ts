import type { ExportTable } from '@mixwise/data';
import type { OptimizationOutput } from './optimize-output.ts';
import { exportedObjective, optimizationSummaryTable, spendUnit, usedCurves } from './optimize-summary-export.ts';

/**
 * A channel's own predicted KPI at a spend: its ROI × the spend (0 at no spend, whose ROI is null; null
 * when the ROI is not known at a positive spend).
 * @example channelKpi(2.5, 1000) // 2500 ; channelKpi(null, 0) // 0
 */
export function channelKpi(roi: number | null, spend: number): number | null {
  if (roi !== null) return roi * spend;
  return spend === 0 ? 0 : null;
}

/**
 * The optimizer's results as BI export tables (written by exportRun after the standard tables, each
 * with the run_id column exportRun adds; docs/optimize.md#bi-exports lists every column):
 * `optimization`, one row per channel: channel, current, recommended, change (spend per period, or
 * totals over the plan with --periods: `spend_unit` says which), roi_current, roi_recommended,
 * mroi_current, mroi_recommended (null where not defined, e.g. marginal ROI of a multi-period plan),
 * bound (free, at-lower, at-upper, locked), budget (the recommended total), objective (budget,
 * target-kpi, target-roi, target-mroi or plan), objective_value (the target or budget asked for; null
 * for the current budget), periods, lower, upper (per period; null = unbounded), channel_kpi_current,
 * channel_kpi_recommended (the channel's own predicted KPI, roi × spend: a SUM over the rows is the
 * media KPI), total_kpi_current, total_kpi_recommended (the total predicted KPI, baseline included,
 * the same on every row: take MAX, never SUM), data_low, data_high (the sustained spend
 * levels the fitted data cover, per period), beyond_data ('below', 'above' or null; with --periods, for
 * the plan's adstocked levels), sparse_periods_with_spend, sparse_fitted_periods, sparse_reason ('few'
 * or 'launched'; null unless the channel spent in too few fitted periods for its sustained response to
 * be known), uncertainty ('expected': the mean of the replicate curves, or 'point'), spend_unit
 * ('per_period' or 'plan_total'), lower_total, upper_total (the limits over the plan: lower × periods),
 * periods_at_lower, periods_at_upper (--periods: how many plan periods sit on each limit; null in
 * steady state); `optimization_summary`, one row (optimizationSummaryTable); with --scenarios
 * `budget_scenarios`, one row per level and channel: level, budget, feasible (0/1), expected_kpi, lift,
 * roi, mroi (the scenario's totals), channel, spend (null when the level is infeasible), uncertainty
 * (the curves the scenarios were solved on); and with --periods `budget_plan`, one row per period and
 * channel: period (1…H), date (the period's start, a date), channel, spend.
 * @param out a feasible optimize result
 * @returns two to four tables, ready for exportRun's extraTables
 * @example optimizationTables(out)[0].rows.length // number of channels
 */
export function optimizationTables(out: OptimizationOutput): ExportTable[] {
  const objective = exportedObjective(out);
  const unit = spendUnit(out);
  const total = (v: number | null): number | null => (v === null ? null : v * out.periods);
  const optimization: ExportTable = {
    name: 'optimization',
    columns: [
      { name: 'channel', type: 'text' }, { name: 'current', type: 'real' }, { name: 'recommended', type: 'real' }, { name: 'change', type: 'real' },
      { name: 'roi_current', type: 'real' }, { name: 'roi_recommended', type: 'real' }, { name: 'mroi_current', type: 'real' }, { name: 'mroi_recommended', type: 'real' },
      { name: 'bound', type: 'text' }, { name: 'budget', type: 'real' }, { name: 'objective', type: 'text' }, { name: 'objective_value', type: 'real' },
      { name: 'periods', type: 'integer' }, { name: 'lower', type: 'real' }, { name: 'upper', type: 'real' },
      { name: 'channel_kpi_current', type: 'real' }, { name: 'channel_kpi_recommended', type: 'real' },
      { name: 'total_kpi_current', type: 'real' }, { name: 'total_kpi_recommended', type: 'real' },
      { name: 'data_low', type: 'real' }, { name: 'data_high', type: 'real' }, { name: 'beyond_data', type: 'text' },
      { name: 'sparse_periods_with_spend', type: 'integer' }, { name: 'sparse_fitted_periods', type: 'integer' }, { name: 'sparse_reason', type: 'text' },
      { name: 'uncertainty', type: 'text' }, { name: 'spend_unit', type: 'text' }, { name: 'lower_total', type: 'real' }, { name: 'upper_total', type: 'real' },
      { name: 'periods_at_lower', type: 'integer' }, { name: 'periods_at_upper', type: 'integer' },
    ],
    rows: out.allocation.map((a) => [
      a.channel, a.current, a.recommended, a.change, a.roi_current, a.roi_recommended, a.mroi_current, a.mroi_recommended,
      a.bound, out.budget, objective, out.objective.value, out.periods, a.lower, a.upper,
      channelKpi(a.roi_current, a.current), channelKpi(a.roi_recommended, a.recommended), out.expected.current, out.expected.recommended,
      a.data_range?.[0] ?? null, a.data_range?.[1] ?? null, a.beyond_data ?? null,
      a.sparse_data?.periods_with_spend ?? null, a.sparse_data?.fitted_periods ?? null, a.sparse_data?.reason ?? null,
      usedCurves(out), unit, total(a.lower), total(a.upper), a.periods_at_lower ?? null, a.periods_at_upper ?? null,
    ]),
  };
  const tables = [optimization, optimizationSummaryTable(out)];
  if (out.plan) {
    // Long layout (a row per period and channel), which BI tools pivot as they like.
    const plan = out.plan;
    tables.push({
      name: 'budget_plan',
      columns: [{ name: 'period', type: 'integer' }, { name: 'date', type: 'date' }, { name: 'channel', type: 'text' }, { name: 'spend', type: 'real' }],
      rows: plan.dates.flatMap((date, h) => out.allocation.map((a) => [h + 1, date, a.channel, a.spend?.[h] ?? null])),
    });
  }
  if (!out.scenarios) return tables;
  const channels = out.allocation.map((a) => a.channel);
  const curves = out.scenarios_uncertainty ?? usedCurves(out);
  const scenarios: ExportTable = {
    name: 'budget_scenarios',
    columns: [
      { name: 'level', type: 'real' }, { name: 'budget', type: 'real' }, { name: 'feasible', type: 'integer' }, { name: 'expected_kpi', type: 'real' },
      { name: 'lift', type: 'real' }, { name: 'roi', type: 'real' }, { name: 'mroi', type: 'real' }, { name: 'channel', type: 'text' }, { name: 'spend', type: 'real' },
      { name: 'uncertainty', type: 'text' },
    ],
    rows: out.scenarios.flatMap((s) => channels.map((c) => [s.level, s.budget, s.feasible ? 1 : 0, s.expected_kpi, s.lift, s.roi, s.mroi, c, s.allocation?.[c] ?? null, curves])),
  };
  return [...tables, scenarios];
}
