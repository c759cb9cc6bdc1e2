import { formatAmount, formatPercent, formatRoi } from '@mixwise/charts';
import { formatMoney, isPlainMoney, roiDecimals, type MoneyFormat } from '@mixwise/engine';
import { escapeHtml } from './escape-html.ts';

/** One table cell: display text plus, for numbers, the exact value kept in data-value for machines. */
export interface Cell {
  readonly text: string;
  /** Exact number behind the text (written as data-value with full precision). */
  readonly value?: number | null;
  /** Machine name of the column (data-field). */
  readonly field?: string;
  readonly className?: string;
}

/** A numeric cell: `format(value)` as its text, the exact value in data-value, under column `field`. */
function numberCell(value: number, field: string, format: (x: number) => string): Cell {
  return { text: format(value), value, field };
}

/**
 * An amount (spend, KPI, contribution) cell written with formatAmount (with `money`: its currency and
 * locale); a missing value (null) reads '–'.
 * @example amountCell(1234.5, 'spend') // { text: '1,235', value: 1234.5, field: 'spend' }
 * @example amountCell(1234.5, 'spend', { currency: 'GBP' }).text // '£1,235'
 */
export function amountCell(value: number | null, field: string, money?: MoneyFormat): Cell {
  return { text: formatAmount(value ?? Number.NaN, money), value, field };
}

/**
 * A cost per KPI unit (CPA) cell: formatRoi's decimals, with the currency when `money` has one.
 * @example moneyRoiCell(12.5, 'cpa', { currency: 'EUR' }).text // '€12.50'
 */
export function moneyRoiCell(value: number, field: string, money?: MoneyFormat): Cell {
  if (money === undefined || isPlainMoney(money)) return roiCell(value, field);
  return { text: formatMoney(value, money, { decimals: roiDecimals(value), unicodeMinus: true }), value, field };
}

/**
 * A share (0..1) cell written as a percentage (formatPercent).
 * @example percentCell(0.25, 'share') // { text: '25.0%', value: 0.25, field: 'share' }
 */
export function percentCell(value: number, field: string): Cell {
  return numberCell(value, field, formatPercent);
}

/**
 * A return on spend (ROI, mROI, CPA) cell written with formatRoi.
 * @example roiCell(0.0057, 'roi') // { text: '0.0057', value: 0.0057, field: 'roi' }
 */
export function roiCell(value: number, field: string): Cell {
  return numberCell(value, field, formatRoi);
}

/**
 * An HTML table; every string is escaped. Numeric cells carry `data-field` and `data-value` (the
 * exact JavaScript number, so String → Number round-trips), rows may carry a `data-key`. The first cell
 * of each body row (the channel, geo or component it is about) is its row header, `<th scope="row">`,
 * so a screen reader names the row with each figure.
 * @param headers column headings
 * @param rows rows of cells, with an optional key per row
 * @example htmlTable(['channel', 'ROI'], [{ key: 'tv', cells: [{ text: 'tv' }, { text: '1.20', value: 1.2, field: 'roi' }] }])
 * // '<table><thead><tr><th scope="col">channel</th><th scope="col">ROI</th></tr></thead><tbody><tr data-key="tv"><th scope="row">tv</th><td class="num" data-field="roi" data-value="1.2">1.20</td></tr></tbody></table>'
 */
export function htmlTable(headers: readonly string[], rows: readonly { readonly key?: string; readonly cells: readonly Cell[] }[], className?: string): string {
  const head = `<thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => {
    const key = r.key !== undefined ? ` data-key="${escapeHtml(r.key)}"` : '';
    return `<tr${key}>${r.cells.map((c, i) => cell(c, i === 0)).join('')}</tr>`;
  }).join('');
  const cls = className !== undefined ? ` class="${escapeHtml(className)}"` : '';
  const name = className !== undefined ? TABLE_NAMES[className] : undefined;
  const caption = name !== undefined ? `<caption class="visually-hidden">${escapeHtml(name)}</caption>` : '';
  // Wrapped so a wide table scrolls inside its own box on a narrow screen, not the whole page.
  return `<div class="table-scroll"><table${cls}>${caption}${head}<tbody>${body}</tbody></table></div>`;
}

/** The caption of each report table, by its class: read by screen readers (a list of tables shows it), not drawn, as the section's heading says it on screen. */
const TABLE_NAMES: Readonly<Record<string, string>> = {
  alternatives: 'Alternative models',
  'lift-tests': 'Lift tests against the model',
  decomposition: 'Contributions by component',
  tests: 'Residual tests',
  vif: 'Variance inflation',
  metrics: 'Fit metrics',
  parameters: 'Channel parameters',
  geos: 'Results per geo',
  geo: 'KPI by geography',
  'largest-residuals': 'Largest residuals',
  posterior: 'Posterior checks',
  allocation: 'Recommended allocation per channel',
  confidence: 'ROI range per channel',
  roi: 'Return on spend per channel',
  'refresh-runs': 'The previous model and this one: window and fit',
  'refresh-channels': 'Return on spend per channel before and after the refresh',
  'refresh-new-periods': 'Return on spend per channel over the new periods only',
};

function cell(c: Cell, rowHeader: boolean): string {
  const numeric = c.value !== undefined;
  const classes = [numeric ? 'num' : '', c.className ?? ''].filter((s) => s !== '').join(' ');
  const attrs = [
    classes !== '' ? ` class="${escapeHtml(classes)}"` : '',
    c.field !== undefined ? ` data-field="${escapeHtml(c.field)}"` : '',
    numeric ? ` data-value="${c.value === null || !Number.isFinite(c.value) ? '' : String(c.value)}"` : '',
  ].join('');
  return rowHeader ? `<th scope="row"${attrs}>${escapeHtml(c.text)}</th>` : `<td${attrs}>${escapeHtml(c.text)}</td>`;
}
