// Typed views of the parts of an EChartsOption the tests read (the option type is a wide union).
import type { EChartsOption } from 'echarts';

export interface SeriesView {
  readonly name: string;
  readonly type: string;
  readonly data: unknown[];
  readonly stack?: string;
  readonly markArea?: { data: [{ name?: string; xAxis: string }, { xAxis: string }][] };
  readonly markLine?: { data: unknown[] };
  readonly markPoint?: { data: { name: string; coord: [number, number] }[] };
  readonly yAxisIndex?: number;
}

/** The option's series as an array of SeriesView. */
export function seriesOf(option: EChartsOption): SeriesView[] {
  return option.series as unknown as SeriesView[];
}

/** Category data of the (first) x axis. */
export function xCategories(option: EChartsOption): string[] {
  const axis = (Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis) as { data: string[] };
  return axis.data;
}

/** The value of a data item written either as a bare number or as { value }. */
export function valueOf(item: unknown): number {
  return typeof item === 'number' ? item : (item as { value: number }).value;
}
