import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import type { PanelColumn } from './panel-column.ts';
import { makeIssue } from './make-issue.ts';
import { datedRows } from './dated-rows.ts';
import { isNumericColumn } from '../build/unused-numeric-columns.ts';
import { nameWords } from '../detect/name-words.ts';
import { isKpiLike } from '../detect/candidate-controls.ts';
import { keyColumnsText } from './panel-keys.ts';
import { sqlName, sqlString } from './duckdb-hint.ts';

/**
 * Long files: one row per date and channel (`date, channel, spend, revenue`). Their rows repeat the
 * dates like a geo panel's, but adding them up would be wrong twice over: the KPI, a total per date
 * repeated on every channel row, would be counted once per channel, and the channels' spend would
 * become one column. Such a file is pivoted to one spend column per channel instead (`sources:`).
 */

/** Why a panel column is read as a channel dimension. */
export type LongFormatReason = { kind: 'kpi-repeats'; kpi: string } | { kind: 'channel-column' };

/** Words of a column name that holds channels (a word of the name). */
const CHANNEL_COLUMN_WORDS = new Set(['channel', 'channels', 'medium', 'media', 'platform', 'platforms', 'tactic', 'tactics']);
/** Words of a geographic column that may also hold a media word (media_market, a DMA). */
const GEO_WORDS = new Set(['market', 'dma', 'geo', 'region', 'country', 'state', 'city']);
/** Words of channel names (a word of a value). */
const CHANNEL_VALUE_WORDS = new Set([
  'tv', 'ctv', 'radio', 'print', 'ooh', 'outdoor', 'search', 'sem', 'seo', 'display', 'social', 'facebook', 'meta', 'instagram',
  'google', 'youtube', 'tiktok', 'snapchat', 'linkedin', 'twitter', 'pinterest', 'email', 'affiliate', 'affiliates',
  'programmatic', 'video', 'podcast', 'newsletter', 'influencer', 'influencers', 'sms', 'bing',
]);

/**
 * Whether a panel column splits the dates by channel rather than by geo or product: the KPI is the
 * same in every row of each date (it is not split, so the rows are not parts of it), or the column
 * is named like channels (channel, media, platform…) or most of its values are channel names (tv,
 * search, facebook…) while the KPI (the target, else the first column named like one) repeats on
 * the rows of each date or is absent. When the KPI differs between the rows of a date, the rows are
 * parts of it (an `ios`/`android` platform, an online/store sales channel): a panel to add up,
 * whatever the column is called.
 * @param csv the file's cells
 * @param date the date column
 * @param panel the panel's key columns (panelColumn); with several, one of them named or valued like channels is enough
 * @param target the KPI column, when known
 * @returns the reason, or undefined for a geo or product panel
 * @example longFormat(csv, 'date', { columns: ['channel'], values: ['tv', 'search'] }, 'revenue') // { kind: 'kpi-repeats', kpi: 'revenue' }
 */
export function longFormat(csv: CsvTable, date: string, panel: PanelColumn, target?: string): LongFormatReason | undefined {
  if (target !== undefined && kpiRepeats(csv, date, target)) return { kind: 'kpi-repeats', kpi: target };
  const kpi = target ?? csv.header.find((h) => h !== date && !panel.columns.includes(h) && isKpiLike(h) && isNumericColumn(csv, h));
  // A "KPI" named like spend (validate --target spend on an ad export) differs between channels as spend does: it splits nothing.
  if (kpi !== undefined && !isSpendNamed(kpi) && kpiDiffers(csv, date, kpi)) return undefined;
  return channelKey(csv, date, panel) !== undefined ? { kind: 'channel-column' } : undefined;
}

/**
 * Whether the KPI differs between the rows of some date that has several (blank cells aside): the
 * rows split the KPI (a panel of geos, products or platforms), so they add up to it.
 * @example kpiDiffers(parseCsvText('date,platform,installs\n2024-01-01,ios,5\n2024-01-01,android,7'), 'date', 'installs') // true
 */
export function kpiDiffers(csv: CsvTable, date: string, kpi: string): boolean {
  const j = csv.header.indexOf(kpi);
  if (j < 0) return false;
  const first = new Map<number, string>();
  for (const d of datedRows(csv, date)) {
    const cell = csv.rows[d.index][j].trim();
    if (cell === '') continue;
    const seen = first.get(d.days);
    if (seen === undefined) first.set(d.days, cell);
    else if (seen !== cell) return true;
  }
  return false;
}

/**
 * Whether the KPI holds the same value in every row of each date that has several rows, while some
 * other number (the spend) differs between them: a total per date repeated on each row, which adding
 * up would multiply. When every number repeats, the rows are copies (or an even split), not channels.
 * @example kpiRepeats(parseCsvText('date,channel,spend,revenue\n2024-01-01,tv,1,5\n2024-01-01,search,2,5'), 'date', 'revenue') // true
 */
export function kpiRepeats(csv: CsvTable, date: string, target: string): boolean {
  const j = csv.header.indexOf(target);
  if (j < 0) return false;
  const groups = new Map<number, number[]>();
  for (const d of datedRows(csv, date)) {
    const rows = groups.get(d.days);
    if (rows === undefined) groups.set(d.days, [d.index]);
    else rows.push(d.index);
  }
  const repeated = [...groups.values()].filter((rows) => rows.length > 1);
  const same = (k: number, rows: readonly number[]): boolean => new Set(rows.map((i) => csv.rows[i][k].trim())).size === 1;
  if (repeated.length === 0 || !repeated.every((rows) => same(j, rows))) return false;
  const others = csv.header.map((h, k) => k).filter((k) => k !== j && csv.header[k] !== date && isNumericColumn(csv, csv.header[k]));
  return others.some((k) => repeated.some((rows) => !same(k, rows)));
}

/**
 * The key column of a panel named like channels, or most of whose values are channel names; else
 * another text column of the file named like channels (not like a geo) that takes several values on
 * most dates: an ad export by campaign (`date, channel, campaign, spend`) is keyed on its campaign,
 * one row per date and campaign, but its channel column still says what the rows are. Undefined when
 * none is.
 */
function channelKey(csv: CsvTable, date: string, panel: PanelColumn): string | undefined {
  return panelChannelKey(csv, panel) ?? csv.header.find((column) => column !== date && !panel.columns.includes(column) && isChannelNamed(column)
    && !isNumericColumn(csv, column) && splitsDates(csv, date, column));
}

/** Words of a spend column's name (spend, cost): such a column is the media's, never a KPI the rows split. */
const SPEND_WORDS = new Set(['spend', 'spends', 'spent', 'cost', 'costs']);

/** A column named like spend (spend, cost, media_cost). */
function isSpendNamed(column: string): boolean {
  return nameWords(column).some((w) => SPEND_WORDS.has(w));
}

/** A column named like channels (channel, media, platform…) and not like a geo (media_market). */
function isChannelNamed(column: string): boolean {
  const words = nameWords(column);
  return words.some((w) => CHANNEL_COLUMN_WORDS.has(w)) && !words.some((w) => GEO_WORDS.has(w));
}

/** Whether most dates that have several rows have several values of the column among them. */
function splitsDates(csv: CsvTable, date: string, column: string): boolean {
  const j = csv.header.indexOf(column);
  if (j < 0) return false;
  const values = new Map<number, Set<string>>();
  for (const d of datedRows(csv, date)) {
    const seen = values.get(d.days);
    if (seen === undefined) values.set(d.days, new Set([csv.rows[d.index][j]]));
    else seen.add(csv.rows[d.index][j]);
  }
  const split = [...values.values()].filter((v) => v.size > 1).length;
  return split * 2 > values.size;
}

/** The key column of a panel named like channels, or most of whose values are channel names. */
function panelChannelKey(csv: CsvTable, panel: PanelColumn): string | undefined {
  return panel.columns.find((column) => {
    if (isChannelNamed(column)) return true;
    const j = csv.header.indexOf(column);
    const values = panel.columns.length === 1 || j < 0 ? panel.values : [...new Set(csv.rows.map((r) => r[j]))];
    const channelValues = values.filter((v) => nameWords(v).some((w) => CHANNEL_VALUE_WORDS.has(w)));
    return values.length >= 2 && channelValues.length * 2 > values.length;
  });
}

/**
 * The LONG_FORMAT error: what the rows are and how to pivot them with `sources: { spend, kpi }`
 * (docs/config.md), never a sum of the KPI.
 * @param csv the file's cells
 * @param date the date column
 * @param panel the panel's key columns
 * @param reason what longFormat found
 * @param target the KPI column, when known (named in the query that writes the KPI file)
 * @returns the issue, located at the channel column (the first key column when none is named like one)
 * @example longFormatIssue(csv, 'date', { columns: ['channel'], values: ['tv', 'search'] }, { kind: 'channel-column' }).code // 'LONG_FORMAT'
 */
export function longFormatIssue(csv: CsvTable, date: string, panel: PanelColumn, reason: LongFormatReason, target?: string): Issue {
  const column = channelKey(csv, date, panel) ?? panel.columns[0];
  // A channel column beside the panel's key (campaign) is what the message is about: its values, not the campaigns.
  const j = csv.header.indexOf(column);
  const values = panel.columns.includes(column) || j < 0 ? panel.values : [...new Set(csv.rows.map((r) => r[j]))];
  const n = values.length;
  const shown = values.slice(0, 5).join(', ') + (n > 5 ? `, … (${n} in all)` : '');
  const keys = keyColumnsText(panel.columns);
  const within = panel.columns.includes(column) ? '' : ` (and ${keys} within each channel)`;
  const what = reason.kind === 'kpi-repeats'
    ? `the KPI "${reason.kpi}" is the same in all the rows of each date, one per value of ${keys} (${shown}): it is one total per date, repeated on each row, so the rows split the media, not the KPI, and adding them up would count the KPI up to ${n} times`
    : `every date has rows for several values of "${column}" (${shown})${within}, named like media channels: a long ad export with one row per date and channel, not a panel to add up (adding the rows would lose the channels and count a KPI repeated on each row several times)`;
  return makeIssue('LONG_FORMAT', 'error', what, pivotHint(csv, date, column, panel, target), { file: csv.file, column });
}

/** How to pivot a long file with the tool: `sources: { spend, kpi }`, a minimal config, and where the KPI file comes from. */
function pivotHint(csv: CsvTable, date: string, column: string, panel: PanelColumn, target?: string): string {
  const kpiColumn = [target ?? csv.header.find((h) => h !== date && isKpiLike(h) && isNumericColumn(csv, h))].find((k) => k !== undefined && !isSpendNamed(k));
  const kpi = sqlName(kpiColumn ?? 'KPI');
  const file = csv.file ?? 'data.csv';
  const day = date === 'date' ? sqlName(date) : `${sqlName(date)} AS "date"`;
  // The file's own headers, mapped in the config rather than renamed in the file (sources.spend.columns).
  const spendColumn = csv.header.includes('spend') ? 'spend' : csv.header.find((h) => h !== date && h !== column && isSpendNamed(h) && isNumericColumn(csv, h));
  const mapped = [['date', date], ['channel', column], ['spend', spendColumn ?? '<its spend column>']].filter(([to, from]) => from !== to);
  const mapping = mapped.map(([to, from]) => `${to}: ${/^[A-Za-z_][A-Za-z0-9_]*$/.test(from) ? from : JSON.stringify(from)}`).join(', ');
  const summed = panel.columns.filter((c) => c !== column);
  const kpiSource = kpiColumn === undefined
    ? ' and takes the KPI from kpi.csv, a file of its own with one row per date (columns date and the KPI, e.g. revenue or conversions from your shop or CRM): the ad export has no KPI column'
    : ` and takes the KPI from kpi.csv, one row per date, e.g. written by DuckDB: COPY (SELECT DISTINCT ${day}, ${kpi} FROM ${sqlString(file)} ORDER BY 1) TO 'kpi.csv'`;
  return 'pivot the file to one spend column per channel instead of adding its rows up: in mixwise.yaml, replace "data:" with '
    + `"sources: { spend: <this file>, kpi: kpi.csv }" (docs/config.md, sources), which builds <channel>_spend columns from the lines date, channel, spend`
    + (summed.length > 0 ? ` (the ${keyColumnsText(summed)} rows of a channel are summed)` : '')
    + (mapped.length > 0 ? ` (its own headers mapped: spend: { path: <this file>, columns: { ${mapping} } })` : '')
    + kpiSource
    + `; a minimal mixwise.yaml: "version: 1", "sources: { spend: ${mapped.length > 0 ? `{ path: ${file}, columns: { ${mapping} } }` : file}, kpi: kpi.csv }", "columns: { target: ${kpiColumn ?? 'revenue'} }", then mixwise prepare --config mixwise.yaml --out prepared`;
}
