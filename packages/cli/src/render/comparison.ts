import type { ComparedChannel, ComparedRun, MoneyFormat, RunComparison } from '@mixwise/engine';
import { percent } from '@mixwise/engine';
import { renderTable } from './table.ts';
import { formatNumber, formatRoi, formatShare } from './format.ts';
import { escapeControls } from './terminal-text.ts';

/** A 90% interval as 'lo–hi', or '–' without one. */
function interval(i: readonly [number, number] | null): string {
  return i === null ? '–' : `${formatRoi(i[0])}–${formatRoi(i[1])}`;
}

/** A signed change with 2 decimals (− for minus). */
function signed(x: number, digits = 2): string {
  return x > -0.5 * 10 ** -digits ? `+${Math.abs(x).toFixed(digits)}` : `−${Math.abs(x).toFixed(digits)}`;
}

/** The two runs' currency and locale (MmmModel.money of each), for the spend columns. */
export interface ComparedMoney {
  readonly a?: MoneyFormat;
  readonly b?: MoneyFormat;
}

/**
 * The sentence saying the two runs' amounts are in different currencies (nothing converts them), or
 * null when they share one (or neither has one). A locale alone changes only the marks, not the amounts.
 * @example moneyMismatch({ a: { currency: 'EUR' }, b: { currency: 'GBP' } }, ['A', 'B']) // 'Amounts are in different currencies: A in EUR, B in GBP …'
 */
export function moneyMismatch(money: ComparedMoney, labels: readonly [string, string]): string | null {
  const ca = money.a?.currency, cb = money.b?.currency;
  if (ca === cb) return null;
  const name = (c: string | undefined): string => c ?? 'no currency';
  return `Amounts are in different currencies: ${labels[0]} in ${name(ca)}, ${labels[1]} in ${name(cb)} (each run's --currency); spend is shown as each run recorded it, not converted, so compare the spend columns with care.`;
}

/**
 * The comparison of two runs as text (`mixwise compare`, and after a `fit --refresh` summary): a side
 * by side table of each run's window and fit, the per-channel ROI table with the change (absolute and
 * in percent) and whether the two 90% intervals overlap, channels in one run only, and the headline sentence.
 * @param c the comparison (compareRuns)
 * @param labels what to call the two runs in the headings (default 'A' and 'B')
 * @param money each run's currency and locale: its spend column is written in it; different currencies are said under the table
 * @returns the text, ending in a newline
 * @example formatComparison(compareRuns(a, b)).split('\n')[0] // 'Comparing A (runs/jan) with B (runs/feb), KPI revenue'
 */
export function formatComparison(c: RunComparison, labels: readonly [string, string] = ['A', 'B'], money: ComparedMoney = {}): string {
  const [la, lb] = labels;
  type Row = { what: string; a: string; b: string };
  const metric = (what: string, f: (r: ComparedRun) => string): Row => ({ what, a: f(c.a), b: f(c.b) });
  const holdout = (r: ComparedRun): string => (r.holdout === null ? 'none' : `${r.holdout.periods} periods: R² ${formatNumber(r.holdout.r2, 3)}, NRMSE ${formatNumber(r.holdout.nrmse, 3)}`);
  const runs = renderTable<Row>([
    { header: '', value: (r) => r.what },
    { header: la, value: (r) => r.a },
    { header: lb, value: (r) => r.b },
  ], [
    metric('data window', (r) => `${r.first_date} to ${r.last_date}`),
    metric('periods', (r) => String(r.periods)),
    metric('R²', (r) => formatNumber(r.r2, 3)),
    metric('NRMSE', (r) => formatNumber(r.nrmse, 3)),
    metric('holdout', holdout),
    metric('baseline share', (r) => formatShare(r.baseline_share)),
  ]);
  const channels = renderTable<ComparedChannel>([
    { header: 'channel', value: (r) => r.name },
    { header: `spend/period ${la}`, value: (r) => r.spend_per_period_a, format: 'number', ...(money.a === undefined ? {} : { money: money.a }) },
    { header: `spend/period ${lb}`, value: (r) => r.spend_per_period_b, format: 'number', ...(money.b === undefined ? {} : { money: money.b }) },
    { header: `ROI ${la}`, value: (r) => r.roi_a, format: 'roi' },
    { header: `ROI ${lb}`, value: (r) => r.roi_b, format: 'roi' },
    { header: 'change', value: (r) => signed(r.roi_change), format: 'number' },
    { header: 'change %', value: (r) => percent(r.roi_change_relative), format: 'number' },
    { header: `90% interval ${la}`, value: (r) => interval(r.roi_interval_a) },
    { header: `90% interval ${lb}`, value: (r) => interval(r.roi_interval_b) },
    { header: '90% intervals', value: (r) => (r.verdict === 'intervals overlap' ? 'overlap' : r.verdict === 'intervals do not overlap' ? 'do not overlap' : 'no interval') },
  ], c.channels);
  const lines = [
    `Comparing ${la} (${escapeControls(c.a.run)}) with ${lb} (${escapeControls(c.b.run)}), KPI ${escapeControls(c.b.target)}`,
    '',
    runs.trimEnd(),
    `Baseline share changed by ${signed(c.baseline_share_change * 100, 1)} points.`,
    '',
    c.channels.length > 0 ? channels.trimEnd() : 'No channel is in both runs.',
  ];
  const mismatch = moneyMismatch(money, labels);
  if (mismatch !== null) lines.push(mismatch);
  if (c.only_in_a.length > 0) lines.push(`Only in ${la}: ${c.only_in_a.map(escapeControls).join(', ')} (not fitted in ${lb}).`);
  if (c.only_in_b.length > 0) lines.push(`Only in ${lb}: ${c.only_in_b.map(escapeControls).join(', ')} (new in ${lb}).`);
  lines.push('"90% intervals": whether the two runs\' 90% ROI intervals overlap; overlapping intervals do not mean the ROI is unchanged (it is no test of change).', c.headline);
  return lines.join('\n') + '\n';
}

