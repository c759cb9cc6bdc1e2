import type { EChartsOption } from 'echarts';

/**
 * Add a highlighted 'selected' scatter point on top of a scatter chart's option (dashboard-only:
 * the report has no selection). Returns a new option; the input is not changed.
 * @param option a scatter chart option whose `series` is an array
 * @param point [x, y] of the selected point, or null for none
 * @example withSelectedPoint({ series: [] }, [1, 2]).series // [{ name: 'selected', type: 'scatter', data: [[1, 2]], … }]
 */
export function withSelectedPoint(option: EChartsOption, point: readonly [unknown, unknown] | null): EChartsOption {
  if (point === null) return option;
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return {
    ...option,
    series: [...series, {
      name: 'selected', type: 'scatter', symbol: 'circle', symbolSize: 18, z: 4,
      itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#111827', borderWidth: 2 },
      data: [[point[0], point[1]]], tooltip: { show: false },
    }],
  } as EChartsOption;
}
