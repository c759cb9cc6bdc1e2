import { join, resolve } from 'node:path';
import { parseOutPath } from './parse-options.ts';
import type { Command } from 'commander';
import { runSubtitle, writeReport, REPORT_FILE } from '@mixwise/report';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { checkOutFile } from './check-out-dir.ts';
import { currencyOption, localeOption, type MoneyFlags } from './money-options.ts';

/** Flags of `mixwise report`. */
export interface ReportFlags extends MoneyFlags {
  model: string;
  out?: string;
  title?: string;
}

const HELP = `
Writes one self-contained HTML file (inline CSS and SVG charts, no scripts, opens offline): an
executive summary, then the ROI table, contributions, response curves and a budget recommendation
(from optimization.json when it is newer than model.json, otherwise computed at the current total
budget with each channel within the default 0.5×–2× of its current spend), then a technical
appendix (fit metrics, parameters, alternative models, diagnostics) and a glossary.
A missing folder for --out is created.
Exit codes: 0 ok, 1 unreadable run folder (the reason is printed), 2 usage error (including an --out
that names a folder or lies below a file).
Example:
  mixwise report --model out/demo --out out/demo/report.html`;

/**
 * Adds `mixwise report --model DIR [--out FILE] [--title TEXT] [--currency CODE] [--locale TAG]`: render the run in DIR as an HTML report.
 * @param program the root command
 * @param io streams and working folder
 * @param _deps unused (rendering runs in-process)
 */
export function registerReport(program: Command, io: CliIo, _deps: CliDeps): void {
  program.command('report')
    .description('write a self-contained HTML report of a fitted run (charts, ROI table, recommendation, diagnostics)')
    .requiredOption('--model <dir>', 'run folder with model.json (the --out folder of mixwise fit or demo)')
    .option('--out <file>', `HTML file to write (default DIR/${REPORT_FILE})`, parseOutPath)
    .option('--title <text>', 'page title')
    .addOption(currencyOption('in this report (default: the model\'s, from fit --currency)')).addOption(localeOption('for this report (default: the model\'s)'))
    .addHelpText('after', HELP)
    .action(async (flags: ReportFlags) => {
      await reportAction(flags, io);
    });
}

/**
 * Read the run folder, render the report and write it atomically (creating the file's folder when
 * missing); prints the path written on stdout.
 * @returns the absolute path written
 * @throws UsageError for an --out that is a folder or lies below a file (exit 2); DataError when the
 *   folder has no readable model.json (exit 1)
 */
export async function reportAction(flags: ReportFlags, io: CliIo): Promise<string> {
  const dir = resolve(io.cwd, flags.model);
  const out = flags.out !== undefined ? resolve(io.cwd, flags.out) : join(dir, REPORT_FILE);
  if (flags.out !== undefined) checkOutFile(out, 'report', '--out', REPORT_FILE);
  // The run's name, fitting day and data file, not the folder's path on this machine (runSubtitle).
  const money = { ...(flags.currency === undefined ? {} : { currency: flags.currency }), ...(flags.locale === undefined ? {} : { locale: flags.locale }) };
  await writeReport(dir, out, { subtitle: runSubtitle(dir), ...(flags.title !== undefined ? { title: flags.title } : {}), ...(Object.keys(money).length === 0 ? {} : { money }) });
  io.stdout.write(`wrote ${flags.out ?? join(flags.model, REPORT_FILE)}\n`);
  return out;
}
