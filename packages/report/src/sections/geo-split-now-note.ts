import { geoShareName, geoSplitNowEven } from '@mixwise/engine';
import { escapeHtml } from '../escape-html.ts';
import { amountCell, htmlTable } from '../html-table.ts';
import type { Recommendation } from '../recommendation.ts';

/**
 * Under a geo-level model's recommendation: what the current spend gives at today's split across geos
 * against the split by KPI share (or size-column share) the recommendation assumes (Recommendation.geoSplitNow), as its
 * sentence with the numbers, and, when the two differ, a table of each channel's KPI per period from
 * media at both splits and the gap (exact values in data-value). Empty for a national model.
 * @example geoSplitNowNote(recommendation).includes('class="note geo-split-now"') // true on a geo-level model
 */
export function geoSplitNowNote(r: Pick<Recommendation, 'geoSplitNow'>): string {
  const g = r.geoSplitNow;
  if (g === undefined) return '';
  const sentence = `<p class="note geo-split-now" data-gap="${String(g.gap)}">${escapeHtml(g.text)}</p>`;
  if (geoSplitNowEven(g)) return sentence;
  const rows = g.channels.map((c) => ({
    key: c.channel,
    cells: [
      { text: c.channel },
      amountCell(c.current, 'current'),
      amountCell(c.historical, 'historical'),
      amountCell(c.proportional, 'proportional'),
      amountCell(c.gap, 'gap'),
    ],
  }));
  const headers = ['channel', 'current spend per period', 'KPI from media, today\'s split across geos', `at a split by ${geoShareName(g.sizeColumn)}`, 'model-credited gap (untested)'];
  return sentence + htmlTable(headers, rows, 'geo-split-now');
}
