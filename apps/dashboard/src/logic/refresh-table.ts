import { intervalText } from '@mixwise/charts';
import type { ComparedChannel, MoneyFormat, SummaryRefresh } from '@mixwise/engine';
import { newPeriodsHaveIntervals } from '@mixwise/engine';
import type { ChartTable } from './chart-table.ts';
import { formatAmount, formatRoi, formatSignedFixed } from './format.ts';

/** A channel's row of the refresh comparison: both spends per period and ROIs, both 90% intervals, the change (also in percent) and the verdict (as the report's table). */
export function refreshChannelRow(c: ComparedChannel): string[] {
  const roi = (x: number) => formatRoi(x);
  return [
    c.name, formatAmount(c.spend_per_period_a), formatAmount(c.spend_per_period_b),
    roi(c.roi_a), intervalText(c.roi_interval_a, roi), roi(c.roi_b), intervalText(c.roi_interval_b, roi),
    formatSignedFixed(c.roi_change, 2), c.roi_change_relative === null ? 'n/a' : `${formatSignedFixed(c.roi_change_relative * 100, 0)}%`, c.verdict,
  ];
}

/**
 * The ROI before → after chart's data (roiComparison) as its "Show data" table: one row per channel.
 * @param roiName what KPI ÷ spend is called (roiLabel)
 * @example refreshChartTable(refresh, 'ROI').columns[3] // 'ROI before'
 */
export function refreshChartTable(r: SummaryRefresh, roiName: string): ChartTable {
  return {
    caption: `${roiName} per channel in the previous model (${r.previous}) and this one, with 90% intervals`,
    columns: ['Channel', 'Spend/period before', 'Spend/period after', `${roiName} before`, '90% interval before', `${roiName} after`, '90% interval after', 'Change', 'Change %', 'Verdict'],
    rows: r.comparison.channels.map(refreshChannelRow),
  };
}

/**
 * The new periods on their own (summary.json refresh.new_periods_roi), as the report's table: per channel
 * the spend and contribution of those periods, their ROI with its 90% interval (a column only when the
 * summary has intervals: older summaries have none) and the whole window's ROI. Null without new
 * periods or without the field (summaries written before it).
 * @param roiName what KPI ÷ spend is called (roiLabel)
 * @param units this model's currency and locale for the spend (`money`) and for the contribution (`kpiMoney`: a revenue KPI's)
 * @example newPeriodsTable(refresh, 'ROI')?.columns // ['Channel', 'Spend, new periods', 'Contribution, new periods', 'ROI, new periods', '90% interval, new periods', 'ROI, whole window']
 */
export function newPeriodsTable(r: SummaryRefresh, roiName: string, units: { money?: MoneyFormat | undefined; kpiMoney?: MoneyFormat | undefined } = {}): ChartTable | null {
  const n = r.new_periods_roi;
  if (n === undefined || n === null || !Array.isArray(n.channels) || n.periods === 0 || n.channels.length === 0) return null;
  const whole = new Map(r.comparison.channels.map((c) => [c.name, c.roi_b]));
  const intervals = newPeriodsHaveIntervals(n);
  const roi = (x: number) => formatRoi(x);
  return {
    caption: `Over the ${n.periods} new periods (${n.first_date ?? ''} to ${n.last_date ?? ''}): contribution ÷ spend of those periods, beside the ${roiName} over the whole window`,
    columns: ['Channel', 'Spend, new periods', 'Contribution, new periods', `${roiName}, new periods`, ...(intervals ? ['90% interval, new periods'] : []), `${roiName}, whole window`],
    rows: n.channels.map((c) => [
      c.name, formatAmount(c.spend, units.money), formatAmount(c.contribution, units.kpiMoney), c.roi === null ? 'no spend' : roi(c.roi),
      ...(intervals ? [intervalText(c.roi_interval ?? null, roi)] : []),
      whole.has(c.name) ? roi(whole.get(c.name) ?? NaN) : 'n/a',
    ]),
  };
}
