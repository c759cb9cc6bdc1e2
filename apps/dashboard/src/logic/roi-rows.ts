import { kpiMoney, type MoneyFormat, type SummaryResult } from '@mixwise/engine';
import { formatCompact, formatRoi } from './format.ts';

/** One channel's historical return with its 90% interval, for the Executive page's table. */
export interface RoiRow {
  readonly channel: string;
  /** Spend and attributed KPI over the modelling window. */
  readonly spend: number;
  readonly contribution: number;
  readonly roi: number | null;
  readonly mroi: number | null;
  /** The 90% interval of the ROI (bootstrap or posterior), null when the fit has none. */
  readonly interval: readonly [number, number] | null;
  /** The interval reaches 0: the data do not rule out that the channel returns nothing. */
  readonly reachesZero: boolean;
}

/**
 * summary.json's channels as rows, highest ROI first (a channel without an ROI last).
 * @example roiRows(summary)[0] // { channel: 'print', roi: 7.86, interval: [3.57, 13.54], reachesZero: false, … }
 */
export function roiRows(summary: SummaryResult): RoiRow[] {
  return summary.channels
    .map((c) => {
      const iv = c.roi_interval ?? null;
      return { channel: c.name, spend: c.spend, contribution: c.contribution, roi: c.roi, mroi: c.mroi, interval: iv, reachesZero: iv !== null && iv[0] <= 0 };
    })
    .sort((a, b) => (b.roi ?? -Infinity) - (a.roi ?? -Infinity));
}

/**
 * An interval as 'low–high', '—' without one.
 * @example rangeText([4.2, 8.17]) // '4.20–8.17'
 */
export function rangeText(iv: readonly [number, number] | null): string {
  return iv === null ? '—' : `${formatRoi(iv[0])}–${formatRoi(iv[1])}`;
}

/**
 * The sentence under the table: what the figures are, and which channels' ranges reach 0.
 * @param rows roiRows
 * @param roiName what KPI ÷ spend is called ('ROI' or 'KPI per spend')
 * @param kind 'credible' (a Bayesian fit's posterior) or 'bootstrap'
 * @example roiRowsNote(rows, 'ROI', 'bootstrap') // 'ROI is historical: revenue the model attributes to a channel over the modelling window ÷ its spend there, with its 90% bootstrap range. The ranges of search and facebook start at 0: the data do not rule out that they return nothing.'
 */
export function roiRowsNote(rows: readonly RoiRow[], roiName: string, kind: 'credible' | 'bootstrap', kpi: string): string {
  const head = `${roiName} is historical: ${kpi} the model attributes to a channel over the modelling window ÷ its spend there, with its 90% ${kind} range.`;
  if (rows.every((r) => r.interval === null)) return `${roiName} is historical: ${kpi} the model attributes to a channel over the modelling window ÷ its spend there. This fit has no ranges (no bootstrap replicates or posterior draws).`;
  const zero = rows.filter((r) => r.reachesZero).map((r) => r.channel);
  if (zero.length === 0) return `${head} No channel's range reaches 0.`;
  const names = zero.length === 1 ? zero[0] : `${zero.slice(0, -1).join(', ')} and ${zero[zero.length - 1]}`;
  return `${head} The range${zero.length === 1 ? '' : 's'} of ${names} start${zero.length === 1 ? 's' : ''} at 0: the data do not rule out that ${zero.length === 1 ? 'it returns' : 'they return'} nothing.`;
}

/**
 * A row's spend and attributed KPI as the table writes them: spend in the model's currency and locale,
 * the attributed KPI too when it is revenue (kpiMoney), a count KPI's bare.
 * @example roiRowAmounts({ spend: 24_960_000, contribution: 3_000 }, { money: { currency: 'EUR' }, kind: 'count' }) // { spend: '€25.0M', contribution: '3,000' }
 */
export function roiRowAmounts(row: Pick<RoiRow, 'spend' | 'contribution'>, units: { money?: MoneyFormat | undefined; kind: 'revenue' | 'count' }): { spend: string; contribution: string } {
  return { spend: formatCompact(row.spend, units.money), contribution: formatCompact(row.contribution, kpiMoney(units.money, units.kind)) };
}
