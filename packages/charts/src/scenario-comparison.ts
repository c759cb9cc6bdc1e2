import type { EChartsOption } from 'echarts';
import { baseOption, valueAxis } from './base-option.ts';
import { COLORS, SEPARATOR, channelColor } from './palette.ts';
import { roundTo } from './format.ts';
import type { BudgetSplit } from './budget-before-after.ts';

/** One budget scenario (e.g. conservative / current / aggressive). */
export interface Scenario {
  readonly name: string;
  /** Spend per channel (per period). */
  readonly allocation: BudgetSplit;
  /** Predicted KPI per period (baseline + media). */
  readonly kpi: number;
  /** Media ROI of the scenario, if known. */
  readonly roi?: number;
}

/**
 * Stacked bars of each scenario's spend by channel, with the predicted KPI per period as a line on
 * a second axis. Channel order: first appearance across the scenarios. The legend sits below the
 * bars, clear of the two axis titles above them.
 * @param scenarios the scenarios, in display order
 * @returns ECharts option: one stacked bar series per channel, then a 'predicted KPI' line on yAxisIndex 1
 * @example scenarioComparison([{ name: 'current', allocation: { tv: 10 }, kpi: 100 }]).series.length // 2
 */
export function scenarioComparison(scenarios: readonly Scenario[]): EChartsOption {
  const channels: string[] = [];
  for (const s of scenarios) for (const k of Object.keys(s.allocation)) if (!channels.includes(k)) channels.push(k);
  return {
    ...baseOption(true),
    // Two named value axes put their titles in the top row, where the legend would sit: legend at the bottom.
    legend: { bottom: 4, type: 'scroll' },
    grid: { left: 64, right: 64, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: scenarios.map((s) => s.name) },
    yAxis: [valueAxis('spend per period'), { ...valueAxis('predicted KPI'), splitLine: { show: false } }],
    series: [
      ...channels.map((ch, i) => ({
        name: ch, type: 'bar' as const, stack: 'spend', color: channelColor(i), itemStyle: { borderColor: SEPARATOR, borderWidth: 1 },
        data: scenarios.map((s) => roundTo(s.allocation[ch] ?? 0)),
      })),
      {
        name: 'predicted KPI', type: 'line' as const, yAxisIndex: 1, color: COLORS.actual, symbolSize: 8,
        data: scenarios.map((s) => roundTo(s.kpi)),
      },
    ],
  };
}
