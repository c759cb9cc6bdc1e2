import type { ModelingTable } from '@mixwise/engine';
import { modelingTableFromPanel } from '@mixwise/engine';
import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import type { ResolvedRoles } from '../build/resolve-roles.ts';
import { DataError } from '../issue.ts';
import { parseNumber } from '../read/parse-number.ts';
import { makeIssue } from '../validate/make-issue.ts';
import { capped, type PanelRows } from './panel-rows.ts';
import { panelSizes, type GeoSizeOption } from './panel-sizes.ts';

/**
 * The geo-panel ModelingTable of a long file: each geo's KPI, spend and controls read from its own
 * rows, on the dates, with the channels, controls, events and holidays of the national table the file's
 * roll-up gave (so channel detection, the automatic controls, events and every national check are the
 * national file's). A control equal in every geo on every date is national, any other per geo.
 * The national columns of the result are the geo aggregates (modelingTableFromPanel).
 * @param csv the long file's cells (the rows `rows` indexes)
 * @param rows the panel's index (panelRows)
 * @param national the table built from the file added up over geos
 * @param roles the columns of that table's roles (target, channel spend, controls in table order)
 * @param size the size column (population…) whose share of its total is each geo's s_g (panelSizes);
 *   without it, s_g is the geo's share of the KPI
 * @param options kpiFrom: the modeling window's start (--start): a geo's KPI total is counted from it on;
 *   end: the window's end (--end), the table's rows already cut there (named in the PANEL_KPI_TOTAL message)
 * A channel the national table pairs with an exposure column (impressions…) gets its exposure per geo
 * read the same way (values ≥ 0), for a fit on exposure. Organic media are not carried over (the caller
 * refuses them with a geo panel).
 * @throws DataError, each issue naming file, line, column and geo: EMPTY_CELL (a KPI, spend, exposure or control
 *   left empty: a panel with a missing KPI is refused), NOT_A_NUMBER, NEGATIVE_SPEND (spend or exposure), PANEL_UNBALANCED
 *   (a date of the table with no row in a geo, e.g. inserted by fill_gaps), PANEL_KPI_TOTAL (a geo whose KPI
 *   adds up to zero or less, with or without a size column: its lines named), PANEL_SIZE (a size empty, not a positive number or
 *   not the same on all the geo's rows), MISSING_COLUMN (the size column)
 * @returns the table and notes (warnings) on what was read differently from the national table
 * @example panelTable(csv, panelRows(csv, 'geo', 'date'), national, roles).table.panel?.geos // ['north', 'south']
 */
export function panelTable(csv: CsvTable, rows: PanelRows, national: ModelingTable, roles: ResolvedRoles, size?: GeoSizeOption,
  options: { readonly kpiFrom?: string; readonly end?: string } = {}): { table: ModelingTable; notes: Issue[] } {
  if (roles.controls.length !== national.controls.length) throw new Error(`panelTable: ${roles.controls.length} control columns for ${national.controls.length} controls`);
  const issues: Issue[] = [];
  const dates = national.dates;
  const { column } = rows;
  // A cell's location and words, made only for a cell with a problem (not for each of a panel's million cells).
  const at = (i: number, col: string): Issue['at'] => ({ file: csv.file, row: csv.rowNumbers[i], column: col });
  const where = (geo: string, date: string): string => `${column} "${geo}", ${date}`;
  // One reader per column: [nGeos][nTimes] numbers, NaN where a problem was recorded.
  const read = (col: string, kind: 'target' | 'spend' | 'exposure' | 'control' | 'event'): Float64Array[] => {
    const j = csv.header.indexOf(col);
    return rows.geos.map((geo, g) => {
      const out = new Float64Array(dates.length);
      dates.forEach((date, t) => {
        const i = rows.rowOf[g].get(date);
        if (i === undefined) {
          // Only the first column read reports a geo's missing date.
          if (kind === 'target') {
            issues.push(makeIssue('PANEL_UNBALANCED', 'error', `${column} "${geo}" has no row for ${date}, a date of the modeling table (a period the cleaning inserted?)`,
              'give every geo a row for every date; with a geo panel, fill gaps in the file itself', { file: csv.file, column }));
          }
          out[t] = Number.NaN;
          return;
        }
        const p = parseNumber(csv.rows[i][j] ?? '', csv.delimiter);
        if (!p.ok) {
          const empty = p.reason === 'empty';
          issues.push(makeIssue(empty ? 'EMPTY_CELL' : 'NOT_A_NUMBER', 'error',
            empty ? `${where(geo, date)}: ${kind === 'target' ? 'the KPI' : `the ${kind}`} is empty${kind === 'target' ? ', and a geo panel with a missing KPI is not supported yet' : ''}`
              : `${where(geo, date)}: "${csv.rows[i][j]}" is not a number`,
            kind === 'target' ? 'fill in the KPI, leave the geo (or the dates) out of the file, or add the geos up into one national series (--clean sum_panel,skip_missing_kpi)'
              : kind === 'spend' ? 'write 0 where nothing was spent' : kind === 'exposure' ? 'write 0 where nothing was shown'
                : 'fill in the value (the cleaning steps impute_controls and fill_gaps do not work per geo yet)', at(i, col)));
          out[t] = Number.NaN;
          return;
        }
        if ((kind === 'spend' || kind === 'exposure') && p.value < 0) {
          issues.push(makeIssue('NEGATIVE_SPEND', 'error', `${where(geo, date)}: ${kind} ${csv.rows[i][j]} is below zero`,
            kind === 'spend' ? 'correct the value (a refund belongs in the period it refers to), or set it to 0' : 'an exposure (impressions, clicks, GRPs) must be 0 or more; fix the value, or write 0 for a period with none', at(i, col)));
        }
        out[t] = p.value;
      });
      return out;
    });
  };
  const target = read(roles.target, 'target');
  const spend = national.channels.map((c) => read(c.column, 'spend'));
  // The exposure column the national build paired with a channel (config exposure:, or --media exposure by name), per geo.
  const exposure = national.channels.map((c) => (c.exposureColumn === undefined ? undefined : read(c.exposureColumn, 'exposure')));
  const controls = national.controls.map((c, k) => {
    const values = read(roles.controls[k], 'control');
    return { name: c.name, sign: c.sign, values: isNational(values) ? values[0] : values };
  });
  // Event columns of the file (not the built-in holidays, nor a text column's derived dummies) read per geo.
  const byGeo = national.events.filter((e) => e.holidays === undefined && roles.events.includes(e.name) && csv.header.includes(e.name))
    .map((e) => ({ event: e, values: read(e.name, 'event') })).filter((e) => !isNational(e.values));
  const sizes = size === undefined ? undefined : panelSizes(csv, rows, dates, size);
  if (sizes !== undefined && !sizes.ok) issues.push(...sizes.issues);
  if (issues.length === 0) issues.push(...kpiTotals(csv, target, dates, rows, roles.target, size, options));
  if (issues.length > 0) throw new DataError(capped(issues));
  const events = byGeo.map(({ event, values }) => makeIssue('PANEL_EVENT_BY_GEO', 'warning',
    `event "${event.name}" differs between geos on ${differingDates(values, dates).join(', ')}: read per geo as a control (sign free), not added up into one national flag`,
    `nothing to do if it is a regional event or promo; name it with --controls (or in the config's controls) to say so, or make it the same in every geo if it is national`, { file: csv.file, column: event.name }));
  const notes = events;
  const perGeo = new Set(byGeo.map((e) => e.event.name));
  const table = modelingTableFromPanel({
    dates, frequency: national.frequency, column, geos: rows.geos,
    target: { name: national.target.name, kind: national.target.kind, values: target },
    channels: national.channels.map((c, k) => {
      const x = exposure[k];
      return { name: c.name, column: c.column, spend: spend[k], ...(x === undefined ? {} : { exposure: x, exposureColumn: c.exposureColumn }) };
    }),
    controls: [...controls, ...byGeo.map(({ event, values }) => ({ name: event.name, sign: 'free' as const, values }))],
    events: national.events.filter((e) => !perGeo.has(e.name)),
    ...(national.holidayCalendar === undefined ? {} : { holidayCalendar: national.holidayCalendar }),
    ...(sizes?.ok === true ? { size: sizes.size } : {}),
  });
  return { table, notes };
}

/**
 * A PANEL_KPI_TOTAL error for each geo whose KPI adds up to zero or less over the table's dates from
 * `kpiFrom` on (the modeling window: rows before it only warm up carryover, rows after its end are not in
 * the table), naming the file, the geo's lines in the window, the window and the KPI column. Without a size column its share of the KPI, which scales
 * its series to national units, is not defined; with one (--geo-size) the geo would be fitted on its size
 * and given the media contribution its spend implies while its baseline went negative by as much,
 * inflating the national contributions and pulling the shared curves toward zero. Either way a geo with
 * no KPI is almost always a missing export.
 */
function kpiTotals(csv: CsvTable, target: readonly Float64Array[], dates: readonly string[], rows: PanelRows, kpi: string, size: GeoSizeOption | undefined,
  window: { readonly kpiFrom?: string; readonly end?: string }): Issue[] {
  const { kpiFrom } = window;
  // A start after every date is an empty window (no KPI to count), not the whole table.
  const first = kpiFrom === undefined ? 0 : dates.findIndex((d) => d >= kpiFrom);
  const from = first < 0 ? dates.length : first;
  const windowed = from > 0 || window.end !== undefined;
  const inWindow = dates.slice(from);
  const n = inWindow.length;
  if (n === 0) {
    // Every geo would add up to 0 over no dates: one error naming the window, not one per geo.
    return [makeIssue('PANEL_KPI_TOTAL', 'error',
      `the modeling window starts at ${kpiFrom}, after the table's last date ${dates[dates.length - 1]}: no geo has a KPI in it`,
      `set the window's start (--start, or the config's window) to a date of the file, on or before ${dates[dates.length - 1]}`,
      { ...(csv.file === undefined ? {} : { file: csv.file }), column: kpi })];
  }
  return kpiTotalsAtMostZero(target, from, dates.length, rows.geos).map(({ geo, g, total }) => {
    const lines = inWindow.map((d) => rows.rowOf[g].get(d)).filter((i) => i !== undefined).map((i) => csv.rowNumbers[i]).sort((x, y) => x - y);
    const first = lines[0];
    const last = lines[lines.length - 1];
    const where = first === undefined ? '' : first === last ? ` (line ${first})` : last - first + 1 === lines.length ? ` (lines ${first}–${last})` : ` (its ${lines.length} rows, lines ${first} to ${last})`;
    const why = size === undefined ? 'so the geo has no share of the KPI and a geo-level model cannot use it'
      : `a geo with no KPI cannot be fitted even sized by "${size.column}" (${size.flag}): its media would still be credited with the contribution its size implies, offset by a baseline below zero, inflating the national contributions`;
    // Before the window's start the KPI only warms up carryover: a geo with KPI there only is named with the window.
    const warm = from > 0 ? `; the rows before ${inWindow[0]} only warm up carryover` : '';
    const over = windowed ? `over the modeling window ${inWindow[0]} … ${inWindow[n - 1]} (${n} dates${where === '' ? '' : `, ${where.slice(2, -1)}`}${warm})` : `over its ${n} dates${where}`;
    const moved = [...(from > 0 ? ['--start'] : []), ...(window.end !== undefined ? ['--end'] : [])];
    const move = windowed ? `; or set the window where the geo has its KPI (move ${moved.join(' or ')}, or the config's window)` : '';
    return makeIssue('PANEL_KPI_TOTAL', 'error',
      `${rows.column} ${JSON.stringify(geo)}: the KPI "${kpi}" adds up to ${total} ${over}, ${why}`,
      `check the geo's KPI in the file (a missing export reads as zeros), or leave the geo's rows out of the file${size === undefined ? ' (or add the geos up into one national series: --clean sum_panel)' : ''}${move}`,
      { ...(csv.file === undefined ? {} : { file: csv.file }), ...(first === undefined ? {} : { row: first }), column: kpi });
  });
}

/** The geos (and their index) whose KPI adds up to zero or less over the dates [from, n), with that total. */
function kpiTotalsAtMostZero(target: readonly Float64Array[], from: number, n: number, geos: readonly string[]): { geo: string; g: number; total: number }[] {
  return geos.flatMap((geo, g) => {
    let total = 0;
    for (let t = from; t < n; t++) total += target[g][t];
    return total > 0 ? [] : [{ geo, g, total }];
  });
}

/** The dates on which the geos' values differ (the first five, then a count). */
function differingDates(values: readonly Float64Array[], dates: readonly string[]): string[] {
  const out = dates.filter((_, t) => values.some((v) => v[t] !== values[0][t]));
  return out.length > 6 ? [...out.slice(0, 5), `… (${out.length} dates)`] : out;
}

/** Whether a control has the same value in every geo on every date (a national control: price index, a national flag). */
function isNational(values: readonly Float64Array[]): boolean {
  return values.every((v) => v.every((x, t) => x === values[0][t]));
}
