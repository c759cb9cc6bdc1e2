import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { compareRuns, type RunComparison } from '@mixwise/engine';
import { DataError } from '@mixwise/data';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { formatComparison } from '../render/comparison.ts';
import { checkSameFrequency, readRunFiles, type ComparedRunFiles } from './compare-read.ts';
import { writeComparison } from './compare-out.ts';
import { checkOutDir } from './check-out-dir.ts';
import { parseOutPath } from './parse-options.ts';

/** Flags of `mixwise compare`. */
export interface CompareFlags {
  json?: boolean;
  out?: string;
}

const HELP = `
Reads model.json and summary.json of two run folders (the --out folders of mixwise fit, demo or
fit --refresh) and prints, side by side: each run's data window, periods, R², NRMSE, holdout and
baseline share; per channel the spend per period, ROI in each run, the change (B − A, and in percent)
and whether the two 90% ROI intervals overlap (overlap is no test of change: it never means the ROI is
unchanged); channels in one run only; and a sentence naming the largest ROI moves. With --out DIR it
also writes DIR/comparison.json (the --json object) and DIR/comparison.svg (ROI per channel, A then B,
with both 90% intervals). Spend is written in each run's currency (fit --currency); runs in different
currencies are said to be (nothing is converted).
Exit codes: 0 ok, 1 a folder that is not a complete run, or runs of different KPIs or frequencies,
2 usage error (including an --out that is a file or lies below one).
Examples:
  mixwise compare runs/2024-01 runs/2024-02
  mixwise compare runs/2024-01 runs/2024-02 --out runs/2024-02/vs-2024-01`;

/**
 * Adds `mixwise compare RUN_A RUN_B [--json] [--out DIR]`: what changed between two fits of the same KPI.
 * @param program the root command
 * @param io streams and working folder
 * @param _deps unused (comparison runs in-process)
 */
export function registerCompare(program: Command, io: CliIo, _deps: CliDeps): void {
  program.command('compare')
    .description('compare two fitted runs of the same KPI: windows, fit, ROI per channel with each move\'s size and whether the 90% intervals overlap')
    .argument('<run-a>', 'the earlier run folder (model.json, summary.json)')
    .argument('<run-b>', 'the later run folder')
    .option('--json', 'print the comparison as JSON (docs/cli.md#mixwise-compare)')
    .option('--out <dir>', 'also write comparison.json and comparison.svg (the ROI chart) into this folder (created if missing)', parseOutPath)
    .addHelpText('after', HELP)
    .action(async (a: string, b: string, flags: CompareFlags) => {
      await compareAction(a, b, flags, io);
    });
}

/**
 * Reads both runs, refuses runs of different KPIs, prints the comparison (text or JSON) and, with
 * --out, writes it and its chart (writeComparison; "wrote" lines on stdout, on stderr with --json).
 * @returns the comparison
 * @throws UsageError for an --out that is a file or lies below one (before anything is read);
 *   DataError (a folder that is not a complete run: readModel's issues; RUN_MISMATCH for different targets)
 */
export async function compareAction(a: string, b: string, flags: CompareFlags, io: CliIo): Promise<RunComparison> {
  const outDir = flags.out === undefined ? undefined : resolve(io.cwd, flags.out);
  if (outDir !== undefined) checkOutDir(outDir, 'compare');
  const runA = readRunFiles(resolve(io.cwd, a), a);
  const runB = readRunFiles(resolve(io.cwd, b), b);
  checkSameTarget(runA, a, runB, b);
  const comparison = compareRuns({ run: a, summary: runA.summary }, { run: b, summary: runB.summary });
  io.stdout.write(flags.json === true ? JSON.stringify(comparison, null, 2) + '\n' : formatComparison(comparison, ['A', 'B'], { a: runA.model.money, b: runB.model.money }));
  if (outDir !== undefined) {
    const files = await writeComparison(outDir, comparison, runB.model.target.kind);
    // Paths as the user gave the folder; --json keeps stdout for the JSON alone.
    for (const f of files) (flags.json === true ? io.stderr : io.stdout).write(`wrote ${join(flags.out ?? '', basename(f))}\n`);
  }
  return comparison;
}

/**
 * Refuses two runs of different KPIs (their ROIs measure different things) or frequencies (checkSameFrequency).
 * @throws DataError RUN_MISMATCH naming both targets (or frequencies) and folders
 */
export function checkSameTarget(a: ComparedRunFiles, aShown: string, b: ComparedRunFiles, bShown: string): void {
  const ta = a.model.target.name, tb = b.model.target.name;
  if (ta === tb) {
    checkSameFrequency(a, aShown, b, bShown);
    return;
  }
  throw new DataError([{
    code: 'RUN_MISMATCH', severity: 'error',
    message: `${aShown} models the KPI ${ta} and ${bShown} models ${tb}: their ROIs measure different things and cannot be compared`,
    hint: 'compare two runs of the same KPI column (mixwise fit … --target COL)', at: { file: bShown },
  }]);
}
