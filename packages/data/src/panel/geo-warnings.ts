// The warnings of a geo panel's national checks, told on the file's own rows: the checks run on the geos'
// sums (sum_panel's roll-up), whose rows are no line of the file and whose cleaning steps --geo refuses.
import type { CsvTable } from '../read/read-csv.ts';
import type { Issue } from '../issue.ts';
import type { RuleRoles } from '../validate/rule-types.ts';
import type { PanelRows } from './panel-rows.ts';
import { withGeoNames } from './panel-rows.ts';
import { geoOutliers } from './geo-outliers.ts';
import { columnValues } from '../validate/numeric-columns.ts';

/** The cleaning offer a hint ends with (cleaning-hints.ts), which a geo panel cannot take. */
const CLEANING_OFFER = /; or let Mixwise change it and log every change:.*$/s;

/**
 * A geo panel's warnings on the file's rows: the outlier check run per geo (the sums' EXTREME_OUTLIER
 * dropped: a spike in a small geo hardly moves the sum, and the sum's row is no file line), the geo of
 * an issue on a row named (withGeoNames), a control's empty cells counted on the geos' rows with
 * their line and geo, and cleaning steps (refused with a geo panel) replaced by fixes that work.
 * @param issues the national checks' issues (on the sums)
 * @param csv the panel file's cells
 * @param rows the panel's index
 * @param roles the resolved roles (the KPI and the channels' spend columns are scored for outliers)
 * @param options kpiFrom: warm-up rows' KPI is not scored
 * @example geoPanelWarnings(issues, csv, rows, roles)[0].message // 'geo "east": value 3e6 is 41.2 robust standard deviations …'
 */
export function geoPanelWarnings(issues: readonly Issue[], csv: CsvTable, rows: PanelRows, roles: RuleRoles, options: { kpiFrom?: string } = {}): Issue[] {
  const national = issues.filter((i) => i.code !== 'EXTREME_OUTLIER');
  const perGeo = geoOutliers(csv, rows, roles, options);
  return withGeoNames([...national, ...perGeo], csv, rows).map((issue) => onFileRows(issue, csv, rows));
}

/** An issue still about the sums, told on the file's rows with a fix a geo panel can take. */
function onFileRows(issue: Issue, csv: CsvTable, rows: PanelRows): Issue {
  const sumInstead = `or fit the national sum instead of a geo-level model: --clean sum_panel=${rows.column} without --geo`;
  if (issue.code === 'UNUSED_COLUMNS') return { ...issue, message: emptyCellsOnFileRows(issue.message, csv, rows) };
  if (!CLEANING_OFFER.test(issue.hint)) return issue;
  return { ...issue, hint: `${issue.hint.replace(CLEANING_OFFER, '')}; fix the cell in the file, ${sumInstead}` };
}

/**
 * UNUSED_COLUMNS' "comp (has 1 empty cell, on line 42: the cleaning step impute_controls fills it)"
 * counted on the sums (line 42 being only the first of the summed rows): recounted on the geos' rows,
 * naming the line and geo of the first, with a fix a geo panel can take.
 */
function emptyCellsOnFileRows(message: string, csv: CsvTable, rows: PanelRows): string {
  let out = message;
  for (const column of csv.header) {
    const said = new RegExp(`(^|[:,] )${escapeRegExp(column)} \\(has (?:\\d+ empty cells?|empty cells)[^)]*\\)`);
    const m = said.exec(out);
    if (m === null) continue;
    const bad = emptyCells(csv, rows, column);
    if (bad.length === 0) continue;
    const first = bad[0];
    const cell = (csv.rows[first.index][csv.header.indexOf(column)] ?? '').trim();
    const kind = bad.every((b) => (csv.rows[b.index][csv.header.indexOf(column)] ?? '').trim() === '') ? 'empty' : 'empty or unreadable';
    const where = `line ${csv.rowNumbers[first.index]}, ${rows.column} "${first.geo}"${cell === '' ? '' : `, reading "${cell}"`}`;
    const counted = bad.length === 1 ? `has 1 ${kind} cell, on ${where}` : `has ${bad.length} ${kind} cells, the first on ${where}`;
    const fix = `fill ${bad.length === 1 ? 'it' : 'them'} in the file, or fit the national sum with --clean sum_panel=${rows.column},impute_controls without --geo`;
    out = out.replace(said, `${m[1]}${column} (${counted}: ${fix})`);
  }
  return out;
}

/** The panel rows whose cell in `column` is empty or not a number, in file order, with their geo. */
function emptyCells(csv: CsvTable, rows: PanelRows, column: string): { index: number; geo: string }[] {
  const values = columnValues(csv, column);
  if (values === undefined) return [];
  const out: { index: number; geo: string }[] = [];
  rows.rowOf.forEach((byDate, g) => {
    for (const i of byDate.values()) if (Number.isNaN(values[i])) out.push({ index: i, geo: rows.geos[g] });
  });
  return out.sort((a, b) => a.index - b.index);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
