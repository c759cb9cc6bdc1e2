/**
 * Every issue code the data layer emits, with what it means. Codes are stable: callers (CLI, server,
 * dashboard) may branch on them. Extend this list; never rename an entry.
 */
export const DATA_ISSUE_CODES = {
  // reading the file
  FILE_NOT_FOUND: 'the input file does not exist',
  FILE_UNREADABLE: 'the input path cannot be read (a folder, or no permission)',
  EMPTY_FILE: 'the file has no content',
  HEADER_ONLY: 'the file has a header but no data rows',
  BINARY_FILE: 'the file contains NUL bytes (binary data, or a spreadsheet saved as .xlsx)',
  BAD_ENCODING: 'the file is not valid UTF-8 (e.g. saved as Windows-1252 or UTF-16)',
  CSV_SYNTAX: 'the CSV cannot be parsed (e.g. a quote that is never closed)',
  RAGGED_ROW: 'a row has a different number of fields than the header',
  EMPTY_HEADER: 'a column has no name',
  DUPLICATE_HEADER: 'two columns have the same name',
  EMPTY_COLUMN_DROPPED: 'warning: an unnamed, entirely empty column was ignored',
  ROW_INDEX_DROPPED: 'warning: an unnamed first column counting the rows (0, 1, 2… as pandas writes its index) was ignored',
  UNNAMED_COLUMN_DROPPED: 'warning: a column named "Unnamed: N" (pandas\' name for a column without a header, often a stale row index) was ignored',
  // column roles
  MISSING_COLUMN: 'a column named in the roles is not in the file',
  ROLE_CONFLICT: 'one column was given two roles (e.g. both target and channel)',
  NO_DATE_COLUMN: 'no column looks like dates',
  NO_CHANNELS: 'no spend columns were found or given',
  DUPLICATE_CHANNEL: 'two spend columns give the same channel name',
  SPEND_BY_NAME: 'warning: no column ends in _spend, so columns named like spend by another convention (tv_cost, spend_tv, mdsp_tv, tv_S) became the channels',
  RESERVED_NAME: 'a channel, control or event is named like an output column or a built-in model term (actual, fitted, holdout, intercept, trend, sin1…)',
  NAME_CONFLICT: 'a control or event has the same model name as a channel or another control or event (e.g. search beside search_spend)',
  UNKNOWN_CONTROL_SIGN: 'a control sign was given for a column that is not a control',
  // dates
  INVALID_DATE: 'a date cannot be read or does not exist (e.g. 2021-02-30)',
  AMBIGUOUS_DATE: 'dates like 03/04/2021 can be day-first or month-first',
  DUPLICATE_DATE: 'the same date appears twice',
  PANEL_DATA: 'every date has several rows, one per value of a column such as geo or product (a panel): add them up to one series first',
  PANEL_UNBALANCED: 'a panel date lacks a row for some geo or product (named with the date), or has two, so its total would be wrong (or dates repeat and no column splits them)',
  PANEL_VALUE: 'sum_panel keeps a value that the panel column does not have',
  LONG_FORMAT: 'every date has one row per channel (the KPI repeats on each row, or the column is named or valued like channels): pivot it to one spend column per channel, never add the KPI up',
  UNSORTED_DATES: 'dates are not in increasing order',
  IRREGULAR_DATES: 'the step between dates is not constant (missing or extra periods)',
  UNSUPPORTED_FREQUENCY: 'the data is neither weekly nor daily',
  // cells
  EMPTY_CELL: 'a required value is empty (or NA/null)',
  NOT_A_NUMBER: 'a value that should be a number is not',
  CURRENCY_SYMBOL: 'a number carries a currency symbol',
  DECIMAL_COMMA: 'a number uses a decimal comma (1234,5)',
  DOT_THOUSANDS: 'a number uses "." as a thousands separator (1.856.920, or 9.388 in a column or file that writes numbers that way)',
  PERCENT_VALUE: 'a number carries a % sign',
  NON_FINITE: 'a value is NaN or Infinity',
  NEGATIVE_SPEND: 'a spend value is below zero',
  EVENT_NOT_DUMMY: 'a numeric event column has values outside 0..1',
  // the table as a whole
  TOO_FEW_ROWS: 'fewer than 12 periods: no model can be fitted',
  FEW_ROWS: 'warning: fewer periods than max(2 × parameters, 26); estimates will be unstable',
  CONSTANT_TARGET: 'the target has the same value in every period',
  CHANNEL_NEVER_SPENDS: 'error: a channel has zero spend in every period',
  CONSTANT_CONTROL: 'warning: a control has the same value in every period',
  EVENT_NEVER_HAPPENS: 'warning: an event column has no occurrence',
  SOURCE_COLUMN_LEFT_OUT: 'warning: a column of a source file (Meridian reach/frequency, a treatment with text or empty cells) is not in the modeling table, with the reason',
  UNUSED_COLUMNS: 'warning: numeric columns that no role uses (candidate controls), each with the reason it was not made a control',
  AUTO_CONTROLS: 'warning: no controls were given, so the spare numeric columns that can be controls became the controls',
  // lift tests
  LIFT_TEST_CHANNEL: 'a lift test names a channel that is not in the model',
  LIFT_TEST_RANGE: 'a lift test ends before it starts, reaches outside the data, contains no period, is measured through a date before its end or after the data, or has no period among the fitted rows',
  LIFT_TEST_COLUMN: 'a lift-test file has a column Mixwise does not read (a misspelled optional column?)',
  LIFT_TEST_VALUE: 'a lift test result is not a positive number',
  LIFT_TEST_REPEATED: 'a lift test repeats an earlier one exactly (it would count twice)',
  MORE_ISSUES: 'a summary standing for further issues of one code that were not listed one by one',
  // more validation and cleaning (validate/rules, clean/steps)
  WRONG_DELIMITER: 'the file seems to use a delimiter other than comma, semicolon or tab (e.g. "|")',
  STRAY_BOM: 'a byte-order mark (U+FEFF) inside the file, e.g. two exports pasted together',
  CONSTANT_SPEND: 'warning: a channel spends the same non-zero amount in every period',
  COLLINEAR_CHANNELS: 'warning: two channels spend in lockstep (|correlation| ≥ 0.99): the model cannot tell their effects apart',
  NO_SPEND_VARIATION: 'a channel spends the same amount in every fitted period (the window without the holdout): its effect cannot be attributed',
  EXTREME_OUTLIER: 'warning: a value lies far from its column\'s median (robust z-score above the threshold)',
  KPI_GAP: 'a period is missing and its KPI cannot be filled in by cleaning',
  // fitted model files (model.json)
  MODEL_JSON_SYNTAX: 'model.json is not valid JSON (e.g. truncated or edited by hand)',
  NOT_A_MODEL: 'the JSON file is not a mixwise model (missing schemaVersion or required fields)',
  MODEL_SCHEMA_VERSION: 'model.json was written with a schema version this mixwise cannot read',
  // datamart (long and multi-source inputs)
  SPEND_GAP_FILLED: 'warning: a missing spend period was filled with zero spend (reported per cell)',
  PARTIAL_PERIOD: 'warning: a week of daily data has fewer days than a full week (the KPI\'s first or last week, any spend week, or a KPI week allowed by sources.allow_partial_weeks)',
  PARTIAL_KPI_PERIOD: 'a KPI week inside the data has fewer days than a full week: its total would be too low',
  CONTROL_GAP: 'a control has no value for a period of the modeling table',
  UNMAPPED_KEY: 'a campaign, country or product is missing from the reference (mapping) tables',
} as const;

/** A code from DATA_ISSUE_CODES. */
export type DataIssueCode = keyof typeof DATA_ISSUE_CODES;
