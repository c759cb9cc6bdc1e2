// @mixwise/data — the public API: reading user files into a ModelingTable, and atomic writes.
export type { Issue, IssueLocation } from './issue.ts';
export { DataError, formatIssue, formatLocation, hasErrors } from './issue.ts';
export type { DataIssueCode } from './issue-codes.ts';
export { DATA_ISSUE_CODES } from './issue-codes.ts';
export { IssueCollector } from './issue-collector.ts';

export type { CsvTable, ReadCsvOptions } from './read/read-csv.ts';
export { readCsvFile, parseCsvText } from './read/read-csv.ts';
export { decodeCsvBytes } from './read/decode-text.ts';
export type { CsvDelimiter } from './read/detect-delimiter.ts';
export { CSV_DELIMITERS, detectDelimiter } from './read/detect-delimiter.ts';
export { spreadsheetLetter } from './read/check-header.ts';
export type { DateParse } from './read/date.ts';
export { parseDate, looksLikeDate, daysFromIso, isoFromDays, daysInMonth } from './read/date.ts';
export type { NumberFailure, NumberParse } from './read/parse-number.ts';
export { parseNumber } from './read/parse-number.ts';

export type { DetectedColumns } from './detect/detect-columns.ts';
export { detectColumns } from './detect/detect-columns.ts';
export { DATE_COLUMN_NAMES, detectDateColumn } from './detect/detect-date-column.ts';
export type { ChannelRef } from './detect/detect-channels.ts';
export { channelName, resolveChannels } from './detect/detect-channels.ts';
export type { DateSource } from './detect/detect-frequency.ts';
export { FREQUENCY_STEP_DAYS, detectFrequency } from './detect/detect-frequency.ts';

export type { TableRoles, ResolvedRoles } from './build/resolve-roles.ts';
export type { TableFromCsvResult } from './build/table-from-csv.ts';
export { tableFromCsv } from './build/table-from-csv.ts';
export { NO_EVENT_LEVELS } from './build/read-event-columns.ts';
export { guessTargetKind } from './build/guess-target-kind.ts';
export { MIN_PERIODS_HARD, MIN_PERIODS_SOFT, minimumPeriods, parameterCount } from './build/minimum-periods.ts';

export { writeFileAtomic, writeJsonAtomic, toJson } from './write/atomic-write.ts';
export type { CsvCell } from './write/write-csv.ts';
export { toCsv, writeCsvAtomic } from './write/write-csv.ts';
export type { ExtraColumn } from './write/wide-table.ts';
export { wideTable } from './write/wide-table.ts';
export { readLiftTests } from './read/read-lift-tests.ts';
