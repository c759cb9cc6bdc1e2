import type { NewPeriodsRoi, SummaryResult } from '@mixwise/engine';
import { newPeriodsHaveIntervals } from '@mixwise/engine';
import { renderTable } from './table.ts';
import { escapeControls } from './terminal-text.ts';
import { formatRoi } from './format.ts';

/**
 * Each channel's ROI over a refresh's new periods, with its 90% interval over the replicates when the
 * model has them, beside its ROI over the whole window, or a line saying there is no new period.
 * @param n newPeriodsRoi of the refreshed model
 * @param summary the refreshed run's summary (whole-window ROIs)
 * @returns the text, ending in a newline
 */
export function formatNewPeriodsRoi(n: NewPeriodsRoi, summary: Pick<SummaryResult, 'channels'>): string {
  if (n.periods === 0 || n.first_date === null || n.last_date === null) return 'No new period after the previous window, so no ROI over new periods.\n';
  type Row = { name: string; spend: number; contribution: number; roi: number | null; interval: readonly [number, number] | null; whole: number | undefined };
  // No column without an interval (older summaries, no or too few replicates): the caption would claim them over dashes.
  const intervals = newPeriodsHaveIntervals(n);
  const rows: Row[] = n.channels.map((c) => ({ ...c, name: escapeControls(c.name), interval: c.roi_interval ?? null, whole: summary.channels.find((s) => s.name === c.name)?.roi }));
  const table = renderTable<Row>([
    { header: 'channel', value: (r) => r.name },
    { header: 'spend (new)', value: (r) => r.spend, format: 'number' },
    { header: 'contribution (new)', value: (r) => r.contribution, format: 'number' },
    { header: 'ROI (new periods)', value: (r) => (r.roi === null ? '– (no spend)' : formatRoi(r.roi)) },
    ...(intervals ? [{ header: '90% interval (new)', value: (r: Row) => (r.interval === null ? '–' : `${formatRoi(r.interval[0])}–${formatRoi(r.interval[1])}`) }] : []),
    { header: 'ROI (whole window)', value: (r) => (r.whole === undefined ? '–' : formatRoi(r.whole)) },
  ], rows);
  const how = intervals ? 'with 90% intervals over its bootstrap replicates or posterior draws, as the summary\'s' : 'point estimates, no interval';
  return `\nNew periods only (${n.first_date} to ${n.last_date}, ${n.periods} periods), from the refreshed model's decomposition (${how}):\n${table.trimEnd()}\n`;
}
