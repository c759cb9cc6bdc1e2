import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/** Size of a server-rendered chart, in CSS pixels. */
export interface SvgSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Render a chart spec to an SVG string with ECharts' server-side renderer (no DOM): init with
 * `{ renderer: 'svg', ssr: true }`, setOption with animation off, renderToSVGString, and always
 * dispose the instance (also when rendering throws).
 * @param spec an ECharts option (from @mixwise/charts)
 * @param size width and height in px (default 760 × 340)
 * @returns the `<svg …>…</svg>` markup
 * @throws whatever ECharts throws for an invalid option
 * @example renderSvg({ xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] }).startsWith('<svg') // true
 */
export function renderSvg(spec: EChartsOption, size: SvgSize = { width: 760, height: 340 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...spec, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
