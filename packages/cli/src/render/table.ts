import Table from 'cli-table3';
import { roiDecimals } from '@mixwise/charts';
import { formatMoney, isPlainMoney, type MoneyFormat } from '@mixwise/engine';
import { formatRoi, formatShare, formatFixedOrSignificant } from './format.ts';
import { escapeControls } from './terminal-text.ts';

/** How a column's values are shown: text as is; numbers right-aligned and formatted. */
export type ColumnFormat = 'text' | 'number' | 'decimal' | 'roi' | 'share';

/** One column of a rendered table. */
export interface TableColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
  /**
   * Default 'text'. 'number': thousands separators, no decimals; 'decimal' and 'roi': 2 decimals;
   * 'share': % with 1 decimal. 'number', 'decimal' and 'roi' columns whose largest value is small get
   * more decimals, enough for 2 significant digits (spend on a 0–1 scale reads 0.31, not 0); an 'roi'
   * cell below 0.1 also gets them on its own (formatRoi), whatever the column's largest value.
   */
  format?: ColumnFormat;
  /**
   * A 'number' or 'roi' column of amounts (spend, budget, a revenue KPI, CPA): written with this currency and
   * locale (formatMoney) unless it is plain (isPlainMoney), when the column reads as without it.
   */
  money?: MoneyFormat;
}

/** Light borders: a rule under the header and nothing else, so output pastes well into tickets. */
const CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/**
 * Renders rows as an aligned text table (cli-table3): text columns left-aligned, numeric columns
 * right-aligned and formatted (see ColumnFormat), a dashed rule under the header.
 * @param columns the columns, in order
 * @param rows the rows
 * @returns the table text, ending in a newline
 * @example renderTable([{ header: 'channel', value: (r) => r.name }, { header: 'spend', value: (r) => r.spend, format: 'number' }],
 *   [{ name: 'tv', spend: 1234567 }])
 * // 'channel      spend\n-------  ---------\ntv       1,234,567\n'
 */
export function renderTable<Row>(columns: readonly TableColumn<Row>[], rows: readonly Row[]): string {
  const values = rows.map((row) => columns.map((c) => c.value(row)));
  const decimals = columns.map((c, j) => columnDecimals(c.format ?? 'text', values.map((r) => r[j])));
  const scales = columns.map((_, j) => columnScale(values.map((r) => r[j])));
  const cells = values.map((r) => columns.map((c, j) => (isPlainMoney(c.money) || typeof r[j] !== 'number' ? formatCell(r[j], c.format ?? 'text', decimals[j], scales[j]) : moneyCell(r[j], c.format, c.money ?? {}, decimals[j]))));
  const widths = columns.map((c, j) => Math.max(escapeControls(c.header).length, ...cells.map((r) => r[j].length)));
  const table = new Table({
    chars: CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: columns.map((c) => ((c.format ?? 'text') === 'text' ? 'left' : 'right')),
    head: columns.map((c) => escapeControls(c.header)),
  });
  table.push(widths.map((w) => '-'.repeat(w)));
  for (const r of cells) table.push(r);
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n') + '\n';
}

/**
 * Decimals for a numeric column: the format's usual (0 for 'number', 2 for 'decimal' and 'roi'), or
 * more when the column's largest finite |value| needs them for 2 significant digits (at most 6).
 * @example columnDecimals('number', [0.309, 0.162]) // 2
 */
export function columnDecimals(format: ColumnFormat, values: readonly (string | number | null | undefined)[]): number {
  if (format !== 'number' && format !== 'decimal' && format !== 'roi') return 0;
  const usual = format === 'number' ? 0 : 2;
  let max = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  if (!(max > 0)) return usual;
  return Math.min(6, Math.max(usual, 1 - Math.floor(Math.log10(max))));
}

/** An amount in a money column: the column's decimals (an 'roi' one's CPA keeps roiDecimals), 2 significant digits below 1. */
function moneyCell(value: number, format: ColumnFormat | undefined, money: MoneyFormat, decimals: number): string {
  const d = format === 'roi' ? Math.max(decimals, roiDecimals(value)) : decimals;
  return formatMoney(value, money, { decimals: d, significant: 2 });
}

/** The largest finite |value| of a column (0 when none). */
function columnScale(values: readonly (string | number | null | undefined)[]): number {
  let max = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return max;
}

// A small non-zero value keeps 2 significant digits (formatFixedOrSignificant) rather than print as 0 or 0.000000;
// one that is round-off beside the column's largest value does not.
function formatCell(value: string | number | null | undefined, format: ColumnFormat, decimals: number, scale: number): string {
  // Text from the data (a geo's name) may hold a newline: escaped, so each row stays one line.
  if (typeof value === 'string') return escapeControls(value);
  switch (format) {
    case 'number':
    case 'decimal':
      return formatFixedOrSignificant(value, decimals, { scale });
    case 'roi':
      // Each ROI keeps 2 significant digits even beside larger ones (0.0019 beside 2.5 is not 0.00).
      return formatFixedOrSignificant(value, typeof value === 'number' ? Math.max(decimals, roiDecimals(value)) : decimals, { scale });
    case 'share':
      return formatShare(value);
    case 'text':
      return value === null || value === undefined ? '' : String(value);
  }
}

/** One channel's totals over the modeling window, as in summary.json. */
export interface ChannelSummaryRow {
  name: string;
  spend: number;
  contribution: number;
  roi: number;
  mroi: number;
  share_of_spend: number;
  share_of_effect: number;
  /** 90% bootstrap interval of the ROI (summary.json), when the fit has replicates. */
  roi_interval?: readonly [number, number] | null;
  /** Spend per unit of KPI, for count KPIs (null for revenue). */
  cpa?: number | null;
}

/**
 * The channel results table printed after a fit: spend, contribution, ROI with its 90% interval (when
 * the fit has one), marginal ROI, CPA (count KPIs: ROI is then KPI units per unit of spend), shares.
 * @param channels summary.json's `channels`
 * @param units the model's currency and locale (MmmModel.money) for spend and CPA, and for contributions when the KPI is revenue
 * @example renderChannelTable([{ name: 'tv', spend: 1e6, contribution: 1.5e6, roi: 1.5, mroi: 0.8, share_of_spend: 0.4, share_of_effect: 0.5 }])
 */
export function renderChannelTable(channels: readonly ChannelSummaryRow[], units: { money?: MoneyFormat; kind?: 'revenue' | 'count' } = {}): string {
  const { money } = units;
  const count = channels.some((c) => c.cpa !== undefined && c.cpa !== null);
  const intervals = channels.some((c) => c.roi_interval);
  return renderTable<ChannelSummaryRow>([
    { header: 'channel', value: (c) => c.name },
    { header: 'spend', value: (c) => c.spend, format: 'number', money },
    { header: 'contribution', value: (c) => c.contribution, format: 'number', ...(units.kind === 'count' ? {} : { money }) },
    { header: count ? 'KPI per spend' : 'ROI', value: (c) => c.roi, format: 'roi' },
    ...(intervals ? [{ header: '90% interval', value: (c: ChannelSummaryRow) => (c.roi_interval ? `${formatRoi(c.roi_interval[0])}–${formatRoi(c.roi_interval[1])}` : '') }] : []),
    { header: 'mROI', value: (c) => c.mroi, format: 'roi' },
    ...(count ? [{ header: 'CPA', value: (c: ChannelSummaryRow) => c.cpa ?? null, format: 'roi' as const, money }] : []),
    { header: 'spend share', value: (c) => c.share_of_spend, format: 'share' },
    { header: 'effect share', value: (c) => c.share_of_effect, format: 'share' },
  ], channels);
}
