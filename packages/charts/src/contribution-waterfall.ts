import type { EChartsOption } from 'echarts';
import type { SummaryResult } from '@mixwise/engine';
import { baseOption, valueAxis } from './base-option.ts';
import { COLORS, channelColor } from './palette.ts';
import { formatCompact, roundTo } from './format.ts';

/**
 * Waterfall of the KPI over the modeling window: the baseline bar, then one floating bar per
 * channel's contribution, ending in a total bar (baseline + media = the fitted KPI). Built as two
 * stacked bar series: an invisible `base` (where each bar starts) and `value` (its height |v|), with
 * stackStrategy 'all' so negative steps float correctly.
 * @param summary summary.json of a run
 * @returns ECharts option: categories ['Baseline', …channels, 'Total'], series [base, value]
 * @example contributionWaterfall(summary).xAxis // { type: 'category', data: ['Baseline', 'tv', …, 'Total'] }
 */
export function contributionWaterfall(summary: SummaryResult): EChartsOption {
  const steps = [
    { name: 'Baseline', value: summary.baseline.contribution, color: COLORS.baseline },
    ...summary.channels.map((c, i) => ({ name: c.name, value: c.contribution, color: channelColor(i) })),
  ];
  const base: number[] = [];
  const value: { value: number; itemStyle: { color: string }; label: { formatter: string } }[] = [];
  let level = 0;
  for (const s of steps) {
    const next = level + s.value;
    base.push(roundTo(Math.min(level, next)));
    value.push({ value: roundTo(Math.abs(s.value)), itemStyle: { color: s.color }, label: { formatter: formatCompact(s.value) } });
    level = next;
  }
  base.push(roundTo(Math.min(0, level)));
  value.push({ value: roundTo(Math.abs(level)), itemStyle: { color: COLORS.total }, label: { formatter: formatCompact(level) } });
  return {
    ...baseOption(false),
    tooltip: { trigger: 'item', confine: true },
    // Every channel's name under its bar (interval 0), wrapped within its slot rather than hidden
    // when long: ECharts would otherwise drop every other label.
    xAxis: { type: 'category', data: [...steps.map((s) => s.name), 'Total'], axisLabel: { interval: 0, width: Math.max(48, Math.floor(560 / (steps.length + 1))), overflow: 'breakAll', hideOverlap: false } },
    yAxis: valueAxis(summary.target),
    series: [
      { name: 'base', type: 'bar', stack: 'waterfall', stackStrategy: 'all', silent: true, itemStyle: { color: 'transparent' }, data: base },
      { name: summary.target, type: 'bar', stack: 'waterfall', stackStrategy: 'all', label: { show: true, position: 'top' }, data: value },
    ],
  };
}
