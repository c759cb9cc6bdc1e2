import type { EChartsOption } from 'echarts';
import { COLORS } from './palette.ts';
import { formatCompact } from './format.ts';
import type { MoneyFormat } from '@mixwise/engine';

/**
 * Settings shared by every chart: font, text colour, a grid that leaves room for axis labels and a
 * legend at the top. Builders spread this first and override what they need.
 * @param legend show the legend (default true)
 * @example baseOption().grid // { left: 64, right: 24, top: 48, bottom: 48, containLabel: false }
 */
export function baseOption(legend = true): EChartsOption {
  return {
    // No quotes in the font list: ECharts' SVG renderer writes it unescaped into a style="…" attribute.
    textStyle: { fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif', color: COLORS.text },
    grid: { left: 64, right: 24, top: legend ? 48 : 24, bottom: 48, containLabel: false },
    tooltip: { trigger: 'axis', confine: true },
    ...(legend ? { legend: { top: 8, type: 'scroll' } } : {}),
  };
}

/**
 * A value axis whose labels read 1.2M / 45k (with `money`, an axis of amounts: €1.2M, 1,2 Mio. €).
 * @example valueAxis('Spend').name // 'Spend'
 */
export function valueAxis(name?: string, money?: MoneyFormat): { type: 'value'; name?: string; axisLabel: { formatter: (v: number) => string }; splitLine: { lineStyle: { color: string } } } {
  return {
    type: 'value',
    ...(name !== undefined ? { name } : {}),
    axisLabel: { formatter: (v: number) => formatCompact(v, money) },
    splitLine: { lineStyle: { color: COLORS.grid } },
  };
}

/**
 * Name settings for an x axis: the name centred under the axis labels (not clipped at the right edge).
 * @example xAxisName('lag') // { name: 'lag', nameLocation: 'middle', nameGap: 28 }
 */
export function xAxisName(name: string): { name: string; nameLocation: 'middle'; nameGap: number } {
  return { name, nameLocation: 'middle', nameGap: 28 };
}
