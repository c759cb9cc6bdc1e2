import type { EChartsOption } from 'echarts';
import { baseOption, valueAxis } from './base-option.ts';
import { COLORS, channelColor } from './palette.ts';
import { formatPercent, roundTo } from './format.ts';
import type { MoneyFormat } from '@mixwise/engine';

/** Spend per channel, e.g. `{ tv: 160000, search: 60000 }` (per period, spend units). */
export type BudgetSplit = Readonly<Record<string, number>>;

/**
 * Paired bars per channel: current spend (grey) and proposed spend (channel colour), labelled with
 * the relative change. Channels are taken in the order of `current`, then any only in `proposed`;
 * a channel missing from one side counts as 0 there.
 * @param current current spend per channel (per period)
 * @param proposed proposed spend per channel (per period)
 * @param money the spend's currency and locale (MmmModel.money), for the axis labels
 * @returns ECharts option with two bar series ('current', 'proposed') over the channels
 * @example budgetBeforeAfter({ tv: 100, search: 50 }, { tv: 80, search: 70 }).series[1].data[0].value // 80
 */
export function budgetBeforeAfter(current: BudgetSplit, proposed: BudgetSplit, money?: MoneyFormat): EChartsOption {
  const names = [...Object.keys(current), ...Object.keys(proposed).filter((k) => !(k in current))];
  const cur = names.map((n) => current[n] ?? 0);
  const pro = names.map((n) => proposed[n] ?? 0);
  return {
    ...baseOption(true),
    xAxis: { type: 'category', data: names },
    yAxis: valueAxis('spend per period', money),
    series: [
      { name: 'current', type: 'bar', color: COLORS.muted, data: cur.map((v) => roundTo(v)) },
      {
        name: 'proposed', type: 'bar', color: COLORS.total,
        label: { show: true, position: 'top' },
        data: pro.map((v, i) => ({
          value: roundTo(v),
          itemStyle: { color: channelColor(i) },
          label: { formatter: cur[i] > 0 ? (v >= cur[i] ? '+' : '') + formatPercent(v / cur[i] - 1, 0) : v > 0 ? 'new' : '0' },
        })),
      },
    ],
  };
}
