import type { SummaryResult } from '@mixwise/engine';
import { formatCompact, formatPct, formatRoi } from './format.ts';

/** A chart's data as a table (EChart's "Show data"): the text alternative of a canvas chart. */
export interface ChartTable {
  /** Says what the table holds (its <caption>). */
  readonly caption: string;
  readonly columns: readonly string[];
  /** One row per category or point; the first cell names it (a row header). */
  readonly rows: readonly (readonly string[])[];
}

/**
 * The waterfall's steps (contributionWaterfall): the baseline, each channel's contribution and the total.
 * @example waterfallTable(summary).rows[0] // ['Baseline', '6.1M']
 */
export function waterfallTable(summary: SummaryResult): ChartTable {
  const total = summary.baseline.contribution + summary.channels.reduce((s, c) => s + c.contribution, 0);
  return {
    caption: `Contributions to ${summary.target} over the modelling window`,
    columns: ['Step', `Contribution to ${summary.target}`],
    rows: [
      ['Baseline', formatCompact(summary.baseline.contribution)],
      ...summary.channels.map((c) => [c.name, formatCompact(c.contribution)]),
      ['Total', formatCompact(total)],
    ],
  };
}

/**
 * The points of the return-versus-share chart (roiVsSpendShare): each channel's share of spend, share
 * of effect and return.
 * @param roiName what KPI ÷ spend is called (roiLabel)
 */
export function roiShareTable(summary: SummaryResult, roiName: string): ChartTable {
  return {
    caption: `${roiName} and shares of spend and effect per channel`,
    columns: ['Channel', 'Share of spend', 'Share of effect', roiName],
    rows: summary.channels.map((c) => [c.name, formatPct(c.share_of_spend), formatPct(c.share_of_effect), formatRoi(c.roi)]),
  };
}

/** The part of an ECharts option categorySeriesTable reads: category x values and named series. */
export interface CategorySeriesOption {
  readonly xAxis?: unknown;
  readonly series?: unknown;
}

/**
 * A category-axis chart's series as a table, read from the very option the chart draws (e.g.
 * contributionsOverTime): one row per category, one column per named series. Null when the option is
 * not of that shape.
 * @param first the header of the category column, e.g. 'Date'
 */
export function categorySeriesTable(option: CategorySeriesOption | null, caption: string, first: string): ChartTable | null {
  if (option === null) return null;
  const axis = (Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis) as { data?: unknown } | undefined;
  const series = (Array.isArray(option.series) ? option.series : []) as { name?: unknown; data?: unknown }[];
  if (!axis || !Array.isArray(axis.data) || series.length === 0) return null;
  const cats = axis.data.map((d) => String(d));
  const cols = series.filter((s) => typeof s.name === 'string' && Array.isArray(s.data));
  return {
    caption,
    columns: [first, ...cols.map((s) => String(s.name))],
    rows: cats.map((c, i) => [c, ...cols.map((s) => {
      const v = (s.data as unknown[])[i];
      return typeof v === 'number' ? formatCompact(v) : '—';
    })]),
  };
}
