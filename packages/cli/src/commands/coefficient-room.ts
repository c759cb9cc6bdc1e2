import { EngineError } from '@mixwise/engine';
import { MIN_PERIODS_HARD, isNumericColumn, spendColumnsByName, type ReadOutcome, type TableRoles } from '@mixwise/data';

/**
 * Refuses, before the validation and the search, a file that certainly has fewer periods than the
 * model has coefficients (e.g. 10,000 spend columns over 200 rows), which the engine would only say
 * after the whole validation (minutes on a wide file). Counts a lower bound of the coefficients (the
 * intercept, one per channel, organic series, control and named event; seasonality and trend come on
 * top) against an upper bound of the training periods (the file's rows minus the holdout), so it never
 * refuses a model the engine would fit; the engine's own TOO_FEW_PERIODS check stays the exact one.
 * @param read the parsed file (nothing is done when it could not be parsed: the validation says why)
 * @param roles the requested roles: channels named, or else the numeric columns with a spend name
 * @param holdout final periods held out
 * @throws EngineError TOO_FEW_PERIODS
 * @example checkCoefficientRoom(readOutcome('wide.csv'), { target: 'revenue' }, 0) // throws for 10,000 channels over 200 rows
 */
export function checkCoefficientRoom(read: ReadOutcome, roles: TableRoles, holdout: number): void {
  const csv = read.csv;
  if (csv === undefined) return;
  // A reserved column (a geo panel's size) is never detected as a channel.
  const detectable = csv.header.filter((h) => !(roles.reserved ?? []).includes(h));
  const channels = roles.channels?.length ?? spendColumnsByName(detectable, (c) => isNumericColumn(csv, c)).length;
  const others = (roles.controls?.length ?? 0) + (roles.organic?.length ?? 0) + (roles.events?.length ?? 0);
  const coefficients = 1 + channels + others;
  const periods = csv.rows.length - holdout;
  // A file shorter than the data layer's own minimum gets that check's message (it counts the data rows).
  if (channels === 0 || periods >= coefficients + 2 || csv.rows.length < MIN_PERIODS_HARD) return;
  const parts = [`1 intercept, ${channels} channels`, ...(others > 0 ? [`${others} controls, organic series and events`] : [])].join(', ');
  throw new EngineError('TOO_FEW_PERIODS',
    `the model has at least ${coefficients} coefficients (${parts}, before seasonality and trend) but ${read.file} has only ${csv.rows.length} rows`
    + `${holdout > 0 ? ` (${periods} after the holdout of ${holdout})` : ''}; need at least ${coefficients + 2} training periods (fewer channels with --channels, or more data)`);
}
