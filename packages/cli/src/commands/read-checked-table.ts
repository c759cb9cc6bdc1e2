import type { CleaningHintVia, CleaningResult, CleaningStep, ConfigRun, Issue, LoadedConfig, RolesIn, TableFromCsvResult, TableRoles } from '@mixwise/data';
import { checkAndClean, readOutcome, tableFromConfig, tableFromCsv } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import { useColor } from '../io.ts';
import { renderIssues } from '../render/issues.ts';
import { formatCleaningSummary } from '../render/cleaning.ts';
import { describeTable } from './read-table.ts';

/** Options of readCheckedTable. */
export interface ReadCheckedOptions {
  /** The file name shown in messages (the path as the user typed it). */
  name: string;
  /** Cleaning steps to apply, in order. */
  steps: readonly CleaningStep[];
  /** How hints name the cleaning steps: 'both' for fit, 'config' for prepare. */
  hints: CleaningHintVia;
  /** Where the roles are set, so the validation's role hints name a flag or a config key: 'config' for prepare, which has no role flags (default 'flags'). */
  rolesIn?: RolesIn;
  /** Build the table as this config describes it (tableFromConfig) instead of from the roles alone. */
  config?: { loaded: LoadedConfig; run: ConfigRun };
  /** Print nothing (warnings are still returned). */
  quiet?: boolean;
}

/** A table read through the full validation, with the cleaning log when steps ran. */
export interface CheckedTableResult extends TableFromCsvResult {
  cleaning?: CleaningResult;
}

/**
 * Reads a data file the way fit and prepare need it: the cleaning steps, then every rule of
 * `mixwise validate` (checkAndClean), then the modeling table (tableFromCsv or tableFromConfig).
 * Prints the warnings (the table's, then the validation's not already listed), what was read, and
 * one line per cleaning step, to stderr.
 * @param path the data file (absolute)
 * @param roles column roles
 * @param io streams
 * @param options name, steps, hints, rolesIn, config, quiet
 * @throws DataError with located issues when the data cannot be used
 * @example readCheckedTable('/p/d.csv', { target: 'sales' }, io, { name: 'd.csv', steps: [], hints: 'both' }).table.dates.length // 30
 */
export function readCheckedTable(path: string, roles: TableRoles, io: CliIo, options: ReadCheckedOptions): CheckedTableResult {
  const checked = checkAndClean(readOutcome(path, { name: options.name }), roles,
    { steps: options.steps, hints: options.hints, ...(options.rolesIn === undefined ? {} : { rolesIn: options.rolesIn }) });
  const built = options.config === undefined
    ? tableFromCsv(checked.csv, roles)
    : tableFromConfig(checked.csv, options.config.loaded, options.config.run, roles);
  const warnings = mergeIssues(built.warnings, checked.validation.issues);
  if (options.quiet !== true) {
    if (warnings.length > 0) io.stderr.write(renderIssues(warnings, { color: useColor(io.stderr, io.env) }));
    io.stderr.write(`read ${options.name}: ${describeTable(built.table)}\n`);
    if (checked.cleaning !== undefined) io.stderr.write(formatCleaningSummary(checked.cleaning));
  }
  return { ...built, warnings, ...(checked.cleaning === undefined ? {} : { cleaning: checked.cleaning }) };
}

/** `first`, then the issues of `more` with a code, row and column not already in `first`. */
function mergeIssues(first: readonly Issue[], more: readonly Issue[]): Issue[] {
  const key = (i: Issue): string => `${i.code}|${i.at.row ?? ''}|${i.at.column ?? ''}`;
  const seen = new Set(first.map(key));
  return [...first, ...more.filter((i) => !seen.has(key(i)))];
}
