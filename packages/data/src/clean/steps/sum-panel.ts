import type { CsvTable } from '../../read/read-csv.ts';
import type { Issue } from '../../issue.ts';
import type { Change, CleaningRoles, StepResult } from '../change.ts';
import { listText, naturalCompare } from '@mixwise/engine';
import { DataError } from '../../issue.ts';
import { parseNumber } from '../../read/parse-number.ts';
import { isNumericColumn } from '../../build/unused-numeric-columns.ts';
import { makeIssue } from '../../validate/make-issue.ts';
import { panelColumn, type PanelColumn } from '../../validate/panel-column.ts';
import { averagedByName, type PanelRule } from '../../validate/panel-rule.ts';
import { isFrequencyNamed, panelCombination, populationColumn, type PanelCombination } from '../../validate/panel-weights.ts';
import { kpiRepeats, longFormatIssue } from '../../validate/long-format.ts';
import { detectDateColumn } from '../../detect/detect-date-column.ts';
import { tableDays } from '../table-days.ts';
import { isBlankKpi } from './skip-missing-kpi.ts';
import { panelColumnHint, type CleaningHintVia } from '../cleaning-hints.ts';
import { duplicatePanelRowIssue } from '../../validate/panel-duplicates.ts';
import { keyColumnsText, keyName, panelKey, perDateText, repeatedKeys, sumPanelSetting } from '../../validate/panel-keys.ts';

/** Options of sumPanel. */
export interface SumPanelOptions {
  roles: CleaningRoles;
  /** The column that splits each date into rows (geo, region, product…), or the columns that do together (geo and product); default: the ones panelColumn finds. */
  column?: string | readonly string[];
  /** Only rows with these values of the column are added up (one value: model that geo alone); one panel column only. Default: all. */
  keep?: readonly string[];
  /** How a hint names the panel column setting: fit's `--clean`, mixwise.yaml, both (default) or neither. */
  hints?: CleaningHintVia;
  /** First date whose KPI is fitted (a window's start), yyyy-mm-dd: a blank KPI in an earlier (warm-up) row gives a blank total. */
  kpiFrom?: string;
  /** skip_missing_kpi is configured: a blank KPI in any row gives a blank total (that step then leaves the date out of the fit). */
  kpiMayBeMissing?: boolean;
  /** false: no change log (a geo fit drops the roll-up's log: withoutRollUp), which on a long panel is one entry per summed cell joining every geo's value. Default true. */
  rollUpLog?: boolean;
}

const RULE_WORDS: Readonly<Record<PanelRule, string>> = { sum: 'sum', mean: 'mean', max: 'largest value' };

/**
 * Cleaning step 'sum-panel': rolls a panel (one row per date and geo, product…) up to one series with
 * one row per date, so that a file like PyMC-Marketing's multidimensional example or Meridian's geo
 * layout can be fitted as a national model. Per date, over the rows kept: spend, the KPI and every
 * other numeric column are summed; controls, and columns with no role named like a rate or level
 * (revenue_per_conversion, avg_price: panelRule), are averaged (a price or an index does not add up;
 * on a balanced panel the mean is the sum over the same number of rows, so a linear control fits the
 * same either way); 0/1 event columns take their largest value. Text columns that differ between the rows
 * of a date are removed. Dates stay in the order they first appear; each output row keeps the file
 * line of its date's first row. Changes: one per output cell that combines several rows (before: the
 * parts joined with " + "), one per date for the panel column, one per removed row (`keep`) and one
 * per removed text column. A table whose dates do not repeat is returned unchanged (when no column is
 * named).
 * @param table the cells
 * A panel keyed on several columns (one row per date, geo and product) is added up over all of them:
 * each date's rows are told apart by their geo × product key (panelKey), and the key columns are
 * left out of the output like a single panel column.
 * @param options roles, the panel column(s), the values to keep and the hint style
 * @throws DataError MISSING_COLUMN for a column not in the table; LONG_FORMAT when the KPI is the same in
 *   every row of each date (one row per channel: adding it up would multiply it); PANEL_VALUE for a kept value the column
 *   does not have, or values kept with several key columns; PANEL_UNBALANCED when a date lacks a row for some value (its total would be
 *   wrong), or when dates repeat but no column splits them evenly; DUPLICATE_PANEL_ROW for a row that
 *   repeats the date and value of an earlier row (naming both lines: the total would count it twice); EMPTY_CELL / NOT_A_NUMBER
 *   for a KPI, spend or control cell that cannot be added (a blank KPI before `kpiFrom`, in warm-up rows, gives a blank total); INVALID_DATE for an unreadable date
 * @example sumPanel(csv, { roles }).table.rows[0] // ['2024-01-01', '30', '300'] from rows geo_a 10/100 and geo_b 20/200
 */
export function sumPanel(table: CsvTable, options: SumPanelOptions): StepResult {
  const { roles } = options;
  const { days, iso } = tableDays(table, roles.date);
  const named = options.column === undefined ? undefined : typeof options.column === 'string' ? [options.column] : [...new Set(options.column)];
  const columns = named ?? detectColumns(table, roles.date, days, options.hints);
  if (columns === undefined) return { table, changes: [] };
  const keys = keyIndices(table, columns, roles.date);
  // The change log and the messages name the first key column; the key itself reads "geo × product".
  const column = columns[0];
  const what = keyName(columns);
  // Each row's key (its geo, or geo × product), joined once: the checks and the change log all read it.
  const rowKeys = table.rows.map((r) => panelKey(r, keys));
  const key = (i: number): string => rowKeys[i];
  const values = [...new Set(rowKeys)];
  if (options.keep !== undefined && columns.length > 1) {
    throw new DataError([makeIssue('PANEL_VALUE', 'error', `sum_panel: values to keep name one column's values, but the panel has the key columns ${keyColumnsText(columns)}`,
      'remove keep (the :VALUE list), or keep only the rows wanted in the file before adding up', { file: table.file, column })]);
  }
  const keep = options.keep === undefined ? values : [...new Set(options.keep)];
  const unknown = keep.filter((v) => !values.includes(v));
  if (unknown.length > 0) {
    throw new DataError([makeIssue('PANEL_VALUE', 'error', `sum_panel: "${column}" has no value ${unknown.map((v) => `"${v}"`).join(', ')}`,
      `keep values the column has: ${shortList(values)}`, { file: table.file, column })]);
  }
  if (roles.target !== undefined && keep.length > 1 && kpiRepeats(table, roles.date, roles.target)) {
    // A KPI repeated on every row of a date is a per-date total (a long file by channel): a sum would multiply it.
    const issue = longFormatIssue(table, roles.date, { columns, values }, { kind: 'kpi-repeats', kpi: roles.target }, roles.target);
    throw new DataError([{ ...issue, message: `sum_panel refuses to add up the rows: ${issue.message}` }]);
  }
  const kept = new Set(keep);
  const groups = dateGroups(days, (i) => kept.has(key(i)));
  if (named !== undefined) checkKeyComplete(table, columns, groups, key, iso, roles.date, options.hints);
  checkBalanced(table, columns, keep, groups, key, iso, roles.date);
  const numeric = new Map<number, PanelCombination>();
  const dropped: number[] = [];
  // Controls average over geos weighted by the geos' population when the panel has one (Meridian's national files do).
  const population = populationColumn(table, roles, columns, roles.date);
  // A role's column is combined as numbers even with a bad cell: checkAddable names the cell (a warm-up KPI may be anything).
  const roleColumns = new Set([roles.target, ...roles.spend, ...roles.controls]);
  table.header.forEach((h, j) => {
    if (keys.includes(j) || h === roles.date) return;
    if (roleColumns.has(h) || isNumericColumn(table, h)) numeric.set(j, panelCombination(table, roles, h, population));
    else if (groups.some((g) => new Set(g.rows.map((i) => table.rows[i][j])).size > 1)) dropped.push(j);
  });
  const { kpiFrom } = options;
  checkAddable(table, roles, numeric, groups, kpiFrom === undefined ? undefined : iso.map((d) => d < kpiFrom), options.kpiMayBeMissing === true);

  const changes: Change[] = [];
  const log = options.rollUpLog !== false;
  const header = table.header.filter((_, j) => !keys.includes(j) && !dropped.includes(j));
  table.rows.forEach((_, i) => {
    if (!log || kept.has(key(i))) return;
    changes.push({ step: 'sum-panel', column, row: table.rowNumbers[i], date: iso[i], before: key(i), after: null,
      reason: `row removed: only ${shortList(keep)} ${keep.length === 1 ? 'is' : 'are'} kept` });
  });
  for (const j of log ? dropped : []) {
    changes.push({ step: 'sum-panel', column: table.header[j], row: null, date: null, before: 'text column', after: null,
      reason: `removed: its text differs between the ${what} rows of a date, so it cannot be combined` });
  }
  if (log) changes.push(...weightNotes(table, numeric, population, what));
  const rows = groups.map((g) => {
    const first = g.rows[0];
    const date = iso[first];
    const row: string[] = [];
    table.header.forEach((h, j) => {
      if (keys.includes(j) || dropped.includes(j)) return;
      const how = numeric.get(j);
      if (how === undefined || g.rows.length === 1) {
        row.push(table.rows[first][j]);
        return;
      }
      const parts = g.rows.map((i) => table.rows[i][j]);
      const w = how.weight === undefined ? -1 : table.header.indexOf(how.weight);
      const after = combine(parts, how.rule, table.delimiter, w < 0 ? undefined : g.rows.map((i) => table.rows[i][w]));
      row.push(after);
      if (log) changes.push({ step: 'sum-panel', column: h, row: table.rowNumbers[first], date, before: parts.join(' + '), after,
        reason: `${RULE_WORDS[how.rule]} of the ${g.rows.length} ${what} rows of this date${how.weight === undefined ? '' : ` weighted by "${how.weight}"`}${ruleNote(roles, h, how)}` });
    });
    if (log && g.rows.length > 1) {
      changes.push({ step: 'sum-panel', column, row: table.rowNumbers[first], date, before: g.rows.map(key).join(' + '), after: null,
        reason: `${g.rows.length} rows of this date combined into one (file lines ${g.rows.map((i) => table.rowNumbers[i]).join(', ')})` });
    }
    return row;
  });
  const warnings = [...table.warnings];
  // The KPI is summed because the user named it; a rate among them is most likely the wrong column.
  if (roles.target !== undefined && averagedByName(roles.target) && groups.some((g) => g.rows.length > 1)) {
    warnings.push(makeIssue('RATE_TARGET_SUMMED', 'warning',
      `sum_panel adds up the KPI "${roles.target}" over the ${what} rows of each date, but its name marks a rate or a level, which does not add up`,
      'choose a KPI that adds up over the panel (conversions, revenue, orders) with --target (config: columns.target)', { file: table.file, column: roles.target }));
  }
  // Each summed row keeps its first row's line; the lines it adds up are kept for the messages about it.
  const summedRows = new Map(table.summedRows ?? []);
  const k = roles.target === undefined ? -1 : table.header.indexOf(roles.target);
  // Which rows lack the KPI (a blank total skip_missing_kpi leaves out): the change log names them, not just the first line.
  const blankKpi = (i: number): boolean => { const p = parseNumber(table.rows[i][k] ?? '', table.delimiter); return !p.ok && isBlankKpi(p.reason, table.rows[i][k] ?? ''); };
  for (const g of groups) {
    if (g.rows.length <= 1) continue;
    const missingIn = k < 0 || options.kpiMayBeMissing !== true ? [] : g.rows.filter(blankKpi).map((i) => `${what}=${key(i)} (line ${table.rowNumbers[i]})`);
    summedRows.set(table.rowNumbers[g.rows[0]], { date: iso[g.rows[0]], lines: g.rows.map((i) => table.rowNumbers[i]).sort((a, b) => a - b),
      ...(missingIn.length > 0 ? { kpiMissingIn: missingIn } : {}) });
  }
  return { table: { ...table, header, rows, rowNumbers: groups.map((g) => table.rowNumbers[g.rows[0]]), warnings, ...(summedRows.size > 0 ? { summedRows } : {}) }, changes };
}

/**
 * A file rolled up for detecting column roles: when its date column repeats in a balanced
 * panel (panelColumn), the roll-up per date (sumPanel without roles: numbers summed, rates and levels
 * averaged, 0/1 columns by their largest value); otherwise the file itself. A sum and a mean differ by the same factor on every date,
 * so no detection rule (constant, complete, correlation) depends on which one a column gets.
 * @param csv the file as read
 * @param date the date column (default: detected); a column not in the file leaves the file as it is
 * @returns the cells to detect roles on, and the panel's key columns and date column when there is a panel
 * @throws DataError when a panel's dates cannot be read, PANEL_UNBALANCED when a date lacks a row, or
 *   DUPLICATE_PANEL_ROW when a row repeats a date's geo
 * @example rollUpPanel(csv).panel?.columns // ['geo']
 */
export function rollUpPanel(csv: CsvTable, date = detectDateColumn(csv.header, csv.rows)): { csv: CsvTable; panel?: PanelColumn; date?: string } {
  const panel = date === undefined || !csv.header.includes(date) ? undefined : panelColumn(csv, date);
  if (date === undefined || panel === undefined) return { csv };
  return { csv: sumPanel(csv, { roles: { date, spend: [], controls: [], events: [] }, column: panel.columns }).table, panel, date };
}

/** The panel's key columns when none is named: the ones panelColumn finds (balanced or not, with a few repeated rows or none: checkBalanced names a missing or repeated row), none when no date repeats. */
function detectColumns(table: CsvTable, date: string, days: readonly number[], hints: CleaningHintVia = 'both'): string[] | undefined {
  if (new Set(days).size === days.length) return undefined;
  const found = panelColumn(table, date);
  if (found !== undefined) return found.columns;
  throw new DataError([makeIssue('PANEL_UNBALANCED', 'error',
    'sum_panel: dates repeat, but no column (text, or whole-number codes such as a DMA or store number) splits every date into the same number of rows with one row per value',
    panelColumnHint(hints),
    { file: table.file, column: date })]);
}

/** The indices of the key columns; MISSING_COLUMN for one that is not in the table (or is the date). */
function keyIndices(table: CsvTable, columns: readonly string[], date: string): number[] {
  const missing = columns.filter((c) => c === date || !table.header.includes(c));
  if (missing.length > 0) {
    throw new DataError(missing.map((column) => makeIssue('MISSING_COLUMN', 'error', `sum_panel: the panel column "${column}" is not in the table`,
      `name the column whose values split each date into rows (one of ${table.header.filter((h) => h !== date).map((h) => `"${h}"`).join(', ')})`,
      { file: table.file, column })));
  }
  return columns.map((c) => table.header.indexOf(c));
}

interface DateGroup { days: number; rows: number[] }

/** The kept rows of each date, dates in order of first appearance. */
function dateGroups(days: readonly number[], keep: (i: number) => boolean): DateGroup[] {
  const byDay = new Map<number, DateGroup>();
  days.forEach((d, i) => {
    if (!keep(i)) return;
    const g = byDay.get(d);
    if (g === undefined) byDay.set(d, { days: d, rows: [i] });
    else g.rows.push(i);
  });
  return [...byDay.values()];
}

/**
 * Every date must have exactly one row per kept value; otherwise its total would silently be off: a
 * date that lacks a value is one PANEL_UNBALANCED error at its first line, a row that repeats a
 * date's value is one DUPLICATE_PANEL_ROW error at its own line, naming the first. Every one is
 * thrown: a caller that shows them caps a long list (the server's apiIssues: "and N more").
 */
function checkBalanced(table: CsvTable, columns: readonly string[], keep: readonly string[], groups: readonly DateGroup[], key: (i: number) => string,
  iso: readonly string[], date: string): void {
  const what = keyName(columns);
  const issues: Issue[] = [];
  for (const g of groups) {
    for (const { item: i, first } of repeatedKeys(g.rows, key)) {
      issues.push(duplicatePanelRowIssue(table.file, date, columns, { date: iso[i], value: key(i), row: table.rowNumbers[i], firstRow: table.rowNumbers[first] }, 'sum_panel'));
    }
    const present = new Set(g.rows.map(key));
    const missing = keep.filter((v) => !present.has(v));
    if (missing.length === 0) continue;
    const complete = columns.length === 1 ? `keep only the ${what} values that are complete` : 'remove the date\'s other rows';
    issues.push(makeIssue('PANEL_UNBALANCED', 'error', `sum_panel: the date ${iso[g.rows[0]]} has no row for ${shortList(missing)}, so its total would be wrong`,
      `give every date exactly one row per ${what} (a ${what} with no activity that week still needs a row of zeros), or ${complete}`,
      { file: table.file, row: table.rowNumbers[g.rows[0]], column: columns[0] }));
  }
  if (issues.length > 0) throw new DataError(issues);
}

/**
 * A named panel column that leaves a date with several rows per value, where the file's key is that
 * column and more (one row per date, geo and product, summed with sum_panel=geo): one error saying
 * which columns the key has, at the first repeated row, instead of one DUPLICATE_PANEL_ROW per row.
 */
function checkKeyComplete(table: CsvTable, columns: readonly string[], groups: readonly DateGroup[], key: (i: number) => string,
  iso: readonly string[], date: string, hints: CleaningHintVia = 'both'): void {
  const repeats = groups.flatMap((g) => repeatedKeys(g.rows, key)).map(({ item, first }) => ({ i: item, first }));
  if (repeats.length === 0) return;
  const found = panelColumn(table, date);
  if (found === undefined || found.columns.length <= columns.length || !columns.every((c) => found.columns.includes(c))) return;
  const { i, first } = repeats.sort((a, b) => a.i - b.i)[0];
  const step = sumPanelSetting(found.columns);
  const forms = [
    ...(hints === 'flag' || hints === 'both' ? [`mixwise fit --clean ${step.flag}`] : []),
    ...(hints === 'config' || hints === 'both' ? [`"${step.yaml}" in mixwise.yaml`] : []),
  ];
  throw new DataError([makeIssue('DUPLICATE_PANEL_ROW', 'error',
    `sum_panel: ${repeats.length} rows repeat the date and ${keyColumnsText(columns)} of an earlier row (${key(i)} on ${iso[i]} already appears on line ${table.rowNumbers[first]}): `
    + `the file has one row per ${perDateText(found.columns)}, and adding up by ${keyName(columns)} alone would put rows of different ${keyName(found.columns)} keys together unchecked`,
    `name every key column${forms.length > 0 ? ` (${forms.join(', or ')})` : ''}, which adds up all of a date's rows; to model some of them only, keep their rows in the file before adding up`,
    { file: table.file, row: table.rowNumbers[i], column: columns[0] })]);
}

/**
 * The KPI, spend and controls must be numbers in every kept row: a total over a gap would be wrong.
 * The KPI of a warm-up row (before the window's start, never fitted) may be blank or unreadable: its total is blank.
 */
function checkAddable(table: CsvTable, roles: CleaningRoles, numeric: ReadonlyMap<number, PanelCombination>, groups: readonly DateGroup[], warmUp: readonly boolean[] | undefined, kpiMayBeMissing: boolean): void {
  const needed = new Set([roles.target, ...roles.spend, ...roles.controls]);
  const issues: Issue[] = [];
  for (const j of numeric.keys()) {
    const h = table.header[j];
    if (!needed.has(h)) continue;
    for (const g of groups) {
      for (const i of g.rows) {
        const parsed = parseNumber(table.rows[i][j], table.delimiter);
        if (parsed.ok) continue;
        const empty = parsed.reason === 'empty' || parsed.reason === 'missing';
        if (h === roles.target && (warmUp?.[i] === true || (kpiMayBeMissing && isBlankKpi(parsed.reason, table.rows[i][j])))) continue;
        issues.push(makeIssue(empty ? 'EMPTY_CELL' : 'NOT_A_NUMBER', 'error',
          `sum_panel: "${h}" ${empty ? 'is empty' : `is "${table.rows[i][j]}", not a number`}, so the total of its date cannot be computed`,
          'fill in the value (0 for a channel that did not spend), or keep only the rows that are complete', { file: table.file, row: table.rowNumbers[i], column: h }));
      }
    }
  }
  if (issues.length > 0) throw new DataError(issues);
}

/**
 * One date's cells combined; empty when a part is not a number (only for columns no role uses). A mean
 * with weights is Σ(x·w) ÷ Σw (rows whose weight is not a number count as 0), the plain mean when the
 * weights add up to 0 (a frequency where no geo reached anyone: every part is then 0 too).
 */
function combine(parts: readonly string[], rule: PanelRule, delimiter: CsvTable['delimiter'], weights?: readonly string[]): string {
  const xs: number[] = [];
  for (const s of parts) {
    const parsed = parseNumber(s, delimiter);
    if (!parsed.ok) return '';
    xs.push(parsed.value);
  }
  const total = xs.reduce((a, x) => a + x, 0);
  const ws = weights?.map((s) => { const p = parseNumber(s, delimiter); return p.ok ? p.value : 0; });
  const weightSum = ws?.reduce((a, w) => a + w, 0) ?? 0;
  const mean = ws !== undefined && weightSum !== 0 ? xs.reduce((a, x, k) => a + x * ws[k], 0) / weightSum : total / xs.length;
  const v = rule === 'sum' ? total : rule === 'mean' ? mean : xs.reduce((m, x) => Math.max(m, x), -Infinity);
  // 15 significant digits: drops binary noise such as 0.1 + 0.2 = 0.30000000000000004.
  return String(Number(v.toPrecision(15)));
}

/** Why a cell is not a plain sum, in parentheses, for the change log. */
function ruleNote(roles: CleaningRoles, column: string, how: PanelCombination): string {
  if (how.rule === 'max') return ' (an event in any of them counts)';
  if (how.rule !== 'mean') return '';
  if (isFrequencyNamed(column)) {
    return how.weight === undefined
      ? ' (a frequency with no reach column beside it to weight it by: the plain mean is approximate, a geo that reached few people counts as much as a big one)'
      : ' (a frequency: total impressions over total reach)';
  }
  // A control is averaged for its role; any other mean comes from the column's name (panelRule).
  if (!roles.controls.includes(column)) return ' (named like a rate or level, which does not add up)';
  return '';
}

/**
 * The change-log lines that say, once per roll-up, how means were weighted: the population column
 * (what it weights, and that it is itself summed, so a fit leaves the constant total out), and
 * each frequency with its reach column or, lacking one, the plain mean marked approximate.
 */
function weightNotes(table: CsvTable, numeric: ReadonlyMap<number, PanelCombination>, population: string | undefined, what: string): Change[] {
  const notes: Change[] = [];
  const byPopulation = [...numeric].filter(([, c]) => population !== undefined && c.weight === population).map(([j]) => `"${table.header[j]}"`);
  if (population !== undefined) {
    notes.push({ step: 'sum-panel', column: population, row: null, date: null, before: 'population column', after: 'summed',
      reason: `the population of each ${what}, the same on all its rows: summed over the ${what} rows (a total that is the same every date, which a fit leaves out as constant)`
        + (byPopulation.length > 0 ? `, and the weight of the averaged control${byPopulation.length === 1 ? '' : 's'} ${listText(byPopulation)} (a big ${what} counts for more people than a small one)` : '') });
  }
  for (const [j, c] of numeric) {
    const h = table.header[j];
    if (c.rule !== 'mean' || !isFrequencyNamed(h)) continue;
    notes.push({ step: 'sum-panel', column: h, row: null, date: null, before: 'frequency column', after: c.weight === undefined ? 'plain mean (approximate)' : `weighted by "${c.weight}"`,
      reason: c.weight === undefined
        ? `averaged over the ${what} rows with each row counting once: no reach column beside it, so the frequency is approximate (give "${h.replace(/(frequency|freq)$/i, 'reach')}" to weight it by reach)`
        : `the reach-weighted mean over the ${what} rows, i.e. total impressions over total reach ("${c.weight}" is summed); a plain mean would count geos that reached nobody` });
  }
  return notes;
}

/** The first few values in natural order (Geo2 before Geo10), quoted, with the count when there are more. */
function shortList(values: readonly string[]): string {
  const shown = [...values].sort(naturalCompare).slice(0, 5).map((v) => `"${v}"`).join(', ');
  return values.length > 5 ? `${shown}, … (${values.length} in all)` : shown;
}
