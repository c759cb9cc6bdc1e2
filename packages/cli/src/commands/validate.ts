import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ValidationResult } from '@mixwise/data';
import { DataError, validateFile } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { useColor } from '../io.ts';
import { renderIssues } from '../render/issues.ts';
import { channelsOption, controlsOption, dateOption, organicOption } from './role-options.ts';
import { validateGeoPanel } from './validate-geo.ts';
import { UsageError } from '../usage-error.ts';

/** Flags of `mixwise validate`. */
export interface ValidateFlags {
  target?: string;
  date?: string;
  channels?: string[];
  controls?: string[];
  organic?: string[];
  /** A long panel file's geo column: checked as `fit --geo` checks it (validateGeoPanel). */
  geo?: string;
  /** With --geo: the geos' size column (population…), checked as `fit --geo-size` checks it. */
  geoSize?: string;
  json?: boolean;
}

/**
 * Adds `mixwise validate DATA [--target COL] [--date COL] [--channels a,b] [--controls c,d] [--organic e,f] [--geo COL [--geo-size COL]] [--json]`:
 * runs every validation rule and prints the issues on stderr (errors first, each with file:row,
 * column and fix) or, with --json, `{ file, ok, errors, warnings, skipped, issues }` on stdout.
 * Exit 1 when there is any error, 0 otherwise. With --geo, the checks of `fit --geo` (validateGeoPanel).
 * @param program the root command
 * @param io streams and working folder
 * @param _deps unused (the signature of every register function)
 */
export function registerValidate(program: Command, io: CliIo, _deps: CliDeps): void {
  program.command('validate')
    .description('check a CSV file for problems before fitting (exit 1 when there is an error)')
    .argument('<data>', 'CSV file: a date column, the KPI, one <channel>_spend column per channel')
    .option('--target <column>', 'the KPI column (without it, the KPI checks are skipped)')
    .addOption(dateOption())
    .addOption(channelsOption())
    .addOption(controlsOption('none'))
    .addOption(organicOption())
    .option('--geo <column>', 'check a long panel file (one row per date and geo) as fit --geo does: every geo on every date, the national checks on the geo sums, problems named by file line and geo (needs --target)')
    .option('--geo-size <column>', 'with --geo: the column holding each geo\'s size (population, households…), checked as fit --geo-size checks it: one positive number per geo, the same on all its rows')
    .option('--json', 'print only the result as JSON on stdout')
    .action((data: string, flags: ValidateFlags) => {
      validateAction(data, flags, io);
    });
}

/**
 * The validate command's work after parsing.
 * @throws DataError (rendered by reportError, exit 1) when an error was found
 */
export function validateAction(data: string, flags: ValidateFlags, io: CliIo): ValidationResult {
  if (flags.geoSize !== undefined && flags.geo === undefined) {
    throw new UsageError(`--geo-size ${flags.geoSize} sizes the geos of a geo panel, which needs --geo COLUMN: add it, or leave --geo-size out`, 'validate');
  }
  const result = flags.geo === undefined
    ? validateFile(resolve(io.cwd, data), { target: flags.target, date: flags.date, channels: flags.channels, controls: flags.controls, organic: flags.organic }, { name: data })
    : validateGeoPanel(data, flags, io);
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  const warnings = result.issues.length - errors;
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify({ file: result.file, ok: result.ok, errors, warnings, skipped: result.skipped, issues: result.issues }, null, 2)}\n`);
  }
  for (const note of result.skipped) io.stderr.write(`note: skipped ${note}\n`);
  if (!result.ok) throw new DataError(result.issues);
  if (flags.json !== true) {
    io.stderr.write(renderIssues(result.issues, { color: useColor(io.stderr, io.env) }));
    io.stderr.write(`✔ ${data}: no errors${warnings > 0 ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}\n`);
  }
  return result;
}
