import { formatSigned } from '@mixwise/charts';
import type { LargestResiduals } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable } from '../html-table.ts';

/**
 * The diagnostics section's list of the in-sample periods with the largest residuals (diagnostics.json
 * `largestResiduals`): the dates behind a failed normality test, each with the other listed dates it
 * recurs with at the same time of year (a likely event without a column). A sentence instead when
 * none is listed; nothing for a diagnostics.json written before the list existed.
 * @example largestResidualsTable(diagnostics.largestResiduals).includes('class="largest-residuals"') // true when a period is listed
 */
export function largestResidualsTable(lr: LargestResiduals | null | undefined): string {
  if (lr === null || lr === undefined) return '';
  const head = '<h3>Largest residuals (in sample)</h3>';
  const rule = `${lr.threshold} robust standard deviations (1.4826 × the median absolute deviation) or more from the median residual`;
  if (lr.periods.length === 0) return `${head}<p class="note">${escapeHtml(`No period is ${rule}.`)}</p>`;
  const rows = lr.periods.map((p) => {
    const group = lr.recurring.find((g) => g.dates.includes(p.date));
    return {
      key: p.date,
      cells: [
        { text: p.date },
        amountCell(p.actual, 'actual'),
        amountCell(p.fitted, 'fitted'),
        amountCell(p.residual, 'residual'),
        { text: formatSigned(p.z, 1), value: p.z, field: 'z' },
        group === undefined ? { text: '' } : { text: group.dates.filter((d) => d !== p.date).join(', '), className: 'flag' },
      ],
    };
  });
  const shown = lr.beyond > lr.periods.length ? `the ${lr.periods.length} largest of ${lr.beyond} periods` : `${lr.periods.length === 1 ? 'the period' : `the ${lr.periods.length} periods`}`;
  const note = `Residuals ${rule}: ${shown}. Dates that come back at the same time of year in another year look like an event the model lacks: an event column for them (1 on those dates) takes them out of the residuals.`;
  return `${head}${htmlTable(['date', 'actual', 'fitted', 'residual', 'z (robust SD)', 'same time of year as'], rows, 'largest-residuals')}<p class="note">${escapeHtml(note)}</p>`;
}
