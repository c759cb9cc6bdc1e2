/**
 * Validation findings. Every problem the data layer finds in a user's file becomes an Issue with a
 * stable `code`, a location a spreadsheet user can find, and a hint that says how to fix it.
 * Bad input is reported by throwing a DataError that carries all the issues found, never by a raw
 * stack trace.
 */

/** Where an issue is. `row` is the 1-based line number in the file (the header is row 1). */
export interface IssueLocation {
  file?: string;
  row?: number;
  column?: string;
}

/** One validation finding. `error` stops the run; `warning` is reported and the run goes on. */
export interface Issue {
  /** Stable machine-readable code, e.g. `NOT_A_NUMBER` (see DATA_ISSUE_CODES). */
  code: string;
  severity: 'error' | 'warning';
  /** What is wrong, in plain words, including the offending value when there is one. */
  message: string;
  /** How to fix it. */
  hint: string;
  at: IssueLocation;
  /** Machine-readable facts about the finding, for code that acts on it (never read from the message text). */
  details?: IssueDetails;
}

/** Facts a rule records on an issue so that later code need not parse the message. */
export interface IssueDetails {
  /** An IRREGULAR_DATES gap whose missing periods all come before the window's start (see isWarmUpGap). */
  warmUpGap?: true;
  /** An IRREGULAR_DATES gap (periods missing from the sequence, not a short step): fill_gaps with skip_missing_kpi can close it. */
  gap?: true;
  /** A NON_FINITE cell written NaN (isNanText): on the KPI, skip_missing_kpi leaves its period out of the fit like an empty cell. */
  nan?: true;
  /** A DECIMAL_COMMA in a semicolon-separated file: the decimal_comma cleaning step can read it (its hint names the step). */
  decimalComma?: true;
  /** The key columns of a PANEL_DATA panel keyed on several columns (geo and product), for its sum_panel hint. */
  panelColumns?: readonly string[];
  /** KPI_DAYS_FILLED: every day (yyyy-mm-dd) read as 0 because the daily KPI file had no row for it. */
  filledDates?: readonly string[];
  /**
   * A REPEATED_HEADER whose rows below, to the next repeat or the end, all copy rows above it: the file
   * lines of those rows, first and last. Their DUPLICATE_DATE errors are its side effects.
   */
  copiedRows?: { readonly first: number; readonly last: number };
}

/** Thrown when input data cannot be used; `issues` holds every finding (errors and warnings). */
export class DataError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    const first = errors[0] ?? issues[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
    super(first === undefined ? 'invalid input data' : formatIssue(first) + more);
    this.name = 'DataError';
    this.issues = issues;
  }
}

/**
 * Formats the location of an issue as `file:row column "name"` (parts that are unknown are left out).
 * @param at the issue's location
 * @returns the location text, or '' when nothing is known
 * @example formatLocation({ file: 'data.csv', row: 14, column: 'tv_spend' }) // 'data.csv:14 column "tv_spend"'
 */
export function formatLocation(at: IssueLocation): string {
  let place = at.file ?? '';
  if (at.row !== undefined) place += place === '' ? `row ${at.row}` : `:${at.row}`;
  if (at.column !== undefined) place += `${place === '' ? '' : ' '}column "${at.column}"`;
  return place;
}

/**
 * Formats an issue for people, on one line: location, message, then the fix.
 * @param issue the issue to format
 * @returns e.g. `data.csv:14 column "tv_spend": value "abc" is not a number — fix: …`
 * @example
 * formatIssue({ code: 'NOT_A_NUMBER', severity: 'error', message: 'value "abc" is not a number',
 *   hint: 'write plain numbers such as 1234.5', at: { file: 'data.csv', row: 14, column: 'tv_spend' } })
 * // 'data.csv:14 column "tv_spend": value "abc" is not a number — fix: write plain numbers such as 1234.5'
 */
export function formatIssue(issue: Issue): string {
  const place = formatLocation(issue.at);
  const fix = issue.hint === '' ? '' : ` — fix: ${issue.hint}`;
  return `${place === '' ? '' : place + ': '}${issue.message}${fix}`;
}

/**
 * Whether a list of issues contains at least one error.
 * @example hasErrors([]) // false
 */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
