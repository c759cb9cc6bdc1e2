import type { Frequency } from '@mixwise/engine';
import type { Issue } from '../issue.ts';
import type { CsvTable } from '../read/read-csv.ts';
import type { ChannelRef } from './detect-channels.ts';
import { IssueCollector } from '../issue-collector.ts';
import { readDates } from '../build/read-dates.ts';
import { availableColumns } from './available-columns.ts';
import { detectDateColumn, namedDateColumn } from './detect-date-column.ts';
import { dateColumnHint } from './role-hints.ts';
import { resolveChannels } from './detect-channels.ts';
import { detectFrequency } from './detect-frequency.ts';
import { isNumericColumn } from '../build/unused-numeric-columns.ts';

/** What detection found in a file, before any target is chosen. */
export interface DetectedColumns {
  date: string;
  channels: ChannelRef[];
  frequency: Frequency;
  /** Warnings from reading the file. */
  warnings: Issue[];
}

/**
 * Detects the date column (see detectDateColumn; else the column named like one, whose dates'
 * errors then say why it cannot be read: namedDateColumn), the channels (columns ending in `_spend`, or the
 * given ones; see resolveChannels) and the frequency (see detectFrequency), e.g. to preview a file
 * before the user picks a target.
 * @param csv the table read from the file
 * @param given optional date column and spend columns named by the user; `shown`: the columns the hints
 *   list as available (default the table's; a panel's roll-up passes the file's, geo column included)
 * @returns the date column, channels and frequency
 * @throws DataError with every issue found (missing columns, bad or irregular dates, no channels)
 * @example detectColumns(readCsvFile('data.csv')) // { date: 'date', channels: [{ name: 'tv', column: 'tv_spend' }], frequency: 'weekly', warnings: [] }
 */
export function detectColumns(csv: CsvTable, given: { date?: string; channels?: string[]; shown?: readonly string[] } = {}): DetectedColumns {
  const shown = given.shown ?? csv.header;
  const issues = new IssueCollector(csv.file);
  for (const w of csv.warnings) issues.add(w);
  // A column named like the date column whose values cannot be read is reported as with --date (readDates).
  let date = given.date ?? detectDateColumn(csv.header, csv.rows) ?? namedDateColumn(csv.header, csv.rows);
  if (date === undefined) {
    issues.error('NO_DATE_COLUMN', 'no column looks like dates',
      dateColumnHint(shown));
  } else if (!csv.header.includes(date)) {
    issues.error('MISSING_COLUMN', `the date column "${date}" is not in the file`, availableColumns(shown), { column: date });
    date = undefined;
  }
  const channels = resolveChannels(csv.header, given.channels, issues, (c) => isNumericColumn(csv, c), 'flags', shown);
  let frequency: Frequency | undefined;
  if (date !== undefined) {
    const dates = readDates(csv, date, issues);
    if (dates !== undefined) frequency = detectFrequency(dates.days, issues, { column: date, rowNumbers: csv.rowNumbers });
  }
  issues.throwIfErrors();
  if (date === undefined || frequency === undefined) {
    issues.error('TOO_FEW_ROWS', 'at least two dates are needed to tell the frequency', 'add more periods');
    issues.throwIfErrors();
  }
  return { date: date as string, channels, frequency: frequency as Frequency, warnings: issues.list() };
}
