import type { NewPeriodsRoi, SummaryResult } from '@mixwise/engine';
import { renderTable } from './table.ts';
import { escapeControls } from './terminal-text.ts';
import { formatRoi } from './format.ts';

/**
 * Each channel's ROI over a refresh's new periods beside its ROI over the whole window (point
 * estimates, no interval), or a line saying there is no new period.
 * @param n newPeriodsRoi of the refreshed model
 * @param summary the refreshed run's summary (whole-window ROIs)
 * @returns the text, ending in a newline
 */
export function formatNewPeriodsRoi(n: NewPeriodsRoi, summary: Pick<SummaryResult, 'channels'>): string {
  if (n.periods === 0 || n.first_date === null || n.last_date === null) return 'No new period after the previous window, so no ROI over new periods.\n';
  type Row = { name: string; spend: number; contribution: number; roi: number | null; whole: number | undefined };
  const rows: Row[] = n.channels.map((c) => ({ ...c, name: escapeControls(c.name), whole: summary.channels.find((s) => s.name === c.name)?.roi }));
  const table = renderTable<Row>([
    { header: 'channel', value: (r) => r.name },
    { header: 'spend (new)', value: (r) => r.spend, format: 'number' },
    { header: 'contribution (new)', value: (r) => r.contribution, format: 'number' },
    { header: 'ROI (new periods)', value: (r) => (r.roi === null ? '– (no spend)' : formatRoi(r.roi)) },
    { header: 'ROI (whole window)', value: (r) => (r.whole === undefined ? '–' : formatRoi(r.whole)) },
  ], rows);
  return `\nNew periods only (${n.first_date} to ${n.last_date}, ${n.periods} periods), from the refreshed model's decomposition (point estimates, no interval):\n${table.trimEnd()}\n`;
}
