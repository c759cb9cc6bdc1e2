// The steps of reading a long panel file as a geo panel around the national checks and build, shared by
// `mixwise fit --geo` (the CLI's readCheckedTable) and the server's role check and fit.
import type { CleaningResult, CleaningStep } from '../clean/run-cleaning.ts';
import type { Issue } from '../issue.ts';
import type { ReadOutcome } from '../validate/read-outcome.ts';
import type { TableFromCsvResult } from '../build/table-from-csv.ts';
import { DataError } from '../issue.ts';
import { detectDateColumn } from '../detect/detect-date-column.ts';
import { panelRows, withGeoNames, type PanelRows } from './panel-rows.ts';
import { panelTable } from './panel-table.ts';
import { geoPanelWarnings } from './geo-warnings.ts';
import type { GeoSizeOption } from './panel-sizes.ts';

/** A geo panel to read (fit --geo, columns.geo): its column and how messages name the setting. */
export interface GeoOption {
  readonly column: string;
  readonly flag: string;
  /** The KPI column, so an empty KPI cell is worded as one. */
  readonly target?: string;
  /** The size column (fit --geo-size, columns.geo_size): s_g is each geo's share of it, not of the KPI. */
  readonly size?: GeoSizeOption;
}

/**
 * The panel's index (panelRows) on the file's rows up to the window's end, checked before anything else
 * so a missing or repeated (date, geo) is named by geo, date and line; undefined when the file could not
 * be read or its date column is not known yet (the build finds it: panelAfterBuild).
 * @throws DataError from panelRows
 */
export function panelBeforeBuild(read: ReadOutcome, date: string | undefined, geo: GeoOption | undefined, end: string | undefined): PanelRows | undefined {
  if (geo === undefined || read.csv === undefined) return undefined;
  const column = date ?? detectDateColumn(read.csv.header, read.csv.rows);
  if (column === undefined || !read.csv.header.includes(column)) return undefined;
  return panelRows(read.csv, geo.column, column, { flag: geo.flag, ...(end === undefined ? {} : { end }), ...(geo.target === undefined ? {} : { target: geo.target }) });
}

/**
 * Runs the national checks and build, an error on a panel's row naming its geo (withGeoNames).
 * @throws DataError from `build`, its issues named by geo
 */
export function namingGeos<T>(read: ReadOutcome, rows: PanelRows | undefined, build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof DataError && rows !== undefined && read.csv !== undefined) throw new DataError(withGeoNames(err.issues, read.csv, rows));
    throw err;
  }
}

/**
 * The table read as a geo panel: the index (panelBeforeBuild's, else made now on the date column the
 * build found) and the panel's table (panelTable) on the national build's roles, its warnings joined by
 * the geo names' (panelRows) and the panel's notes (an event column read per geo), with `name`, which
 * tells the issues on the panel's rows by geo and file line (geoPanelWarnings: also the outlier check
 * per geo, on the rows the national check scores: with `kpiFrom`, a modeling window's start, the KPI of
 * the warm-up rows before it is not scored). Without a geo, the national build as it is.
 */
export function panelAfterBuild(read: ReadOutcome, rows: PanelRows | undefined, geo: GeoOption | undefined, end: string | undefined, national: TableFromCsvResult,
  options: { readonly kpiFrom?: string } = {}): { built: TableFromCsvResult; name: (issues: readonly Issue[]) => Issue[] } {
  const csv = read.csv;
  if (geo === undefined || csv === undefined) return { built: national, name: (issues) => [...issues] };
  const panel = rows ?? panelRows(csv, geo.column, national.roles.date, { flag: geo.flag, ...(end === undefined ? {} : { end }), target: national.roles.target });
  // The KPI total of each geo is checked over the modeling window: from kpiFrom (--start) on, to the window's end (rows after it are not in the table).
  const { table, notes } = panelTable(csv, panel, national.table, national.roles, geo.size,
    { ...(options.kpiFrom === undefined ? {} : { kpiFrom: options.kpiFrom }), ...(end === undefined ? {} : { end }) });
  // The geo names' warnings and what the panel's read changed (an event read per geo) join the build's warnings.
  return { built: { ...national, table, warnings: [...national.warnings, ...(panel.warnings ?? []), ...notes] }, name: (issues) => geoPanelWarnings(issues, csv, panel, national.roles, options.kpiFrom === undefined ? {} : { kpiFrom: options.kpiFrom }) };
}

/**
 * A cleaning result without the sum_panel step that gave a geo panel's national table: that roll-up is
 * not a change to the data (not logged, not printed). Undefined when no other step ran.
 */
export function withoutRollUp(cleaning: CleaningResult): CleaningResult | undefined {
  const summary = cleaning.summary.filter((s) => s.step !== 'sum-panel');
  return summary.length === 0 ? undefined : { ...cleaning, summary, changes: cleaning.changes.filter((c) => c.step !== 'sum_panel' && c.step !== 'sum-panel') };
}

/** Cleaning steps that only check or reorder rows (negatives only as reject), so the per-geo series (read from the file's own rows) agree with them. */
const PANEL_SAFE_STEPS: ReadonlySet<CleaningStep['type']> = new Set(['sort-dates', 'negatives']);

/**
 * The cleaning steps a geo panel cannot take: those that change values (fill_gaps, winsorize,
 * negatives=clip, impute_controls, skip_missing_kpi, decimal_comma) are applied to the geos' roll-up,
 * not per geo, so they are refused rather than silently ignored; the sum_panel roll-up itself is not listed.
 * @example stepsNotPerGeo([{ type: 'sort-dates' }, { type: 'fill-gaps' }]) // [{ type: 'fill-gaps' }]
 */
export function stepsNotPerGeo(steps: readonly CleaningStep[]): CleaningStep[] {
  return steps.filter((s) => s.type !== 'sum-panel' && (!PANEL_SAFE_STEPS.has(s.type) || (s.type === 'negatives' && s.mode === 'clip')));
}
