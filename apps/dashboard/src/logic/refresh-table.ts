import { intervalText } from '@mixwise/charts';
import type { ComparedChannel, SummaryRefresh } from '@mixwise/engine';
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
