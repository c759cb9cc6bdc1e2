import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { DEFAULT_BOUNDS, DEFAULT_BOUNDS_TEXT, listText, type AfterPlan, type ChannelBounds, type MaxChange } from '@mixwise/engine';
import { DataError, ExportWriteError, exportRun, readModel, writeCsvAtomic, writeJsonAtomic, type CsvCell } from '@mixwise/data';
import { OPTIMIZATION_FILES } from '@mixwise/store';
import type { CliIo } from '../io.ts';
import type { CliDeps } from '../cli-deps.ts';
import { parsePositiveInt } from './parse-options.ts';
import {
  boundsSource, buildConstraints, chooseObjective, parseAmount, parseBoundsFlag, parseCurrent, parsePositiveRatio, parseRatio, parseChannelBounds, parseLocks, parseMaxChange, parseScenarios,
  type ChannelBoundFlag,
} from './optimize-options.ts';
import { runOptimize } from './optimize-run.ts';
import { withMargin } from './optimize-margin.ts';
import type { OptimizationOutput, OptimizeOutcome, ScenarioRow } from './optimize-output.ts';
import { formatOptimization } from './optimize-report.ts';
import { optimizationTables } from './optimize-export.ts';
import { UsageError } from '../usage-error.ts';
import { removeStale } from './remove-stale.ts';
import { modelFingerprint, writeUnderModelLock } from './optimize-write-lock.ts';
import { createProgress, patientProgress } from '../render/progress.ts';
import { currencyOption, localeOption, moneyOf, type MoneyFlags } from './money-options.ts';

/** Flags of `mixwise optimize` as commander parses them. */
export interface OptimizeFlags extends MoneyFlags {
  model: string;
  budget?: number;
  targetKpi?: number;
  targetRoi?: number;
  targetMroi?: number;
  bounds?: ChannelBounds | 'none';
  bound?: ChannelBoundFlag[];
  lock?: string[];
  maxChange?: MaxChange;
  upTo?: boolean;
  periods?: number;
  scenarios?: number[];
  referencePeriods?: number;
  current?: Record<string, number>;
  uncertainty?: 'point' | 'expected';
  afterPlan?: AfterPlan;
  margin?: number;
  json?: boolean;
}

const HELP = `
Spend, bounds and budgets are per period (a sustained level) unless --periods is given; "current" is
the mean spend per period over the modeling window (the last N periods with --reference-periods N;
one channel's with --current CH=X). A channel that first spent during those periods (launched late) is
named in a warning with its run-rate since launch, as optimization.json's warnings (LATE_START).

Bounds (--bounds for every channel, --bound CH=LO:HI for one; a side may be left empty):
  By default every channel stays within ${DEFAULT_BOUNDS_TEXT} its current spend: outside the spend the
  data cover, the response curves are extrapolations. --bounds none removes the default.
  1.2 or 1.2x   a multiple of the channel's current spend      --bounds 0.5,1.5   --bound tv=0.8:1.2
  5000abs       an amount per period                           --bound search=:20000abs
  20%           a share of the total budget                    --bounds 5%,60%
  A unit written on one side only applies to both: tv=5000:20000abs is 5,000 to 20,000 per period.
  A channel's --bound replaces the --bounds range (or the default) for it; --max-change narrows both.
  --lock CH keeps a channel at its current spend.

Objective (at most one; default: spend the current total budget best):
  --budget X        total per period (over the whole plan with --periods)
  --target-kpi Y    the least budget whose best split reaches KPI Y per period (baseline included);
                    with --periods H, KPI Y in total inside the H periods (the least plan budget)
  --target-roi R    the most KPI while media ROI stays ≥ R
  --target-mroi R   spend while the marginal return of every channel stays ≥ R
Amounts (--budget, --target-kpi, abs bounds) as the dashboard takes them: 250000, 250,000, 250k, 1.2M
(inside --bounds and --bound, where "," separates, write 20k or 20000).

Writes optimization.json and budget_scenarios.csv (--scenarios) into the model folder,
removing an earlier run's budget_scenarios.csv that this run does not write, and
rewrites the run's exports (results.sqlite, exports/csv, exports/parquet) with tables optimization and
optimization_summary added, budget_plan with --periods and budget_scenarios with --scenarios.
An infeasible request (or exports that cannot be written) changes none of these files, nor does a
run whose model a fit replaced meanwhile (MODEL_REPLACED: run optimize again).
Exit codes: 0 ok, 1 infeasible request, unreadable model or unwritable folder (the reason is printed),
2 usage error.
Examples:
  mixwise optimize --model out/demo --bounds 0.5,1.5
  mixwise optimize --model out/demo --budget 400k --bound tv=0.8:1.2 --lock ooh --scenarios
  mixwise optimize --model out/demo --periods 13 --bounds 0,3
  mixwise optimize --model out/demo --bounds none --bound tv=0.8:1.2

--periods H plans the next H periods; after them every channel goes back to its current spend
(--after-plan current), so the carryover of the last weeks meets a normally saturated curve. With
--after-plan dark the plan assumes no spend after it, which favours spending late in the plan.`;

/**
 * Adds `mixwise optimize --model DIR [--budget X | --target-kpi Y | --target-roi R | --target-mroi R]
 * [--bounds LO,HI] [--bound CH=LO:HI ...] [--lock CH ...] [--max-change R] [--up-to] [--periods H]
 * [--scenarios [LEVELS]] [--reference-periods N] [--current CH=X ...] [--uncertainty point|expected] [--json]` (see docs/optimize.md).
 * @param program the root command
 * @param io streams and working folder
 * @param _deps engine entry points (unused: the optimizer is fast enough to run in-process)
 */
export function registerOptimize(program: Command, io: CliIo, _deps: CliDeps): void {
  program.command('optimize')
    .description('recommend a budget split from a fitted model: best allocation, least budget for a target, scenarios, multi-period plans')
    .requiredOption('--model <dir>', 'run folder with model.json (the --out folder of mixwise fit or demo)')
    .option('--budget <amount>', 'total budget per period (over the plan with --periods; default: current total); 250000, 250,000 or 250k', parseAmount)
    .option('--target-kpi <kpi>', 'find the least budget reaching this KPI per period, or in total inside the plan with --periods (amounts as for --budget)', parseAmount)
    .option('--target-roi <roi>', 'spend as much as keeps media ROI at or above this', parseRatio)
    .option('--target-mroi <mroi>', 'spend while each channel\'s marginal ROI stays at or above this', parseRatio)
    .option('--bounds <lo,hi>', `bounds for every channel, multiples of current spend unless a unit says otherwise (default ${DEFAULT_BOUNDS.min.value},${DEFAULT_BOUNDS.max.value}; "none" for no bounds)`, parseBoundsFlag)
    .option('--bound <ch=lo:hi>', 'bounds for one channel, repeatable (e.g. tv=0.8:1.2, search=:20000abs, ooh=5%:30%)', parseChannelBounds)
    .option('--lock <channel>', 'keep a channel at its current spend, repeatable', parseLocks)
    .option('--max-change <r>', 'largest move per channel: a fraction of current (0.3 or 30%) or an amount (5000abs)', parseMaxChange)
    .option('--up-to', 'the budget is a ceiling: leave money unspent where it would earn nothing')
    .option('--periods <h>', 'plan the next H periods (per-period budgets, carryover in and out)', parsePositiveInt)
    .addOption(new Option('--after-plan <spend>', 'with --periods: spend after the plan, back to current (default) or none').choices(['current', 'dark']))
    .option('--scenarios [levels]', 'budget sweep as multiples of current (default 0.9,1,1.1,1.2,1.5; "sweep" = 0.5…2.0)', parseScenarios)
    .option('--reference-periods <n>', '"current" = mean spend over the last N modeled periods (default: all)', parsePositiveInt)
    .option('--current <ch=x>', 'current spend per period of one channel, repeatable (e.g. tiktok=10900 for a channel launched late: its run-rate instead of its mean over the reference periods)', parseCurrent)
    .addOption(new Option('--uncertainty <mode>', 'optimise the KPI averaged over the bootstrap replicates (expected; the default for steady-state problems on a model with replicates) or the point estimate').choices(['point', 'expected']))
    .option('--margin <value>', 'what one unit of KPI is worth in the spend\'s currency (gross margin of revenue, e.g. 0.3; value of a conversion, e.g. 120): adds gross profit after media spend and whether the next unit of budget pays for itself', parsePositiveRatio)
    .addOption(currencyOption('in this output (default: the model\'s, from fit --currency)')).addOption(localeOption('for this output (default: the model\'s)'))
    .option('--json', 'print only the result JSON on stdout')
    .addHelpText('after', HELP)
    .action(async (flags: OptimizeFlags & { scenarios?: number[] | true }) => {
      const scenarios = flags.scenarios === true ? parseScenarios(true) : flags.scenarios;
      await optimizeAction({ ...flags, scenarios }, io);
    });
}

/**
 * The optimize command's work after parsing: check the objective flags, read the model, solve, print
 * (table or JSON), rewrite the run's BI exports with the optimize tables (exportRun: all formats switch
 * together or not at all), then write optimization.json (and budget_scenarios.csv) atomically into the
 * model folder and remove the optimize files of an earlier run that this one does not write
 * (removeStale). An infeasible request or a failed export writes and removes nothing: the previous
 * results stay, and the message says so. The writing holds the folder's lock and first checks that
 * model.json is still the one read (writeUnderModelLock): a fit that replaced it meanwhile makes the
 * optimize write nothing (MODEL_REPLACED).
 * @param beforeWrite test hook: called after the solve, before the lock is taken for the write
 * @throws UsageError (two objectives, unknown channel), DataError (unreadable model; infeasible request;
 *   MODEL_REPLACED, OUTPUT_LOCKED, RUN_INCOMPLETE at the write; exit 1), ExportWriteError (the exports could not be written; nothing changed)
 */
export async function optimizeAction(flags: OptimizeFlags, io: CliIo, beforeWrite?: () => void | Promise<void>): Promise<OptimizeOutcome> {
  const objective = chooseObjective(flags);
  const dir = resolve(io.cwd, flags.model);
  // Before the read: a model replaced between the two is then refused at the write, never missed.
  const fingerprint = modelFingerprint(dir);
  // Read through the path as typed when it is relative to this process's folder, so messages name it as written.
  const model = readModel(io.cwd === process.cwd() ? flags.model : dir);
  // --currency/--locale change the words of this output only; the exports keep the model's record.
  const money = moneyOf(flags, model.money);
  const shown = money === undefined ? model : { ...model, money };
  const constraints = buildConstraints(flags, model.channels.map((c) => c.name));
  const windowPeriods = model.window.end - model.window.start;
  if (flags.referencePeriods !== undefined && flags.referencePeriods > windowPeriods) {
    throw new UsageError(`--reference-periods ${flags.referencePeriods} is longer than the model's window (${windowPeriods} periods, ${model.dates[model.window.start]} … ${model.dates[model.window.end - 1]}): give at most ${windowPeriods}, or leave it out for the whole window`, 'optimize');
  }
  if (flags.afterPlan !== undefined && flags.periods === undefined) {
    throw new UsageError('--after-plan says what happens after a --periods plan; add --periods H, or leave --after-plan out', 'optimize');
  }
  const channelNames = model.channels.map((c) => c.name);
  for (const name of Object.keys(flags.current ?? {})) {
    if (!channelNames.includes(name)) throw new UsageError(`--current names the channel "${name}", which is not in the model; channels are ${channelNames.join(', ')}`, 'optimize');
  }
  // The long steps (value of information per replicate, scenarios per level, a plan's search and ascent) on stderr, once they take more than a second.
  const progress = patientProgress(createProgress(io, { json: flags.json }));
  let solved: OptimizeOutcome;
  try {
    solved = runOptimize(shown, {
      objective, constraints, boundsSource: boundsSource(flags), budgetMode: flags.upTo === true ? 'up-to' : 'exact', periods: flags.periods,
      scenarios: flags.scenarios, referencePeriods: flags.referencePeriods, current: flags.current, uncertainty: flags.uncertainty, afterPlan: flags.afterPlan,
    }, (p) => progress.update(p));
  } finally {
    progress.stop();
  }
  const out = solved.feasible && flags.margin !== undefined ? withMargin(solved, flags.margin, money) : solved;
  if (!out.feasible) {
    // A request that cannot be met changes nothing: the previous recommendation, its files and exports stay.
    if (flags.json === true) io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    throw new DataError([{
      code: out.reason, severity: 'error', message: `${out.message} (${out.reason}); ${unchanged(flags.model)}`, hint: out.hint, at: {},
    }]);
  }
  await beforeWrite?.();
  const extraTables = optimizationTables(out);
  await writeUnderModelLock(dir, flags.model, fingerprint, async () => {
    // The BI exports first: they switch as one or not at all, so a failure here leaves every file as it was.
    try {
      await exportRun(dir, model, { extraTables });
    } catch (err) {
      if (err instanceof ExportWriteError) throw new ExportWriteError(`${err.message}; optimize wrote nothing, ${unchanged(flags.model)}`, err.cause);
      throw err;
    }
    await writeJsonAtomic(join(dir, OPTIMIZATION_FILES.result), out);
    if (out.scenarios) {
      const csv = scenarioCsv(out.scenarios, model.channels.map((c) => c.name));
      await writeCsvAtomic(join(dir, OPTIMIZATION_FILES.scenarios), csv.columns, csv.rows);
    }
    // Every optimize file an earlier run left that this one does not write would describe another optimization.
    const own = ownFiles(out);
    await removeStale(dir, Object.values(OPTIMIZATION_FILES).filter((f) => !own.includes(f)), 'optimize', io);
  });
  if (flags.json === true) io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  else {
    io.stdout.write(formatOptimization(out, flags.model, model.target.kind, money));
    io.stderr.write(`wrote ${join(flags.model, OPTIMIZATION_FILES.result)}${out.scenarios ? ` and ${join(flags.model, OPTIMIZATION_FILES.scenarios)}` : ''}; `
      + `exports (results.sqlite, exports/csv, exports/parquet) now include the ${listText(extraTables.map((t) => t.name))} tables\n`);
  }
  return out;
}

/** The sentence a failed optimize ends with. */
function unchanged(model: string): string {
  return `previous results in ${model} left unchanged`;
}

/**
 * The files of OPTIMIZATION_FILES a feasible run writes into the model folder: optimization.json
 * always, budget_scenarios.csv with scenarios. (The BI exports are rebuilt whole by exportRun, which
 * drops their stale tables itself.)
 */
function ownFiles(out: OptimizationOutput): string[] {
  return [OPTIMIZATION_FILES.result, ...(out.scenarios ? [OPTIMIZATION_FILES.scenarios] : [])];
}

/** budget_scenarios.csv: one row per level; spend per channel as `<channel>_spend` columns. */
function scenarioCsv(rows: readonly ScenarioRow[], channels: readonly string[]): { columns: string[]; rows: CsvCell[][] } {
  return {
    columns: ['level', 'budget', 'feasible', 'expected_kpi', 'lift', 'roi', 'mroi', ...channels.map((c) => `${c}_spend`)],
    rows: rows.map((r) => [r.level, r.budget, r.feasible ? 1 : 0, r.expected_kpi, r.lift, r.roi, r.mroi, ...channels.map((c) => r.allocation?.[c] ?? null)]),
  };
}
